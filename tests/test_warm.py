"""Warm mode (gdpr_guard/warm/): the same bytes as a cold run on every fixture, a new worker when anything it
depends on changes, a cold run (and a warning) when the worker is dead or fails, private sockets, idle stop.

Every scan here runs the real `gdpr-guard` console script with the real engines, cold (GDPR_GUARD_WARM=0)
or through a worker (GDPR_GUARD_WARM=require: a scan that could not run warm exits 3 instead of silently
running cold, so a passing comparison proves the warm path ran). Workers live in a private runtime
directory of this test module and stop after a few minutes (GDPR_GUARD_WARM_IDLE) if a test fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from gdpr_guard.warm import key, wire

pytestmark = pytest.mark.slow
GDPR_GUARD = str(Path(sys.executable).with_name("gdpr-guard"))
WAIT_SECONDS = 300.0
"""A bound on waiting for a worker to start or stop (not a timing assertion: only a hung test fails)."""


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    directory = tmp_path_factory.mktemp("run")
    directory.chmod(0o700)
    yield directory
    for lock in (directory / "gdpr-guard").glob("*.lock"):  # stop this module's workers
        _kill(lock)


def _env(runtime: Path, warm: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GDPR_GUARD_WARM")}
    return {**env, "XDG_RUNTIME_DIR": str(runtime), "GDPR_GUARD_WARM": warm, "GDPR_GUARD_WARM_IDLE": "600", **extra}


def _scan(cwd: Path, runtime: Path, warm: str, *args: str, **extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([GDPR_GUARD, "scan", *args], cwd=cwd, env=_env(runtime, warm, **extra),
                          capture_output=True, timeout=900)


def _repo(tmp_path: Path, source: Path, name: str = "repo") -> Path:
    root = tmp_path / name
    shutil.copytree(source, root)
    (root / ".git").mkdir()  # a repository's top (key.repository, config.find_for)
    return root


def _sockets(runtime: Path, repo: Path | None = None) -> set[str]:
    """Socket names in the runtime directory (of one repository's workers if `repo` is given)."""
    prefix = key.repo_prefix(repo.resolve()) + "." if repo is not None else ""
    return {p.name for p in (runtime / "gdpr-guard").glob(f"{prefix}*.sock")}


def _only(names: set[str]) -> str:
    assert len(names) == 1, names
    return names.pop()


def _answers(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        try:
            sock.connect(str(path))
        except OSError:
            return False
    return True


def _wait(condition: object, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.1)


def _pid(lock: Path) -> int:
    return int(lock.read_text().strip())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _kill(lock: Path) -> None:
    try:
        os.kill(_pid(lock), signal.SIGKILL)
    except (OSError, ValueError):
        pass


# --- the same bytes ---------------------------------------------------------------------------------------

def _outputs(cwd: Path, runtime: Path, warm: str, out: Path, *paths: str) -> tuple[int, bytes, bytes, dict[str, bytes]]:
    out.mkdir(parents=True, exist_ok=True)
    files = {"sarif": out / "r.sarif", "json": out / "r.json", "markdown": out / "r.md", "html": out / "r.html"}
    run = _scan(cwd, runtime, warm, *paths, "--sarif-file", str(files["sarif"]), "--json-file", str(files["json"]),
                "--markdown-file", str(files["markdown"]), "--html-file", str(files["html"]))
    return run.returncode, run.stdout, run.stderr, {name: path.read_bytes() for name, path in files.items()}


@pytest.fixture(scope="module")
def fixture_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _repo(tmp_path_factory.mktemp("fixtures"), FIXTURES)


def test_every_fixture_gives_the_same_bytes_warm_and_cold(fixture_repo: Path, runtime: Path, tmp_path: Path) -> None:
    cold = _outputs(fixture_repo, runtime, "0", tmp_path / "cold", ".")
    warm = _outputs(fixture_repo, runtime, "require", tmp_path / "warm", ".")
    assert cold[1], "the text report is on stdout"
    assert b'"ruleId"' in cold[3]["sarif"], "the fixtures have findings"
    assert warm == cold


# One staged file of each kind, as pre-commit passes them (the module's directory is evaluated).
STAGED = ["terraform/database_hardcoded_password/aws/main.tf", "scripts/python/hardcoded_credentials.py",
          "scripts/shell/export_ok.sh", "scripts/sql/select_star_nothing_extracted.sql", "plans/infra/plan.json"]


@pytest.mark.parametrize("staged", STAGED)
def test_a_staged_file_gives_the_same_bytes_warm_and_cold(staged: str, fixture_repo: Path, runtime: Path,
                                                          tmp_path: Path) -> None:
    assert (fixture_repo / staged).is_file()
    cold = _outputs(fixture_repo, runtime, "0", tmp_path / "cold", staged)
    warm = _outputs(fixture_repo, runtime, "require", tmp_path / "warm", staged)
    assert warm == cold


# --- a new worker when anything it depends on changes ------------------------------------------------------

@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    return _repo(tmp_path, REPO / "examples" / "lab-migration")


@pytest.fixture(scope="module")
def cold_small(tmp_path_factory: pytest.TempPathFactory,
               runtime: Path) -> Callable[[str], subprocess.CompletedProcess[bytes]]:
    """The cold scan of one path of the example, made once per module: several tests compare their warm or
    fallback run with it (their own copy is also named `repo` and reports paths relative to it)."""
    repo = _repo(tmp_path_factory.mktemp("cold"), REPO / "examples" / "lab-migration")
    done: dict[str, subprocess.CompletedProcess[bytes]] = {}

    def cold(path: str) -> subprocess.CompletedProcess[bytes]:
        if path not in done:
            done[path] = _scan(repo, runtime, "0", path)
        return done[path]
    return cold


def test_a_configuration_change_starts_a_new_worker_and_stops_the_old(small_repo: Path, runtime: Path) -> None:
    first = _scan(small_repo, runtime, "require", "infra/main.tf")
    assert first.returncode == 1, first.stderr
    old_socket = runtime / "gdpr-guard" / _only(_sockets(runtime, small_repo))
    (small_repo / ".gdpr-guard.yaml").write_text("fail-on: high\n", encoding="utf-8")
    second = _scan(small_repo, runtime, "1", "infra/main.tf")  # no worker for the new state: cold, silently
    assert second.stderr == b""
    _wait(lambda: len(_sockets(runtime, small_repo)) == 1 and not old_socket.exists(), "the old worker stops")
    assert _only(_sockets(runtime, small_repo)) != old_socket.name  # same repository, another state
    third = _scan(small_repo, runtime, "require", "infra/main.tf")
    assert (third.returncode, third.stdout) == (second.returncode, second.stdout)


def test_the_key_covers_policies_configuration_engines_and_environment(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from gdpr_guard import resources

    policies = tmp_path / "policies"
    shutil.copytree(resources.policies_dir(), policies)
    monkeypatch.setattr(resources, "policies_dir", lambda: policies)
    installed = key.installation_key()
    rule = next(policies.glob("semgrep/**/*.yaml"))
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert key.installation_key() != installed  # a policy
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    state = key.state_key(installed, repo, repo, ["sub/x.py"], None)
    (repo / "sub" / ".gdpr-guard.yaml").write_text("fail-on: high\n", encoding="utf-8")
    assert key.state_key(installed, repo, repo, ["sub/x.py"], None) != state  # the nearest configuration
    changed = key.state_key(installed, repo, repo, ["sub/x.py"], None)
    monkeypatch.setenv("GDPR_GUARD_SEMGREP_LEGACY_CLI", "1")
    assert key.state_key(installed, repo, repo, ["sub/x.py"], None) != changed  # an environment switch
    monkeypatch.setenv("GDPR_GUARD_WARM_IDLE", "5")
    with_switch = key.state_key(installed, repo, repo, ["sub/x.py"], None)
    monkeypatch.setenv("GDPR_GUARD_WARM_IDLE", "7")
    assert key.state_key(installed, repo, repo, ["sub/x.py"], None) == with_switch  # warm mode's own: not
    assert [p.parent.name for p in key._records("checkov")][:1] == ["checkov-3.3.30.dist-info"]  # an engine


# --- never a pass because of the worker ---------------------------------------------------------------------

def test_a_killed_worker_means_a_cold_run_with_the_same_result(
        small_repo: Path, runtime: Path, cold_small: Callable[[str], subprocess.CompletedProcess[bytes]]) -> None:
    cold = cold_small("infra/main.tf")
    assert _scan(small_repo, runtime, "require", "infra/main.tf").stdout == cold.stdout
    name = _only(_sockets(runtime, small_repo))
    lock = (runtime / "gdpr-guard" / name).with_suffix(".lock")
    pid = _pid(lock)
    os.kill(pid, signal.SIGKILL)
    _wait(lambda: not _alive(pid) or _zombie(pid), "the worker dies")
    assert (runtime / "gdpr-guard" / name).exists()  # its socket stays: nobody answers it
    fallback = _scan(small_repo, runtime, "1", "infra/main.tf")
    assert (fallback.returncode, fallback.stdout) == (cold.returncode, cold.stdout)
    assert b"the warm worker does not answer" in fallback.stderr
    assert b"scanning without it" in fallback.stderr
    _wait(lambda: _answers(runtime / "gdpr-guard" / name), "a new worker replaces the dead one")


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return False


@pytest.mark.parametrize("answer", ["nothing", "pid only", "garbage"])
def test_a_worker_that_fails_mid_scan_means_a_cold_run_and_a_warning(
        answer: str, small_repo: Path, runtime: Path,
        cold_small: Callable[[str], subprocess.CompletedProcess[bytes]]) -> None:
    cold = cold_small("migration/extract_results.py")
    _scan(small_repo, runtime, "require", "migration/extract_results.py")
    name = _only(_sockets(runtime, small_repo))
    path = runtime / "gdpr-guard" / name
    lock = path.with_suffix(".lock")
    pid = _pid(lock)
    os.kill(pid, signal.SIGKILL)
    _wait(lambda: not _alive(pid) or _zombie(pid), "the worker dies")
    path.unlink()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as fake:  # in its place, a worker that fails
        fake.bind(str(path))
        fake.listen(1)
        fake.settimeout(WAIT_SECONDS)
        client = subprocess.Popen([GDPR_GUARD, "scan", "migration/extract_results.py"], cwd=small_repo,
                                  env=_env(runtime, "1"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        connection, _ = fake.accept()
        request, fds = wire.receive(connection, with_fds=3)
        for fd in fds:
            os.close(fd)
        assert request["argv"][1:] == ["scan", "migration/extract_results.py"]
        if answer == "pid only":
            wire.send(connection, {"pid": os.getpid()})
        elif answer == "garbage":
            connection.sendall(b"\x00\x00\x00\x02{]")
        connection.close()
        stdout, stderr = client.communicate(timeout=900)
    assert (client.returncode, stdout) == (cold.returncode, cold.stdout)
    assert b"warning: the warm worker" in stderr and b"scanning without it" in stderr


# --- isolation ---------------------------------------------------------------------------------------------

def test_sockets_are_private_and_per_repository(tmp_path: Path, runtime: Path) -> None:
    first = _repo(tmp_path, REPO / "examples" / "lab-migration", "one")
    second = _repo(tmp_path, REPO / "examples" / "lab-migration", "two")
    for repo in (first, second):
        assert _scan(repo, runtime, "require", "migration/extract_results.py").returncode == 1
    new = {_only(_sockets(runtime, first)), _only(_sockets(runtime, second))}
    assert len({name.split(".")[0] for name in new}) == 2  # one worker per repository
    directory = runtime / "gdpr-guard"
    info = directory.lstat()
    assert stat.S_IMODE(info.st_mode) == 0o700 and info.st_uid == os.getuid()
    for name in new:
        assert stat.S_IMODE((directory / name).lstat().st_mode) & 0o077 == 0
    # A worker serves its own repository only: a request naming another is refused (no child, no scan).
    path = directory / sorted(new)[0]
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(str(path))
        assert wire.peer_uid(sock) == os.getuid()
        wire.send(sock, {"argv": ["gdpr-guard", "scan", "."], "cwd": str(tmp_path), "env": {}, "umask": 0o22,
                         "repo": str(tmp_path)}, [0, 1, 2])
        with pytest.raises(wire.Closed):
            wire.receive(sock)


def test_a_private_directory_is_required(small_repo: Path, tmp_path: Path,
                                        cold_small: Callable[[str], subprocess.CompletedProcess[bytes]]) -> None:
    shared = tmp_path / "shared"
    (shared / "gdpr-guard").mkdir(parents=True)
    (shared / "gdpr-guard").chmod(0o755)
    cold = cold_small("infra/main.tf")
    refused = _scan(small_repo, shared, "1", "infra/main.tf")
    assert (refused.returncode, refused.stdout) == (cold.returncode, cold.stdout)
    assert b"not a directory private to this user" in refused.stderr
    required = _scan(small_repo, shared, "require", "infra/main.tf")  # never a pass: an error
    assert (required.returncode, required.stdout) == (3, b"")
    assert b"error: warm mode is unavailable" in required.stderr
    assert not list((shared / "gdpr-guard").iterdir())


# --- idle stop -----------------------------------------------------------------------------------------------

def test_an_idle_worker_stops_and_cleans_up(small_repo: Path, runtime: Path) -> None:
    # GDPR_GUARD_WARM=require: this scan ran through a worker (else exit 3); it stops one second after.
    assert _scan(small_repo, runtime, "require", "migration/extract_results.py",
                 GDPR_GUARD_WARM_IDLE="1").returncode == 1
    prefix = key.repo_prefix(small_repo.resolve())
    _wait(lambda: not list((runtime / "gdpr-guard").glob(prefix + ".*")), "the idle worker removes its files")


def test_warm_mode_is_opt_in() -> None:
    from gdpr_guard.warm import client

    env = {k: v for k, v in os.environ.items() if not k.startswith("GDPR_GUARD_WARM")}
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(env)
        assert not client.requested(["scan", "."])
        assert client.requested(["scan", "--warm", "."])
        assert not client.requested(["scan", "--", "--warm"])  # a file named --warm
        os.environ["GDPR_GUARD_WARM"] = "0"
        assert not client.requested(["scan", "--warm", "."])
        os.environ["GDPR_GUARD_WARM"] = "1"
        assert client.requested(["scan", "."])
    finally:
        os.environ.clear()
        os.environ.update(saved)
