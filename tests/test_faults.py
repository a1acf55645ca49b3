"""Fault injection: every way a scan can go wrong ends in exit 2 or 3, a one-line error naming the file
and the cause, no traceback, and (for scan errors) valid SARIF with the error in
toolExecutionNotifications and the error in the text, JSON and Markdown reports too.

Rows run concurrently once per module (real engines where the fault is in the input, tiny fake engines
selected with GDPR_GUARD_CHECKOV / GDPR_GUARD_SEMGREP where the fault is in the engine).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fault_cases import BOMB, PLAN_ROWS, ROWS, ROWS_BY_ID, Row, put

from gdpr_guard import sarif_validate

EXIT_USAGE = 2


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    reports: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def _run(workdir: Path, setup: Callable[[Path], dict[str, object]]) -> tuple[Run, dict[str, object]]:
    repo = workdir / "repo"
    repo.mkdir(parents=True)
    extra = setup(repo)
    out = workdir / "out"
    args = list(extra.get("args", []))  # type: ignore[call-overload]
    paths = extra.get("paths", ["."])
    argv = [*extra.get("prefix", []), sys.executable, "-m", "gdpr_guard", "scan", *paths,  # type: ignore[misc]
            "--format", "text", "--sarif-file", str(out / "r.sarif"), "--json-file", str(out / "r.json"),
            "--markdown-file", str(out / "r.md"), *args]
    env = {**os.environ, **extra.get("env", {})}  # type: ignore[dict-item]
    started = time.monotonic()
    proc = subprocess.run(argv, cwd=repo, capture_output=True, text=True, env=env, timeout=300)
    run = Run(proc.returncode, proc.stdout, proc.stderr, seconds=time.monotonic() - started)
    print(f"{workdir.name}: exit {run.code} in {run.seconds:.1f} s", file=sys.stderr)
    for fmt, name in (("sarif", "r.sarif"), ("json", "r.json"), ("markdown", "r.md")):
        if (out / name).exists():
            run.reports[fmt] = (out / name).read_text(encoding="utf-8")
    run.reports["text"] = proc.stdout
    return run, extra


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, dict[str, object]]]:
    if shutil.which("setpriv") is None and os.geteuid() == 0:
        ROWS_BY_ID.pop("file-unreadable", None)
    base = tmp_path_factory.mktemp("faults")
    setups = {row.id: row.setup for row in ROWS_BY_ID.values()} | PLAN_ROWS
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(_run, base / name, setup) for name, setup in setups.items()}
        return {name: future.result() for name, future in futures.items()}


def _one_line_errors(run: Run) -> list[str]:
    """Error lines: on stderr, or (text format on stdout) in the text report itself."""
    return [line for line in run.stderr.splitlines() if line.startswith("gdpr-guard: error: ")] + [
        line for line in run.stdout.splitlines() if line.startswith("error: ")]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_fault(row: Row, runs: dict[str, tuple[Run, dict[str, object]]]) -> None:
    if row.id not in runs:
        pytest.skip("cannot make a file unreadable here")
    run, _ = runs[row.id]
    # a fake engine's own last stderr line ("Traceback ...: boom") is quoted in our one-line error
    assert "Traceback (most recent call last)" not in re.sub(
        r"exited with status \d+: Traceback \(most recent call last\)", "", run.stderr), run.stderr
    assert run.code == row.code, (run.code, run.stderr[-2000:])
    errors = _one_line_errors(run)
    assert any(row.error in line for line in errors), run.stderr[-2000:]
    if row.code == EXIT_USAGE:
        assert all(len(line) < 2000 for line in errors)
        return
    # scan error: every format says so, SARIF stays valid
    sarif = run.reports["sarif"]
    assert sarif_validate.problems(sarif) == []
    invocation = json.loads(sarif)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert any(row.error in n["message"]["text"] for n in invocation["toolExecutionNotifications"])
    data = json.loads(run.reports["json"])
    assert data["status"] == "error" and any(row.error in e["message"] for e in data["errors"])
    assert row.error in run.reports["markdown"] and "scan incomplete" in run.reports["markdown"]
    assert row.error in run.reports["text"] and "SCAN INCOMPLETE" in run.reports["text"]
    for error in data["errors"]:
        assert "\n" not in error["message"] and error["message"]


def test_hung_engine_process_tree_is_killed(runs: dict[str, tuple[Run, dict[str, object]]]) -> None:
    run, extra = runs["semgrep-hangs"]
    assert run.seconds < 60
    pids = [int(p) for p in Path(str(extra["pids"])).read_text().split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 5
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in pids if _alive(p)]
        time.sleep(0.1)
    assert alive == [], f"engine processes survived the timeout: {alive}"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"  # a zombie is dead; only its parent (init here) has yet to reap it


def test_symlinks_are_not_followed_out_of_root(runs: dict[str, tuple[Run, dict[str, object]]]) -> None:
    for name in ("symlink-outside-root", "dir-symlink-outside-root"):
        run, _ = runs[name]
        data = json.loads(run.reports["json"])
        assert data["findings"] == [] or all("elsewhere" not in json.dumps(f) for f in data["findings"])
        results = json.loads(run.reports["sarif"])["runs"][0]["results"]
        assert "elsewhere" not in json.dumps(results) and "V9__x" not in json.dumps(results)
    run, _ = runs["symlink-loop"]
    assert json.loads(run.reports["json"])["summary"]["targets"] == {"python": 1, "sql": 1}


@pytest.mark.parametrize("name", sorted(PLAN_ROWS))
def test_hostile_migration_plan_is_reported_not_passed(name: str,
                                                       runs: dict[str, tuple[Run, dict[str, object]]]) -> None:
    run, _ = runs[name]
    assert "Traceback" not in run.stderr, run.stderr
    if name == "plan-wrong-types":  # parses, breaks the schema: a finding at the plan
        assert run.code == 1, (run.code, run.stderr)
        data = json.loads(run.reports["json"])
        assert any(f["rule_id"] == "GG-MIG-201" and f["location"]["path"] == "migrations/migration-plan.yaml"
                   for f in data["findings"]), data["findings"]
    else:  # does not parse: an unparseable target, the scan fails
        assert run.code == 3, (run.code, run.stderr)
        assert "gdpr-guard: error: migration plan cannot be read: migrations/migration-plan.yaml: " in run.stderr


def test_catalog_faults_are_catalog_errors(tmp_path: Path) -> None:
    from gdpr_guard import catalog
    from gdpr_guard.errors import CatalogError

    cases = {"bomb.yaml": BOMB, "list.yaml": "- 1\n", "bad.yaml": "rules: [\n", "empty.yaml": "",
             "missing-keys.yaml": "rules: []\n", "latin1.yaml": b"title: caf\xe9\n"}
    for name, text in cases.items():
        with pytest.raises(CatalogError, match=name):
            catalog.load(put(tmp_path / name, text))
    with pytest.raises(CatalogError, match="cannot read"):
        catalog.load(tmp_path / "absent.yaml")
