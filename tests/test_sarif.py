"""SARIF: valid against the official schema, GitHub code-scanning conventions, deterministic."""

from __future__ import annotations

import json
from dataclasses import replace

from gdpr_guard import sarif_validate
from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import ScanError, ScanResult
from gdpr_guard.reporters import REPORTERS, ReportOptions

OPTIONS = ReportOptions()


def _sarif(result: ScanResult, catalog: Catalog) -> dict:
    return json.loads(REPORTERS["sarif"](result, catalog, OPTIONS))


def test_fixture_scan_sarif_is_valid(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    assert fixtures_scan.findings, "the fixtures must produce findings for this test to mean anything"
    text = REPORTERS["sarif"](fixtures_scan, catalog, OPTIONS)
    assert sarif_validate.problems(text) == []


def test_validator_rejects_invalid_sarif(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    document = _sarif(fixtures_scan, catalog)
    document["runs"][0]["results"][0]["level"] = "fatal"
    del document["version"]
    problems = sarif_validate.problems(json.dumps(document))
    assert any(p.startswith("$.runs[0].results[0].level: 'fatal' is not one of") for p in problems)
    assert "$: 'version' is a required property" in problems


def test_github_code_scanning_conventions(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    document = _sarif(fixtures_scan, catalog)
    assert len(document["runs"]) == 1
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "gdpr-guard" and driver["version"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == set(catalog.rules)
    for rule in rules.values():
        assert rule["help"]["markdown"] and rule["help"]["text"]
        props = rule["properties"]
        assert {"security", "gdpr"} <= set(props["tags"])
        assert any(t.startswith("gdpr/art-") for t in props["tags"])
        # availability rules (family BAK) cite no CNIL finding: no cnil/ tag, an empty `cnil` property
        cites = bool(catalog.rules[rule["id"]].cnil)
        assert any(t.startswith("cnil/") for t in props["tags"]) is cites, rule["id"]
        assert bool(props["cnil"]) is cites, rule["id"]
        assert 0.0 < float(props["security-severity"]) <= 10.0
        assert props["precision"] in {"very-high", "high", "medium", "low"}
    assert {t["name"] for t in run["taxonomies"]} == {"GDPR", "CNIL"}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "://" not in uri
        assert result["partialFingerprints"]["gdprGuard/v1"]
        assert "startLine" not in json.dumps(result["partialFingerprints"])
        for taxon in result["taxa"]:
            taxonomy = run["taxonomies"][taxon["toolComponent"]["index"]]
            assert taxonomy["taxa"][taxon["index"]]["id"] == taxon["id"]


def test_rule_help_and_tags_name_the_legal_mapping(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    run = _sarif(fixtures_scan, catalog)["runs"][0]
    rule = {r["id"]: r for r in run["tool"]["driver"]["rules"]}["GG-ENC-001"]
    assert rule["properties"]["tags"][:3] == ["security", "gdpr", "family/enc"]
    assert "gdpr/art-32" in rule["properties"]["tags"] and "cnil/DED-3b" in rule["properties"]["tags"]
    assert "GDPR Art. 32(1)(a)" in rule["help"]["markdown"] and "DED-3b" in rule["help"]["markdown"]
    # the highest severity of the rule's results (escalated fixtures: critical), which GitHub shows
    shown: dict[str, set[str]] = {}
    for result in run["results"]:
        shown.setdefault(result["ruleId"], set()).add(result["properties"]["security-severity"])
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    escalated = {rule_id: values for rule_id, values in shown.items() if len(values) > 1}
    assert escalated, "the fixtures hold escalated findings (personal data raises a rule's severity)"
    for rule_id, values in escalated.items():
        assert rules[rule_id]["properties"]["security-severity"] == max(values, key=float), rule_id


def test_scan_errors_are_invocation_notifications_and_still_valid(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    broken = replace(fixtures_scan,
                     errors=(ScanError("checkov", "infra/main.tf: could not be parsed", "infra/main.tf"),))
    text = REPORTERS["sarif"](broken, catalog, OPTIONS)
    assert sarif_validate.problems(text) == []
    invocation = json.loads(text)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "infra/main.tf: could not be parsed"


def test_reports_are_deterministic(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    for name, render in REPORTERS.items():
        assert render(fixtures_scan, catalog, OPTIONS) == render(fixtures_scan, catalog, OPTIONS), name
    assert "timestamp" not in REPORTERS["sarif"](fixtures_scan, catalog, OPTIONS).lower()
