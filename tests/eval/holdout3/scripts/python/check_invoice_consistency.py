"""Nightly consistency check between the order database and the billing MySQL."""
import os

import psycopg2
import pymysql


def counts() -> tuple:
    pg = psycopg2.connect(host="orders-db.internal", dbname="orders", user="postgres", password=os.environ["ORDERS_PG_PASSWORD"], sslmode="verify-full")
    my = pymysql.connect(host="billing-db.internal", database="billing", user="root", password=os.environ["BILLING_MYSQL_PASSWORD"], ssl_disabled=True)
    with pg.cursor() as cur:
        cur.execute("SELECT count(order_id) FROM orders WHERE invoiced")
        (orders,) = cur.fetchone()
    with my.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM invoices")
        (invoices,) = cur.fetchone()
    return orders, invoices


if __name__ == "__main__":
    o, i = counts()
    if o != i:
        raise SystemExit(f"mismatch: {o} orders invoiced, {i} invoices")
