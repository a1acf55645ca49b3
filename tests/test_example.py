"""The bundled example: the exact findings of lab-migration, none in its fixed twin, golden reports.

Golden files are refreshed only on purpose: GDPR_GUARD_UPDATE_GOLDEN=1 python -m pytest tests/test_example.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import REPO, ExampleRun

GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("GDPR_GUARD_UPDATE_GOLDEN") == "1"


def _scan(example: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", f"examples/{example}", *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def example_reports(lab_migration_run: ExampleRun) -> tuple[int, dict[str, str]]:
    return lab_migration_run.code, {**lab_migration_run.reports, "stderr": lab_migration_run.stderr}


def _golden(name: str, actual: str) -> str:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    return path.read_text(encoding="utf-8")


def test_example_exact_findings(example_reports: tuple[int, dict[str, str]]) -> None:
    code, reports = example_reports
    assert code == 1, reports["stderr"]
    data = json.loads(reports["json"])
    assert data["errors"] == []
    found = sorted(f"{f['rule_id']} {f['location']['path']}:{f['location']['start_line']}"
                   + (f" {f['resource']}" if f["resource"] else "") for f in data["findings"])
    expected = _golden("lab-migration.findings.txt", "\n".join(found) + "\n").splitlines()
    assert found == expected
    families = {f["rule_id"].split("-")[1] for f in data["findings"]}
    assert families >= {"ENC", "DEL", "CRED"}
    for finding in data["findings"]:
        assert finding["gdpr"] and finding["cnil"], finding["rule_id"]


# The example's literal unsafe values (issue 17): the finding sits on the attribute, its block is related.
ATTRIBUTE_LINES = {
    ("GG-CRED-001", "aws.default"): (22, "access_key", 20),
    ("GG-PUB-001", "aws_s3_bucket_acl.exports"): (36, "acl", 34),
    ("GG-CRED-002", "aws_db_instance.results"): (47, "password", 40),
    ("GG-PUB-004", "aws_db_instance.results"): (48, "publicly_accessible", 40),
    ("GG-ENC-015", "aws_transfer_server.exchange"): (57, "protocols", 55),
    ("GG-PUB-005", "aws_security_group.exchange"): (70, "ingress", 67),
    ("GG-CRED-005", "aws_iam_user.migration_team"): (81, "name", 80),
}


def test_example_literal_values_point_at_their_attributes(example_reports: tuple[int, dict[str, str]]) -> None:
    _, reports = example_reports
    found = {}
    for result in json.loads(reports["sarif"])["runs"][0]["results"]:
        resource = result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] \
            if "logicalLocations" in result["locations"][0] else None
        region = result["locations"][0]["physicalLocation"]["region"]
        related = [r["physicalLocation"]["region"]["startLine"] for r in result.get("relatedLocations", [])
                   if r.get("message", {}).get("text", "").startswith("resource block")]
        if (result["ruleId"], resource) in ATTRIBUTE_LINES:
            found[(result["ruleId"], resource)] = (region["startLine"], region["snippet"]["text"].split()[0],
                                                   related[0] if related else None)
    assert found == ATTRIBUTE_LINES


def test_example_golden_sarif_and_markdown(example_reports: tuple[int, dict[str, str]]) -> None:
    _, reports = example_reports
    sarif = json.loads(reports["sarif"])
    sarif["runs"][0]["properties"]["engines"] = {}  # engine versions vary between installs
    normalised = json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
    assert normalised == _golden("lab-migration.sarif", normalised)
    assert reports["markdown"] == _golden("lab-migration.md", reports["markdown"])


def test_fixed_example_is_clean() -> None:
    run = _scan("lab-migration-fixed", "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(run.stdout)
    assert data["findings"] == [] and data["errors"] == []
    assert data["summary"]["targets"].get("terraform", 0) > 0
