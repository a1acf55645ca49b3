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
from conftest import FIXTURES

from gdpr_guard import sarif_validate

EXIT_USAGE, EXIT_SCAN_ERROR = 2, 3


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    reports: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class Row:
    id: str
    setup: Callable[[Path], dict[str, object]]
    """Builds the repository in the given directory; returns {"env": {...}, "args": [...], "prefix": [...]}."""
    code: int
    error: str
    """Substring of the one-line error (stderr, and every report when code is 3)."""


def _w(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _exe(path: Path, body: str) -> str:
    _w(path, "#!/bin/sh\n" + body)
    path.chmod(0o755)
    return str(path)


OK_SQL = "SELECT id, code FROM results WHERE id = 1;\n"
OK_TF = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'


def _sql_repo(repo: Path) -> None:
    _w(repo / "db" / "V1__ok.sql", OK_SQL)
    # SQL is read by gdpr-guard's own SQL engine: a script gives semgrep something to run on
    _w(repo / "etl" / "job.py", 'print("ok")\n')


def _tf_repo(repo: Path) -> None:
    _w(repo / "infra" / "main.tf", OK_TF)


# ---- engine faults (fake engines) -------------------------------------------------------------------

def engine_missing(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    return {"env": {"GDPR_GUARD_SEMGREP": "gg-no-such-semgrep"}}


def engine_not_executable(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    fake = _w(repo.parent / "bin" / "semgrep", "#!/bin/sh\necho '{}'\n")
    fake.chmod(0o644)
    return {"env": {"GDPR_GUARD_SEMGREP": str(fake)}}


def engine_garbage(name: str, code: int) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        _sql_repo(repo) if name == "semgrep" else _tf_repo(repo)
        fake = _exe(repo.parent / "bin" / name,
                    f"echo 'Traceback (most recent call last): boom' >&2\nhead -c 300 /dev/urandom\nexit {code}\n")
        return {"env": {f"GDPR_GUARD_{name.upper()}": fake}}
    return setup


def engine_prints(name: str, stdout: str, code: int = 0) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        _sql_repo(repo) if name == "semgrep" else _tf_repo(repo)
        data = _w(repo.parent / "bin" / f"{name}.out", stdout)
        fake = _exe(repo.parent / "bin" / name, f"cat '{data}'\nexit {code}\n")
        return {"env": {f"GDPR_GUARD_{name.upper()}": fake}}
    return setup


def engine_hangs(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    pids = repo.parent / "pids"
    fake = _exe(repo.parent / "bin" / "semgrep", f"sleep 600 &\necho \"$$ $!\" > '{pids}'\nwait\n")
    return {"env": {"GDPR_GUARD_SEMGREP": fake}, "args": ["--timeout", "2"], "pids": pids}


TRUNCATED = '{"version": "1.185.0", "results": [{"check_id": "x", "path": "db/V1__ok.sql", "start": {"li'

# ---- input faults (real engines) -------------------------------------------------------------------

def tf_unparseable(repo: Path) -> dict[str, object]:
    _w(repo / "infra" / "main.tf", (FIXTURES / "broken" / "unparseable.tf").read_text(encoding="utf-8"))
    return {}


def py_syntax_error(repo: Path) -> dict[str, object]:
    # no rule keyword in the file: semgrep's prefilter never parses it
    _w(repo / "etl" / "broken.py", "def f(:\n    pass\n")
    return {}


def py_too_deep(repo: Path) -> dict[str, object]:
    _w(repo / "etl" / "deep.py", "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    return {}


def tf_too_deep(repo: Path) -> dict[str, object]:
    _w(repo / "infra" / "main.tf", 'locals {\n  x = ' + "[" * 3000 + "1" + "]" * 3000 + "\n}\n")
    return {}


def tf_binary(repo: Path) -> dict[str, object]:
    _w(repo / "infra" / "main.tf", bytes(range(256)) * 8)
    return {}


def tf_latin1(repo: Path) -> dict[str, object]:
    _w(repo / "infra" / "main.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = "caf\xe9"\n}\n'.encode("latin-1"))
    return {}


def py_latin1(repo: Path) -> dict[str, object]:
    _w(repo / "etl" / "a.py", 'x = "caf\xe9"\n'.encode("latin-1"))
    return {}


def sh_latin1(repo: Path) -> dict[str, object]:
    _w(repo / "bin" / "dump.sh", "#!/bin/sh\nPGPASSWORD=caf\xe9x pg_dump lims\n".encode("latin-1"))
    return {}


def sql_binary(repo: Path) -> dict[str, object]:
    _w(repo / "db" / "V2__blob.sql", b"\x00\x01\x02SELECT * FROM results;\x00\xff")
    return {}


def too_large(repo: Path) -> dict[str, object]:
    _w(repo / "db" / "V3__big.sql", "-- filler\n" * 1_100_000)
    return {}


def unreadable(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    path = _w(repo / "db" / "V4__secret.sql", OK_SQL)
    path.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that let it
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
    return {"prefix": prefix}


def symlink_loop(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    os.symlink("b.tf", repo / "infra" / "a.tf") if (repo / "infra").mkdir() is None else None
    os.symlink("a.tf", repo / "infra" / "b.tf")
    os.symlink("..", repo / "db" / "up")  # a directory loop, walked once
    return {}


def symlink_outside(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    outside = _w(repo.parent / "elsewhere" / "main.tf", 'resource "aws_s3_bucket" "leak" {\n  acl = "public-read"\n}\n')
    (repo / "infra").mkdir()
    os.symlink(outside, repo / "infra" / "main.tf")
    return {}


def dir_symlink_outside(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    _w(repo.parent / "elsewhere" / "V9__x.sql", "SELECT * FROM results;\n")
    os.symlink(repo.parent / "elsewhere", repo / "shared")
    return {}


def path_outside_root(repo: Path) -> dict[str, object]:
    _sql_repo(repo)
    other = _w(repo.parent / "other" / "x.sql", OK_SQL)
    return {"args": ["--root", str(repo), str(other)], "paths": []}


# ---- configuration, baseline, migration plan -------------------------------------------------------

BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))


def config_file(text: str | bytes, name: str = ".gdpr-guard.yaml") -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        _sql_repo(repo)
        _w(repo / name, text)
        return {}
    return setup


def baseline_file(text: str | bytes) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        _sql_repo(repo)
        _w(repo / "baseline.json", text)
        return {"args": ["--baseline", "baseline.json"]}
    return setup


def plan_file(text: str | bytes) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        _w(repo / "migrations" / "V1__copy.sql", OK_SQL)
        _w(repo / "migrations" / "migration-plan.yaml", text)
        return {}
    return setup


ROWS = [
    # engines
    Row("engine-missing", engine_missing, 3, "semgrep: not found at gg-no-such-semgrep"),
    Row("engine-not-executable", engine_not_executable, 3, "semgrep: not found at"),
    Row("semgrep-garbage-exit-2", engine_garbage("semgrep", 2), 3, "semgrep: exited with status 2: Traceback"),
    Row("semgrep-garbage-exit-139", engine_garbage("semgrep", 139), 3, "semgrep: exited with status 139"),
    Row("checkov-garbage-exit-2", engine_garbage("checkov", 2), 3, "checkov: exited with status 2: Traceback"),
    Row("checkov-garbage-exit-1", engine_garbage("checkov", 1), 3, "checkov: output is not valid JSON"),
    Row("semgrep-hangs", engine_hangs, 3, "semgrep: timed out after 2 s and was stopped"),
    Row("semgrep-truncated-json", engine_prints("semgrep", TRUNCATED), 3, "semgrep: output is not valid JSON"),
    Row("checkov-truncated-json", engine_prints("checkov", '{"check_type": "terraform", "results": {"fai'),
        3, "checkov: output is not valid JSON"),
    Row("semgrep-empty-output", engine_prints("semgrep", ""), 3, "semgrep: output is not valid JSON"),
    Row("checkov-empty-output", engine_prints("checkov", ""), 3, "checkov: output is not valid JSON"),
    Row("semgrep-wrong-shape", engine_prints("semgrep", '{"results": 5}'), 3, "semgrep: unexpected JSON"),
    Row("semgrep-no-scanned-paths", engine_prints("semgrep", '{"results": [], "errors": []}'), 3,
        "semgrep: unexpected JSON: no list of scanned paths"),
    Row("semgrep-skipped-target", engine_prints("semgrep", '{"results": [], "errors": [], "paths": {"scanned": []}}'),
        3, "etl/job.py: semgrep did not scan this file"),
    Row("semgrep-nested-json", engine_prints("semgrep", "[" * 100_000), 3, "semgrep: output is not"),
    Row("checkov-empty-list", engine_prints("checkov", "[]"), 3, "checkov: unexpected JSON: an empty list"),
    Row("checkov-wrong-shape", engine_prints("checkov", '{"results": {"failed_checks": 7}}'), 3,
        "checkov: unexpected JSON"),
    # targets
    Row("tf-unparseable", tf_unparseable, 3, "infra/main.tf: could not be parsed as Terraform"),
    Row("tf-too-deep", tf_too_deep, 3, "infra/main.tf: could not be parsed as Terraform"),
    Row("tf-binary", tf_binary, 3, "infra/main.tf: binary content"),
    Row("tf-latin1", tf_latin1, 3, "infra/main.tf: not UTF-8 text"),
    Row("py-syntax-error", py_syntax_error, 3, "etl/broken.py: does not parse as Python"),
    Row("py-too-deep", py_too_deep, 3, "etl/deep.py: does not parse as Python"),
    Row("py-latin1", py_latin1, 3, "etl/a.py: not UTF-8 text"),
    Row("sh-latin1", sh_latin1, 3, "bin/dump.sh: not UTF-8 text"),
    Row("sql-binary", sql_binary, 3, "db/V2__blob.sql: binary content"),
    Row("file-too-large", too_large, 3, "db/V3__big.sql: larger than 10000000 bytes"),
    Row("file-unreadable", unreadable, 3, "db/V4__secret.sql: cannot read (Permission denied)"),
    Row("symlink-loop", symlink_loop, 3, "infra/a.tf: broken or looping symlink"),
    Row("symlink-outside-root", symlink_outside, 3, "infra/main.tf: symlink to a file outside the scanned root"),
    Row("dir-symlink-outside-root", dir_symlink_outside, 3, "shared: symlink to a directory outside the scanned root"),
    Row("path-outside-root", path_outside_root, 2, "outside the scan root"),
    # configuration
    Row("config-alias-bomb", config_file(BOMB), 2, ".gdpr-guard.yaml: YAML aliases are not allowed"),
    Row("config-wrong-types", config_file("fail-on: 3\nexclude: legacy\ntimeout: soon\n"), 2,
        ".gdpr-guard.yaml: 3 schema error(s)"),
    Row("config-not-a-mapping", config_file("- a\n- b\n"), 2, ".gdpr-guard.yaml: 1 schema error(s)"),
    Row("config-huge", config_file("exclude:\n" + "  - x\n" * 300_000), 2, ".gdpr-guard.yaml: larger than"),
    Row("config-latin1", config_file(b"exclude: [caf\xe9]\n"), 2, ".gdpr-guard.yaml: not UTF-8 text"),
    Row("config-invalid-yaml", config_file("exclude: [a, b\n"), 2, ".gdpr-guard.yaml: line"),
    Row("config-too-deep", config_file("exclude: " + "[" * 20_000 + "]" * 20_000 + "\n"), 2, ".gdpr-guard.yaml:"),
    Row("config-python-tag", config_file("exclude: !!python/object/apply:os.system [id]\n"), 2,
        ".gdpr-guard.yaml: line 1: invalid YAML"),
    Row("pyproject-invalid-toml", config_file("[tool.gdpr-guard]\nfail-on = \n", "pyproject.toml"), 2,
        "pyproject.toml: invalid TOML"),
    Row("pyproject-wrong-types", config_file('[tool.gdpr-guard]\nfail-on = ["x"]\n', "pyproject.toml"), 2,
        "pyproject.toml: 1 schema error(s)"),
    # baseline
    Row("baseline-invalid-json", baseline_file("{not json"), 2, "baseline.json: not a gdpr-guard baseline"),
    Row("baseline-wrong-types", baseline_file('{"version": 1, "findings": 5}'), 2, "baseline.json"),
    Row("baseline-nested", baseline_file("[" * 100_000), 2, "baseline.json: not a gdpr-guard baseline"),
    Row("baseline-many-bad-entries", baseline_file('{"findings": [' + ",".join(['"x"'] * 3_000_000) + "]}"), 2,
        "baseline.json: 50+ schema error(s)"),
    Row("baseline-huge", baseline_file(" " * 20_000_001), 2, "baseline.json: baseline larger than"),
    Row("baseline-latin1", baseline_file(b'{"v": "caf\xe9"}'), 2, "baseline.json: not a gdpr-guard baseline"),
    Row("baseline-missing", lambda repo: {**baseline_file("")(repo), "args": ["--baseline", "nope.json"]}, 2,
        "nope.json"),
]
ROWS_BY_ID = {row.id: row for row in ROWS}
# Migration plans are repository content, read by the GG-MIG analysis: a hostile plan is a finding that
# names the file and the cause (exit 1), never a crash and never a pass.
PLAN_ROWS = {
    "plan-alias-bomb": plan_file(BOMB),
    "plan-wrong-types": plan_file("version: one\ndata: 5\n"),
    "plan-invalid-yaml": plan_file("controller: [\n"),
    "plan-latin1": plan_file(b"controller: caf\xe9\n"),
    "plan-huge": plan_file("x: " + "y" * 1_100_000 + "\n"),
    "plan-too-deep": plan_file("[" * 20_000),
}


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
    # _sql_repo holds a migration and a script
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
            catalog.load(_w(tmp_path / name, text))
    with pytest.raises(CatalogError, match="cannot read"):
        catalog.load(tmp_path / "absent.yaml")
