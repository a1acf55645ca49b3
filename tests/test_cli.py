"""The CLI end to end with the real engines: exit codes, output formats, and failing closed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

FORMATS = ("text", "json", "sarif", "markdown")


def gdpr_guard(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gdpr_guard", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


@pytest.fixture()
def sql_only(tmp_path: Path) -> Path:
    (tmp_path / "V1__copy.sql").write_text("INSERT INTO results_copy SELECT id, code FROM results;\n", encoding="utf-8")
    # SQL is read by gdpr-guard's SQL engine: a script gives semgrep something to run on (the engine tests)
    (tmp_path / "report.py").write_text('print("ok")\n', encoding="utf-8")
    return tmp_path


@pytest.fixture()
def fake_engine(tmp_path: Path) -> Path:
    script = tmp_path / "fake-engine"
    script.write_text("#!/bin/sh\necho 'Traceback: something broke' >&2\necho '{not json'\nexit 2\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_findings_exit_1_and_text_line_format(sql_only: Path) -> None:
    run = gdpr_guard("scan", ".", cwd=sql_only)
    assert run.returncode == 1, run.stderr
    assert run.stdout.splitlines()[0] == (
        "V1__copy.sql:1: GG-DEL-101 [medium] This migration copies data but never drops, truncates or deletes "
        "the source or the copy. (GDPR Art. 5(1)(e), Art. 28(3)(g), Art. 32 · CNIL DED-3c (same), SLI-1 (related))")


def test_fail_on_threshold_and_exit_zero(sql_only: Path) -> None:
    assert gdpr_guard("scan", ".", "--fail-on", "high", cwd=sql_only).returncode == 0
    assert gdpr_guard("scan", ".", "--fail-on", "medium", cwd=sql_only).returncode == 1
    assert gdpr_guard("scan", ".", "--exit-zero", cwd=sql_only).returncode == 0


def test_clean_directory_exits_0(tmp_path: Path) -> None:
    (tmp_path / "ok.sql").write_text("SELECT id, code FROM results WHERE id = 1;\n", encoding="utf-8")
    run = gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["status"] == "clean"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert gdpr_guard("scan", "does-not-exist", cwd=tmp_path).returncode == 2
    assert gdpr_guard("explain", "GG-NOPE-999").returncode == 2
    assert gdpr_guard("scan", "--format", "xml").returncode == 2
    (tmp_path / ".gdpr-guard.yaml").write_text("fail-on: sometimes\nunknown: 1\n", encoding="utf-8")
    run = gdpr_guard("scan", ".", cwd=tmp_path)
    assert run.returncode == 2
    assert "fail-on: 'sometimes' is not one of" in run.stderr
    assert "$: Additional properties are not allowed ('unknown' was unexpected)" in run.stderr


def _all_formats(tmp_path: Path, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, dict[str, str], str]:
    out = tmp_path / "out"
    run = gdpr_guard("scan", ".", "--format", "text", "--sarif-file", str(out / "r.sarif"), "--json-file",
                     str(out / "r.json"), "--markdown-file", str(out / "r.md"), cwd=cwd, env=env)
    reports = {"text": run.stdout, "sarif": (out / "r.sarif").read_text(), "json": (out / "r.json").read_text(),
               "markdown": (out / "r.md").read_text()}
    return run.returncode, reports, run.stderr


def _assert_error_everywhere(reports: dict[str, str], needle: str) -> None:
    assert needle in reports["text"] and "SCAN INCOMPLETE" in reports["text"]
    assert needle in reports["markdown"] and "Scan errors" in reports["markdown"]
    data = json.loads(reports["json"])
    assert data["status"] == "error" and any(needle in e["message"] for e in data["errors"])
    invocation = json.loads(reports["sarif"])["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert any(needle in n["message"]["text"] for n in invocation["toolExecutionNotifications"])


def test_missing_engine_exits_3_with_error_in_every_format(tmp_path: Path, sql_only: Path) -> None:
    code, reports, _ = _all_formats(tmp_path, sql_only, env={"GDPR_GUARD_SEMGREP": str(tmp_path / "nope")})
    assert code == 3
    _assert_error_everywhere(reports, "semgrep: not found at")


def test_crashing_engine_exits_3_with_error_in_every_format(tmp_path: Path, sql_only: Path, fake_engine: Path) -> None:
    code, reports, _ = _all_formats(tmp_path, sql_only, env={"GDPR_GUARD_SEMGREP": str(fake_engine)})
    assert code == 3
    _assert_error_everywhere(reports, "semgrep: exited with status 2: Traceback: something broke")


def test_unparseable_terraform_exits_3_even_with_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text((FIXTURES / "broken" / "unparseable.tf").read_text())
    code, reports, _ = _all_formats(tmp_path, tmp_path)
    assert code == 3
    _assert_error_everywhere(reports, "infra/main.tf: could not be parsed as Terraform")
    assert gdpr_guard("scan", ".", "--exit-zero", cwd=tmp_path).returncode == 3


def test_explain_shows_legal_mapping_and_remediation() -> None:
    run = gdpr_guard("explain", "GG-ENC-001")
    assert run.returncode == 0
    assert "GDPR Art. 32(1)(a) (Security of processing), our reading of the article" in run.stdout
    assert "CNIL DED-3b, same failing as SAN-2022-009 (Dedalus Biologie, 2022-04-15)" in run.stdout
    assert "Not legal advice." in run.stdout
    assert "Remediation:" in run.stdout and "storage_encrypted = true" in run.stdout


def test_rules_lists_every_catalog_rule(catalog) -> None:  # type: ignore[no-untyped-def]
    run = gdpr_guard("rules")
    assert run.returncode == 0
    listed = {line.split()[0] for line in run.stdout.splitlines()[1:]}
    assert listed == set(catalog.rules)
