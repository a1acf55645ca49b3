"""Close out migrated orders: mark them as archived in the legacy database."""
import os
import sys

import psycopg2


def archive_migrated(batch_id: str) -> int:
    conn = psycopg2.connect(
        host="legacy-shop.internal",
        dbname="shop",
        user="shop_migration_2024",
        password=os.environ["SHOP_MIGRATION_PASSWORD"],
        sslmode="verify-full",
        sslrootcert="/etc/ssl/certs/internal-ca.pem",
    )
    with conn, conn.cursor() as cur:
        cur.execute("UPDATE orders SET archived = true WHERE migration_batch = %s", (batch_id,))
        return cur.rowcount


if __name__ == "__main__":
    print(archive_migrated(sys.argv[1]))
