"""checkov problems that its exit status and JSON hide: it logs them on stderr and reports the rest as if
nothing happened. gdpr-guard must fail the scan (exit 3), never pass it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EMPTY_REPORT = ("echo '{\"check_type\": \"terraform\", \"results\": {\"failed_checks\": [], \"parsing_errors\": []},"
                " \"summary\": {\"passed\": 0, \"failed\": 0, \"checkov_version\": \"3.3.30\"}}'\n")
CASES = {
    # a broken external check: checkov scans on without it
    "policy-fails-to-load": (
        "echo \"[ERROR]  Cannot load external check 'rds_storage_unencrypted' from /x/rds.py\" >&2\n",
        'resource "aws_db_instance" "x" {\n  engine = "postgres"\n}\n',
        "checkov: our policy rds_storage_unencrypted could not be loaded"),
    # a check that raises on one resource: that resource was not checked
    "check-crashes-on-a-resource": (
        "echo '[ERROR]  Failed to run check CKV_GG_PUB_005 on /main.tf:aws_security_group_rule.x' >&2\n"
        "echo 'UnboundLocalError: cannot access local variable' >&2\n",
        'resource "aws_security_group_rule" "x" {\n  type = "ingress"\n}\n',
        "checkov: check CKV_GG_PUB_005 crashed on /main.tf:aws_security_group_rule.x"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_logged_checkov_failure_is_a_scan_error(name: str, tmp_path: Path) -> None:
    logged, terraform, error = CASES[name]
    fake = tmp_path / "checkov"
    fake.write_text("#!/bin/sh\n" + logged + EMPTY_REPORT, encoding="utf-8")
    fake.chmod(0o755)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "main.tf").write_text(terraform, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", "."], cwd=repo, capture_output=True, text=True,
                         env={**os.environ, "GDPR_GUARD_CHECKOV": str(fake)}, timeout=120)
    assert run.returncode == 3, run.stdout + run.stderr
    assert error in run.stderr
