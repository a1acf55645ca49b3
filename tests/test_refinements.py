"""Refinements: context the engines cannot see (the real-engine case is the s3_account_public_access_block fixture)."""

from __future__ import annotations

from pathlib import Path

from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.refinements import apply
from gdpr_guard.targets import discover

BLOCK = """resource "aws_s3_account_public_access_block" "account" {{
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = {last}
}}
"""


def _finding(path: str) -> RawFinding:
    return RawFinding("GG-PUB-003", Location(path, 1, 3), "checkov", resource="aws_s3_bucket.b")


def test_account_block_covers_its_configuration_only_when_complete(tmp_path: Path) -> None:
    (tmp_path / "covered" / "modules" / "b").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "covered" / "account.tf").write_text(BLOCK.format(last="true"), encoding="utf-8")
    (tmp_path / "other" / "account.tf").write_text(BLOCK.format(last="false"), encoding="utf-8")
    for rel in ("covered/main.tf", "covered/modules/b/main.tf", "other/main.tf"):
        (tmp_path / rel).write_text('resource "aws_s3_bucket" "b" {}\n', encoding="utf-8")
    targets = discover([tmp_path], tmp_path)
    findings = [_finding("covered/main.tf"), _finding("covered/modules/b/main.tf"), _finding("other/main.tf")]
    other_rule = RawFinding("GG-ENC-003", Location("covered/main.tf", 1, 1), "checkov")
    kept = apply(findings + [other_rule], targets)
    assert {(f.rule_id, f.location.path) for f in kept} == {("GG-PUB-003", "other/main.tf"),
                                                              ("GG-ENC-003", "covered/main.tf")}
