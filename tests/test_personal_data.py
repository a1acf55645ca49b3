"""Personal-data classification on real schema names, and the escalation table (Art. 32(1)-(2), recital 76)."""

from __future__ import annotations

import pytest

from gdpr_guard.catalog import PersonalDataMode
from gdpr_guard.config import PersonalData
from gdpr_guard.finding import DataCategory, Location, RawFinding, Severity
from gdpr_guard.personal_data import PERSONAL, SPECIAL, Classification, classify, escalate

SETTINGS = PersonalData()
LOW, MEDIUM, HIGH, CRITICAL = Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL


def _raw(resource: str, snippet: str = "", tags: dict[str, str] | None = None) -> RawFinding:
    return RawFinding(rule_id="GG-ENC-004", location=Location("main.tf", 1, 1), engine="checkov",
                      resource=resource, snippet=snippet, context=resource + "\n" + snippet,
                      tags=tuple(sorted((tags or {}).items())))


def _script(snippet: str, path: str = "etl/export.py") -> RawFinding:
    return RawFinding(rule_id="GG-MIN-101", location=Location(path, 3, 3), engine="semgrep",
                      snippet=snippet, context=snippet)


def _found(raw: RawFinding) -> tuple[str, str, str] | None:
    data = classify(raw, SETTINGS)
    return None if data is None else (data.category, data.label, data.reason)


@pytest.mark.parametrize(("resource", "snippet", "tags", "expected"), [
    ("aws_s3_bucket.results", "", {"data_classification": "health"},
     (SPECIAL, "special category: health", "tag data_classification=health")),
    ("aws_s3_bucket.crm", "", {"pii": "true"}, (PERSONAL, "personal data", "tag pii=true")),
    # a `special_category` tag is a special category, never called "health"
    ("aws_s3_bucket.x", "", {"data_classification": "special_category"},
     (SPECIAL, "special category (unspecified)", "tag data_classification=special_category")),
    ("aws_s3_bucket.x", "", {"data_classification": "special"},
     (SPECIAL, "special category (unspecified)", "tag data_classification=special")),
    # a sensitivity level says nothing about people: names decide
    ("aws_s3_bucket.artifacts", "", {"data_classification": "internal"}, None),
    ("aws_s3_bucket.patient_exports", "", {"data_classification": "confidential"},
     (PERSONAL, "personal data: patients", 'name matches "patient"')),
    # the owner's "not personal" wins over a name
    ("aws_s3_bucket.lab_press_kit", "", {"data_classification": "public"}, None),
    ("aws_s3_bucket.patients_anon", "", {"personal_data": "anonymised"}, None),
    ("aws_s3_bucket.lab_results", "", {}, (SPECIAL, "special category: health", 'name matches "lab_results"')),
    ("aws_s3_bucket.lab_invoices", "", {}, (PERSONAL, "personal data", 'name matches "lab"')),
    ("aws_s3_bucket.collaborators", "", {}, None),
    # configuration vocabulary is not a name
    ("google_storage_bucket.press_kit", 'labels = { team = "comms" }', {}, None),
    ("aws_lb_target_group.api", "health_check {\n  healthy_threshold = 3\n}", {}, None),
    ("aws_kms_key.main", 'customer_master_key_spec = "SYMMETRIC_DEFAULT"', {}, None),
    ("aws_lb_target_group.patient_portal", "health_check {}", {},
     (PERSONAL, "personal data: patients", 'name matches "patient"')),
    ("aws_s3_bucket.healthcheck_patient_exports", "", {},
     (PERSONAL, "personal data: patients", 'name matches "patient"')),
    # column words are read in a Terraform address, not in its configuration attributes
    ("aws_s3_bucket.user_emails", "", {}, (PERSONAL, "personal data: e-mail address", 'name matches "emails"')),
    ("aws_sns_topic_subscription.alerts", 'protocol = "email"', {}, None),
    ("aws_network_interface.app", 'private_ip_address = "10.0.0.5"', {}, None),
])
def test_terraform_classification(resource: str, snippet: str, tags: dict[str, str],
                                  expected: tuple[str, str, str] | None) -> None:
    assert _found(_raw(resource, snippet, tags)) == expected


