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
