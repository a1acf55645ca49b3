"""What every engine adapter provides, and helpers they share."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.config import Config
from gdpr_guard.errors import EngineError
from gdpr_guard.finding import RawFinding, ScanError
from gdpr_guard.targets import Kind, Target


@dataclass
class EngineOutput:
    """Parsed result of one engine run."""

    findings: list[RawFinding] = field(default_factory=list)
    """Findings keyed by our rule ids."""
    errors: list[ScanError] = field(default_factory=list)
    """Per-target problems (parse errors, skipped files); any one fails the scan."""
    version: str = ""
    """Engine version reported by the engine itself."""
    notices: list[str] = field(default_factory=list)
    """Things the reader should know that do not fail the scan (SQL statements read by the fallback)."""


@dataclass(frozen=True)
class Engine:
    """An engine adapter: the kinds of target it takes and how to scan them."""

    name: str
    """Registry name, also the catalog's `engine` value."""
    kinds: frozenset[Kind]
    """Target kinds it scans."""
    scan: Callable[[Sequence[Target], Sequence[Rule], Catalog, Path, Config], EngineOutput]
    """Run on targets with the given (enabled) rules; raises EngineError when it cannot."""


def load_json(engine: str, text: str) -> Any:
    """Parse an engine's JSON stdout, or raise EngineError saying it was not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        preview = text.strip()[:120].replace("\n", " ") or "(empty)"
        raise EngineError(engine, f"output is not valid JSON ({exc.msg} at char {exc.pos}): {preview}") from None
    except RecursionError:
        raise EngineError(engine, "output is not usable JSON (nested too deeply)") from None


def relative(path: str | Path, root: Path) -> str | None:
    """Path relative to root with forward slashes, or None if outside."""
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return None


def read_lines(root: Path, rel: str, start: int, end: int) -> str:
    """Lines start..end (1-based, inclusive) of a scanned file, for snippets."""
    try:
        with (root / rel).open(encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ""
    return "\n".join(lines[max(start - 1, 0):end])
