"""The SQL engine (issue 12) through the real pipeline: statements sqlglot cannot read are listed and
counted, still judged by the token checks; secrets masked; a pre-commit of one Flyway file still sees
the later versions beside it; sources and facts on their own."""

from __future__ import annotations

import json
from pathlib import Path

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.reporters import json_report, sarif, text
from gdpr_guard.reporters.common import ReportOptions
from gdpr_guard.scan import run_scan
from gdpr_guard.sql.sources import PLACEHOLDER, from_python, from_shell, without_templates
from gdpr_guard.sql.statements import split

SQL_RULES = ("GG-DEL-101", "GG-DEL-105", "GG-MIN-105", "GG-CRED-109", "GG-CRED-110")


def _scan(root: Path, catalog: Catalog, paths: list[Path] | None = None):
    others = tuple(r for r in catalog.rules if r not in SQL_RULES)
    return run_scan(paths or [root], root, Config(disable=others), catalog)


def test_unread_statement_is_listed_counted_and_judged(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "V1__export.sql").write_text(
        "-- MySQL's INTO OUTFILE after FROM: no sqlglot dialect reads it\n"
        "SELECT id, email FROM customers INTO OUTFILE '/var/lib/mysql-files/c.csv';\n"
        "SELECT id FROM customers;\n", encoding="utf-8")
    result = _scan(tmp_path, catalog)
    assert {(f.rule_id, f.location.path, f.location.start_line) for f in result.findings} == \
        {("GG-DEL-105", "V1__export.sql", 2)}
    notice = next(n for n in result.notices if n.startswith("SQL: "))
    assert notice.startswith("SQL: 1 statement(s) no SQL dialect could read")
    assert notice.endswith("V1__export.sql:2")
    assert result.errors == ()
    assert notice in json.loads(json_report.render(result, catalog, ReportOptions()))["notices"]
    assert notice in text.render(result, catalog, ReportOptions())
    assert notice in json.dumps(json.loads(sarif.render(result, catalog, ReportOptions())))


def test_password_is_masked_in_every_format(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "accounts.sql").write_text("CREATE USER etl IDENTIFIED BY Loader2021;\n", encoding="utf-8")
    result = _scan(tmp_path, catalog)
    assert {(f.rule_id, f.location.start_line) for f in result.findings} == {("GG-CRED-109", 1)}
    for reporter in (json_report, text, sarif):
        rendered = reporter.render(result, catalog, ReportOptions())
        assert "Loader2021" not in rendered


def test_one_flyway_file_sees_the_later_versions_beside_it(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "V1__copy.sql").write_text("CREATE TABLE a_copy AS SELECT id, email FROM a;\n"
                                           "CREATE TABLE b_copy AS SELECT id, email FROM b;\n", encoding="utf-8")
    (tmp_path / "V2__drop.sql").write_text("DROP TABLE a_copy;\n", encoding="utf-8")
    result = _scan(tmp_path, catalog, [tmp_path / "V1__copy.sql"])  # what pre-commit passes
    assert {(f.rule_id, f.location.path, f.location.start_line) for f in result.findings} == \
        {("GG-DEL-101", "V1__copy.sql", 2)}


def test_python_sources_placeholders_and_direction() -> None:
    source = ('from alembic import op\n'
              'def upgrade():\n'
              '    name = "x"\n'
              '    op.execute(f"INSERT INTO {name}_copy SELECT id FROM {name}")\n'
              'def downgrade():\n'
              '    op.execute("DROP TABLE x_copy")\n')
    texts = from_python(source)
    assert [(t.text, t.line, t.reverse) for t in texts] == [
        (f"INSERT INTO {PLACEHOLDER}_copy SELECT id FROM {PLACEHOLDER}", 4, False),
        ("DROP TABLE x_copy", 6, True)]


def test_shell_sources() -> None:
    source = 'psql -d db -c "DROP TABLE t"\nmysql db <<EOF\nSELECT 1;\nEOF\necho "psql -c nothing"\n'
    assert [(t.text, t.line) for t in from_shell(source)] == [("DROP TABLE t", 1), ("SELECT 1;", 3)]


def test_statements_keep_their_lines_and_bodies_whole() -> None:
    statements = split("SELECT 1;\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND $$ "
                       "LANGUAGE plpgsql;\nINSERT INTO a\nSELECT id FROM b;")
    assert [(s.line, s.end_line, s.tree is not None) for s in statements] == [(1, 1, True), (2, 5, False),
                                                                               (6, 7, True)]


def test_dbt_templates_blanked_lines_kept() -> None:
    source = ("{{ config(materialized='table') }}\nselect a\n{# note\n #}from {{ ref('t') }} "
              "{% if x %}where b{% endif %}")
    assert without_templates(source) == f"\nselect a\n\nfrom {PLACEHOLDER} where b"


def test_same_copy_in_five_forms(fixtures_scan) -> None:
    """Issue 12's measure: the same copy as .sql, Alembic op.execute, Django RunSQL, psycopg execute and a psql
    heredoc is reported in every form; its deleted and moved variants in no form (recall 5/5, precision 5/5)."""
    base = "tests/fixtures/scripts/five_forms/"
    found = {(f.location.path[len(base):], f.location.start_line) for f in fixtures_scan.findings
             if f.rule_id == "GG-DEL-101" and f.location.path.startswith(base)}
    assert found == {("reported/copy.sql", 3), ("reported/migrations/0001_alembic_copy.py", 7),
                     ("reported/migrations/0002_django_copy.py", 10), ("reported/copy_psycopg.py", 8),
                     ("reported/copy_psql.sh", 6)}
