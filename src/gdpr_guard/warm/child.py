"""What a warm worker imports once, and what each scan's forked child does with it.

The worker imports every module of gdpr-guard, then checkov (only when checkov's console script runs on
this same interpreter, as pip installs it), recording the process-wide state checkov's import changes
(warnings filters, the root logger, signal handlers, environment variables it sets). A scan's child puts
back gdpr-guard's side of that state and the client's arguments, directory, environment, umask and
standard streams, then runs the console script's code (launch.py). When that code starts checkov's
worker (prestart.py), the child forks it from its own fresh copy of the import, with checkov's side of
the state, instead of starting a new interpreter; checkov_worker.py then runs as it would cold.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import signal
import socket
import sys
import tempfile
import threading
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import gdpr_guard


@dataclass(frozen=True)
class ProcessState:
    """The process-wide state an import may change and a run depends on."""

    filters: tuple[Any, ...]
    showwarning: Any
    handlers: tuple[logging.Handler, ...]
    level: int
    path: tuple[str, ...]
    sigint: Any
    recursion: int

    @staticmethod
    def now() -> ProcessState:
        root = logging.getLogger()
        return ProcessState(tuple(warnings.filters), warnings.showwarning, tuple(root.handlers), root.level,
                            tuple(sys.path), signal.getsignal(signal.SIGINT), sys.getrecursionlimit())

    def restore(self) -> None:
        warnings.filters[:] = list(self.filters)  # type: ignore[index]  # a list at run time
        warnings.showwarning = self.showwarning
        warnings._filters_mutated()  # type: ignore[attr-defined]  # drop the per-module caches of old filters
        root = logging.getLogger()
        root.handlers[:] = list(self.handlers)
        root.setLevel(self.level)
        sys.path[:] = list(self.path)
        signal.signal(signal.SIGINT, self.sigint)
        sys.setrecursionlimit(self.recursion)


@dataclass(frozen=True)
class Preloaded:
    """The worker's imports: gdpr-guard's state, and checkov's if checkov was imported."""

    ours: ProcessState
    checkov: ProcessState | None
    checkov_env: tuple[tuple[str, str], ...]
    """Environment variables checkov's import set (the cold worker has them too)."""
    import_dir: str
    """The working directory checkov was imported in (paths under it are moved to the run's)."""


_preloaded: Preloaded | None = None
_connection: socket.socket | None = None


def preload(home: Path) -> Preloaded:
    """Import gdpr-guard, then checkov as its worker would (in `home`, with checkov's environment)."""
    global _preloaded
    for module in pkgutil.walk_packages(gdpr_guard.__path__, "gdpr_guard."):
        if not module.name.endswith("__main__") and module.name != "gdpr_guard.checkov_worker":
            importlib.import_module(module.name)
    from gdpr_guard import catalog

    catalog.load(keep=True)  # parsed once; a scan reuses it only for the identical text (catalog.load)
    ours = ProcessState.now()
    checkov_state: ProcessState | None = None
    added: tuple[tuple[str, str], ...] = ()
    if _checkov_runs_here():
        from gdpr_guard import prestart

        saved = dict(os.environ)
        wanted = prestart.checkov_env(home)
        os.environ.clear()
        os.environ.update(wanted)
        try:
            from checkov.main import Checkov  # noqa: F401 - the import this worker exists for
        finally:
            added = tuple(sorted((k, v) for k, v in os.environ.items() if wanted.get(k) != v))
            os.environ.clear()
            os.environ.update(saved)
        checkov_state = ProcessState.now()
        ours.restore()
    _preloaded = Preloaded(ours, checkov_state, added, str(home))
    return _preloaded


def _checkov_runs_here() -> bool:
    """Whether checkov's console script would run on this interpreter (same bin directory)."""
    from gdpr_guard import prestart

    if os.environ.get("GDPR_GUARD_CHECKOV") is not None or not prestart.FORKS:
        return False
    binary = prestart._locate("checkov")
    try:
        interpreter = prestart._console_script_interpreter(binary) if binary else None
    except OSError:
        return False
    return interpreter is not None and os.path.dirname(interpreter) == os.path.dirname(sys.executable)


def serve(connection: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
    """In the forked child: run the request's scan as the console script would, report its status, exit."""
    global _connection
    _connection = connection
    status = 3
    try:
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
            signal.signal(signum, signal.SIG_DFL)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.umask(int(request["umask"]))
        os.chdir(str(request["cwd"]))
        os.environ.clear()
        os.environ.update({str(k): str(v) for k, v in request["env"].items()})
        tempfile.tempdir = None
        sys.argv = [str(a) for a in request["argv"]]
        assert _preloaded is not None
        _preloaded.ours.restore()
        from gdpr_guard import launch, prestart
        from gdpr_guard.warm import wire

        prestart.spawn = fork_checkov
        connection.settimeout(None)
        wire.send(connection, {"pid": os.getpid()})
        launch.start_engines(sys.argv[1:])
        threading.Thread(target=_watch, args=(connection,), daemon=True).start()
        try:
            status = launch.run_cli()
        except SystemExit as exc:  # argparse: --help, usage errors
            status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        sys.stdout.flush()
        sys.stderr.flush()
        wire.send(connection, {"exit": status})
    except BaseException:  # noqa: BLE001 - the client sees no exit status and scans cold, saying why
        try:
            traceback.print_exc(file=sys.__stderr__)
        finally:
            os._exit(70)
    os._exit(0)


def _watch(connection: socket.socket) -> None:
    """The client is gone (killed): stop the scan as Ctrl-C would (its engines first, cli.py)."""
    try:
        while connection.recv(1):
            pass
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGTERM)


def fork_checkov(interpreter: str, workdir: Path, env: dict[str, str], errors: IO[bytes]) -> Any:
    """prestart's worker, forked from this process's import of checkov; started cold if there is none."""
    from gdpr_guard import prestart

    preloaded = _preloaded
    if preloaded is None or preloaded.checkov is None \
            or os.path.dirname(interpreter) != os.path.dirname(sys.executable):
        return prestart.popen_worker(interpreter, workdir, env, errors)
    read_in, write_in = os.pipe()
    read_out, write_out = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()
            os.dup2(read_in, 0)
            os.dup2(write_out, 1)
            os.dup2(errors.fileno(), 2)
            for fd in (read_in, write_in, read_out, write_out):
                os.close(fd)
            if _connection is not None:
                _connection.close()
            os.chdir(workdir)
            os.environ.clear()
            os.environ.update(env)
            os.environ.update({k: v.replace(preloaded.import_dir, str(workdir), 1) if v.startswith(preloaded.import_dir)
                               else v for k, v in preloaded.checkov_env})
            tempfile.tempdir = None
            preloaded.checkov.restore()
            sys.argv = ["-c"]
            from gdpr_guard import checkov_worker

            checkov_worker.main()
        except BaseException:  # noqa: BLE001 - reported through worker.err like a cold worker's crash
            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(read_in)
    os.close(write_out)
    return Forked(pid, os.fdopen(write_in, "wb"), os.fdopen(read_out, "rb"))


class Forked:
    """The part of subprocess.Popen that prestart.Worker uses, for a forked process."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]) -> None:
        self.pid, self.stdin, self.stdout = pid, stdin, stdout
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self) -> int:
        if self.returncode is None:
            _, status = os.waitpid(self.pid, 0)
            self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode
