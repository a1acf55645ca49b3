"""Running an engine process: locate the binary, run it offline with a timeout, kill the whole tree."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gdpr_guard.errors import EngineError

STDERR_TAIL = 2000
_launches = threading.Condition()
_launched = 0
_live: set[subprocess.Popen[bytes]] = set()
_live_lock = threading.Lock()


@dataclass(frozen=True)
class Completed:
    """A finished engine process."""

    returncode: int
    """Exit status."""
    stdout: str
    """Standard output (the engine's JSON)."""
    stderr: str
    """Standard error, for error messages."""
    seconds: float
    """Wall time."""


def locate(engine: str) -> str:
    """Path of an engine's executable.

    `GDPR_GUARD_<ENGINE>` wins (tests and unusual installs); then the interpreter's own bin
    directory, so the hook's virtualenv finds its engines without PATH; then PATH.
    """
    override = os.environ.get(f"GDPR_GUARD_{engine.upper()}")
    if override is not None:
        if shutil.which(override) is None:
            raise EngineError(engine, f"not found at {override} (GDPR_GUARD_{engine.upper()})")
        return override
    bindir = Path(sys.executable).parent
    found = shutil.which(engine, path=str(bindir)) or shutil.which(engine)
    if found is None:
        raise EngineError(engine, f"{engine} is not installed (looked in {bindir} and PATH); "
                                  f"install gdpr-guard's dependencies: pip install gdpr-guard")
    return found


def run(engine: str, argv: Sequence[str], *, cwd: Path, env: Mapping[str, str], timeout: float) -> Completed:
    """Run `argv`, killing its whole process group if it outlives `timeout` seconds."""
    started = time.monotonic()
    try:
        process = subprocess.Popen(  # noqa: S603 - argv is built by us, never by a shell
            list(argv), cwd=cwd, env=dict(env), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, start_new_session=True,
        )
    except OSError as exc:
        note_launch()
        raise EngineError(engine, f"cannot start {argv[0]}: {exc.strerror}") from None
    note_launch()
    with _live_lock:
        _live.add(process)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(process)
        raise EngineError(engine, f"timed out after {timeout:g} s and was stopped") from None
    finally:
        with _live_lock:
            _live.discard(process)
        if process.poll() is None:
            kill_group(process)
    return Completed(
        returncode=process.returncode,
        stdout=stdout.decode("utf-8", "replace"),
        stderr=stderr.decode("utf-8", "replace")[-STDERR_TAIL:],
        seconds=time.monotonic() - started,
    )


def note_launch() -> None:
    """Record that an engine process was started (or could not be): see `wait_for_launches`."""
    global _launched
    with _launches:
        _launched += 1
        _launches.notify_all()


def launches() -> int:
    """How many engine processes were started so far (a mark for `wait_for_launches`)."""
    with _launches:
        return _launched


def wait_for_launches(mark: int, count: int, done: Callable[[], bool], timeout: float) -> None:
    """Wait until `count` engine processes were started after `mark`, `done()` is true, or `timeout`.

    The scan starts its own analyses only then: they are CPU-bound Python, and the threads that
    prepare engine command lines would otherwise wait for the interpreter lock behind them.
    """
    deadline = time.monotonic() + timeout
    with _launches:
        while _launched - mark < count and not done():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            _launches.wait(min(remaining, 0.05))


def stop_all() -> None:
    """Kill every engine process group still running (the CLI calls it on Ctrl-C or SIGTERM: engines run
    in sessions of their own, so the signal does not reach them)."""
    with _live_lock:
        processes = list(_live)
    for process in processes:
        kill_session(process.pid)


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill a process started with `start_new_session=True` and everything it started, and reap it."""
    kill_session(process.pid)
    process.communicate()


def kill_session(leader: int) -> None:
    """SIGKILL to the process group of `leader` (gone already: nothing to do)."""
    try:
        os.killpg(leader, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def last_line(text: str) -> str:
    """The last non-empty line of an engine's stderr, for a one-line error."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(no output)"
