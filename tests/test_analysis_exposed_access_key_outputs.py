"""GG-CRED-006: an aws_iam_access_key secret published through a Terraform output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from gdpr_guard.analyses import ANALYSES, RULES, exposed_access_key_outputs
from gdpr_guard.targets import discover

FIXTURES = Path(__file__).parent / "fixtures" / "analyses" / "exposed_access_key_outputs"


def _run(root: Path = FIXTURES) -> list:
    root = root.resolve()
    return exposed_access_key_outputs.analyse(discover([root], root), {})


def test_exposed_outputs_exact_findings() -> None:
    found = {(f.rule_id, f.location.path, f.location.start_line, f.resource) for f in _run()}
    assert found == {
        ("GG-CRED-006", "keys/outputs.tf", 1, "output.fail_ci_secret"),
        ("GG-CRED-006", "keys/outputs.tf", 5, "output.fail_ci_secret_sensitive"),
        ("GG-CRED-006", "keys/outputs.tf", 10, "output.fail_smtp_password"),
        ("GG-CRED-006", "keys/outputs.tf", 15, "output.fail_whole_key"),
        ("GG-CRED-006", "keys/outputs.tf", 20, "output.fail_credentials_map"),
        ("GG-CRED-006", "keys/outputs.tf", 27, "output.fail_per_user_secrets"),
        # 0.11 interpolation and legacy splat; legacy/broken.tf does not parse and is skipped
        ("GG-CRED-006", "legacy/outputs.tf", 7, "output.fail_legacy_secrets"),
    }
    assert all(f.related == () and f.engine == "gdpr-guard" for f in _run())


def test_detail_names_the_attribute_and_the_sensitive_flag() -> None:
    by_resource = {f.resource: f for f in _run()}
    assert by_resource["output.fail_ci_secret"].detail == "It returns aws_iam_access_key.ci.secret."
    sensitive = by_resource["output.fail_ci_secret_sensitive"].detail
    assert "aws_iam_access_key.ci.secret" in sensitive and "`sensitive = true` only hides it" in sensitive
    assert "aws_iam_access_key.smtp.ses_smtp_password_v4" in by_resource["output.fail_smtp_password"].detail
    assert "whole resource" in by_resource["output.fail_whole_key"].detail
    assert "aws_iam_access_key.per_user" in by_resource["output.fail_per_user_secrets"].detail


def test_key_context_reaches_the_personal_data_classifier() -> None:
    smtp = {f.resource: f for f in _run()}["output.fail_smtp_password"]
    assert "lab-results-mailer" in smtp.context


def test_registered() -> None:
    assert ANALYSES["exposed_access_key_outputs"] is exposed_access_key_outputs.analyse
    assert RULES["exposed_access_key_outputs"] == ("GG-CRED-006",)


def test_pgp_key_makes_secret_outputs_acceptable(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_iam_access_key" "k" {\n  user    = "u"\n  pgp_key = var.pgp_key\n}\n\n'
        'output "secret" {\n  value = aws_iam_access_key.k.secret\n}\n\n'
        'output "whole" {\n  value = aws_iam_access_key.k\n}\n\n'
        'output "encrypted" {\n  value = aws_iam_access_key.k.encrypted_ses_smtp_password_v4\n}\n')
    assert exposed_access_key_outputs.analyse(discover([tmp_path], tmp_path), {}) == []


def test_cli_reports_the_output(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "keys", tmp_path / "keys")
    base = [sys.executable, "-m", "gdpr_guard", "scan", "keys", "--root", "."]
    run = subprocess.run([*base, "--format", "json", "--sarif-file", "out.sarif", "--markdown-file", "out.md"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert report["errors"] == []
    mine = {(f["location"]["path"], f["location"]["start_line"], f["resource"])
            for f in report["findings"] if f["rule_id"] == "GG-CRED-006"}
    assert mine == {
        ("keys/outputs.tf", 1, "output.fail_ci_secret"),
        ("keys/outputs.tf", 5, "output.fail_ci_secret_sensitive"),
        ("keys/outputs.tf", 10, "output.fail_smtp_password"),
        ("keys/outputs.tf", 15, "output.fail_whole_key"),
        ("keys/outputs.tf", 20, "output.fail_credentials_map"),
        ("keys/outputs.tf", 27, "output.fail_per_user_secrets"),
    }
    assert "GG-CRED-006" in (tmp_path / "out.sarif").read_text(encoding="utf-8")
    assert "GG-CRED-006" in (tmp_path / "out.md").read_text(encoding="utf-8")
    text = subprocess.run([*base, "--format", "text"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, check=False)
    assert "GG-CRED-006" in text.stdout and "output.fail_ci_secret" in text.stdout