@pytest.mark.parametrize("value", ["genetic", "biometric", "racial_or_ethnic_origin", "political_opinions",
                                   "religious_beliefs", "trade_union_membership", "sex_life_or_orientation",
                                   "health", "criminal_convictions", "nir"])
def test_every_special_category_tag_is_special(value: str) -> None:
    data = classify(_raw("aws_s3_bucket.x", tags={"data_category": value}), SETTINGS)
    assert data is not None and data.category == SPECIAL and not data.weak
    assert data.label != "special category: health" or value == "health"


# Names that carry personal data on real schemas (issue 11), with the label shown.
POSITIVE_NAMES = [
    ("SELECT * FROM users", "personal data: users"),
    ("SELECT * FROM app_users WHERE active", "personal data: users"),
    ("SELECT * FROM user_accounts", "personal data: users"),
    ("SELECT email, created_at FROM accounts", "personal data: e-mail address"),
    ("SELECT * FROM newsletter_emails", "personal data: e-mail address"),
    ("SELECT phone_number FROM contacts", "personal data: phone number"),
    ("SELECT * FROM login_events WHERE ip_address IS NOT NULL", "personal data: IP address"),
    ("SELECT remote_addr FROM access_log", "personal data: IP address"),
    ("SELECT date_of_birth FROM members", "personal data: date of birth"),
    ("SELECT dob FROM members", "personal data: date of birth"),
    ("SELECT birthDate FROM members", "personal data: date of birth"),
    ("SELECT * FROM employees", "personal data: employees"),
    ("SELECT * FROM payroll", "personal data: employees"),
    ("SELECT * FROM payroll_entries", "personal data: employees"),
    ("SELECT * FROM patients", "personal data: patients"),
    ("SELECT * FROM customers", "personal data: customers"),
    ("SELECT first_name, last_name FROM contacts", "personal data: name or postal address"),
    ("SELECT nir FROM assures", "national identifier"),
    ("SELECT ssn FROM applicants", "national identifier"),
    ("SELECT social_security_number FROM applicants", "national identifier"),
    ("SELECT * FROM medical_records", "special category: health"),
    ("SELECT diagnosis FROM visits", "special category: health"),
    ("SELECT * FROM health_data", "special category: health"),
    ("SELECT * FROM genetic_tests", "special category: genetic data"),
    ("SELECT * FROM biometric_templates", "special category: biometric data"),
    ("SELECT ethnicity FROM survey", "special category: racial or ethnic origin"),
    ("SELECT political_opinions FROM survey", "special category: political opinions"),
    ("SELECT religion FROM survey", "special category: religious or philosophical beliefs"),
    ("SELECT * FROM trade_union_dues", "special category: trade-union membership"),
    ("SELECT sexual_orientation FROM survey", "special category: sex life or sexual orientation"),
    ("SELECT * FROM criminal_records", "criminal-offence data (Art. 10)"),
]
# Names that only look medical or personal: software telemetry and configuration.
NEGATIVE_NAMES = [
    "SELECT * FROM diagnostics",
    "SELECT * FROM app_diagnostics",
    "SELECT account_id, health_score FROM account_health",
    "SELECT * FROM success_metrics WHERE health_score < 3",
    "SELECT * FROM healthcheck",
    "SELECT * FROM health_check_results",
    "SELECT * FROM service_health_status",
    "SELECT * FROM build_labels",
    "SELECT * FROM feature_flags",
    "SELECT * FROM deployments",
    "SELECT * FROM collaborators_count",
    # a payroll module's own settings (one settings record moved between two settings doctypes)
    "select * from tabSingles where doctype = 'Payroll Settings'",
    "SELECT * FROM payroll_config",
    'special_group = "allAuthenticatedUsers"',  # IAM principals: everyone, not a users table
    'member = "allUsers"',
    'uri = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"',
]


@pytest.mark.parametrize(("snippet", "label"), POSITIVE_NAMES)
def test_personal_names(snippet: str, label: str) -> None:
    data = classify(_script(snippet), SETTINGS)
    assert data is not None and (data.label, data.weak) == (label, True)
    assert data.reason.startswith('name matches "')


def test_account_health_score_is_not_health_data() -> None:
    # the customer-success "account health score" of issue 11: not health data (no special category)
    data = classify(_script("SELECT * FROM customer_account_health_score"), SETTINGS)
    assert data is not None and (data.category, data.label) == (PERSONAL, "personal data: customers")


