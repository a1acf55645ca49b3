"""GG-CRED-201: one secret value written in several files."""

from __future__ import annotations

from pathlib import Path

from gdpr_guard.analyses import ANALYSES, same_secret
from gdpr_guard.targets import discover

FIXTURES = Path(__file__).parent / "fixtures" / "analyses" / "same_secret"


def _run() -> list:
    root = FIXTURES.resolve()
    return same_secret.analyse(discover([root], root), {})


def test_reused_secrets_exact_locations() -> None:
    found = {(f.rule_id, f.location.path, f.location.start_line) for f in _run()}
    assert found == {
        ("GG-CRED-201", ".env", 3),
        ("GG-CRED-201", "infra/prod.tfvars", 3),
        ("GG-CRED-201", "jobs/dump.sh", 2),  # and jobs/refresh.py: os.environ["PGPASSWORD"] = "..."
        # the sandbox password in two env files; not the `postgres`/`postgres` default pair next to it, nor
        # `clinicapp`, the login of local/ci-services.yml used as a password in two files
        ("GG-CRED-201", "local/dev.env", 6),
    }


def test_related_locations_and_no_value_in_detail() -> None:
    by_path = {f.location.path: f for f in _run()}
    env = by_path[".env"]
    assert {(r.path, r.start_line) for r in env.related} == {
        ("infra/prod.tfvars", 2), ("scripts/export.sh", 3), ("scripts/load.py", 3)}
    assert "infra/prod.tfvars:2" in env.detail and "scripts/load.py:3" in env.detail
    for finding in by_path.values():
        assert finding.secrets and all(secret not in finding.detail for secret in finding.secrets)
        assert finding.engine == "gdpr-guard"


def test_registered() -> None:
    assert ANALYSES["same_secret"] is same_secret.analyse


def test_single_file_is_not_reuse(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text('x = connect(password="Only-Here-123")\ny = connect(password="Only-Here-123")\n')
    assert same_secret.analyse(discover([tmp_path], tmp_path), {}) == []


def test_idempotency_tokens_are_not_secrets(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "main.tf").write_text(
            'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared-home"\n}\n')
    assert same_secret.analyse(discover([tmp_path], tmp_path), {}) == []
    (tmp_path / "a" / "main.tf").write_text('resource "x" "y" {\n  api_token = "shared-home"\n}\n')
    (tmp_path / "b" / "main.tf").write_text('resource "x" "y" {\n  api_token = "shared-home"\n}\n')
    assert len(same_secret.analyse(discover([tmp_path], tmp_path), {})) == 1
