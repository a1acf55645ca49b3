"""Ad-hoc correction run by a named operator, who types the password at the prompt."""
import getpass
import sys

import psycopg2


def main(operator: str, sample_id: str, new_site: str) -> None:
    conn = psycopg2.connect(host="lims-db.internal", dbname="lims", user=operator, password=getpass.getpass(f"Password for {operator}: "), sslmode="verify-full")
    with conn, conn.cursor() as cur:
        cur.execute("UPDATE lab_samples SET site_code = %s, corrected_by = %s WHERE sample_id = %s", (new_site, operator, sample_id))


if __name__ == "__main__":
    main(*sys.argv[1:4])