@pytest.mark.parametrize("snippet", NEGATIVE_NAMES)
def test_not_personal_names(snippet: str) -> None:
    assert classify(_script(snippet), SETTINGS) is None


def _data(category: str, weak: bool = False) -> Classification:
    return Classification(DataCategory(category), "tag x=y", "label", weak)


# (catalog severity, category, evidence is weak, mode) -> effective severity
ESCALATION_TABLE = [
    # escalate: personal +1, special +2
    (LOW, PERSONAL, False, "escalate", MEDIUM),
    (MEDIUM, PERSONAL, False, "escalate", HIGH),
    (HIGH, PERSONAL, False, "escalate", CRITICAL),
    (CRITICAL, PERSONAL, False, "escalate", CRITICAL),
    (LOW, SPECIAL, False, "escalate", HIGH),  # the cap: a low (hygiene) rule reaches at most high
    (MEDIUM, SPECIAL, False, "escalate", CRITICAL),
    (HIGH, SPECIAL, False, "escalate", CRITICAL),
    (CRITICAL, SPECIAL, False, "escalate", CRITICAL),
    # weak (name-only) evidence never raises to critical
    (MEDIUM, SPECIAL, True, "escalate", HIGH),
    (HIGH, PERSONAL, True, "escalate", HIGH),
    (HIGH, SPECIAL, True, "escalate", HIGH),
    (LOW, PERSONAL, True, "escalate", MEDIUM),
    (CRITICAL, PERSONAL, True, "escalate", CRITICAL),  # never lowered
    # only: the rule already assumes personal data; a special category adds one step
    (MEDIUM, PERSONAL, False, "only", MEDIUM),
    (MEDIUM, SPECIAL, False, "only", HIGH),
    (HIGH, SPECIAL, False, "only", CRITICAL),
    (LOW, SPECIAL, False, "only", MEDIUM),
    (HIGH, SPECIAL, True, "only", HIGH),
    # none: the catalog severity
    (MEDIUM, SPECIAL, False, "none", MEDIUM),
    (LOW, PERSONAL, False, "none", LOW),
]


@pytest.mark.parametrize(("base", "category", "weak", "mode", "expected"), ESCALATION_TABLE)
def test_escalation_table(base: Severity, category: str, weak: bool, mode: str, expected: Severity) -> None:
    assert escalate(base, _data(category, weak), PersonalDataMode(mode)) == expected


@pytest.mark.parametrize("mode", ["escalate", "only", "none"])
def test_no_data_no_escalation(mode: str) -> None:
    assert [escalate(s, None, PersonalDataMode(mode)) for s in Severity] == list(Severity)


@pytest.mark.parametrize("value", ["genetic", "biometric", "racial_or_ethnic_origin", "political_opinions",
                                   "religious_beliefs", "trade_union_membership", "sex_life_or_orientation",
                                   "health", "criminal_convictions", "nir", "special_category"])
def test_every_special_category_escalates_two_steps(value: str) -> None:
    data = classify(_raw("aws_db_instance.x", tags={"data_category": value}), SETTINGS)
    assert escalate(MEDIUM, data, PersonalDataMode.ESCALATE) == CRITICAL
    assert escalate(LOW, data, PersonalDataMode.ESCALATE) == HIGH


def test_payroll_settings_patch_is_not_employee_data() -> None:
    # A patch moving one settings record between two settings doctypes of an HR application: the file
    # name and the query name the payroll module's settings, not anyone's pay.
    raw = _script("frappe.db.sql(\"select * from tabSingles where doctype = 'Payroll Settings'\")",
                  path="hr/patches/move_payroll_setting_out_of_hr_settings.py")
    assert classify(raw, SETTINGS) is None
    pay_slips = _script("frappe.db.sql(\"select * from `tabSalary Slip`\")", path="hr/patches/export_payroll.py")
    data = classify(pay_slips, SETTINGS)
    assert data is not None and (data.label, data.weak) == ("personal data: employees", True)
    assert escalate(MEDIUM, data, PersonalDataMode.ESCALATE) == HIGH  # personal, not special: one step, never critical
