"""Start checkov's interpreter while gdpr-guard is still deciding what to ask it.

checkov spends ~3 s importing ~4,200 modules before it reads a file (PERF.md); gdpr-guard needs
0.1 s (a pre-commit run) to 0.5 s (2,000 files) to load its catalog, discover targets and build the
command line. Started first, a worker imports checkov during that time, then reads its command line
on stdin and runs it exactly as the `checkov` console script would: same interpreter, same
environment, same working directory, stdin then /dev/null, exit status and output unchanged. A worker
serves one request and exits: nothing is reused between runs (PERF.md: a reused checkov object
returned stale results). A worker nobody claims is killed (and exits on its own when gdpr-guard
dies: its stdin closes).

Only the CLI starts workers, only for a scan whose paths may hold Terraform, only when checkov is the
console script pip installs (an override in GDPR_GUARD_CHECKOV, a wrapper script or another launcher
runs the normal way), and not when GDPR_GUARD_PRESTART=0.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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

# What pip's console script does (`from checkov.main import Checkov` ... `sys.exit(Checkov().run())`),
# split at the point where it needs its arguments. `-c` puts the working directory first on sys.path
# where the script would put its own directory: drop it (the directory is empty anyway). Checkov's
# `argv=sys.argv[1:]` default was bound at import, before the request: pass the arguments explicitly.
_BOOTSTRAP = """\
import os, sys, warnings
if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]
from checkov.main import Checkov
request = sys.stdin.buffer.read()
if not request:
    sys.exit(0)
null = os.open(os.devnull, os.O_RDONLY)
os.dup2(null, 0)
os.close(null)
sys.argv = [arg.decode("utf-8", "surrogateescape") for arg in request.split(b"\\0")]
with warnings.catch_warnings():
    warnings.simplefilter("ignore", category=SyntaxWarning)
    status = Checkov(sys.argv[1:]).run()
# The report is written: skip the interpreter's teardown of ~4,200 modules (~0.4 s). Anything checkov
# leaves behind in TMPDIR is inside the worker's directory, which gdpr-guard removes.
import logging
logging.shutdown()
sys.stdout.flush()
sys.stderr.flush()
os._exit(status if isinstance(status, int) else 0)
"""
_CONSOLE_SCRIPT_MARKS = (b"from checkov.main import Checkov", b"Checkov().run()")
_TERRAFORM_SUFFIXES = (".tf", ".tfvars", ".tf.json", ".json")

_lock = threading.Lock()
_waiting: dict[str, Worker] = {}


class Worker:
    """A checkov interpreter that has been started and waits for its command line."""

    def __init__(self, binary: str, workdir: Path, env: dict[str, str], process: subprocess.Popen[bytes]) -> None:
        self.binary = binary
        """The console script it stands in for (what `base.locate("checkov")` returns)."""
        self.workdir = workdir
        """Its working directory and HOME: empty, ours, removed by `close()`."""
        self.env = env
        self.process = process

    def run(self, argv: Sequence[str], timeout: float) -> Completed:
        """Send `argv` (argv[0] is the binary) and wait, killing the process group after `timeout`."""
        from gdpr_guard.engines import base
        from gdpr_guard.errors import EngineError

        started = time.monotonic()
        request = b"\0".join(os.fsencode(arg) for arg in argv)
        base.note_launch()
        try:
            stdout, stderr = self.process.communicate(request, timeout=timeout)
        except subprocess.TimeoutExpired:
            base.kill_group(self.process)
            raise EngineError("checkov", f"timed out after {timeout:g} s and was stopped") from None
        finally:
            if self.process.poll() is None:
                base.kill_group(self.process)
        return base.Completed(returncode=self.process.returncode, stdout=stdout.decode("utf-8", "replace"),
                              stderr=stderr.decode("utf-8", "replace")[-base.STDERR_TAIL:],
                              seconds=time.monotonic() - started)

    def close(self) -> None:
        """Stop the process if it still runs and remove the working directory."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, 9)
            except (ProcessLookupError, PermissionError):
                pass
            self.process.communicate()
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
        process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
            [interpreter, "-c", _BOOTSTRAP], cwd=workdir, env=env, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except Exception:  # noqa: BLE001 - any failure here just means checkov starts the normal way later
        return
    with _lock:
        _waiting["checkov"] = Worker(binary, workdir, env, process)


def checkov_env(workdir: Path) -> dict[str, str]:
    """checkov's environment: offline, and a neutral HOME (checkov reads .checkov.yaml from it)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BC_API_KEY", "SEMGREP_APP_TOKEN"))}
    return {**env, **CHECKOV_ENV, "HOME": str(workdir), "TMPDIR": str(workdir)}


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
