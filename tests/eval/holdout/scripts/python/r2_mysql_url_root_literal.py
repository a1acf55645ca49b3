from sqlalchemy import create_engine, text

engine = create_engine("mysql+pymysql://root:Sh0pR00t2023@shop-db.internal/shop?ssl_verify_cert=true")
with engine.connect() as conn:
    print(conn.execute(text("SELECT COUNT(*) FROM orders")).scalar())
