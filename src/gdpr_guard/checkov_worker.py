"""The program a checkov interpreter runs for gdpr-guard (see prestart.py): import checkov with its
skip comments switched off, then run each command line the request names, as pip's `checkov` console
script would; or, given arguments, run that one command line directly.

It runs in checkov's interpreter, not gdpr-guard's: prestart passes this file's text to `python -c`,
so it imports nothing of gdpr_guard. Worker protocol: stdin {"jobs": N, "runs": [argv, ...]}; run K
writes run-K.out and run-K.err in the working directory; "K STATUS" is printed on stdout as each run ends.
"""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO


def main() -> None:
    # `-c` puts the working directory first on sys.path where the console script would put its own
    # directory: drop it before checkov is imported (it is empty anyway).
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    from checkov.main import Checkov  # the ~3 s import this worker exists to do ahead of time

    _switch_off_skip_comments()
    _reuse_evaluators()
    if len(sys.argv) > 1:  # `python -c PROGRAM ARGS...`: one run, as the console script would do it
        sys.exit(Checkov(sys.argv[1:]).run())
    request = sys.stdin.buffer.read()
    if not request:
        _orphaned()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    import json

    order = json.loads(request)
    runs: list[list[str]] = order["runs"]
    jobs = max(1, int(order["jobs"]))
    report = os.fdopen(os.dup(1), "w")
    # The report is written when a run ends: skip the interpreter's teardown of ~4,200 modules (~0.4 s).
    if len(runs) == 1:  # one run (a pre-commit scan): no fork, no second copy of checkov's memory
        _done(report, 0, _run(Checkov, runs[0], 0))
        os._exit(0)
    # Children share the imported modules copy-on-write; moving them out of the collector's reach keeps
    # a collection in one child from writing to (and so copying) every page of them.
    import gc

    gc.freeze()
    running: dict[int, int] = {}
    started = 0
    while started < len(runs) or running:
        while started < len(runs) and len(running) < jobs:
            pid = os.fork()
            if pid == 0:
                os._exit(_run(Checkov, runs[started], started))
            running[pid] = started
            started += 1
        pid, wait_status = os.wait()
        if pid in running:
            _done(report, running.pop(pid), os.waitstatus_to_exitcode(wait_status))
    os._exit(0)


def _switch_off_skip_comments() -> None:
    """gdpr-guard reads checkov's `#checkov:skip=` comments itself (suppressions.py: visible, with a
    reason, under the same rules as its own); checkov must not act on them, so its comment pattern
    becomes one that never matches."""
    import re

    from checkov.common.util import suppression
    from checkov.terraform.context_parsers import base_parser

    base_parser.COMMENT_REGEX = suppression.COMMENT_REGEX = re.compile(r"(?!)")  # type: ignore[attr-defined]


def _reuse_evaluators() -> None:
    """checkov_asteval.py, loaded by the path gdpr-guard gives (prestart.checkov_env): checkov reuses its
    expression evaluators instead of building one per expression, for the exact checkov and asteval
    versions it was checked against (it leaves any other untouched)."""
    path = os.environ.get("GDPR_GUARD_CHECKOV_ASTEVAL")  # prestart.ASTEVAL_PATCH_ENV (not importable here)
    if not path or path == "0":
        return
    import importlib.util

    spec = importlib.util.spec_from_file_location("gdpr_guard_checkov_asteval", path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except OSError:  # not there (a half-updated installation): checkov as it is, only slower
        return
    module.install()


def _run(checkov: Any, argv: list[str], index: int) -> int:
    """One checkov run from the freshly imported state (a reused Checkov object returns stale results),
    its stdout and stderr in run-INDEX.out/.err; the exit status the console script would give."""
    import logging
    import traceback
    import warnings

    status = 1
    try:
        for fd, suffix in ((1, "out"), (2, "err")):
            handle = os.open(f"run-{index}.{suffix}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(handle, fd)
            os.close(handle)
        sys.argv = list(argv)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", category=SyntaxWarning)
            # checkov's `argv=sys.argv[1:]` default was bound at import: pass the arguments.
            result = checkov(sys.argv[1:]).run()
        status = result if isinstance(result, int) else 0
    except SystemExit as exc:
        if isinstance(exc.code, int) or exc.code is None:
            status = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - any failure is reported as the run's status and stderr
        traceback.print_exc()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    return status


def _done(report: TextIO, index: int, status: int) -> None:
    try:
        report.write(f"{index} {status}\n")
        report.flush()
    except BrokenPipeError:
        _orphaned()


def _orphaned() -> None:
    """gdpr-guard is gone (killed) or did not need us: leave nothing behind, this directory included."""
    import shutil

    shutil.rmtree(os.getcwd(), ignore_errors=True)
    os.killpg(0, 9)


if __name__ == "__main__":
    main()
