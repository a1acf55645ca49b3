"""No secret value in any byte gdpr-guard writes: a corpus of credential shapes in Python, shell, SQL,
Terraform and .env, scanned by the real CLI with every output format at once (stdout, stderr, files),
engine snippets and the cross-file "same secret" finding included.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

CORPUS = FIXTURES / "secrets"
SECRETS = [
    # Python
    "PyDbPass#2021x", "UrlSecretPy77", "SharedEnvPass55", "AKIAIOSFODNN7GGTEST1",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPYKEY0001", "ghp_GgTestToken0123456789abcdefghijklmnop", "DictPassValue42",
    "sk_live_GgApiKeyValue0123456789",
    # shell
    "ShPgPass4455", "MyShPass99", "CurlPass321", "SshPass777", "ShAwsSecretKey0123456789abcdefGHIJKLmnop",
    "ShUrlPass8080",
    # SQL
    "SqlUserPass1", "SqlIdent22",
    # Terraform (provider keys, database password, user data, private key block)
    "AKIAIOSFODNN7GGTFKEY", "TfAwsSecret/K7MDENG/bPxRfiCY0123456789ab", "TfDbPass!99", "TfUserDataPass66",
    "MIIEpQIBAAKCAQEAGGTESTKEYBODYLINEONE", "GGTESTKEYBODYLINETWOabcdef0123456789",
    # .env
    "EnvSecretKey9911", "EnvUrlPass303",
]


def _bytes_written(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    base = tmp_path_factory.mktemp("secrets")
    repo = base / "repo"
    shutil.copytree(CORPUS, repo)
    out = base / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "gdpr_guard", "scan", ".", "--format", "text", "--sarif-file", str(out / "r.sarif"),
         "--json-file", str(out / "r.json"), "--markdown-file", str(out / "r.md")],
        cwd=repo, capture_output=True, env=os.environ.copy(), timeout=600)
    written = {f"out/{k}": v for k, v in _bytes_written(out).items()}
    written |= {"stdout": proc.stdout, "stderr": proc.stderr, "exit": str(proc.returncode).encode()}
    return written


def test_corpus_triggers_credential_findings(corpus_run: dict[str, bytes]) -> None:
    assert corpus_run["exit"] == b"1", corpus_run["stderr"][-2000:]
    data = json.loads(corpus_run["out/r.json"])
    assert data["status"] == "findings" and data["errors"] == []
    rules = {f["rule_id"] for f in data["findings"]}
    assert len({r for r in rules if r.startswith("GG-CRED-")}) >= 10, rules
    assert "GG-CRED-201" in rules  # the same secret in several files
    paths = {f["location"]["path"] for f in data["findings"] if f["rule_id"].startswith("GG-CRED-")}
    assert {"etl/export.py", "bin/dump.sh", "db/V1__users.sql", "infra/main.tf", ".env"} <= paths
    assert "****" in corpus_run["out/r.sarif"].decode()


@pytest.mark.parametrize("secret", SECRETS)
def test_no_secret_in_any_byte_written(corpus_run: dict[str, bytes], secret: str) -> None:
    leaks = [name for name, data in corpus_run.items() if secret.encode() in data]
    assert leaks == [], f"{secret!r} leaked into {leaks}"


def test_corpus_secrets_are_really_in_the_corpus() -> None:
    text = "".join(p.read_text(encoding="utf-8") for p in CORPUS.rglob("*") if p.is_file())
    assert all(secret in text for secret in SECRETS)


def test_engine_stderr_is_masked_in_every_output(tmp_path: Path) -> None:
    """A crashing engine that prints a credential: the error reaches every format, the value none."""
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "q.sql").write_text("SELECT id FROM t WHERE id = 1;\n", encoding="utf-8")
    (repo / "job.py").write_text('print("ok")\n', encoding="utf-8")  # semgrep's target (SQL: the SQL engine)
    fake = tmp_path / "semgrep"
    fake.write_text("#!/bin/sh\necho 'connect failed: postgresql://etl:CrashPass919@db/lims password=CrashPass919'"
                    " >&2\nexit 2\n", encoding="utf-8")
    fake.chmod(0o755)
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", ".", "--format", "json",
                           "--sarif-file", str(out / "r.sarif"), "--markdown-file", str(out / "r.md")],
                          cwd=repo, capture_output=True, env={**os.environ, "GDPR_GUARD_SEMGREP": str(fake)},
                          timeout=120)
    assert proc.returncode == 3
    written = [proc.stdout, proc.stderr, *_bytes_written(out).values()]
    assert all(b"CrashPass919" not in data for data in written)
    assert all(b"semgrep: exited with status 2" in data for data in written)
