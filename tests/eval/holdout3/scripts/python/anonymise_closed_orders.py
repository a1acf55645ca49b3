"""Pseudonymise e-mail addresses of closed orders in the legacy shop database."""
import hashlib
import os

import psycopg2

SALT = os.environ["PSEUDO_SALT"].encode()


def pseudonym(email: str) -> str:
    return hashlib.sha256(SALT + email.lower().encode()).hexdigest()[:24]


def run() -> None:
    conn = psycopg2.connect(host="legacy-shop.internal", dbname="shop", user="shop_pseudo", password="Shop-pseud0!2023", sslmode="verify-full")
    with conn, conn.cursor() as cur:
        cur.execute("SELECT order_id, email FROM orders WHERE status = 'closed' AND email IS NOT NULL")
        for order_id, email in cur.fetchall():
            cur.execute("UPDATE orders SET email = %s WHERE order_id = %s", (pseudonym(email) + "@invalid", order_id))
    conn.close()


if __name__ == "__main__":
    run()
