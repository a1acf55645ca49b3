"""The closed string sets are enums, and each enum is the schema's list (issue 18)."""

from __future__ import annotations

import json

from gdpr_guard import resources
from gdpr_guard.catalog import Catalog, Engine, PersonalDataMode
from gdpr_guard.finding import DataCategory, Severity, SuppressionKind
from gdpr_guard.personal_data import Classification, escalate


def _rule_schema() -> dict:
    properties: dict = resources.schema("catalog.schema.json")["$defs"]["rule"]["properties"]
    return properties


def test_catalog_fields_are_enum_members(catalog: Catalog) -> None:
    assert {type(r.engine) for r in catalog.rules.values()} == {Engine}
    assert {type(r.personal_data) for r in catalog.rules.values()} == {PersonalDataMode}
    assert {r.engine for r in catalog.rules.values()} == set(Engine)


def test_enums_are_the_schema_lists() -> None:
    properties = _rule_schema()
    assert properties["engine"]["enum"] == [e.value for e in Engine]
    assert properties["personal_data"]["enum"] == [m.value for m in PersonalDataMode]


def test_enum_values_print_and_serialise_as_plain_strings() -> None:
    assert f"{SuppressionKind.INLINE} {DataCategory.SPECIAL} {Engine.GDPR_GUARD}" == "inline special gdpr-guard"
    assert json.dumps([SuppressionKind.BASELINE, PersonalDataMode.ONLY]) == '["baseline", "only"]'


def test_escalation_follows_the_modes() -> None:
    special = Classification(DataCategory.SPECIAL, "tag")
    personal = Classification(DataCategory.PERSONAL, "tag")
    assert escalate(Severity.MEDIUM, special, PersonalDataMode.ESCALATE) is Severity.CRITICAL
    assert escalate(Severity.MEDIUM, personal, PersonalDataMode.POSSIBLE) is Severity.HIGH
    assert escalate(Severity.MEDIUM, special, PersonalDataMode.ONLY) is Severity.HIGH
    assert escalate(Severity.MEDIUM, personal, PersonalDataMode.ONLY) is Severity.MEDIUM
    assert escalate(Severity.MEDIUM, special, PersonalDataMode.NONE) is Severity.MEDIUM
