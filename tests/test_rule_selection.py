"""`pytest -k <rule id>` runs exactly that rule's cases: every engine rule's id is in the ids of its fixture
cases, its exact-set test and its catalog example, and no test id names two rules (docs/writing-rules.md)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import REPO

from gdpr_guard import catalog as catalog_module
from gdpr_guard.catalog import Catalog

RULE_TESTS = ("tests/test_rules_terraform.py", "tests/test_rules_scripts.py", "tests/test_catalog_examples.py")
RULE_ID = re.compile(r"GG-[A-Z]+-\d{3}(?!\d)")
PER_CASE = {"checkov": "test_terraform_fixture_exact[", "semgrep": "test_script_fixture_exact[",
            "sql": "test_script_fixture_exact["}
PER_RULE = {"checkov": "test_terraform_rule_exact[", "semgrep": "test_script_rule_exact[",
            "sql": "test_script_rule_exact["}


@pytest.fixture(scope="module")
def collected() -> list[str]:
    """The node ids pytest itself collects from the rule tests (what `-k` matches against)."""
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           "-o", "addopts=", *RULE_TESTS], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if "::" in line]


def test_every_engine_rule_is_selected_by_its_id(collected: list[str], catalog: Catalog) -> None:
    missing = []
    for rule in catalog.rules.values():
        if rule.engine == "gdpr-guard":
            continue  # wrapper analyses: tests/test_analysis_<name>.py, test_every_analysis_rule_is_selected_by_its_id
        ids = [node for node in collected if rule.id in RULE_ID.findall(node)]
        wanted = (f"test_catalog_example[{rule.id}]", PER_RULE[rule.engine] + rule.id + "]",
                  PER_CASE[rule.engine] + rule.id + "/")
        missing += [(rule.id, w) for w in wanted if not any(w in node for node in ids)]
    assert missing == []


def test_no_rule_test_id_names_two_rules(collected: list[str]) -> None:
    assert [node for node in collected if len(set(RULE_ID.findall(node))) > 1] == []


def test_every_per_case_test_names_its_rule(collected: list[str]) -> None:
    unnamed = [node for node in collected if any(p in node for p in {*PER_CASE.values(), *PER_RULE.values()})
               and not RULE_ID.search(node)]
    assert collected and unnamed == []


ANALYSIS_RULES = sorted(r.id for r in catalog_module.load().rules.values() if r.engine == "gdpr-guard")


@pytest.mark.parametrize("rule_id", ANALYSIS_RULES)
def test_every_analysis_rule_is_selected_by_its_id(rule_id: str) -> None:
    """A wrapper analysis's tests answer to its rules' ids (conftest's collection hook)."""
    module = catalog_module.load().rules[rule_id].engine_rule.split(".")[0]
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "tests").glob("test_analysis_*.py"))
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           "-o", "addopts=", "-k", rule_id, *files], cwd=REPO, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    selected = {line.split("::")[0] for line in done.stdout.splitlines() if "::" in line}
    assert selected == {f"tests/test_analysis_{module}.py"}
