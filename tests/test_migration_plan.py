"""The migration-plan schema, loader and the library behind `gdpr-guard plan init|check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr_guard import migration_plan, yamlio
from gdpr_guard.errors import ConfigError

FIXTURES = Path(__file__).parent / "fixtures" / "migration_plans"


def test_valid_plan_loads() -> None:
    plan = migration_plan.load(FIXTURES / "valid" / "migration-plan.yaml")
    assert plan["data"]["special_categories"] == ["health"]


def test_invalid_plan_lists_every_error_by_path() -> None:
    with pytest.raises(ConfigError) as info:
        migration_plan.load(FIXTURES / "invalid" / "migration-plan.yaml")
    text = str(info.value)
    assert "$: 'owner' is a required property" in text
    assert "$.deletion.source: 'deadline' is a required property" in text
    assert "$.data.special_categories[0]" in text
    assert "$.encryption.at_rest: 'method' is a required property" in text


def test_aliases_are_refused() -> None:
    with pytest.raises(ConfigError, match="alias"):
        migration_plan.load(FIXTURES / "alias_bomb" / "migration-plan.yaml")


def test_large_files_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "migration-plan.yaml"
    big.write_text("purpose: '" + "x" * 1_100_000 + "'\n")
    with pytest.raises(ConfigError, match="larger than"):
        migration_plan.load(big)


def test_skeleton_parses_but_does_not_pass_until_filled_in(tmp_path: Path) -> None:
    problems = migration_plan.validate(yamlio.load_text(migration_plan.skeleton(), "skeleton"))
    # the schema holds (the shape is right); every placeholder is named
    assert all("placeholder" in p for p in problems)
    assert "$.deletion.source.deadline: placeholder date 2000-01-01, not a real date" in problems
    assert "$.instruction.controller: still a TODO placeholder ('TODO: laboratory or client name')" in problems
    assert "$.data.fields[0].table: still a TODO placeholder ('TODO_table')" in problems
    written = migration_plan.write_skeleton(tmp_path)
    assert written.name == "migration-plan.yaml"
    assert migration_plan.check([tmp_path]) == [f"{written}: {p}" for p in problems]
    filled = yamlio.load_text(migration_plan.skeleton().replace("TODO: ", "").replace("TODO_", "")
                              .replace("2000-01-01", "2026-03-01"), "filled")
    assert migration_plan.validate(filled) == []
    with pytest.raises(ConfigError, match="already exists"):
        migration_plan.write_skeleton(tmp_path)


def test_check_reports_missing_and_invalid(tmp_path: Path) -> None:
    assert migration_plan.check([tmp_path]) == [f"{tmp_path}: no migration-plan.yaml found"]
    problems = migration_plan.check([FIXTURES / "invalid"])
    assert problems and all(p.startswith(str(FIXTURES / "invalid" / "migration-plan.yaml")) for p in problems)
    assert migration_plan.check([FIXTURES / "valid" / "migration-plan.yaml"]) == []


def test_an_unfilled_skeleton_does_not_silence_gg_mig_201(tmp_path: Path) -> None:
    from gdpr_guard.analyses import migration_plans
    from gdpr_guard.config import Config
    from gdpr_guard.targets import discover

    (tmp_path / "migrations").mkdir()
    (tmp_path / "migrations" / "V1__copy.sql").write_text("INSERT INTO b SELECT id FROM a;\n", encoding="utf-8")
    migration_plan.write_skeleton(tmp_path / "migrations")
    findings = migration_plans.analyse(discover([tmp_path], tmp_path), Config().as_analysis_options())
    mig = [(f.rule_id, f.location.path, f.location.start_line) for f in findings if f.rule_id == "GG-MIG-201"]
    assert mig == [("GG-MIG-201", "migrations/migration-plan.yaml", 1)]
    assert "placeholder date 2000-01-01" in next(f.detail for f in findings if f.rule_id == "GG-MIG-201")
