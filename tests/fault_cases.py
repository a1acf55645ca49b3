"""The fault cases that tests/test_faults.py runs and checks: how to build each broken repository,
engine or file, and what the one-line error must say. Each row's setup writes into an empty directory
and returns the extra environment, arguments or command prefix of the scan.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES


@dataclass(frozen=True)
class Row:
    id: str
    setup: Callable[[Path], dict[str, object]]
    """Builds the repository in the given directory; returns {"env": {...}, "args": [...], "prefix": [...]}."""
    code: int
    error: str
    """Substring of the one-line error (stderr, and every report when code is 3)."""


def put(path: Path, text: str | bytes) -> Path:
    """Write `text` (or bytes) at `path`, creating its directories."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def executable(path: Path, body: str) -> str:
    put(path, "#!/bin/sh\n" + body)
    path.chmod(0o755)
    return str(path)


OK_SQL = "SELECT id, code FROM results WHERE id = 1;\n"
OK_TF = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'


def sql_repo(repo: Path) -> None:
    """A repository with one clean SQL migration, and a script: SQL is read by gdpr-guard's own SQL
    engine, so the script gives semgrep something to run on."""
    put(repo / "db" / "V1__ok.sql", OK_SQL)
    put(repo / "etl" / "job.py", 'print("ok")\n')


def tf_repo(repo: Path) -> None:
    """A repository with one clean Terraform file."""
    put(repo / "infra" / "main.tf", OK_TF)


# ---- engine faults (fake engines) -------------------------------------------------------------------

def engine_missing(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    return {"env": {"GDPR_GUARD_SEMGREP": "gg-no-such-semgrep"}}


def engine_not_executable(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    fake = put(repo.parent / "bin" / "semgrep", "#!/bin/sh\necho '{}'\n")
    fake.chmod(0o644)
    return {"env": {"GDPR_GUARD_SEMGREP": str(fake)}}


def engine_garbage(name: str, code: int) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        sql_repo(repo) if name == "semgrep" else tf_repo(repo)
        fake = executable(repo.parent / "bin" / name,
                    f"echo 'Traceback (most recent call last): boom' >&2\nhead -c 300 /dev/urandom\nexit {code}\n")
        return {"env": {f"GDPR_GUARD_{name.upper()}": fake}}
    return setup


def engine_prints(name: str, stdout: str, code: int = 0) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        sql_repo(repo) if name == "semgrep" else tf_repo(repo)
        data = put(repo.parent / "bin" / f"{name}.out", stdout)
        fake = executable(repo.parent / "bin" / name, f"cat '{data}'\nexit {code}\n")
        return {"env": {f"GDPR_GUARD_{name.upper()}": fake}}
    return setup


def engine_hangs(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    pids = repo.parent / "pids"
    fake = executable(repo.parent / "bin" / "semgrep", f"sleep 600 &\necho \"$$ $!\" > '{pids}'\nwait\n")
    return {"env": {"GDPR_GUARD_SEMGREP": fake}, "args": ["--timeout", "2"], "pids": pids}


TRUNCATED = '{"version": "1.185.0", "results": [{"check_id": "x", "path": "db/V1__ok.sql", "start": {"li'

# ---- input faults (real engines) -------------------------------------------------------------------

def tf_unparseable(repo: Path) -> dict[str, object]:
    put(repo / "infra" / "main.tf", (FIXTURES / "broken" / "unparseable.tf").read_text(encoding="utf-8"))
    return {}


def py_syntax_error(repo: Path) -> dict[str, object]:
    # no rule keyword in the file: semgrep's prefilter never parses it
    put(repo / "etl" / "broken.py", "def f(:\n    pass\n")
    return {}


def py_too_deep(repo: Path) -> dict[str, object]:
    put(repo / "etl" / "deep.py", "x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    return {}


def tf_too_deep(repo: Path) -> dict[str, object]:
    put(repo / "infra" / "main.tf", 'locals {\n  x = ' + "[" * 3000 + "1" + "]" * 3000 + "\n}\n")
    return {}


def tf_binary(repo: Path) -> dict[str, object]:
    put(repo / "infra" / "main.tf", bytes(range(256)) * 8)
    return {}


def tf_latin1(repo: Path) -> dict[str, object]:
    put(repo / "infra" / "main.tf", 'resource "aws_s3_bucket" "b" {\n  bucket = "caf\xe9"\n}\n'.encode("latin-1"))
    return {}


def py_latin1(repo: Path) -> dict[str, object]:
    put(repo / "etl" / "a.py", 'x = "caf\xe9"\n'.encode("latin-1"))
    return {}


def sh_latin1(repo: Path) -> dict[str, object]:
    put(repo / "bin" / "dump.sh", "#!/bin/sh\nPGPASSWORD=caf\xe9x pg_dump lims\n".encode("latin-1"))
    return {}


def sql_binary(repo: Path) -> dict[str, object]:
    put(repo / "db" / "V2__blob.sql", b"\x00\x01\x02SELECT * FROM results;\x00\xff")
    return {}


def too_large(repo: Path) -> dict[str, object]:
    put(repo / "db" / "V3__big.sql", "-- filler\n" * 1_100_000)
    return {}


def unreadable(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    path = put(repo / "db" / "V4__secret.sql", OK_SQL)
    path.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that let it
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
    return {"prefix": prefix}


def symlink_loop(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    os.symlink("b.tf", repo / "infra" / "a.tf") if (repo / "infra").mkdir() is None else None
    os.symlink("a.tf", repo / "infra" / "b.tf")
    os.symlink("..", repo / "db" / "up")  # a directory loop, walked once
    return {}


def symlink_outside(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    outside = put(repo.parent / "elsewhere" / "main.tf",
                  'resource "aws_s3_bucket" "leak" {\n  acl = "public-read"\n}\n')
    (repo / "infra").mkdir()
    os.symlink(outside, repo / "infra" / "main.tf")
    return {}


def dir_symlink_outside(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    put(repo.parent / "elsewhere" / "V9__x.sql", "SELECT * FROM results;\n")
    os.symlink(repo.parent / "elsewhere", repo / "shared")
    return {}


def path_outside_root(repo: Path) -> dict[str, object]:
    sql_repo(repo)
    other = put(repo.parent / "other" / "x.sql", OK_SQL)
    return {"args": ["--root", str(repo), str(other)], "paths": []}


# ---- configuration, baseline, migration plan -------------------------------------------------------

BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))


def config_file(text: str | bytes, name: str = ".gdpr-guard.yaml") -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        sql_repo(repo)
        put(repo / name, text)
        return {}
    return setup


def baseline_file(text: str | bytes) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        sql_repo(repo)
        put(repo / "baseline.json", text)
        return {"args": ["--baseline", "baseline.json"]}
    return setup


def plan_file(text: str | bytes) -> Callable[[Path], dict[str, object]]:
    def setup(repo: Path) -> dict[str, object]:
        put(repo / "migrations" / "V1__copy.sql", OK_SQL)
        put(repo / "migrations" / "migration-plan.yaml", text)
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
