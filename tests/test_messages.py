"""Messages a new user meets (issue 14, point 8): where a .tf breaks, semgrep's whole message, SARIF files
given to `validate`, a closed stdout, baseline justifications without machine paths, GG-CRED-201 snippets,
the summary line when the report goes to a file, and a progress line only on a terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from gdpr_guard import baseline
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.engines import semgrep
from gdpr_guard.scan import run_scan

SHARED = "Lims#2021-shared"
ENV = {**os.environ, "GDPR_GUARD_PRESTART": "0"}


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gdpr_guard", *args], cwd=cwd, capture_output=True, text=True,
                          env=ENV, timeout=300)


def test_broken_terraform_names_the_line_and_column(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_s3_bucket" "b" {\n  bucket = = "x"\n}\n', encoding="utf-8")
    result = run_scan([tmp_path], tmp_path, Config(), catalog)
    assert [e.message for e in result.errors] == [
        "main.tf: could not be parsed as Terraform (line 2, column 12: unexpected '=')"]


def test_semgrep_partial_parsing_message_is_whole() -> None:
    error = semgrep._error({"type": ["PartialParsing", []], "path": "etl/x.py",
                            "message": "Syntax error at line etl/x.py:2:\n `(` was unexpected"})
    assert error.message == "etl/x.py: PartialParsing: Syntax error at line etl/x.py:2: `(` was unexpected"


def test_validate_recognises_sarif_files(tmp_path: Path) -> None:
    (tmp_path / "out.sarif").write_text('{"version": "2.1.0", "runs": [{"results": []}]}', encoding="utf-8")
    run = _cli(["validate", "out.sarif"], tmp_path)
    assert run.returncode == 2 and "out.sarif: " in run.stderr and "migration" not in run.stderr, run.stderr
    assert "tool" in run.stderr  # the SARIF schema's complaint: a run needs a tool


def test_closed_stdout_is_not_an_error(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "gdpr_guard", "rules"], cwd=tmp_path, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=ENV, bufsize=0)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 0
    assert "BrokenPipe" not in stderr and "Traceback" not in stderr, stderr


def _secret_repo(root: Path) -> Path:
    (root / "infra").mkdir(parents=True)
    (root / "infra" / "prod.tfvars").write_text(f'db_password = "{SHARED}"\n', encoding="utf-8")
    (root / "load.sh").write_text(f'#!/bin/sh\nexport PGPASSWORD="{SHARED}"\n', encoding="utf-8")
    return root


def test_baseline_justification_has_no_machine_path(tmp_path: Path, catalog: Catalog) -> None:
    repo = _secret_repo(tmp_path / "repo")
    first = run_scan([repo], repo, Config(), catalog)
    (repo / "accepted.json").write_text(baseline.render(first), encoding="utf-8")
    again = run_scan([repo], repo, Config(baseline=str(repo / "accepted.json")), catalog)
    reasons = {f.suppression.reason for f in again.findings if f.suppression}
    assert reasons == {"accepted in baseline accepted.json"}


def test_gg_cred_201_has_a_masked_snippet(tmp_path: Path, catalog: Catalog) -> None:
    repo = _secret_repo(tmp_path)
    result = run_scan([repo], repo, Config(enable=("GG-CRED-201",)), catalog)
    assert [(f.rule_id, f.location.path, f.snippet) for f in result.findings] == [
        ("GG-CRED-201", "infra/prod.tfvars", 'db_password = "****"')]


def test_report_to_a_file_prints_one_summary_line_and_no_progress(tmp_path: Path) -> None:
    repo = _secret_repo(tmp_path)
    run = _cli(["scan", ".", "-f", "sarif", "-o", "out.sarif"], repo)
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.splitlines() == ["gdpr-guard: 3 finding(s) (3 high), 0 suppressed; report written to out.sarif"]
    assert json.loads((repo / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_only_after_the_delay() -> None:
    from gdpr_guard import console

    now = [0.0]
    terminal = _Terminal()
    progress = console.Progress(terminal, delay=2.0, clock=lambda: now[0], timer=False)
    progress.update("12 file(s) found; running checkov, semgrep, analyses")
    assert terminal.getvalue() == ""  # a quick run says nothing
    now[0] = 2.5
    progress.update("12 file(s) found; running checkov, semgrep, analyses")
    now[0] = 45.0
    progress.done()
    assert terminal.getvalue() == ("\r\x1b[Kgdpr-guard: 12 file(s) found; running checkov, semgrep, analyses"
                                   "\r\x1b[Kgdpr-guard: done in 45 s\n")
    piped = io.StringIO()
    quiet = console.Progress(piped, delay=0.0, clock=lambda: 99.0, timer=False)
    quiet.update("anything")
    quiet.done()
    assert piped.getvalue() == ""
