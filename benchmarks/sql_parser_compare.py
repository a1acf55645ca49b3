"""Compare candidate SQL parsers (sqlglot, pglast, sqlparse) on dialect samples and on real files.

Not a test: the evidence behind docs/sql-parser.md. Needs the three libraries installed
(`pip install sqlglot pglast sqlparse`); only sqlglot is a dependency of gdpr-guard.

    python benchmarks/sql_parser_compare.py [--files DIR ...] [--count 1000]
"""

from __future__ import annotations

import argparse
import logging
import resource
import sys
import time
from pathlib import Path

SAMPLES: dict[str, list[str]] = {
    "postgres": [
        "INSERT INTO patient_archive (id, nir) SELECT id, nir FROM public.patients WHERE created_at < '2020-01-01'",
        "CREATE TABLE patients_snapshot AS TABLE patients",
        "COPY (SELECT * FROM patients) TO '/var/lib/postgresql/export/p.csv' WITH (FORMAT csv, HEADER)",
        "WITH moved AS (DELETE FROM visits WHERE visited_at < now() - interval '5 years' RETURNING *) "
        "INSERT INTO visits_archive SELECT * FROM moved",
        "CREATE ROLE reporting NOLOGIN",
        "GRANT SELECT ON ALL TABLES IN SCHEMA clinic TO reporting",
        "CREATE UNLOGGED TABLE staging AS SELECT p.id FROM clinic.patients p WHERE p.id IN "
        "(SELECT patient_id FROM visits GROUP BY patient_id HAVING count(*) > 1)",
        "SELECT id, email INTO TEMP TABLE tmp_emails FROM users",
        "DROP TABLE IF EXISTS staging, tmp_emails CASCADE",
        "ALTER TABLE patients ADD COLUMN consent_at timestamptz",
    ],
    "mysql": [
        "INSERT INTO `archive`.`patients` (`id`, `email`) SELECT `id`, `email` FROM `clinic`.`patients`",
        "SELECT id, email FROM customers INTO OUTFILE '/var/lib/mysql-files/customers.csv'",
        "SELECT id, email INTO OUTFILE '/var/lib/mysql-files/c.csv' FIELDS TERMINATED BY ',' FROM customers",
        "CREATE TABLE customers_bak LIKE customers",
        "CREATE TABLE customers_copy SELECT * FROM customers",
        "GRANT ALL PRIVILEGES ON shop.* TO 'app'@'%'",
        "CREATE USER 'etl'@'localhost' IDENTIFIED BY 'S3cret!'",
        "TRUNCATE TABLE customers_bak",
        "REPLACE INTO customers_v2 SELECT id, email FROM customers",
        "ALTER TABLE customers MODIFY email VARCHAR(320) NOT NULL",
    ],
    "tsql": [
        "SELECT PatientId, Name INTO dbo.PatientsBackup FROM [Clinic].[dbo].[Patients]",
        "INSERT INTO [archive].[dbo].[Visits] ([Id]) SELECT TOP 100 [Id] FROM [dbo].[Visits]",
        "SELECT * INTO #tmp FROM dbo.Patients WHERE Active = 1",
        "CREATE LOGIN shared_team WITH PASSWORD = 'Team2021!'",
        "GRANT SELECT ON SCHEMA::clinic TO reporting",
        "DROP TABLE IF EXISTS dbo.PatientsBackup",
        "MERGE INTO dbo.Target t USING dbo.Source s ON t.Id = s.Id WHEN MATCHED THEN UPDATE SET t.Name = s.Name",
    ],
    "oracle": [
        "CREATE TABLE patients_bak AS SELECT * FROM patients",
        "INSERT /*+ APPEND */ INTO archive.visits SELECT * FROM visits WHERE visit_date < DATE '2020-01-01'",
        "CREATE USER etl IDENTIFIED BY Etl2021",
        "GRANT SELECT ON clinic.patients TO reporting",
        "SELECT id, name FROM patients WHERE ROWNUM <= 10",
        "TRUNCATE TABLE patients_bak",
    ],
    "snowflake": [
        "CREATE OR REPLACE TABLE analytics.raw.customers_copy AS SELECT * FROM prod.raw.customers",
        "COPY INTO @export_stage/customers/ FROM (SELECT id, email FROM customers) FILE_FORMAT = (TYPE = CSV)",
        "INSERT INTO analytics.public.orders SELECT id, customer_id FROM prod.public.orders",
        "GRANT SELECT ON ALL TABLES IN SCHEMA analytics.public TO ROLE reporting",
    ],
    "bigquery": [
        "CREATE TABLE `proj.dataset.customers_copy` AS SELECT * FROM `proj.dataset.customers`",
        "EXPORT DATA OPTIONS (uri = 'gs://bucket/customers-*.csv', format = 'CSV') "
        "AS SELECT id, email FROM ds.customers",
        "INSERT INTO ds.orders_archive SELECT * EXCEPT (card_number) FROM ds.orders",
    ],
    "redshift": [
        "UNLOAD ('SELECT id, email FROM customers') TO 's3://bucket/customers_' IAM_ROLE 'arn:aws:iam::1:role/x'",
        "CREATE TABLE customers_copy AS SELECT id, email FROM customers",
    ],
}


