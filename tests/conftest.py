"""Shared fixtures: the real engines run once per session over all rule fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gdpr_guard import catalog as catalog_module
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.finding import ScanResult
from gdpr_guard.roles import RoleSettings
from gdpr_guard.scan import run_scan

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
TERRAFORM_FIXTURES = FIXTURES / "terraform"
SCRIPT_FIXTURES = FIXTURES / "scripts"
TODO_MEANING = {"todoruleid": "ok", "todook": "ruleid"}
"""semgrep's convention: `todoruleid` marks a known miss (not reported today), `todook` a known false
positive (reported today); the exact-set tests hold the rule to what it does now."""
ANNOTATION = re.compile(r"^\s*(?:#|--|//|<!--)\s*(ruleid|ok|todoruleid|todook):\s*"
                        r"(GG-[A-Z]+-\d{3}(?:\s*,\s*GG-[A-Z]+-\d{3})*)")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return catalog_module.load()


@pytest.fixture(scope="session")
def fixtures_scan(catalog: Catalog) -> ScanResult:
    """checkov and semgrep, once, over every rule fixture (wrapper analyses have their own tests).

    Each fixture tree is a project of its own: roles are detected from the paths below it (else every
    fixture would be test code of this repository).
    """
    analyses = tuple(r.id for r in catalog.rules.values() if r.engine == "gdpr-guard")
    config = Config(disable=analyses, roles=FIXTURE_ROLES)
    return run_scan([TERRAFORM_FIXTURES, SCRIPT_FIXTURES], REPO, config, catalog)


FIXTURE_ROLES = RoleSettings(projects=("tests/fixtures/terraform", "tests/fixtures/scripts"))


def annotations(path: Path) -> dict[str, set[tuple[str, int]]]:
    """`ruleid:` / `ok:` annotations of a script fixture, as (rule, line of the code they precede)."""
    found: dict[str, set[tuple[str, int]]] = {"ruleid": set(), "ok": set()}
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = ANNOTATION.match(line)
        if match:
            kind = TODO_MEANING.get(match.group(1), match.group(1))
            pending += [(kind, rule.strip()) for rule in match.group(2).split(",")]
            continue
        if pending and line.strip():
            for kind, rule in pending:
                found[kind].add((rule, number))
            pending = []
    return found


def terraform_fixture_dirs() -> list[Path]:
    return sorted(p.parent for p in TERRAFORM_FIXTURES.rglob("expected.yaml"))


def script_fixture_files() -> list[Path]:
    return sorted(p for p in SCRIPT_FIXTURES.rglob("*") if p.is_file()
                  and p.suffix in (".py", ".sh", ".sql", ".bash", ".xml", ".yaml"))
