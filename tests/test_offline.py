"""Scans never need the network: with no network at all, a scan finishes normally."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare (util-linux)")


def _can_unshare() -> bool:
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0 or \
        subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


def test_scan_without_network_completes_in_normal_time(tmp_path: Path) -> None:
    if not _can_unshare():
        pytest.skip("cannot create a network namespace here")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "db.tf").write_text(
        'resource "aws_db_instance" "lab" {\n  engine = "postgres"\n}\n', encoding="utf-8")
    (tmp_path / "V1__copy.sql").write_text("CREATE TABLE c AS SELECT id FROM results;\n", encoding="utf-8")
    flag = "-n" if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0 else "-rn"
    started = time.monotonic()
    run = subprocess.run(["unshare", flag, sys.executable, "-m", "gdpr_guard", "scan", ".", "--format", "json"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    assert run.returncode == 1, run.stderr
    assert '"GG-ENC-001"' in run.stdout and '"GG-DEL-101"' in run.stdout
    # semgrep waits ~100 s for a version check when one is attempted without a network
    assert elapsed < 60, f"scan took {elapsed:.0f} s without network"


def test_engine_commands_carry_offline_flags() -> None:
    from gdpr_guard.catalog import load
    from gdpr_guard.engines import checkov, semgrep

    rules = load().for_engine("checkov")
    argv = checkov.command("checkov", rules, directory=REPO)
    assert "--skip-download" in argv
    assert checkov.OFFLINE_ENV["CKV_SKIP_PACKAGE_UPDATE_CHECK"] == "true"
    argv = semgrep.command("semgrep", [], ["a.py"], 1)
    assert "--metrics=off" in argv and "--disable-version-check" in argv
    assert semgrep.OFFLINE_ENV["SEMGREP_ENABLE_VERSION_CHECK"] == "0"


def test_engines_never_get_their_cloud_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # With a platform key checkov uploads results to Bridgecrew/Prisma and semgrep logs in to its App.
    from gdpr_guard import prestart
    from gdpr_guard.engines.environment import offline_env

    monkeypatch.setenv("BC_API_KEY", "k-123")
    monkeypatch.setenv("SEMGREP_APP_TOKEN", "t-456")
    monkeypatch.setenv("KEEP_ME", "1")
    for env in (offline_env({"X": "y"}), prestart.checkov_env(tmp_path)):
        assert "BC_API_KEY" not in env and "SEMGREP_APP_TOKEN" not in env
        assert env["KEEP_ME"] == "1"
    checkov_env = prestart.checkov_env(tmp_path)
    assert checkov_env["CKV_SKIP_PACKAGE_UPDATE_CHECK"] == "true" and checkov_env["HOME"] == str(tmp_path)


def test_full_scan_attempts_no_network_connection(tmp_path: Path) -> None:
    """strace -f: no connect() to anything but a unix socket or a loopback address, proxies pointing at a
    closed local port, both engines and every wrapper analysis running."""
    if shutil.which("strace") is None:
        pytest.skip("needs strace")
    if subprocess.run(["strace", "-f", "-e", "trace=connect", "true"], capture_output=True).returncode != 0:
        pytest.skip("strace cannot trace here (ptrace not permitted)")
    import os
    import re

    shutil.copytree(REPO / "tests" / "fixtures" / "secrets", tmp_path / "repo")
    log = tmp_path / "connect.log"
    closed = "http://127.0.0.1:9"
    env = {**os.environ, "HTTP_PROXY": closed, "HTTPS_PROXY": closed, "http_proxy": closed, "https_proxy": closed,
           "ALL_PROXY": closed, "NO_PROXY": ""}
    run = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(log), sys.executable, "-m",
                          "gdpr_guard", "scan", ".", "--format", "json"],
                         cwd=tmp_path / "repo", capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 1, run.stderr[-2000:]
    assert '"GG-CRED-002"' in run.stdout and '"GG-CRED-101"' in run.stdout  # checkov and semgrep both ran
    calls = [line for line in log.read_text().splitlines() if "connect(" in line]
    remote = [line for line in calls if "AF_UNIX" not in line and "AF_LOCAL" not in line
              and not re.search(r'inet_addr\("127\.|inet_pton\(AF_INET6, "::1"|"::ffff:127\.', line)]
    assert remote == [], "network connection attempted:\n" + "\n".join(remote[:20])
