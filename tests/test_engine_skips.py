"""The engines' own skip comments hide nothing: `#checkov:skip=` becomes a gdpr-guard suppression (its text as
the reason, none without a reason, listed in every report), `# nosemgrep` is switched off and reported."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from gdpr_guard import reporters
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.scan import run_scan

TODAY = dt.date(2026, 12, 6)
SKIPPED_TF = """\
resource "aws_db_instance" "legacy" {
  #checkov:skip=CKV2_GG_ENC_001:legacy database, encrypted at the volume level
  identifier                  = "legacy"
  engine                      = "postgres"
  instance_class              = "db.t3.medium"
  manage_master_user_password = true
}

resource "aws_db_instance" "quiet" {
  # checkov:skip=CKV2_GG_ENC_001
  identifier                  = "quiet"
  engine                      = "postgres"
  instance_class              = "db.t3.medium"
  manage_master_user_password = true
}
"""
NOSEMGREP_SQL = "CREATE USER etl_reader WITH ENCRYPTED PASSWORD 'R3ader#'; -- nosemgrep\n"


def _repo(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_checkov_skip_comment_is_a_visible_suppression(tmp_path: Path, catalog: Catalog) -> None:
    repo = _repo(tmp_path, "main.tf", SKIPPED_TF)
    result = run_scan([repo], repo, Config(enable=("GG-ENC-001",)), catalog, TODAY)
    found = {(f.rule_id, f.resource, f.suppression.reason if f.suppression else None) for f in result.findings}
    assert found == {("GG-ENC-001", "aws_db_instance.legacy", "legacy database, encrypted at the volume level"),
                     ("GG-ENC-001", "aws_db_instance.quiet", None)}
    assert result.notices == ('main.tf:10: suppression of GG-ENC-001 has no reason="...": not applied',)
    sarif = json.loads(reporters.REPORTERS["sarif"](result, catalog, reporters.ReportOptions()))
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [s["suppressions"] for s in suppressed] == [[{
        "kind": "inSource", "status": "accepted", "justification": "legacy database, encrypted at the volume level"}]]


def test_checkov_skip_comment_through_the_console_script(tmp_path: Path) -> None:
    """The CLI runs checkov through the worker it starts ahead (prestart.py): skips are switched off there too."""
    repo = _repo(tmp_path, "main.tf", SKIPPED_TF)
    run = subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", ".", "--format", "json"], cwd=repo,
                         capture_output=True, text=True, env={**os.environ}, timeout=300)
    data = json.loads(run.stdout)
    found = {(f["resource"], f["suppression"] is not None) for f in data["findings"] if f["rule_id"] == "GG-ENC-001"}
    assert found == {
        ("aws_db_instance.legacy", True), ("aws_db_instance.quiet", False)}, run.stderr


def test_nosemgrep_does_not_hide_a_finding(tmp_path: Path, catalog: Catalog) -> None:
    repo = _repo(tmp_path, "V1__users.sql", NOSEMGREP_SQL)
    result = run_scan([repo], repo, Config(), catalog, TODAY)
    assert {(f.rule_id, f.location.path, f.location.start_line, f.suppression) for f in result.findings} >= {
        ("GG-CRED-109", "V1__users.sql", 1, None)}
    assert ("V1__users.sql:1: nosemgrep is not applied (it names no gdpr-guard rule and gives no reason): "
            'use gdpr-guard: ignore[GG-...] reason="..."') in result.notices


def test_a_suppression_without_brackets_is_reported(tmp_path: Path, catalog: Catalog) -> None:
    repo = _repo(tmp_path, "V1__users.sql", "-- gdpr-guard: ignore GG-CRED-109 reason=\"test user\"\n"
                 "CREATE USER etl_reader WITH ENCRYPTED PASSWORD 'R3ader#';\n")
    result = run_scan([repo], repo, Config(), catalog, TODAY)
    assert ("GG-CRED-109", 2, None) in {(f.rule_id, f.location.start_line, f.suppression) for f in result.findings}
    assert ('V1__users.sql:1: suppression without [RULE-IDS] is not applied: write gdpr-guard: ignore[GG-...] '
            'reason="..."') in result.notices
