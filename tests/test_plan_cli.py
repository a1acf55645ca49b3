"""`gdpr-guard plan init` and `plan check`."""

from __future__ import annotations

from pathlib import Path

from test_cli import gdpr_guard


def test_plan_init_then_check_then_refuse_overwrite(tmp_path: Path) -> None:
    run = gdpr_guard("plan", "init", "migrations", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    plan = tmp_path / "migrations" / "migration-plan.yaml"
    assert plan.is_file() and plan.read_text().lstrip().startswith("#")
    again = gdpr_guard("plan", "init", "migrations", cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr == "gdpr-guard: error: migrations/migration-plan.yaml: already exists\n"


def test_plan_check_reports_schema_errors_by_path(tmp_path: Path) -> None:
    (tmp_path / "migration-plan.yaml").write_text("purpose: 3\n", encoding="utf-8")
    run = gdpr_guard("plan", "check", "migration-plan.yaml", cwd=tmp_path)
    assert run.returncode == 2
    lines = run.stderr.splitlines()
    assert "gdpr-guard: error: migration-plan.yaml: $.purpose: 3 is not of type 'string'" in lines
    assert "gdpr-guard: error: migration-plan.yaml: $: 'deletion' is a required property" in lines


def test_plan_check_directory_without_plan(tmp_path: Path) -> None:
    run = gdpr_guard("plan", "check", ".", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == "gdpr-guard: error: .: no migration-plan.yaml found\n"
