"""CPU cost of the SQL analysis on 1,000 migration files (issue 12 target: <= 5 s). Not a test.

The files are real migrations (the corpus's Flyway and dbt `.sql` files, Alembic and Django
migrations) cycled to `--count` and copied into a scratch tree, one Flyway directory per 50 files so
the cross-version ordering is exercised; without `--corpus`, synthetic migrations of the same shapes.

    python benchmarks/sql_analysis.py [--corpus /work/realworld-corpus] [--count 1000]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

SYNTHETIC_SQL = """-- V{n}: copy, clean up, grant
CREATE TABLE patients_{n} (id bigint PRIMARY KEY, nir text, email text, created_at timestamptz);
INSERT INTO patients_{n}_archive (id, nir) SELECT id, nir FROM patients_{n} WHERE created_at < '2020-01-01';
WITH moved AS (DELETE FROM visits_{n} WHERE year < 2015 RETURNING *) INSERT INTO visits_archive SELECT * FROM moved;
CREATE TABLE staging_{n} AS SELECT p.id, p.email FROM clinic.public.patients p JOIN visits v ON v.patient_id = p.id;
COPY (SELECT * FROM patients_{n}) TO '/srv/exports/p_{n}.csv' CSV;
ALTER TABLE patients_{n} ADD COLUMN consent_at timestamptz;
CREATE INDEX ix_{n} ON patients_{n} (email);
GRANT SELECT ON patients_{n} TO reporting;
DROP TABLE staging_{n};
"""
SYNTHETIC_PY = '''"""revision {n}"""
from alembic import op


def upgrade():
    op.execute("INSERT INTO contacts_{n}_copy SELECT id, email FROM contacts_{n}")
    op.add_column("contacts_{n}", None)


def downgrade():
    op.execute("DROP TABLE contacts_{n}_copy")
'''


def corpus_files(corpus: Path) -> list[Path]:
    sql = sorted(p for p in corpus.rglob("*.sql") if ".realworld-out" not in p.parts)
    python = sorted(p for p in corpus.rglob("*.py") if ("versions" in p.parts or "migrations" in p.parts)
                    and ".realworld-out" not in p.parts)
    return sql + python


def materialise(root: Path, sources: list[Path], count: int) -> None:
    for n in range(count):
        folder = root / f"db{n // 50:02d}"
        folder.mkdir(exist_ok=True)
        if sources:
            source = sources[n % len(sources)]
            name = f"V{n + 1}__{source.stem}{source.suffix}" if source.suffix == ".sql" else f"r{n}_{source.name}"
            shutil.copyfile(source, folder / name)
        elif n % 4 == 3:
            (folder / f"r{n}_revision.py").write_text(SYNTHETIC_PY.format(n=n), encoding="utf-8")
        else:
            (folder / f"V{n + 1}__migration.sql").write_text(SYNTHETIC_SQL.format(n=n), encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, help="real-world corpus (default: synthetic files)")
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args(argv)

    from gdpr_guard.config import DEFAULT_GENERIC_ACCOUNTS
    from gdpr_guard.sql.analysis import analyse
    from gdpr_guard.targets import discover

    rules = ["GG-DEL-101", "GG-DEL-105", "GG-MIN-105", "GG-CRED-109", "GG-CRED-110"]
    with tempfile.TemporaryDirectory(prefix="gdpr-guard-sql-bench-") as scratch:
        root = Path(scratch)
        materialise(root, corpus_files(args.corpus) if args.corpus else [], args.count)
        targets = discover([root], root, (), [])
        import sqlglot  # imported before the clock: the CLI pays it once, whatever the number of files

        del sqlglot
        cpu, wall = time.process_time(), time.perf_counter()
        result = analyse(targets, root, rules, DEFAULT_GENERIC_ACCOUNTS)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{len(targets)} files ({'corpus' if args.corpus else 'synthetic'}): {cpu:.2f} s CPU, {wall:.2f} s wall; "
          f"{len(result.findings)} findings, {len(result.unread)} statements read by the fallback")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
