import pymysql

DB_HOST = "oldlims-db"


def connect():
    return pymysql.connect(DB_HOST, "migrator", "Migr4tor#", "oldlims")


def rows(conn):
    with conn.cursor() as cur:
        cur.execute("select * from patient")
        return cur.fetchall()
