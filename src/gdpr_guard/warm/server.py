"""A warm worker: imports gdpr-guard and checkov once (child.py), then listens on its socket and forks one
child per scan; it never runs a scan itself, so every scan starts from the same freshly imported state.

Started by client.py as `python -c ... SOCKET STATE INSTALLATION REPOSITORY` in the user's runtime
directory (key.py). One worker per socket (an exclusive lock on `<socket>.lock`, which also holds its
pid); it binds the socket only once its imports are done, so a scan finds either no socket (and runs
cold) or a worker ready to fork. It checks the peer's uid on every connection and serves only scans of
its repository; it stops the workers of other states of that repository when it starts, when asked,
when its socket is removed, and after GDPR_GUARD_WARM_IDLE seconds (default 900) without a scan.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import shutil
import socket
import sys
import time
from pathlib import Path

IDLE_SECONDS = 900.0
POLL_SECONDS = 1.0


def main() -> None:
    path, state, installation, repo = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    # `-c` puts the working directory first on sys.path; the console script does not: drop it.
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    lock = _lock(path.with_suffix(".lock"))
    if lock is None:
        sys.exit(0)  # another worker for this state is starting or running
    home = path.with_suffix(".home")
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(mode=0o700)
    os.chdir(home)
    from gdpr_guard.warm import child, key

    child.preload(home)
    if key.installation_key() != installation:
        print("gdpr-guard, its policies or the engines changed while the worker started", file=sys.stderr)
        sys.exit(1)
    _stop_others(path)
    listener = _listen(path)
    os.ftruncate(lock, 0)
    os.write(lock, f"{os.getpid()}\n".encode())
    gc.freeze()  # the children share the imports copy-on-write: keep the collector from touching them
    print(f"serving {repo} (state {state[:20]}) as pid {os.getpid()}", file=sys.stderr, flush=True)
    inode = os.stat(path).st_ino
    try:
        _serve(listener, path, inode, repo, _idle_seconds(), lock)
    finally:
        listener.close()
        if _same_file(path, inode):  # not a newer worker's socket of the same name
            with contextlib.suppress(OSError):
                path.unlink()
        shutil.rmtree(home, ignore_errors=True)
        for leftover in (path.with_suffix(".log"), path.with_suffix(".lock")):
            leftover.unlink(missing_ok=True)
    os._exit(0)


def _serve(listener: socket.socket, path: Path, inode: int, repo: str, idle: float, lock: int) -> None:
    from gdpr_guard.warm import child, wire

    listener.settimeout(min(POLL_SECONDS, idle))
    last = time.monotonic()
    while True:
        _reap()
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            if time.monotonic() - last >= idle or not _same_file(path, inode):
                return
            continue
        last = time.monotonic()
        fds: list[int] = []
        try:
            if wire.peer_uid(connection) != os.getuid():
                continue  # another user's process: never served (the directory is 0700 anyway)
            connection.settimeout(5.0)
            message, fds = wire.receive(connection, with_fds=3)
            if message.get("stop"):
                return
            if message.get("repo") != repo or len(fds) != 3 or not _inside(str(message.get("cwd", "")), repo):
                continue
            pid = os.fork()
            if pid == 0:  # the scan's child: none of the worker's own descriptors (its lock outlives it otherwise)
                listener.close()
                os.close(lock)
                child.serve(connection, fds, message)  # never returns
        except (wire.Closed, OSError, ValueError):
            continue
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            connection.close()


def _lock(path: Path) -> int | None:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _listen(path: Path) -> socket.socket:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a dead worker's socket (we hold the lock: no live worker owns it)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)
    try:
        listener.bind(str(path))
    finally:
        os.umask(old)
    listener.listen(16)
    return listener


def _stop_others(path: Path) -> None:
    """Stop this repository's workers of other states (their key changed: they will never be asked again)."""
    from gdpr_guard.warm import wire

    prefix = path.name.split(".", 1)[0]
    for other in sorted(path.parent.glob(f"{prefix}.*.sock")):
        if other == path:
            continue
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5.0)
            try:
                sock.connect(str(other))
                wire.send(sock, {"stop": True})
                continue
            except OSError:
                pass
        lock = _lock(other.with_suffix(".lock"))
        if lock is not None:  # nobody holds it: a dead worker's socket
            with contextlib.suppress(OSError):
                other.unlink()
            os.close(lock)


def _reap() -> None:
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _inside(cwd: str, repo: str) -> bool:
    return cwd == repo or cwd.startswith(repo.rstrip("/") + "/")


def _same_file(path: Path, inode: int) -> bool:
    try:
        return os.stat(path).st_ino == inode
    except OSError:
        return False


def _idle_seconds() -> float:
    try:
        value = float(os.environ.get("GDPR_GUARD_WARM_IDLE", IDLE_SECONDS))
    except ValueError:
        return IDLE_SECONDS
    return value if value > 0 else IDLE_SECONDS
