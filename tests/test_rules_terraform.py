"""Every checkov policy, proven by real checkov on its pass_/fail_ fixtures (exact sets)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import REPO, terraform_fixture_dirs

from gdpr_guard.finding import ScanResult

DIRS = terraform_fixture_dirs()


def expected_failures(directory: Path) -> set[tuple[str, str]]:
    data = yaml.safe_load((directory / "expected.yaml").read_text(encoding="utf-8")) or {}
    return {(rule, resource) for rule, entry in data.items() for resource in entry.get("fail", [])}


def test_fixture_scan_has_no_errors(fixtures_scan: ScanResult) -> None:
    assert fixtures_scan.errors == ()


@pytest.mark.parametrize("directory", DIRS,
                         ids=[d.relative_to(REPO / "tests/fixtures/terraform").as_posix() for d in DIRS])
def test_terraform_fixture_exact(directory: Path, fixtures_scan: ScanResult) -> None:
    prefix = directory.relative_to(REPO).as_posix() + "/"
    found = {(f.rule_id, f.resource) for f in fixtures_scan.findings if f.location.path.startswith(prefix)
             and not any(f.location.path.startswith(d.relative_to(REPO).as_posix() + "/")
                         for d in DIRS if d != directory and directory in d.parents)}
    assert found == expected_failures(directory)


def _fixture_dir(path: str) -> Path:
    """The deepest fixture directory holding a finding's file (fixture dirs may nest)."""
    return max((d for d in DIRS if (REPO / path).is_relative_to(d)), key=lambda d: len(d.parts))


def _checkov_rule_ids() -> list[str]:
    return sorted({rule for d in DIRS for rule in (yaml.safe_load((d / "expected.yaml").read_text("utf-8")) or {})})


@pytest.mark.parametrize("rule_id", _checkov_rule_ids())
def test_terraform_rule_exact(rule_id: str, fixtures_scan: ScanResult) -> None:
    """One rule across every fixture directory: `pytest -k GG-ENC-001` runs exactly that rule's cases."""
    found = {(_fixture_dir(f.location.path).name, f.resource) for f in fixtures_scan.findings
             if f.rule_id == rule_id and f.location.path.startswith("tests/fixtures/terraform/")}
    expected = {(d.name, resource) for d in DIRS
                for resource in ((yaml.safe_load((d / "expected.yaml").read_text("utf-8")) or {})
                                 .get(rule_id, {}).get("fail", []))}
    assert found == expected


@pytest.mark.parametrize("directory", DIRS, ids=[d.name for d in DIRS])
def test_fixture_resources_follow_naming(directory: Path) -> None:
    data = yaml.safe_load((directory / "expected.yaml").read_text(encoding="utf-8")) or {}
    text = "\n".join(p.read_text(encoding="utf-8") for p in directory.rglob("*.tf"))
    passes = {resource for entry in data.values() for resource in entry.get("pass", [])}
    for rule, entry in data.items():
        for kind in ("fail", "pass"):
            for resource in entry.get(kind, []):
                if _is_default_provider(resource):
                    assert f'provider "{resource.split(".")[0]}"' in text, resource
                    continue
                # instance keys (`[0]`, `["k"]`) are checkov's rendering, not part of the name
                names = [n.split("[", 1)[0] for n in resource.split(".") if n.startswith(("pass_", "fail_"))]
                assert names, f"{resource}: neither pass_* nor fail_*"
                assert f'"{names[0]}"' in text, f"{resource} is not defined in {directory.name}"
                if kind == "pass":
                    assert names[-1].startswith("pass_"), (rule, resource)
                elif names[-1].startswith("pass_"):
                    # A resource built to pass one rule may fail another; it must then be a pass case there.
                    assert resource in passes, (rule, resource)


def _is_default_provider(address: str) -> bool:
    # checkov names a provider block without alias `<provider>.default`; it cannot be renamed.
    parts = address.split(".")
    return len(parts) == 2 and parts[1] == "default" and "_" not in parts[0]
