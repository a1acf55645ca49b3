"""Confidence: findings on weak evidence say so in every format and are never raised to critical by it."""

from __future__ import annotations

import json

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.finding import Location, RawFinding, ScanResult, Severity
from gdpr_guard.reporters import REPORTERS
from gdpr_guard.reporters.common import ReportOptions
from gdpr_guard.scan import NAME_EVIDENCE, _map


def test_untraceable_receivers_are_weak_evidence(fixtures_scan: ScanResult) -> None:
    # A client built by boto3 (lines 17, 31) is strong evidence; a parameter named like one (36) is weak.
    path = "tests/fixtures/scripts/python/upload_receivers.py"
    found = {(f.rule_id, f.location.start_line, f.weak_evidence) for f in fixtures_scan.findings
             if f.location.path == path}
    reason = "the receiver of .upload_file() is not shown to be a boto3 S3 client"
    assert found == {(rule, line, reason if line == 36 else None)
                     for rule in ("GG-ENC-101", "GG-DEL-102") for line in (17, 31, 36)} \
        | {("GG-ENC-101", line, None) for line in (42, 47)}  # Object(...).put of a boto3 resource: strong


def test_rules_that_recognise_their_subject_by_name_are_weak(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    named = {r.id for r in catalog.rules.values() if r.evidence == "name"}
    assert named == {"GG-DEL-001", "GG-DEL-002", "GG-DEL-003", "GG-DEL-004", "GG-DEL-008"}
    found = [f for f in fixtures_scan.findings if f.rule_id in named]
    assert {f.rule_id for f in found} == named
    assert {f.weak_evidence for f in found} == {NAME_EVIDENCE}
    assert all(f.severity < Severity.CRITICAL for f in found)


def test_weak_evidence_is_shown_in_every_format(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    reports = {name: render(fixtures_scan, catalog, ReportOptions()) for name, render in REPORTERS.items()}
    assert "[low confidence: the receiver of .upload_file() is not shown" in reports["text"]
    assert "[low confidence: the receiver of .upload_file() is not shown" in reports["markdown"]
    findings = json.loads(reports["json"])["findings"]
    assert {f["confidence"] for f in findings} == {"high", "low"}
    assert all((f["confidence"] == "low") == bool(f["weak_evidence"]) for f in findings)
    results = json.loads(reports["sarif"])["runs"][0]["results"]
    assert any(r["properties"]["confidence"] == "low" and r["properties"]["weak-evidence"] for r in results)


def test_weak_evidence_is_not_raised_to_critical(catalog: Catalog) -> None:
    tags = (("data_classification", "health"),)  # a tag: strong evidence of a special category
    raw = RawFinding("GG-ENC-001", Location("main.tf", 1, 5), "checkov", resource="aws_db_instance.results",
                     context="aws_db_instance.results", tags=tags)
    assert _map(raw, catalog, Config()).severity is Severity.CRITICAL  # type: ignore[union-attr]
    weak = RawFinding("GG-ENC-001", Location("main.tf", 1, 5), "checkov", resource="aws_db_instance.results",
                      context="aws_db_instance.results", tags=tags, weak_evidence="the instance may not exist")
    mapped = _map(weak, catalog, Config())
    assert mapped is not None and mapped.severity is Severity.HIGH and mapped.confidence == "low"


def test_a_name_alone_raises_at_most_to_high_and_says_it_is_a_name(catalog: Catalog) -> None:
    # GG-ENC-001 is high and `escalate`s: a `patients` name (no tag) is personal data by its name only.
    raw = RawFinding("GG-ENC-001", Location("main.tf", 1, 5), "checkov", resource="aws_db_instance.patients",
                     context="aws_db_instance.patients")
    mapped = _map(raw, catalog, Config())
    assert mapped is not None and mapped.severity is Severity.HIGH
    assert (mapped.data_label, mapped.data_reason) == ("personal data: patients", 'name matches "patients"')
    special = RawFinding("GG-ENC-001", Location("main.tf", 1, 5), "checkov",
                         resource="aws_db_instance.medical_records", context="aws_db_instance.medical_records")
    mapped = _map(special, catalog, Config())
    assert mapped is not None and mapped.severity is Severity.HIGH  # two steps asked, name-only: capped
