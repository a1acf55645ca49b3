"""The console's one error handler (issue 18): any failure is exit 2 or 3 with one line on stderr,
never a traceback and never the exit code of "findings"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fault_cases import sql_repo

_PATCHED = ("import sys; from pathlib import Path; from gdpr_guard import launch, resources, catalog; {patch}; "
            "sys.argv = ['gdpr-guard', *sys.argv[1:]]; sys.exit(launch.main())")
CONSOLE_ROWS = {
    "validate-unreadable-sarif": (["validate", "--sarif", "missing.sarif"], None, 2,
                                  "missing.sarif: cannot read (No such file or directory)"),
    "scan-unwritable-output": (["scan", ".", "-o", "/dev/null/x"], None, 3,
                               "/dev/null/x: cannot write the report (Not a directory)"),
    "missing-policies-dir": (["rules"], "resources.PACKAGE_DIR = Path('/nonexistent/gdpr_guard')", 2,
                             "no policies/catalog.yaml in /nonexistent/gdpr_guard/policies"),
    "unexpected-exception": (["rules"], "catalog.load = lambda *a: (_ for _ in ()).throw(RuntimeError('boom'))", 3,
                             "internal error: RuntimeError: boom"),
    "negative-jobs": (["scan", ".", "--jobs", "-3"], None, 2, "argument --jobs: -3 must be 1 or more"),
}


@pytest.mark.parametrize("name", sorted(CONSOLE_ROWS))
def test_console_fault(name: str, tmp_path: Path) -> None:
    args, patch, code, error = CONSOLE_ROWS[name]
    sql_repo(tmp_path)
    prefix = [sys.executable, "-c", _PATCHED.format(patch=patch)] if patch else [sys.executable, "-m", "gdpr_guard"]
    run = subprocess.run([*prefix, *args], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "GDPR_GUARD_PRESTART": "0"})
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == code, (run.returncode, run.stderr)
    lines = [line for line in run.stderr.splitlines() if error in line]
    assert len(lines) == 1 and (lines[0].startswith("gdpr-guard: error: ") or "gdpr-guard scan: error:" in lines[0])
