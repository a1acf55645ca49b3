"""The console around the CLI: the one error handler at the entry, stdout that tolerates a closed pipe, the
progress line and the one-line summary on stderr.

Library code raises and cli.py turns the project's errors into exit codes; whatever still escapes (a bug, an
unexpected OSError) ends here as one line on stderr and exit 3 (a scan error: never a pass, never
"findings"), as pre-commit's error handler does.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from gdpr_guard.finding import ScanResult, Severity

EXIT_OK, EXIT_SCAN_ERROR = 0, 3
PROGRESS_DELAY = 2.0
"""Seconds before a progress line appears: a pre-commit run on a few files stays silent."""


def guarded(main: Callable[[], int]) -> int:
    """Run the CLI; an exception nobody handled becomes one line on stderr and exit 3."""
    try:
        return main()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        error("interrupted")
        return EXIT_SCAN_ERROR
    except BrokenPipeError:  # the reader of stdout went away (`| head`): nothing more to say to it
        silence_stdout()
        return EXIT_SCAN_ERROR
    except Exception as exc:  # noqa: BLE001 - the last resort: never a traceback, never exit 1
        text = " ".join(str(exc).split())[:300]
        error(f"internal error: {type(exc).__name__}: {text} (a bug in gdpr-guard: please report it)")
        return EXIT_SCAN_ERROR


def error(message: str) -> None:
    """`gdpr-guard: error: ...` on stderr."""
    try:
        sys.stderr.write(f"gdpr-guard: error: {message}\n")
        sys.stderr.flush()
    except OSError:
        pass


def out(text: str) -> None:
    """Write to stdout; a closed pipe (`gdpr-guard rules | head`) is not an error: the rest is dropped."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def summary(result: ScanResult, written: str) -> str:
    """One line for stderr when the report went to a file: counts, errors, and where the report is."""
    counts = {s: sum(1 for f in result.active if f.severity is s) for s in sorted(Severity, reverse=True)}
    by_severity = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    suppressed = len(result.findings) - len(result.active)
    line = (f"gdpr-guard: {len(result.active)} finding(s)" + (f" ({by_severity})" if by_severity else "")
            + f", {suppressed} suppressed")
    if result.errors:
        line += f", SCAN INCOMPLETE: {len(result.errors)} error(s)"
    return line + f"; report written to {written}\n"


class Progress:
    """A progress line on stderr (files discovered, engines running, done), only when stderr is a terminal
    and only once the scan has lasted `delay` seconds; reports on stdout or in files never see it."""

    def __init__(self, stream: TextIO | None = None, delay: float = PROGRESS_DELAY,
                 clock: Callable[[], float] = time.monotonic, timer: bool = True) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.delay, self.clock = delay, clock
        self.started = clock()
        self.enabled = _is_terminal(self.stream)
        self.status = ""
        self.shown = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        if self.enabled and timer:
            self._timer = threading.Timer(delay, self._show)
            self._timer.daemon = True
            self._timer.start()

    def update(self, status: str) -> None:
        """The scan's current phase; shown now if the scan already lasts long enough."""
        with self._lock:
            self.status = status
        if self.enabled and (self.shown or self.clock() - self.started >= self.delay):
            self._show()

    def done(self) -> None:
        """End the line (only if one was shown)."""
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self.shown:
                self._write(f"\r\x1b[Kgdpr-guard: done in {self.clock() - self.started:.0f} s\n")

    def _show(self) -> None:
        with self._lock:
            if self.status:
                self.shown = True
                self._write(f"\r\x1b[Kgdpr-guard: {self.status}")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
