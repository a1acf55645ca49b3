"""GitHub shows the severity we report: a rule's security-severity is the highest of its results in the run
(reporters/sarif.py says why), each result keeps its own, rule ids and fingerprints do not move."""

from __future__ import annotations

import json
from dataclasses import replace

from gdpr_guard import merge, reporters
from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import Finding, Location, ScanResult, Severity

OPTIONS = reporters.ReportOptions()


def _finding(rule: str, severity: Severity, path: str, category: str | None = None) -> Finding:
    return Finding(rule_id=rule, location=Location(path, 3, 9), severity=severity, message="m", engine="checkov",
                   resource="aws_db_instance.x", data_category=category, data_reason="tag" if category else None,
                   fingerprint=f"fp-{path}")


def _sarif(findings: list[Finding]) -> dict:
    return json.loads(reporters.REPORTERS["sarif"](ScanResult(root="/r", findings=tuple(findings)),
                                                   _catalog(), OPTIONS))


_CAT: list[Catalog] = []


def _catalog() -> Catalog:
    if not _CAT:
        from gdpr_guard import catalog
        _CAT.append(catalog.load())
    return _CAT[0]


def _rule(doc: dict, rule_id: str) -> dict:
    return next(r for r in doc["runs"][0]["tool"]["driver"]["rules"] if r["id"] == rule_id)


def test_an_escalated_finding_shows_its_own_severity_on_the_rule() -> None:
    base = _catalog().rules["GG-ENC-001"].severity
    assert base is Severity.HIGH
    plain = _finding("GG-ENC-001", Severity.HIGH, "a.tf")
    doc = _sarif([plain, _finding("GG-ENC-001", Severity.CRITICAL, "b.tf", "health")])
    assert _rule(doc, "GG-ENC-001")["properties"]["security-severity"] == "9.5"
    results = doc["runs"][0]["results"]
    assert [(r["ruleId"], r["properties"]["security-severity"], r["partialFingerprints"]) for r in results] == [
        ("GG-ENC-001", "8.0", {"gdprGuard/v1": "fp-a.tf"}), ("GG-ENC-001", "9.5", {"gdprGuard/v1": "fp-b.tf"})]
    # a rule without results keeps the catalog's base severity, and a run without escalation shows the base
    assert _rule(doc, "GG-ENC-002")["properties"]["security-severity"] == "8.0"
    assert _rule(_sarif([plain]), "GG-ENC-001")["properties"]["security-severity"] == "8.0"


def test_merged_shards_keep_the_highest_rule_severity() -> None:
    escalated = reporters.REPORTERS["sarif"](ScanResult(root="/r", findings=(
        _finding("GG-ENC-001", Severity.CRITICAL, "b.tf", "health"),)), _catalog(), OPTIONS)
    plain = reporters.REPORTERS["sarif"](ScanResult(root="/r", findings=(
        replace(_finding("GG-ENC-001", Severity.HIGH, "a.tf")),)), _catalog(), OPTIONS)
    for order in ([plain, escalated], [escalated, plain]):
        merged = json.loads(merge.merge(order))
        assert _rule(merged, "GG-ENC-001")["properties"]["security-severity"] == "9.5"


def test_merged_shards_keep_one_result_per_fingerprint_the_most_severe() -> None:
    """Two shards reaching one module instance address from different roots: one result, the most severe."""
    health = replace(_finding("GG-ENC-001", Severity.CRITICAL, "modules/db/main.tf", "health"),
                     resource="module.db.aws_db_instance.this", fingerprint="same")
    public = replace(health, severity=Severity.HIGH, data_category=None, data_reason=None)
    docs = [reporters.REPORTERS["sarif"](ScanResult(root="/r", findings=(f,)), _catalog(), OPTIONS)
            for f in (public, health)]
    for order in (docs, docs[::-1]):
        results = json.loads(merge.merge(order))["runs"][0]["results"]
        assert [(r["partialFingerprints"]["gdprGuard/v1"], r["properties"]["severity"]) for r in results] == [
            ("same", "critical")]
