"""The warm side of a `gdpr-guard scan`: find this repository's worker, hand it the scan, relay signals,
and return its exit status; or say why not and let the scan run cold (launch.py), then start a worker.

`GDPR_GUARD_WARM=1` or `scan --warm` turns warm mode on, `GDPR_GUARD_WARM=0` off whatever the command
line says; `GDPR_GUARD_WARM=require` fails the scan (exit 3) rather than run cold (benchmarks, tests).
No worker yet, or one for another state (key.py), is the normal way to start: silent. A worker that does
not answer, answers wrongly or ends without an exit status is a failure: one warning line on stderr, and
the scan runs cold, so its result never depends on the worker's health.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gdpr_guard.warm import key, wire

if TYPE_CHECKING:  # imported when a worker is started, not on every warm scan
    import subprocess

ANSWER_SECONDS = 10.0
"""At most this long for a worker to fork the scan's child (it does nothing else)."""
START_SECONDS = 300.0
"""GDPR_GUARD_WARM=require: at most this long for a new worker to import gdpr-guard and checkov."""
EXIT_SCAN_ERROR = 3
_pending: tuple[Path, Path, str, str, Path] | None = None
"""(runtime dir, repository, state, installation key, socket) of the worker to start after a cold scan."""


def requested(argv: Sequence[str]) -> bool:
    """Whether this `scan` command line asks for warm mode."""
    setting = os.environ.get("GDPR_GUARD_WARM", "")
    if setting == "0":
        return False
    options = argv[:argv.index("--")] if "--" in argv else argv
    return setting in ("1", "require") or "--warm" in options


def run(argv: Sequence[str], paths: Sequence[str]) -> int | None:
    """The exit status of the scan as the worker ran it, or None: run it cold."""
    global _pending
    required = os.environ.get("GDPR_GUARD_WARM") == "require"
    try:
        if not sys.platform.startswith("linux"):
            raise key.Unavailable("warm mode needs Linux (fork, SO_PEERCRED)")
        cwd = Path.cwd()
        repo = key.repository(cwd)
        directory = key.runtime_dir()
        installation = key.installation_key()
        state = key.state_key(installation, repo, cwd, paths, _option(argv, "--config"))
        path = key.socket_path(directory, repo, state)
    except (key.Unavailable, OSError) as exc:
        return _cold(f"warm mode is unavailable: {exc}", required)
    _pending = (directory, repo, state, installation, path)
    if not os.path.exists(path):
        if not required:
            return None  # the first scan of this state: cold, then start_worker()
        failure = _wait_for_new_worker(path)
        if failure:
            return _cold(failure, required)
    status, failure = _ask(path, argv, repo)
    if failure:
        return _cold(failure, required)
    return status


def _ask(path: Path, argv: Sequence[str], repo: Path) -> tuple[int | None, str]:
    """(exit status, "") or (None, why the worker could not run the scan)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    streams: list[int] = []
    try:
        sock.settimeout(ANSWER_SECONDS)
        try:
            sock.connect(str(path))
        except OSError as exc:
            return None, f"the warm worker does not answer ({exc.strerror or exc}); it is replaced"
        if wire.peer_uid(sock) != os.getuid():
            return None, "the warm worker's socket belongs to another user"
        streams = _standard_streams()
        request = {"argv": [sys.argv[0], *argv], "cwd": os.getcwd(), "env": dict(os.environ),
                   "umask": _umask(), "repo": str(repo)}
        wire.send(sock, request, streams)
        try:
            started, _ = wire.receive(sock)
        except (wire.Closed, OSError):
            return None, "the warm worker refused the scan or failed to start it"
        child = started.get("pid")
        if not isinstance(child, int):
            return None, "the warm worker answered something unexpected"
        sock.settimeout(None)
        previous = _relay_signals(child)
        try:
            finished, _ = wire.receive(sock)
        except (wire.Closed, OSError):
            return None, "the warm worker's scan ended without an exit status (killed or crashed)"
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        status = finished.get("exit")
        if not isinstance(status, int):
            return None, "the warm worker answered something unexpected"
        return status, ""
    finally:
        for fd in streams[3:]:
            os.close(fd)
        sock.close()


def _standard_streams() -> list[int]:
    """File descriptors 0, 1 and 2 for the worker's child (a closed one as /dev/null), then the ones we opened
    for that (to close after sending)."""
    fds, opened = [], []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
            fds.append(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            fds.append(null)
            opened.append(null)
    return fds + opened


def _relay_signals(child: int) -> dict[int, Any]:
    """Ctrl-C, SIGTERM, SIGHUP reach the scan's child as they would reach a cold scan (it stops its engines)."""
    def relay(signum: int, frame: object) -> None:
        try:
            os.kill(child, signum)
        except OSError:
            pass

    return {signum: signal.signal(signum, relay) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _option(argv: Sequence[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _cold(reason: str, required: bool) -> int | None:
    if required:
        _say(f"error: {reason} (GDPR_GUARD_WARM=require)")
        return EXIT_SCAN_ERROR
    _say(f"warning: {reason}; scanning without it")
    return None


def _say(text: str) -> None:
    try:
        sys.stderr.write(f"gdpr-guard: {text}\n")
        sys.stderr.flush()
    except OSError:
        pass


def start_worker() -> None:
    """Start the worker of this scan's state in the background (never raises: it is only for later scans)."""
    if _pending is None or os.environ.get("GDPR_GUARD_WARM") == "require":
        return
    try:
        _spawn(*_pending)
    except OSError:
        pass


def _spawn(directory: Path, repo: Path, state: str, installation: str, path: Path) -> subprocess.Popen[bytes]:
    import subprocess

    log = os.open(path.with_suffix(".log"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        return subprocess.Popen(  # noqa: S603 - our interpreter and module, no shell
            [sys.executable, "-c", "from gdpr_guard.warm.server import main; main()", str(path), state,
             installation, str(repo)],
            cwd=directory, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
    finally:
        os.close(log)


def _wait_for_new_worker(path: Path) -> str:
    """Start the worker and wait until it listens; "" or why it did not come up."""
    assert _pending is not None
    process = _spawn(*_pending)
    deadline = time.monotonic() + START_SECONDS
    while not os.path.exists(path):
        if process.poll() not in (None, 0) and not os.path.exists(path):  # 0: another one is starting
            return f"the warm worker did not start (exit status {process.returncode}; see {path.with_suffix('.log')})"
        if time.monotonic() > deadline:
            return "the warm worker did not start in time"
        time.sleep(0.05)
    return ""
