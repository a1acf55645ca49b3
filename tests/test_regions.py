"""Terraform findings at the offending attribute: tf_regions on parsed blocks, then real checkov end to end
(the attribute's line, the block as SARIF relatedLocations, stable fingerprints, --diff-base, suppressions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import gdpr_guard
from test_gates import _git

from gdpr_guard import sarif_validate, tf_regions
from gdpr_guard.finding import Location

GROUP = """\
resource "aws_security_group" "exchange" {
  name = "lab-exchange"
  ingress {
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["10.0.0.0/8"]
  }
  ingress {
    from_port = 21
    to_port   = 21
    cidr_blocks = [
      "0.0.0.0/0",
    ]
  }
  logging {
    enabled = true
  }
}
"""


@pytest.fixture()
def group(tmp_path: Path) -> Path:
    path = tmp_path / "main.tf"
    path.write_text("# header\n\n" + GROUP, encoding="utf-8")
    return path


BLOCK = Location("main.tf", 3, 20)


@pytest.mark.parametrize(("keys", "expected"), [
    (["name"], Location("main.tf", 4, 4, 3, 24)),
    (["resource_type", "name"], Location("main.tf", 4, 4, 3, 24)),
    (["ingress/[1]"], Location("main.tf", 10, 16, 3, 4)),
    (["ingress/[1]/cidr_blocks"], Location("main.tf", 13, 15, 5, 6)),
    (["ingress/[0]/from_port"], Location("main.tf", 6, 6, 5, 22)),
    (["logging/target_bucket"], Location("main.tf", 17, 19, 3, 4)),
    (["logging", "logging/enabled"], Location("main.tf", 18, 18, 5, 19)),
])
def test_the_one_written_key_is_the_region(group: Path, keys: list[str], expected: Location) -> None:
    assert tf_regions.narrow(group, BLOCK, keys) == expected


@pytest.mark.parametrize("keys", [
    [],
    ["resource_type"],
    ["description"],                      # missing attribute: the block stays the region
    ["egress/cidr_blocks"],               # missing nested block
    ["ingress/*/cidr_blocks"],            # written in both ingress blocks: cannot tell which fails
    ["ingress"],
    ["name", "logging/enabled"],          # two written values
])
def test_no_region_when_missing_or_ambiguous(group: Path, keys: list[str]) -> None:
    assert tf_regions.narrow(group, BLOCK, keys) is None


def test_unparseable_or_unreadable_block_keeps_the_block(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tf"
    broken.write_text('resource "a" "b" {\n  name = \n}\n', encoding="utf-8")
    assert tf_regions.narrow(broken, Location("broken.tf", 1, 3), ["name"]) is None
    assert tf_regions.narrow(tmp_path / "missing.tf", Location("missing.tf", 1, 3), ["name"]) is None


DB = """\
resource "aws_db_instance" "results" {
  identifier          = "lab-results"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 20
  storage_encrypted   = false
  publicly_accessible = true
  iam_database_authentication_enabled = true
  enabled_cloudwatch_logs_exports     = ["postgresql"]
}
"""


def _scan(repo: Path, *extra: str) -> dict[str, tuple[int, int | None]]:
    run = gdpr_guard("scan", ".", "--format", "json", *extra, cwd=repo)
    assert run.returncode in (0, 1), run.stderr
    data = json.loads(run.stdout)
    assert data["errors"] == []
    return {f["rule_id"]: (f["location"]["start_line"], (f["block"] or {}).get("start_line"))
            for f in data["findings"] if f["resource"] == "aws_db_instance.results"}


def test_literal_unsafe_values_are_reported_at_their_lines(tmp_path: Path) -> None:
    (tmp_path / "db.tf").write_text(DB, encoding="utf-8")
    sarif_path = tmp_path / "out.sarif"
    run = gdpr_guard("scan", ".", "--format", "json", "--sarif-file", str(sarif_path), cwd=tmp_path)
    found = {(f["rule_id"], f["location"]["start_line"], f["location"]["start_column"], f["location"]["end_column"],
              json.dumps(f["block"])) for f in json.loads(run.stdout)["findings"]}
    block = json.dumps({"path": "db.tf", "start_line": 1, "end_line": 10, "start_column": None, "end_column": None})
    assert found == {("GG-ENC-001", 6, 3, 30, block), ("GG-PUB-004", 7, 3, 29, block)}
    sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
    assert sarif_validate.problems(sarif_path.read_text(encoding="utf-8")) == []
    results = {r["ruleId"]: r for r in sarif["runs"][0]["results"]}
    region = results["GG-ENC-001"]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 6, "startColumn": 3, "endColumn": 30,
                      "snippet": {"text": "  storage_encrypted   = false"}}
    related = results["GG-ENC-001"]["relatedLocations"]
    assert [(r["id"], r["physicalLocation"]["region"]["startLine"], r["physicalLocation"]["region"]["endLine"],
             r["message"]["text"]) for r in related] == [(1, 1, 10, "resource block aws_db_instance.results")]
    assert related[0]["physicalLocation"]["region"]["snippet"]["text"] == DB.rstrip("\n")


def test_fingerprints_do_not_move_with_the_attribute(tmp_path: Path) -> None:
    (tmp_path / "db.tf").write_text(DB, encoding="utf-8")
    before = json.loads(gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout)["findings"]
    (tmp_path / "db.tf").write_text("\n\n" + DB.replace('  engine ', '  # the LIMS database\n  engine '),
                                    encoding="utf-8")
    after = json.loads(gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout)["findings"]
    assert [(f["rule_id"], f["location"]["start_line"]) for f in after] == [("GG-ENC-001", 9), ("GG-PUB-004", 10)]
    assert [f["fingerprint"] for f in after] == [f["fingerprint"] for f in before]


def test_diff_base_counts_a_change_of_the_line_or_of_its_block(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "db.tf").write_text(DB, encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    assert _scan(tmp_path, "--diff-base", "main") == {}
    # Only another line of the block changes: both attribute findings still belong to the change.
    (tmp_path / "db.tf").write_text(DB.replace('"db.t3.medium"', '"db.t3.large"'), encoding="utf-8")
    assert _scan(tmp_path, "--diff-base", "main") == {"GG-ENC-001": (6, 1), "GG-PUB-004": (7, 1)}


def test_a_suppression_above_the_block_still_covers_an_attribute_finding(tmp_path: Path) -> None:
    (tmp_path / "db.tf").write_text(
        '# gdpr-guard: ignore[GG-PUB-004] reason="bastion-only subnet, ticket NET-7" until=2999-01-01\n' + DB,
        encoding="utf-8")
    run = gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path)
    findings = {(f["rule_id"], f["location"]["start_line"], bool(f["suppression"]))
                for f in json.loads(run.stdout)["findings"]}
    assert findings == {("GG-ENC-001", 7, False), ("GG-PUB-004", 8, True)}
