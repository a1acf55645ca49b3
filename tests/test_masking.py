"""No credential value reaches a report: unit cases, and a real scan rendered in every format."""

from __future__ import annotations

import json

import pytest

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import ScanResult
from gdpr_guard.masking import MASK, mask
from gdpr_guard.reporters import REPORTERS, ReportOptions

SHAPES = [
    ('conn = psycopg2.connect(host="db", password="Lims#2021")', "Lims#2021"),
    ("PGPASSWORD=hunter22 pg_dump -h db lims > dump.sql", "hunter22"),
    ("mysql -uroot -pS3cret! lims", "S3cret!"),
    ("curl -u bob:pa55word ftp://files.example/", "pa55word"),
    ('engine = create_engine("postgresql://etl:Sup3rS3cret@db/lims")', "Sup3rS3cret"),
    ('aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("CREATE USER etl WITH PASSWORD 'etl2021';", "etl2021"),
    ("IDENTIFIED BY 'Migr4tion'", "Migr4tion"),
    ('sshpass -p "x9y8z7" scp dump.sql lab@host:', "x9y8z7"),
    ("lftp -u lab,Lab2021 sftp://x", "Lab2021"),
    ('access_key = "AKIAIOSFODNN7EXAMPLE"', "AKIAIOSFODNN7EXAMPLE"),
    ("export MYSQL_PWD='abc123'", "abc123"),
    ('settings = {"password": "hunter2"}', "hunter2"),
    ('  master_password = "Sh4red!"', "Sh4red!"),
    ("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA"),
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc", "eyJhbGciOiJIUzI1NiJ9.abc"),
    ("token = ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"),
]


@pytest.mark.parametrize(("text", "secret"), SHAPES, ids=[s for _, s in SHAPES])
def test_credential_shapes_are_masked(text: str, secret: str) -> None:
    masked = mask(text)
    assert secret not in masked
    assert MASK in masked


@pytest.mark.parametrize("text", [
    "password = var.db_password",
    'password = os.environ["DB_PASSWORD"]',
    "password: ${DB_PASSWORD}",
    "  password = random_password.db.result",
    "pg_dump -p 5432 -h db lims",
])
def test_references_are_left_readable(text: str) -> None:
    assert mask(text) == text


def test_known_secret_values_are_masked_anywhere() -> None:
    assert mask("the value Lims#2021 again", ["Lims#2021"]) == f"the value {MASK} again"


def test_no_fixture_secret_in_any_format(fixtures_scan: ScanResult, catalog: Catalog) -> None:
    # Values committed in tests/fixtures/scripts/python/hardcoded_db_password.py.
    secrets = ["Lims#2021", "static-pass"]
    reports = {name: render(fixtures_scan, catalog, ReportOptions()) for name, render in REPORTERS.items()}
    assert all("GG-CRED-101" in r for r in reports.values())
    # SARIF also carries each rule's documentation, whose examples may show a made-up literal.
    reports["sarif"] = json.dumps(json.loads(reports["sarif"])["runs"][0]["results"])
    for name, report in reports.items():
        for secret in secrets:
            assert secret not in report, (name, secret)


@pytest.mark.parametrize("text", [text for text, _ in SHAPES] + [
    'DB_PASSWORD = "Lims#2021"', "Export PGPassword=Hunter22", 'Master_Password = "Sh4red!"',
    "AUTHORIZATION: BEARER eyJhbGciOiJIUzI1NiJ9.abc", "Create User etl With Password 'Etl2021';",
    'passwörd = "x"; password = "Ünïcode-Sécret"', "ḾIXED İstanbul token=Abc123xyz",
    "POSTGRESQL://etl:Sup3rS3cret@db/lims", 'kms_key_id = aws_kms_key.lab.arn\n  password = var.db',
])
def test_fast_lower_case_matching_agrees_with_case_insensitive_regexes(text: str) -> None:
    # mask() matches (?i) patterns against the lower-cased text when it is ASCII (10x faster than re.I);
    # the result must be exactly what the case-insensitive patterns give on the original text.
    from gdpr_guard import masking

    expected = text
    for pattern, _, group, references, _ in masking._COMPILED:
        expected = masking.mask_value_groups(expected, pattern, group, references)
    expected = masking._AWS_SECRET.sub(masking._mask_if_random, masking._PRIVATE_KEY.sub(
        "-----BEGIN PRIVATE KEY-----" + MASK + "-----END PRIVATE KEY-----", expected))
    assert mask(text) == expected
