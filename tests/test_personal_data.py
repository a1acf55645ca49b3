"""Which findings concern personal or health data (escalation, `personal_data: only` rules)."""

from __future__ import annotations

import pytest

from gdpr_guard.config import PersonalData
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.personal_data import classify

SETTINGS = PersonalData()


def _raw(resource: str, snippet: str = "", tags: dict[str, str] | None = None) -> RawFinding:
    return RawFinding(rule_id="GG-ENC-004", location=Location("main.tf", 1, 1), engine="checkov",
                      resource=resource, snippet=snippet, context=resource + "\n" + snippet,
                      tags=tuple(sorted((tags or {}).items())))


@pytest.mark.parametrize(("resource", "snippet", "tags", "expected"), [
    ("aws_s3_bucket.results", "", {"data_classification": "health"},
     ("health", "tag data_classification=health")),
    ("aws_s3_bucket.crm", "", {"pii": "true"}, ("personal", "tag pii=true")),
    # a sensitivity level says nothing about people: names decide
    ("aws_s3_bucket.artifacts", "", {"data_classification": "internal"}, None),
    ("aws_s3_bucket.patient_exports", "", {"data_classification": "confidential"},
     ("health", 'name matches "patient"')),
    # the owner's "not personal" wins over a name
    ("aws_s3_bucket.lab_press_kit", "", {"data_classification": "public"}, None),
    ("aws_s3_bucket.patients_anon", "", {"personal_data": "anonymised"}, None),
    ("aws_s3_bucket.lab_results", "", {}, ("health", 'name matches "lab_result"')),
    ("aws_s3_bucket.lab_invoices", "", {}, ("personal", 'name matches "lab"')),
    ("aws_s3_bucket.collaborators", "", {}, None),
    # configuration vocabulary is not a name
    ("google_storage_bucket.press_kit", 'labels = { team = "comms" }', {}, None),
    ("aws_lb_target_group.api", "health_check {\n  healthy_threshold = 3\n}", {}, None),
    ("aws_kms_key.main", 'customer_master_key_spec = "SYMMETRIC_DEFAULT"', {}, None),
    ("aws_lb_target_group.patient_portal", "health_check {}", {}, ("health", 'name matches "patient"')),
    ("aws_s3_bucket.healthcheck_patient_exports", "", {}, ("health", 'name matches "patient"')),
    ("aws_s3_bucket.labels_lab_invoices", "", {}, ("personal", 'name matches "lab"')),
])
def test_classification(resource: str, snippet: str, tags: dict[str, str],
                        expected: tuple[str, str] | None) -> None:
    found = classify(_raw(resource, snippet, tags), SETTINGS)
    assert (None if found is None else (found.category, found.reason)) == expected
