"""The placeholder filter every credential rule shares: a table of values that are and are not secrets."""

from __future__ import annotations

import pytest

from gdpr_guard.placeholders import is_placeholder

NOT_SECRETS = ["", "SNOWFLAKE_PASSWORD", "DB_PASS", "inherit", "string", "String", "null", "${DB_PASSWORD}",
               "${{ secrets.DB_PASSWORD }}", "{{ db_password }}", "$PGPASSWORD", "%(password)s", "%s", "<password>",
               "{password}", ":password", "?", "****", "xxxx", "secrets.DB_PASSWORD", "var.db_password",
               "env.TOKEN", "os.environ['X']", "db_password", "snowflake-secret", "your_password", "redacted",
               "url", "get_stream_token"]
SECRETS = ["Lab2021!", "Team2021!", "hunter2", "s3cr3t_PASSWORD", "changeme", "password123", "sk_live_51HqLx2",
           "AKIAIOSFODNN7EXAMPLE", "Passw0rd", "correct horse battery staple", "P_A_S_S_w0rd"]


@pytest.mark.parametrize("value", NOT_SECRETS)
def test_not_a_secret(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", SECRETS)
def test_a_secret(value: str) -> None:
    assert not is_placeholder(value)
