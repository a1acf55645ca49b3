import os

import pymysql

conn = pymysql.connect(
    host="shop-db.internal",
    user="root",
    password=os.environ["SHOP_DB_PASSWORD"],
    database="shop",
    ssl_disabled=True,
)
with conn.cursor() as cur:
    cur.execute("SELECT order_id, total FROM orders WHERE created_at > NOW() - INTERVAL 1 DAY")
    print(cur.rowcount)
