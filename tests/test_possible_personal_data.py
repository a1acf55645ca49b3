"""`personal_data: possible`: unknown content keeps the base severity, personal data raises it, an
explicit non-personal tag silences it (unlike `escalate`, which a tag never silences)."""

from __future__ import annotations

import pytest

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.finding import Location, RawFinding, ScanResult, Severity
from gdpr_guard.scan import _map


def _raw(rule: str, resource: str, tags: dict[str, str] | None = None) -> RawFinding:
    return RawFinding(rule_id=rule, location=Location("main.tf", 1, 1), engine="checkov",
                      resource=resource, snippet="", context=resource,
                      tags=tuple(sorted((tags or {}).items())))


@pytest.mark.parametrize(("resource", "tags", "expected"), [
    ("aws_s3_bucket.exports", {}, Severity.MEDIUM),  # content unknown: possibly personal, base severity
    ("aws_s3_bucket.exports", {"data_classification": "internal"}, Severity.MEDIUM),  # a level, not a "no"
    ("aws_s3_bucket.crm", {"pii": "true"}, Severity.HIGH),
    ("aws_s3_bucket.results", {"data_classification": "health"}, Severity.CRITICAL),
    ("aws_s3_bucket.patient_exports", {}, Severity.HIGH),  # a name alone is weak evidence: never critical
    ("aws_s3_bucket.website", {"data_classification": "public"}, None),
    ("aws_s3_bucket.website", {"personal_data": "no"}, None),
])
def test_possible_rule(catalog: Catalog, resource: str, tags: dict[str, str], expected: Severity | None) -> None:
    rule = catalog.rules["GG-LOG-002"]
    assert rule.personal_data == "possible" and rule.severity is Severity.MEDIUM
    finding = _map(_raw("GG-LOG-002", resource, tags), catalog, Config())
    assert (finding.severity if finding else None) == expected


def test_escalate_rule_is_not_silenced_by_a_tag(catalog: Catalog) -> None:
    rule = catalog.rules["GG-PUB-001"]
    assert rule.personal_data == "escalate"
    finding = _map(_raw("GG-PUB-001", "aws_s3_bucket.website", {"data_classification": "public"}), catalog, Config())
    assert finding is not None and finding.severity is rule.severity


def test_unknown_bucket_is_reported_at_base_severity(catalog: Catalog, fixtures_scan: ScanResult) -> None:
    """The issue's case, through the real engine: a bucket named `data` holding customer-master.xlsx,
    without encryption or access logging, at each rule's base severity; the public-tagged bucket beside
    it is silent."""
    path = "tests/fixtures/terraform/possible_personal_data/customer_workbook/main.tf"
    found = {(f.rule_id, f.resource, f.severity) for f in fixtures_scan.findings if f.location.path == path}
    assert found == {
        ("GG-ENC-003", "aws_s3_bucket.fail_data", catalog.rules["GG-ENC-003"].severity),
        ("GG-LOG-002", "aws_s3_bucket.fail_data", catalog.rules["GG-LOG-002"].severity),
    }
