"""The `gdpr-guard` console script: start checkov's interpreter first, then run the CLI.

A scan spends its first ~0.1 s importing gdpr-guard, loading the catalog and finding targets, and
checkov its first ~3 s importing itself. Both can happen at once: before anything else is imported,
this reads the command line just enough to tell whether checkov may be needed (a `scan` or `baseline
create` of a directory or of Terraform/plan files) and starts a worker (gdpr_guard/prestart.py). The
CLI parses the command line properly afterwards; a wrong guess only costs a worker that is stopped.

In warm mode (opt-in, gdpr_guard/warm/), a `scan` is first offered to this repository's warm worker, whose
forked child runs `start_engines` and `run_cli` below exactly as this process would; if there is none, or
it fails, the scan runs here as usual.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

# Options of `scan` and `baseline create` that take a value (tests/test_prestart.py keeps this in step
# with the argparse definitions in cli.py).
VALUE_OPTIONS = frozenset({
    "-f", "--format", "-o", "--output", "--sarif-file", "--json-file", "--markdown-file", "--html-file", "--fail-on",
    "--config", "--root", "--timeout", "--jobs", "--baseline", "--diff-base", "--shard",
})


def scan_paths(argv: Sequence[str]) -> list[str] | None:
    """The paths a `scan` or `baseline create` command line names (default ["."]), else None."""
    if argv[:1] == ["scan"]:
        rest = list(argv[1:])
    elif argv[:2] == ["baseline", "create"]:
        rest = list(argv[2:])
    else:
        return None
    paths: list[str] = []
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg == "--":
            paths += rest[index + 1:]
            break
        if arg in ("-h", "--help"):
            return None
        if arg in VALUE_OPTIONS:
            index += 2
            continue
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
        index += 1
    return paths or ["."]


def main() -> int:
    argv = sys.argv[1:]
    warm = None
    if argv[:1] == ["scan"]:
        from gdpr_guard.warm import client

        if client.requested(argv):  # opt-in: a worker of this repository runs the scan (warm/__init__.py)
            warm = client
            status = client.run(argv, scan_paths(argv) or ["."])
            if status is not None:
                return _leave(status)
    start_engines(argv)
    status = run_cli()
    if warm is not None:
        warm.start_worker()  # after the scan, not during it: its ~3 s of imports would slow this one
    return _leave(status)


def start_engines(argv: Sequence[str]) -> None:
    """Start checkov's worker if the command line may need it (warm mode's child calls this too)."""
    paths = scan_paths(argv)
    if paths is not None:
        from gdpr_guard import prestart

        prestart.start_checkov(paths)


def run_cli() -> int:
    from gdpr_guard import console
    from gdpr_guard.cli import main as cli_main

    return console.guarded(cli_main)  # the one handler: anything unexpected is one line and exit 3


def _leave(status: int) -> int:
    # Reports are written and engines stopped: skip the interpreter's teardown (~20 ms after a scan, a
    # tenth of what a pre-commit run spends outside the engines). Not under coverage, which writes its
    # data at exit; and not if stdout cannot be flushed (Python then reports the broken pipe itself).
    if "coverage" not in sys.modules:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            return status
        os._exit(status)
    return status


if __name__ == "__main__":
    sys.exit(main())
