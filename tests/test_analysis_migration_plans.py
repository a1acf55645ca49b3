"""GG-MIG-201..204: migration scripts checked against their migration plan."""

from __future__ import annotations

import shutil
from pathlib import Path

from gdpr_guard.analyses import ANALYSES, migration_plans
from gdpr_guard.targets import discover

FIXTURES = Path(__file__).parent / "fixtures" / "analyses" / "migration_plans"


def _findings(sub: str, config: dict | None = None) -> set[tuple[str, str, int]]:
    root = FIXTURES.resolve()
    targets = discover([root / sub], root)
    return {(f.rule_id, f.location.path, f.location.start_line)
            for f in migration_plans.analyse(targets, config or {})}


def test_scripts_without_plan() -> None:
    assert _findings("no_plan") == {("GG-MIG-201", "no_plan/migrations/V1__copy_results.sql", 1)}


def test_invalid_plan_reports_schema_errors_by_path() -> None:
    root = FIXTURES.resolve()
    findings = migration_plans.analyse(discover([root / "invalid_plan"], root), {})
    assert {(f.rule_id, f.location.path, f.location.start_line) for f in findings} == {
        ("GG-MIG-201", "invalid_plan/migrations/migration-plan.yaml", 1)}
    detail = findings[0].detail
    for path in ("$: 'owner' is a required property", "$.data.fields[0].columns", "$.deletion.source",
                 "$.encryption.in_transit"):
        assert path in detail


def test_broken_promises() -> None:
    assert _findings("broken_promises") == {
        ("GG-MIG-202", "broken_promises/migration/migration-plan.yaml", 20),
        ("GG-MIG-203", "broken_promises/migration/extract.py", 6),
        ("GG-MIG-203", "broken_promises/migration/extract.py", 8),
        ("GG-MIG-204", "broken_promises/migration/migration-plan.yaml", 17),
    }


def test_good_plan_is_clean() -> None:
    assert _findings("good") == set()


def test_globs_are_configurable() -> None:
    assert _findings("no_plan", {"plan_globs": ["etl/**"]}) == set()


def test_registered() -> None:
    assert ANALYSES["migration_plans"] is migration_plans.analyse


def test_deletion_is_judged_on_every_covered_script_not_only_the_staged_ones(tmp_path: Path) -> None:
    """pre-commit hands over the staged files: V4 alone deletes nothing, the plan's V3__purge.sql does."""
    shutil.copytree(FIXTURES / "good", tmp_path / "good")
    (tmp_path / "good" / "migrations" / "V4__touch.sql").write_text("SELECT 1;\n", encoding="utf-8")
    staged = discover([tmp_path / "good" / "migrations" / "V4__touch.sql"], tmp_path)
    assert [f.rule_id for f in migration_plans.analyse(staged, {})] == []
    for deleting in ("V3__purge.sql", "extract.py"):  # DELETE FROM; a self-cleaning TemporaryDirectory
        (tmp_path / "good" / "migrations" / deleting).unlink()
    assert [f.rule_id for f in migration_plans.analyse(staged, {})] == ["GG-MIG-202"]


def test_plumbing_and_schema_only_migrations_need_no_plan() -> None:
    # env.py, __init__.py, an Alembic revision that only creates a table and an index, and a Flyway file
    # of DDL move no data; the revision that backfills e-mail addresses does.
    assert _findings("plumbing") == {("GG-MIG-201", "plumbing/migrations/versions/002_backfill_emails.py", 1)}


def test_framework_migrations_need_a_plan_only_when_they_copy_or_transfer_rows() -> None:
    # In-place backfills (Django RunPython on the ORM, Flyway UPDATE) stay in the application's database;
    # a copy into another table and an export to a file are data migrations.
    assert _findings("frameworks") == {
        ("GG-MIG-201", "frameworks/migrations/flyway/V8__archive_subscriptions.sql", 1),
        ("GG-MIG-201", "frameworks/migrations/shop/0004_export_customers.py", 1),
    }
