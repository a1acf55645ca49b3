"""Slow session setups, started in the background as soon as collection shows a test needs them.

Three tests need a fresh environment with checkov and semgrep pip-installed from this checkout: the
GitHub Action's install step (test_action), the built wheel in a clean virtualenv (test_wheel) and
pre-commit's own hook environment (test_precommit). Each is a minute or more of pip and disk work that
depends neither on the others nor on the rest of the suite, so they run side by side while the other
tests run. A test module registers its job at import; conftest.py starts the jobs of the collected
tests; a fixture waits for its job's result (and starts it then if nobody did). Nothing is skipped or
shared between the three: each still builds and installs exactly what its test checks.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

_JOBS: dict[str, Callable[[Path], Any]] = {}
_FUTURES: dict[str, Future[Any]] = {}
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="session-job")
_BASE: list[Path] = []
_LOCK = threading.Lock()  # a job may start another (the clean venv needs the built wheel)


def register(fixture: str, job: Callable[[Path], Any]) -> None:
    """`job(directory)` builds what the fixture named `fixture` returns, in a fresh directory."""
    _JOBS[fixture] = job


def start(fixtures: Iterable[str]) -> None:
    """Start the jobs of these fixtures that are registered and not started yet."""
    with _LOCK:
        for name in sorted(set(fixtures) & set(_JOBS)):
            if name not in _FUTURES:
                if not _BASE:
                    _BASE.append(Path(tempfile.mkdtemp(prefix="gg-session-jobs-")))
                directory = _BASE[0] / name
                directory.mkdir()
                _FUTURES[name] = _POOL.submit(_JOBS[name], directory)


def result(fixture: str) -> Any:
    """What the job of `fixture` returned (waits for it; re-raises its exception)."""
    start([fixture])
    return _FUTURES[fixture].result()


def finish() -> None:
    """Wait for running jobs (a test run stopped early) and remove their directories."""
    _POOL.shutdown(wait=True, cancel_futures=True)
    for base in _BASE:
        shutil.rmtree(base, ignore_errors=True)
