"""checkov started ahead (gdpr_guard/prestart.py, launch.py): same results, never left behind, fails closed."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gdpr_guard import launch, prestart
from gdpr_guard.catalog import Catalog
from gdpr_guard.cli import build_parser
from gdpr_guard.config import Config
from gdpr_guard.engines import checkov, checkov_units
from gdpr_guard.engines.common import EngineOutput
from gdpr_guard.errors import EngineError
from gdpr_guard.targets import Kind, discover

REPO = Path(__file__).resolve().parents[1]
TERRAFORM = REPO / "tests" / "fixtures" / "terraform"
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"
PYTHON = sys.executable


def _scan(catalog: Catalog, config: Config) -> EngineOutput:
    targets = [t for t in discover([TERRAFORM], REPO) if t.kind in checkov.ENGINE.kinds]
    rules = [r for r in catalog.rules.values() if r.engine == "checkov"]
    return checkov.scan(targets, rules, catalog, REPO, config)


def _key(output: EngineOutput) -> tuple[object, ...]:
    return (sorted((f.rule_id, f.location, f.resource or "", f.snippet, f.tags) for f in output.findings),
            sorted((e.message, e.path or "") for e in output.errors), output.version)


@pytest.fixture()
def worker_runs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Command lines the started worker received (proves the scan used it)."""
    received: list[list[str]] = []
    original = prestart.Worker.run_many

    def spy(self: prestart.Worker, runs, jobs, timeout, finish):  # type: ignore[no-untyped-def]
        received.extend(list(argv) for argv in runs)
        return original(self, runs, jobs, timeout, finish)

    monkeypatch.setattr(prestart.Worker, "run_many", spy)
    monkeypatch.delenv("GDPR_GUARD_PRESTART", raising=False)
    yield received
    prestart.discard()


@pytest.fixture(scope="module")
def plain_scans() -> dict[bool, EngineOutput]:
    """The reference scans without a worker, by `split`: the cases that only differ in whether the worker can
    fork compare against the same plain checkov run, made once."""
    return {}


@pytest.mark.parametrize(("split", "forks"), [(False, True), (True, True), (True, False)],
                         ids=["one-process", "split", "split-where-the-worker-cannot-fork"])
def test_worker_gives_the_results_of_a_plain_checkov_process(
        catalog: Catalog, worker_runs: list[list[str]], split: bool, forks: bool,
        monkeypatch: pytest.MonkeyPatch, plain_scans: dict[bool, EngineOutput]) -> None:
    monkeypatch.setattr(prestart, "FORKS", forks)
    if split:
        monkeypatch.setattr(checkov_units, "MIN_SPLIT_BYTES", 0)
    config = Config(jobs=2 if split else 1)
    if split not in plain_scans:
        plain_scans[split] = _scan(catalog, config)
    plain = plain_scans[split]
    assert not worker_runs
    prestart.start_checkov([str(TERRAFORM)])
    assert "checkov" in prestart._waiting, "the shipped checkov is pip's console script: a worker must start"
    workdir = prestart._waiting["checkov"].workdir
    ahead = _scan(catalog, config)
    # every checkov run went through the worker; where it cannot fork, only the first
    targets = [t for t in discover([TERRAFORM], REPO) if t.kind is Kind.TERRAFORM]
    runs = len(checkov_units.groups((t.path.parent for t in targets), config.jobs))
    # split: several processes (a unit calling another gets jobs groups it may join, so more than jobs here)
    assert runs >= 2 or not split
    assert len(worker_runs) == (runs if forks else 1)
    assert all(argv[0] == prestart._locate("checkov") for argv in worker_runs)
    assert plain.findings, "the fixtures must produce findings for the comparison to mean anything"
    assert _key(ahead) == _key(plain)
    assert not prestart._waiting and not workdir.exists()


