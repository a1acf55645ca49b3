"""The placeholder filter every credential rule shares: a table of values that are and are not secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.placeholders import is_placeholder
from gdpr_guard.scan import run_scan

NOT_SECRETS = ["", "SNOWFLAKE_PASSWORD", "DB_PASS", "inherit", "string", "String", "null", "${DB_PASSWORD}",
               "${{ secrets.DB_PASSWORD }}", "{{ db_password }}", "$PGPASSWORD", "%(password)s", "%s", "<password>",
               "{password}", ":password", "?", "****", "xxxx", "secrets.DB_PASSWORD", "var.db_password",
               "env.TOKEN", "os.environ['X']", "db_password", "snowflake-secret", "your_password", "redacted",
               "url", "get_stream_token", "xoxb-valid", "sk_test_dummy", "fake-api-key", "password changed",
               "Mot de passe modifié", "secret rotated by the operator", "simulated-no-login"]
SECRETS = ["Lab2021!", "Team2021!", "hunter2", "s3cr3t_PASSWORD", "changeme", "password123", "sk_live_51HqLx2",
           "AKIAIOSFODNN7EXAMPLE", "Passw0rd", "correct horse battery staple", "P_A_S_S_w0rd", "testpass99",
           "xoxb-1234-5678-abcdef", "horse battery staple password2", "Summer Breeze"]


@pytest.mark.parametrize("value", NOT_SECRETS)
def test_not_a_secret(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", SECRETS)
def test_a_secret(value: str) -> None:
    assert not is_placeholder(value)


def test_every_credential_rule_gets_the_filter_even_a_wrapper_analysis(tmp_path: Path, catalog: Catalog) -> None:
    # GG-CRED-201 (same secret in several files) sees `secrets: inherit` in two workflows, and a real
    # password in two: only the password is a finding.
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    for name in ("release", "deploy"):
        (workflows / f"{name}.yml").write_text(
            f"jobs:\n  {name}:\n    uses: ./.github/workflows/reusable.yml\n    secrets: inherit\n", encoding="utf-8")
        (tmp_path / f"{name}.env").write_text("DB_PASSWORD=Wh2024-etl-shared\n", encoding="utf-8")
    result = run_scan([tmp_path], tmp_path, Config(enable=("GG-CRED-201",)), catalog)
    assert [(f.rule_id, f.location.path, f.location.start_line) for f in result.findings] == [
        ("GG-CRED-201", "deploy.env", 1)]
