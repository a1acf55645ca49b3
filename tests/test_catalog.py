"""Meta-tests: catalog, policies, fixtures and docs move together."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from conftest import REPO, annotations, script_fixture_files, terraform_fixture_dirs

from gdpr_guard import catalog as catalog_module
from gdpr_guard import docs
from gdpr_guard.catalog import Catalog
from gdpr_guard.errors import CatalogError

POLICIES = REPO / "policies"


def policy_files() -> set[str]:
    # `_name.py`: helpers the Python checks import (policies/checkov/_gdpr_guard_checks.py), not policies.
    files = {p.relative_to(POLICIES).as_posix() for p in (POLICIES / "checkov").rglob("*")
             if p.suffix in (".yaml", ".py") and not p.name.startswith("_")}
    files |= {p.relative_to(POLICIES).as_posix() for p in (POLICIES / "semgrep").rglob("*.yaml")}
    files |= {p.relative_to(POLICIES).as_posix() for p in (POLICIES / "sql").rglob("*.yaml")}
    return files


def test_every_policy_has_exactly_one_entry_and_vice_versa(catalog: Catalog) -> None:
    referenced = [r.policy for r in catalog.rules.values() if r.engine != "gdpr-guard" and not r.builtin]
    assert len(referenced) == len(set(referenced)), "two rules share a policy file"
    assert set(referenced) == policy_files()


def test_policy_ids_match_catalog(catalog: Catalog) -> None:
    for rule in catalog.rules.values():
        if rule.builtin:
            continue  # test_builtin_checks_exist_in_checkov
        path = catalog.policy_path(rule)
        assert path.is_file(), rule.id
        if rule.engine == "semgrep":
            rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
            assert [r["id"] for r in rules] == [rule.engine_rule == rule.id and rule.id], rule.id
        elif rule.engine == "sql":
            assert yaml.safe_load(path.read_text(encoding="utf-8"))["id"] == rule.engine_rule == rule.id, rule.id
        elif rule.engine == "checkov" and path.suffix == ".yaml":
            metadata = yaml.safe_load(path.read_text(encoding="utf-8"))["metadata"]
            assert metadata["id"] == rule.engine_rule, rule.id
            assert metadata["name"].startswith(f"{rule.id}: "), rule.id
        elif rule.engine == "checkov":
            source = path.read_text(encoding="utf-8")
            assert f'"{rule.engine_rule}"' in source and f"{rule.id}: " in source, rule.id


def test_builtin_checks_exist_in_checkov(catalog: Catalog) -> None:
    """A rule backed by checkov's own check names one checkov really has (a typo would never fire)."""
    from checkov.common.checks_infra.registry import get_graph_checks_registry
    from checkov.terraform.checks.resource.registry import resource_registry

    ids = {check.id for checks in resource_registry.checks.values() for check in checks}
    graph = get_graph_checks_registry("terraform")
    graph.load_checks()
    ids |= {check.id for check in graph.checks}
    builtin = {r.engine_rule for r in catalog.rules.values() if r.builtin}
    assert builtin, "no rule is backed by a built-in check"
    assert builtin - ids == set()
    assert not any(r.engine_rule.startswith(("CKV_GG_", "CKV2_GG_")) for r in catalog.rules.values() if r.builtin)


def test_semgrep_sql_rules_are_limited_to_sql_files(catalog: Catalog) -> None:
    for rule in catalog.for_engine("semgrep"):
        spec = yaml.safe_load(catalog.policy_path(rule).read_text(encoding="utf-8"))["rules"][0]
        if "generic" in spec["languages"] or "regex" in spec["languages"]:
            assert spec.get("paths", {}).get("include"), f"{rule.id} would run on every file"


def test_every_entry_has_legal_mapping_and_remediation(catalog: Catalog) -> None:
    for rule in catalog.rules.values():
        assert rule.gdpr and rule.remediation and rule.rationale, rule.id
        if rule.family in catalog_module.FAMILIES_WITHOUT_PRECEDENT:
            continue  # availability: no CNIL sanction in our sources (docs/legal-notes.md, "Backups")
        assert rule.cnil and all(c.decision for c in rule.cnil), rule.id


def test_a_rule_without_cnil_finding_says_so_and_rests_on_our_reading(catalog: Catalog) -> None:
    """Family BAK may cite no CNIL finding: its rules say so plainly, and claim no `basis: cnil`."""
    bare = [r for r in catalog.rules.values() if not r.cnil]
    assert {r.family for r in bare} == {"BAK"}
    for rule in bare:
        assert all(a.basis == "interpretation" for a in rule.gdpr), rule.id
        assert "No CNIL sanction in our sources concerns" in rule.rationale, rule.id
        assert rule.cnil_label == "no CNIL precedent"