def test_unclaimed_worker_is_stopped_and_its_directory_removed(tmp_path: Path) -> None:
    env = dict(os.environ, TMPDIR=str(tmp_path))
    env.pop("GDPR_GUARD_PRESTART", None)
    # A directory with scripts only: the launcher starts checkov (a directory may hold Terraform),
    # discovery finds none, the worker must go.
    done = subprocess.run([PYTHON, "-m", "gdpr_guard", "scan", "--exit-zero", str(SCRIPTS / "shell")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not list(tmp_path.glob("gdpr-guard-checkov-*"))
    assert not _processes_in(tmp_path)


def test_worker_that_cannot_import_checkov_fails_the_scan(tmp_path: Path) -> None:
    fake = tmp_path / "site" / "checkov"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise RuntimeError('checkov is broken here')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"), TMPDIR=str(tmp_path))
    env.pop("GDPR_GUARD_PRESTART", None)
    done = subprocess.run([PYTHON, "-m", "gdpr_guard", "scan", "-f", "sarif", str(TERRAFORM / "local_module")],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 3
    assert "checkov: exited with status 1: RuntimeError: checkov is broken here" in done.stderr
    invocation = json.loads(done.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert not list(tmp_path.glob("gdpr-guard-checkov-*"))


def test_worker_timeout_stops_the_process_group(tmp_path: Path) -> None:
    # A worker whose run never ends (and that started a child of its own): all of it must go.
    process = subprocess.Popen([PYTHON, "-c", "import subprocess, time; subprocess.Popen(['sleep', '120']); "
                                "time.sleep(120)"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               start_new_session=True)
    worker = prestart.Worker("checkov", tmp_path, {}, process)
    with pytest.raises(EngineError, match="timed out after 0.5 s"):
        worker.run_many([["checkov", "-d", "."]], 1, 0.5, lambda argv, completed: completed)
    assert process.poll() is not None
    assert not _members_after_kill(process.pid), "a process of the worker's group survived the timeout"


def test_no_worker_when_it_cannot_help(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GDPR_GUARD_PRESTART", raising=False)
    try:
        prestart.start_checkov([str(SCRIPTS / "python" / "hardcoded_db_password.py")])  # no Terraform named
        assert not prestart._waiting
        monkeypatch.setenv("GDPR_GUARD_CHECKOV", PYTHON)  # an override runs the normal way
        prestart.start_checkov([str(TERRAFORM)])
        assert not prestart._waiting
        monkeypatch.delenv("GDPR_GUARD_CHECKOV")
        monkeypatch.setenv("GDPR_GUARD_PRESTART", "0")
        prestart.start_checkov([str(TERRAFORM)])
        assert not prestart._waiting
        wrapper = tmp_path / "checkov"
        wrapper.write_text("#!/bin/sh\nexec checkov \"$@\"\n")
        assert prestart._console_script_interpreter(str(wrapper)) is None
    finally:
        prestart.discard()


def _value_options(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings
            if action.nargs != 0 and not isinstance(action, argparse._HelpAction)}


def test_launcher_knows_every_option_that_takes_a_value() -> None:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    scan = sub.choices["scan"]
    create = next(a for a in sub.choices["baseline"]._actions
                  if isinstance(a, argparse._SubParsersAction)).choices["create"]
    assert _value_options(scan) | _value_options(create) == set(launch.VALUE_OPTIONS)


@pytest.mark.parametrize("argv", [
    ["scan"], ["scan", "-f", "sarif", "a.tf", "b.py", "-o", "out.json"], ["scan", "--format=json", "x"],
    ["scan", "--jobs", "2", "--root", "r", "--", "-odd.tf"], ["scan", "--cache", "--exit-zero", "."],
    ["baseline", "create", "--output", "b.json", "infra"], ["scan", "--shard", "1/2", "--no-cache", "d"],
])
def test_launcher_reads_the_paths_argparse_reads(argv: list[str]) -> None:
    parsed = build_parser().parse_args(argv)
    assert launch.scan_paths(argv) == parsed.paths


@pytest.mark.parametrize("argv", [["rules"], ["scan", "--help"], ["explain", "GG-ENC-001"], ["merge", "a.sarif"]])
def test_launcher_starts_nothing_for_other_commands(argv: list[str]) -> None:
    assert launch.scan_paths(argv) is None


def _processes_in(directory: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(directory) in os.readlink(entry / "cwd"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _members_after_kill(group: int) -> list[int]:
    """Live members of a group that was sent SIGKILL, once the kernel had time to deliver it: on a
    loaded machine a killed process can still show as running for a moment (bounded wait, not a timing
    assertion: a survivor keeps running and is still reported after 5 s)."""
    deadline = time.monotonic() + 5
    while (live := _live_members(group)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return live


def _live_members(group: int) -> list[int]:
    """Processes of a process group that are not zombies (killed ones may wait to be reaped)."""
    live = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] not in (b"Z", b"X"):
                live.append(int(entry.name))
    return live


@pytest.mark.parametrize("delay", [0.8, 3.0], ids=["while-checkov-imports", "while-checkov-scans"])
def test_ctrl_c_stops_the_engines_at_once(tmp_path: Path, delay: float) -> None:
    import signal
    import time

    sys.path.insert(0, str(REPO / "benchmarks"))
    import corpus  # the benchmark's generator: a scan long enough to interrupt (~20 s on an idle machine)

    corpus.generate(tmp_path / "repo", 600, 40, 7)
    work = tmp_path / "tmp"
    work.mkdir()
    env = dict(os.environ, TMPDIR=str(work), SEMGREP_ENABLE_VERSION_CHECK="0")
    env.pop("GDPR_GUARD_PRESTART", None)
    process = subprocess.Popen([PYTHON, "-m", "gdpr_guard", "scan", "."], cwd=tmp_path / "repo",
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(delay)
    interrupted = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    # Waiting for the engines would take the rest of a ~20 s scan (longer on a loaded machine); stopping
    # them takes well under a second. The bound tells the two apart without timing a busy machine.
    assert time.monotonic() - interrupted < 10, "gdpr-guard waited for the engines instead of stopping them"
    assert process.returncode == 3
    assert "gdpr-guard: error: interrupted" in stderr
    time.sleep(0.5)
    assert not _processes_in(work)
    assert not list(work.glob("gdpr-guard-checkov-*"))
