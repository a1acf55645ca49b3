"""Start checkov's interpreter while gdpr-guard is still deciding what to ask it.

checkov spends ~3 s importing ~4,200 modules before it reads a file (87 % of its start-up, measured
on a 2-core machine); gdpr-guard needs 0.1 s (a pre-commit run) to 0.5 s (2,000 files) to load its
catalog, discover targets and build the command lines. Started first, a worker imports checkov during
that time, then reads its command lines on stdin and runs each in a child forked from that fresh
import, exactly as the `checkov` console script would run it: same interpreter, environment and
working directory, stdin /dev/null, exit status and output unchanged (the output goes to a file per
run). Each run starts from the imported state, never from an earlier run's (a reused Checkov object
was tried and returned stale results); a split scan imports checkov once instead of once per process.
One request per worker, then it exits. A worker nobody claims is killed; one whose gdpr-guard dies
(its stdin closes, or its report cannot be written) kills its own process group and removes its
directory. The worker's program is checkov_worker.py.

Only the CLI starts workers, only for a scan whose paths may hold Terraform, only when checkov is the
console script pip installs (an override in GDPR_GUARD_CHECKOV, a wrapper script or another launcher
runs the normal way), and not when GDPR_GUARD_PRESTART=0. In warm mode the worker is forked from the warm
worker's own import of checkov instead (`spawn`, set by gdpr_guard/warm/child.py); it then runs the same
program the same way.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from gdpr_guard.engines.base import Completed

# Imported first by the console script (gdpr_guard/launch.py): only modules the interpreter needs anyway
# or that starting a process needs (no dataclasses, json, tempfile; the engines package on use).
CHECKOV_ENV = {
    "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true",
    "BC_SKIP_MAPPING": "TRUE",
    # checkov skips hidden directories on its own; we decide what is scanned, so it must not.
    "CKV_IGNORE_HIDDEN_DIRECTORIES": "false",
    "CHECKOV_OUTPUT_CODE_LINE_LIMIT": "60",
    "LOG_LEVEL": "ERROR",
}
"""Environment of every checkov process (offline, quiet, nothing hidden)."""

_WORKER_PROGRAM = Path(__file__).with_name("checkov_worker.py")
"""What a checkov interpreter runs, as a worker or for one direct run (a module file that ruff and mypy
check, passed as `-c` text, never imported by gdpr-guard)."""
_ASTEVAL_PATCH = Path(__file__).with_name("checkov_asteval.py")
ASTEVAL_PATCH_ENV = "GDPR_GUARD_CHECKOV_ASTEVAL"
"""Where checkov_worker.py finds checkov_asteval.py (its evaluator reuse, for checkov 3.3.30 only)."""
_CONSOLE_SCRIPT_MARKS = (b"from checkov.main import Checkov", b"Checkov().run()")
_TERRAFORM_SUFFIXES = (".tf", ".tfvars", ".tf.json", ".json")

FORKS = sys.platform.startswith("linux")
"""Whether a worker may fork one child per run. Elsewhere (macOS: libraries are not fork-safe once
imported) a worker runs one command line, in itself, and the others start the normal way."""
T = TypeVar("T")
_lock = threading.Lock()
_waiting: dict[str, Worker] = {}
spawn: Callable[[str, Path, dict[str, str], IO[bytes]], Any] | None = None
"""How a worker is started instead of `popen_worker` (warm mode forks it from an imported checkov: warm/child.py)."""
_started: list[Worker] = []


class Worker:
    """A checkov interpreter that has been started and waits for its command line."""

    def __init__(self, binary: str, workdir: Path, env: dict[str, str], process: Any) -> None:
        self.binary = binary
        """The console script it stands in for (what `base.locate("checkov")` returns)."""
        self.workdir = workdir
        """Its working directory and HOME: empty, ours, removed by `close()`."""
        self.env = env
        self.process = process
        """A `subprocess.Popen`, or what warm mode forks (the same stdin, stdout, pid, poll() and wait())."""

    def run_many(self, runs: Sequence[Sequence[str]], jobs: int, timeout: float,
                 finish: Callable[[Sequence[str], Completed], T]) -> list[T]:
        """Run each command line (argv[0] is the binary), at most `jobs` at a time; `finish` each as it ends.

        Results are in the order of `runs`; the first exception in that order is raised once all are
        done. The process group is killed after `timeout` seconds.
        """
        import json

        from gdpr_guard.engines import base
        from gdpr_guard.errors import EngineError

        started = time.monotonic()
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            self._kill()

        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        timer.start()
        outcomes: dict[int, tuple[T | None, BaseException | None]] = {}
        try:
            base.note_launch()
            assert self.process.stdin is not None and self.process.stdout is not None
            try:
                self.process.stdin.write(json.dumps({"jobs": jobs, "runs": [list(r) for r in runs]}).encode())
                self.process.stdin.close()
            except OSError:
                pass  # it died while importing: reported below from its exit status and stderr
            for line in self.process.stdout:
                index, status = (int(field) for field in line.split())
                completed = base.Completed(
                    returncode=status, stdout=self._read(f"run-{index}.out"),
                    stderr=self._read(f"run-{index}.err")[-base.STDERR_TAIL:], seconds=time.monotonic() - started)
                try:
                    outcomes[index] = (finish(runs[index], completed), None)
                except Exception as exc:  # noqa: BLE001 - re-raised below, in the order of runs
                    outcomes[index] = (None, exc)
            returncode = self.process.wait()
        finally:
            timer.cancel()
        if expired.is_set():
            raise EngineError("checkov", f"timed out after {timeout:g} s and was stopped")
        results: list[T] = []
        for index in range(len(runs)):
            if index not in outcomes:
                raise EngineError("checkov", f"exited with status {returncode}: "
                                             f"{base.last_line(self._read('worker.err'))}")
            value, error = outcomes[index]
            if error is not None:
                raise error
            results.append(value)  # type: ignore[arg-type]
        return results

    def _read(self, name: str) -> str:
        try:
            return (self.workdir / name).read_bytes().decode("utf-8", "replace")
        except OSError:
            return ""

    def _kill(self) -> None:
        from gdpr_guard.engines import base

        base.kill_session(self.process.pid)

    def close(self) -> None:
        """Stop the process if it still runs and remove the working directory."""
        with _lock:
            if self in _started:
                _started.remove(self)
        if self.process.poll() is None:
            self._kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def start_checkov(paths: Sequence[str]) -> None:
    """Start a checkov worker if a scan of `paths` may need one (never raises: it is only a head start)."""
    if os.environ.get("GDPR_GUARD_PRESTART") == "0" or os.name != "posix" or "checkov" in _waiting:
        return
    if not any(p.endswith(_TERRAFORM_SUFFIXES) or os.path.isdir(p) for p in (paths or ["."])):
        return
    if os.environ.get("GDPR_GUARD_CHECKOV") is not None:
        return
    try:
        binary = _locate("checkov")
        interpreter = _console_script_interpreter(binary) if binary else None
        if binary is None or interpreter is None:
            return
        workdir = Path(os.environ.get("TMPDIR") or "/tmp", f"gdpr-guard-checkov-{os.getpid()}-{os.urandom(6).hex()}")
        workdir.mkdir(mode=0o700)
        env = checkov_env(workdir)
        with open(workdir / "worker.err", "wb") as errors:
            process = (spawn or popen_worker)(interpreter, workdir, env, errors)
    except Exception:  # noqa: BLE001 - any failure here just means checkov starts the normal way later
        return
    worker = Worker(binary, workdir, env, process)
    with _lock:
        _waiting["checkov"] = worker
        _started.append(worker)


def popen_worker(interpreter: str, workdir: Path, env: dict[str, str], errors: IO[bytes]) -> Any:
    """A worker in a new interpreter (a `subprocess.Popen`): stdin and stdout piped, in a session of its own."""
    return subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        [interpreter, "-c", _program()], cwd=workdir, env=env, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=errors, start_new_session=True)


def checkov_env(workdir: Path) -> dict[str, str]:
    """checkov's environment: offline, and a neutral HOME (checkov reads .checkov.yaml from it)."""
    from gdpr_guard.engines.environment import offline_env

    extra = {**CHECKOV_ENV, "HOME": str(workdir), "TMPDIR": str(workdir)}
    if os.environ.get(ASTEVAL_PATCH_ENV) != "0":  # "0": the user opts out (README "Performance")
        extra[ASTEVAL_PATCH_ENV] = str(_ASTEVAL_PATCH)
    return offline_env(extra)