def sqlglot_ok(sql: str, dialect: str) -> bool:
    import sqlglot
    from sqlglot import exp

    try:
        tree = sqlglot.parse_one(sql, read=dialect)
    except Exception:
        return False
    return not isinstance(tree, exp.Command)  # a Command is sqlglot's "could not understand" fallback


def pglast_ok(sql: str, dialect: str) -> bool:
    import pglast  # type: ignore[import-not-found, unused-ignore]  # optional: compared only when installed

    try:
        pglast.parse_sql(sql)
    except Exception:
        return False
    return True


def sqlparse_ok(sql: str, dialect: str) -> bool:
    import sqlparse  # type: ignore[import-not-found, unused-ignore]  # optional: compared only when installed

    statements = sqlparse.parse(sql)
    # non-validating: it never fails; the best it can say is the statement type (and it has no tree of
    # tables and select lists, only token groups)
    return bool(statements) and statements[0].get_type() != "UNKNOWN"


PARSERS = {"sqlglot": sqlglot_ok, "pglast": pglast_ok, "sqlparse": sqlparse_ok}


def coverage() -> None:
    print("| parser | " + " | ".join(SAMPLES) + " |")
    print("|---|" + "---|" * len(SAMPLES))
    for name, ok in PARSERS.items():
        cells = []
        for dialect, statements in SAMPLES.items():
            good = sum(ok(s, dialect) for s in statements)
            cells.append(f"{good}/{len(statements)}")
        print(f"| {name} | " + " | ".join(cells) + " |")


def speed(files: list[Path], count: int) -> None:
    import pglast
    import sqlglot
    import sqlparse

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts = (texts * (count // max(len(texts), 1) + 1))[:count]
    print(f"\n{len(texts)} files, {sum(len(t) for t in texts)} characters")

    def glot(text: str) -> None:
        try:
            sqlglot.parse(text, read="postgres")
        except Exception:
            pass

    def pg(text: str) -> None:
        try:
            pglast.parse_sql(text)
        except Exception:
            pass

    for name, run in (("sqlglot", glot), ("pglast", pg), ("sqlparse", sqlparse.parse)):
        start = resource.getrusage(resource.RUSAGE_SELF).ru_utime
        wall = time.perf_counter()
        for text in texts:
            run(text)
        cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime - start
        print(f"{name}: {cpu:.2f} s CPU, {time.perf_counter() - wall:.2f} s wall")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", nargs="*", default=[], help="directories whose .sql files are parsed")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args(argv)
    logging.getLogger("sqlglot").setLevel(logging.CRITICAL)
    coverage()
    files = sorted(p for d in args.files for p in Path(d).rglob("*.sql") if "{{" not in p.read_text(errors="replace"))
    if files:
        speed(files, args.count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
