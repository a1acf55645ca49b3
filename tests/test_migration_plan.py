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


def test_skeleton_parses_and_validates(tmp_path: Path) -> None:
    assert migration_plan.validate(yamlio.load_text(migration_plan.skeleton(), "skeleton")) == []
    written = migration_plan.write_skeleton(tmp_path)
    assert written.name == "migration-plan.yaml"
    assert migration_plan.check([tmp_path]) == []
    with pytest.raises(ConfigError, match="already exists"):
        migration_plan.write_skeleton(tmp_path)


def test_check_reports_missing_and_invalid(tmp_path: Path) -> None:
    assert migration_plan.check([tmp_path]) == [f"{tmp_path}: no migration-plan.yaml found"]
    problems = migration_plan.check([FIXTURES / "invalid"])
    assert problems and all(p.startswith(str(FIXTURES / "invalid" / "migration-plan.yaml")) for p in problems)
    assert migration_plan.check([FIXTURES / "valid" / "migration-plan.yaml"]) == []