def test_only_family_bak_may_cite_no_cnil_finding() -> None:
    data = copy.deepcopy(_raw())
    enc = next(i for i, r in enumerate(data["rules"]) if r["family"] == "ENC")
    data["rules"][enc]["cnil"] = []
    with pytest.raises(CatalogError, match=rf"\$\.rules\[{enc}\]\.cnil: \[\] should be non-empty"):
        Catalog(data, "catalog.yaml")
    with pytest.raises(CatalogError, match="cites no CNIL finding"):
        Catalog(data, "catalog.yaml", schema_checked=True)  # the semantic check holds without the schema
    bak = next(i for i, r in enumerate(data["rules"]) if r["family"] == "BAK")
    data["rules"][enc]["cnil"] = [{"id": "DED-3b", "match": "analogy"}]
    data["rules"][bak]["cnil"] = []
    assert not Catalog(data, "catalog.yaml").rules[data["rules"][bak]["id"]].cnil


def test_every_checkov_rule_has_pass_and_fail_fixtures(catalog: Catalog) -> None:
    fails: set[str] = set()
    passes: set[str] = set()
    for directory in terraform_fixture_dirs():
        data = yaml.safe_load((directory / "expected.yaml").read_text(encoding="utf-8")) or {}
        for rule, entry in data.items():
            assert rule in catalog.rules, f"{directory.name}: unknown rule {rule}"
            fails |= {rule} if entry.get("fail") else set()
            passes |= {rule} if entry.get("pass") else set()
    wanted = {r.id for r in catalog.for_engine("checkov")}
    assert wanted - fails == set(), "checkov rules without a failing fixture"
    assert wanted - passes == set(), "checkov rules without a passing fixture"


def test_every_semgrep_rule_has_positive_and_negative_fixtures(catalog: Catalog) -> None:
    positive: set[str] = set()
    negative: set[str] = set()
    for path in script_fixture_files():
        found = annotations(path)
        positive |= {rule for rule, _ in found["ruleid"]}
        negative |= {rule for rule, _ in found["ok"]}
    wanted = {r.id for r in catalog.for_engine("semgrep") + catalog.for_engine("sql")}
    assert wanted - positive == set(), "semgrep rules without a ruleid fixture"
    assert wanted - negative == set(), "semgrep rules without an ok fixture"
    assert positive | negative <= set(catalog.rules), "fixtures name unknown rules"


def test_every_analysis_has_its_own_test(catalog: Catalog) -> None:
    for rule in catalog.for_engine("gdpr-guard"):
        module = Path(rule.policy).stem
        assert (REPO / "tests" / f"test_analysis_{module}.py").is_file(), rule.id


def test_generated_files_are_current() -> None:
    stale = [path for path, content in docs.generated().items()
             if not path.is_file() or path.read_text(encoding="utf-8") != content]
    assert stale == [], "run: python -m gdpr_guard.docs"


def test_stamped_catalog_skips_only_the_schema_check(tmp_path: Path) -> None:
    shipped = catalog_module.load()
    assert catalog_module._is_stamped(Path(shipped.source), Path(shipped.source).read_text(encoding="utf-8"))
    edited = tmp_path / "catalog.yaml"
    edited.write_text(Path(shipped.source).read_text(encoding="utf-8").replace("severity: high", "severity: urgent", 1),
                      encoding="utf-8")
    (tmp_path / "catalog.sha256").write_text(catalog_module.digest(edited.read_text(encoding="utf-8")))
    with pytest.raises(CatalogError, match="is not one of"):
        catalog_module.load(edited)  # a stamp outside the shipped policies/ is not trusted


def _raw() -> dict:
    return yaml.safe_load((POLICIES / "catalog.yaml").read_text(encoding="utf-8"))


def test_schema_errors_are_all_reported_by_path() -> None:
    data = copy.deepcopy(_raw())
    data["rules"][0]["severity"] = "urgent"
    del data["rules"][1]["remediation"]
    data["rules"][2]["gdpr"] = []
    with pytest.raises(CatalogError) as info:
        Catalog(data, "catalog.yaml")
    message = str(info.value)
    assert "3 schema error(s)" in message
    assert "$.rules[0].severity: 'urgent' is not one of" in message
    assert "$.rules[1]: 'remediation' is a required property" in message
    assert "$.rules[2].gdpr: [] should be non-empty" in message


def test_unknown_cnil_finding_and_duplicate_ids_are_refused() -> None:
    data = copy.deepcopy(_raw())
    data["rules"][0]["cnil"] = [{"id": "DED-9z", "match": "analogy"}]
    with pytest.raises(CatalogError, match="unknown CNIL finding DED-9z"):
        Catalog(data, "catalog.yaml")
    data = copy.deepcopy(_raw())
    data["rules"].append(copy.deepcopy(data["rules"][0]))
    with pytest.raises(CatalogError, match="defined twice"):
        Catalog(data, "catalog.yaml")


def test_shipped_catalog_loads() -> None:
    loaded = catalog_module.load()
    assert {"GG-ENC-001", "GG-CRED-101", "GG-DEL-101"} <= set(loaded.rules)
