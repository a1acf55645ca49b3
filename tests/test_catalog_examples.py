"""Every engine rule's catalog example is true: `example.fail` is reported by its rule, `example.fix` is not.

The examples are what `explain`, SARIF help and docs/rules.md show a user, so they run through the real
engines here, once for all rules (one scan over a generated tree, one folder per rule and case).
Wrapper analyses (engine `gdpr-guard`) describe several files in prose and are proven by their own tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.config import Config
from gdpr_guard.finding import ScanResult
from gdpr_guard.scan import run_scan

SUFFIXES = {"python": ".py", "shell": ".sh", "sql": ".sql"}


def _file_name(rule: Rule) -> str:
    if rule.engine == "checkov":
        return "main.tf"
    if rule.engine == "sql":
        return "example.sql"
    return "example" + SUFFIXES[rule.policy.split("/")[1]]


def _engine_rules(catalog: Catalog) -> list[Rule]:
    return [rule for rule in catalog.rules.values() if rule.engine != "gdpr-guard"]


@pytest.fixture(scope="module")
def examples_scan(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ScanResult]:
    root = tmp_path_factory.mktemp("catalog-examples")
    for rule in _engine_rules(catalog):
        for case, text in (("fail", rule.example_fail), ("fix", rule.example_fix)):
            folder = root / rule.id / case
            folder.mkdir(parents=True)
            (folder / _file_name(rule)).write_text(text, encoding="utf-8")
    analyses = tuple(r.id for r in catalog.rules.values() if r.engine == "gdpr-guard")
    return root, run_scan([root], root, Config(disable=analyses), catalog)


def test_examples_scan_without_errors(examples_scan: tuple[Path, ScanResult]) -> None:
    assert examples_scan[1].errors == ()


def _rule_ids() -> list[str]:
    from gdpr_guard import catalog as catalog_module

    return [rule.id for rule in _engine_rules(catalog_module.load())]


@pytest.mark.parametrize("rule_id", _rule_ids())
def test_catalog_example(rule_id: str, examples_scan: tuple[Path, ScanResult]) -> None:
    _, result = examples_scan
    reported = {f.location.path.split("/")[1] for f in result.findings
                if f.rule_id == rule_id and f.location.path.startswith(rule_id + "/")}
    assert reported == {"fail"}, f"{rule_id}: example.fail must be reported and example.fix must not"
