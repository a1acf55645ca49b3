"""Every checkov policy, proven by real checkov on its pass_/fail_ fixtures (exact sets).

A fixture directory holds one rule's cases (`expected.yaml` also lists the other rules its resources fail);
a directory inside it is a case of its own (a module root with its own variables). Test ids start with the
rule id, so `pytest -k GG-ENC-001` runs exactly that rule's cases.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TERRAFORM_FIXTURES, terraform_fixture_dirs

from gdpr_guard.finding import Finding, ScanResult

DIRS = terraform_fixture_dirs()


@cache
def expected(directory: Path) -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load((directory / "expected.yaml").read_text(encoding="utf-8")) or {}


def name(directory: Path) -> str:
    return directory.relative_to(TERRAFORM_FIXTURES).as_posix()


CASES = [(rule, directory) for directory in DIRS for rule in expected(directory)]
CASE_IDS = [f"{rule}/{name(directory)}" for rule, directory in CASES]


def owner(finding: Finding | Path) -> Path | None:
    """The deepest fixture directory holding a finding's file (a case directory inside a rule's)."""
    return _owner(finding if isinstance(finding, Path) else REPO / finding.location.path)


@cache
def _owner(path: Path) -> Path | None:
    holders = [d for d in DIRS if path.is_relative_to(d)]
    return max(holders, key=lambda d: len(d.parts)) if holders else None


def test_fixture_scan_has_no_errors(fixtures_scan: ScanResult) -> None:
    assert fixtures_scan.errors == ()


@pytest.mark.parametrize(("rule_id", "directory"), CASES, ids=CASE_IDS)
def test_terraform_fixture_exact(rule_id: str, directory: Path, fixtures_scan: ScanResult) -> None:
    found = {f.resource for f in fixtures_scan.findings if f.rule_id == rule_id and owner(f) == directory}
    assert found == set(expected(directory)[rule_id].get("fail") or [])


def test_fixture_directories_report_only_the_rules_they_list(fixtures_scan: ScanResult) -> None:
    unlisted = {(f.rule_id, f.location.path, f.resource) for f in fixtures_scan.findings
                if (directory := owner(f)) is not None and f.rule_id not in expected(directory)}
    assert unlisted == set()


def _checkov_rule_ids() -> list[str]:
    return sorted({rule for rule, _ in CASES})


@pytest.mark.parametrize("rule_id", _checkov_rule_ids())
def test_terraform_rule_exact(rule_id: str, fixtures_scan: ScanResult) -> None:
    """One rule across every fixture directory, including those of other rules."""
    found = {(name(d), f.resource) for f in fixtures_scan.findings if f.rule_id == rule_id and (d := owner(f))}
    wanted = {(name(d), resource) for d in DIRS for resource in (expected(d).get(rule_id, {}).get("fail") or [])}
    assert found == wanted


@pytest.mark.parametrize(("rule_id", "directory"), CASES, ids=CASE_IDS)
def test_fixture_resources_follow_naming(rule_id: str, directory: Path) -> None:
    data = expected(directory)
    # its own files and its modules', not those of the case directories inside it
    text = "\n".join(p.read_text(encoding="utf-8") for pattern in ("*.tf", "*.tf.json")
                     for p in directory.rglob(pattern) if owner(p) == directory)
    passes = {resource for entry in data.values() for resource in entry.get("pass") or []}
    for kind in ("fail", "pass"):
        for resource in data[rule_id].get(kind) or []:
            if _is_default_provider(resource):
                assert f'provider "{resource.split(".")[0]}"' in text, resource
                continue
            # instance keys (`[0]`, `["k"]`) are checkov's rendering, not part of the name
            names = [n.split("[", 1)[0] for n in resource.split(".") if n.startswith(("pass_", "fail_"))]
            assert names, f"{resource}: neither pass_* nor fail_*"
            assert f'"{names[0]}"' in text, f"{resource} is not defined in {name(directory)}"
            if kind == "pass":
                assert names[-1].startswith("pass_"), resource
            elif names[-1].startswith("pass_"):
                # A resource built to pass one rule may fail another; it must then be a pass case there.
                assert resource in passes, resource


def _is_default_provider(address: str) -> bool:
    # checkov names a provider block without alias `<provider>.default`; it cannot be renamed.
    parts = address.split(".")
    return len(parts) == 2 and parts[1] == "default" and "_" not in parts[0]


def _custom_policies() -> list[tuple[str, str]]:
    from gdpr_guard import catalog as catalog_module

    return sorted((rule.id, Path(rule.policy).stem) for rule in catalog_module.load().rules.values()
                  if rule.engine == "checkov" and rule.policy)


@pytest.mark.parametrize(("rule_id", "policy"), _custom_policies(), ids=[r for r, _ in _custom_policies()])
def test_policy_has_its_fixture_directory(rule_id: str, policy: str) -> None:
    """A rule at a glance: `policies/checkov/<name>.(yaml|py)` has its cases in `tests/fixtures/terraform/<name>/`
    (or `<rule id>/`), with a `fail` and a `pass` there or in its case directories (built-in checks:
    tests/test_catalog.py)."""
    directory = next((TERRAFORM_FIXTURES / n for n in (policy, rule_id) if (TERRAFORM_FIXTURES / n).is_dir()), None)
    assert directory is not None, f"{rule_id}: no tests/fixtures/terraform/{policy}/"
    cases = [expected(d).get(rule_id, {}) for d in DIRS if d == directory or directory in d.parents]
    for kind in ("fail", "pass"):
        assert any(case.get(kind) for case in cases), f"{rule_id}: no {kind} case in {name(directory)}/"