def _locate(engine: str) -> str | None:
    """`base.locate` without an override: the interpreter's bin directory, then PATH."""
    return shutil.which(engine, path=os.path.dirname(sys.executable)) or shutil.which(engine)


def claim(binary: str) -> Worker | None:
    """The waiting worker for `binary`, now the caller's to run or close; None if there is none."""
    with _lock:
        worker = _waiting.get("checkov")
        if worker is None or worker.binary != binary:
            return None
        del _waiting["checkov"]
    return worker  # if it died while importing, run() reports it like a crashed checkov


def discard() -> None:
    """Stop every unclaimed worker (the scan did not need checkov, or it ended early)."""
    with _lock:
        workers = list(_waiting.values())
        _waiting.clear()
    for worker in workers:
        worker.close()


def stop_all() -> None:
    """Kill every worker's process group, claimed or not (Ctrl-C, SIGTERM); `close()` still cleans up."""
    with _lock:
        workers = list(_started)
    for worker in workers:
        if worker.process.poll() is None:
            worker._kill()


def direct_argv(argv: Sequence[str]) -> list[str]:
    """A checkov command line run without a worker: through pip's console script's interpreter, with checkov's
    skip comments switched off, when the binary is that script; unchanged otherwise (a wrapper or a fake)."""
    try:
        interpreter = _console_script_interpreter(argv[0])
    except OSError:
        interpreter = None
    return [interpreter, "-c", _program(), *argv[1:]] if interpreter else list(argv)


def _program() -> str:
    return _WORKER_PROGRAM.read_text(encoding="utf-8")


def _console_script_interpreter(binary: str) -> str | None:
    """The interpreter of pip's `checkov` console script, or None if `binary` is anything else."""
    with open(binary, "rb") as handle:
        head = handle.read(1024)
    first, _, rest = head.partition(b"\n")
    if not first.startswith(b"#!") or not all(mark in rest for mark in _CONSOLE_SCRIPT_MARKS):
        return None
    interpreter = first[2:].strip().decode(errors="replace")
    if " " in interpreter or not os.path.basename(interpreter).startswith("python"):
        return None  # `#!/usr/bin/env python3` or options: let the script start itself
    return interpreter if os.access(interpreter, os.X_OK) else None
