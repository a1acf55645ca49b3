"""Copy the reference code table from the old SQL Server to the reporting PostgreSQL."""
import pyodbc
from sqlalchemy import create_engine, text

REPORTING = create_engine(
    "postgresql+psycopg2://reporting_sync:Rep0rt-Sync-77@reporting-db.internal/reporting",
    connect_args={"sslmode": "prefer"},
)

LEGACY_DSN = "DRIVER={ODBC Driver 18 for SQL Server};SERVER=legacy-sql01;DATABASE=codes;UID=codes_reader;PWD=C0des#Reader;Encrypt=yes"


def sync_codes() -> int:
    src = pyodbc.connect(LEGACY_DSN)
    rows = src.cursor().execute("SELECT code, label, valid_from FROM ref_codes").fetchall()
    with REPORTING.begin() as conn:
        conn.execute(text("TRUNCATE ref_codes"))
        conn.execute(
            text("INSERT INTO ref_codes (code, label, valid_from) VALUES (:c, :l, :v)"),
            [{"c": r[0], "l": r[1], "v": r[2]} for r in rows],
        )
    return len(rows)


if __name__ == "__main__":
    print(sync_codes())
