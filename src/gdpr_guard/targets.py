"""Target discovery: which files a scan looks at, and what kind each one is.

gdpr-guard decides what is scanned and hands engines explicit file lists, so that no engine's own
ignore list (semgrep skips `tests/` and `fixtures/` by default) silently drops a file.
"""

from __future__ import annotations

import enum
import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gdpr_guard.errors import UsageError

MAX_TARGET_BYTES = 10_000_000
"""Largest file scanned: a larger target is a scan error, and semgrep is told the same cap."""
MAX_READ_BYTES = 2_000_000
"""Largest file the wrapper reads in full beside the engines (analyses, module lookup, plans)."""


class Kind(str, enum.Enum):
    """What a target is; decides which engine looks at it."""

    TERRAFORM = "terraform"
    TERRAFORM_PLAN = "terraform_plan"
    PYTHON = "python"
    SHELL = "shell"
    SQL = "sql"
    MIGRATION_PLAN = "migration_plan"
    CHANGELOG = "changelog"
    """A Liquibase changelog in XML, YAML or JSON (a SQL-formatted one is SQL)."""
    OTHER = "other"
    """Not scanned by an engine, but read by analyses (`.env`, CI YAML, `.tfvars`)."""


class Role(str, enum.Enum):
    """What a file is for; decides which rules apply to it (detected in roles.py)."""

    APPLICATION = "application"
    TEST = "test"
    MIGRATION = "migration"
    ETL = "etl"
    """An export or ETL job: code that moves data out of the system or between systems."""
    BACKUP = "backup"
    """A backup tool: copies whole databases by design."""
    DBT = "dbt"
    """A dbt model, snapshot or analysis: a transformation inside the warehouse."""
    INFRASTRUCTURE = "infrastructure"
    EXAMPLE = "example"
    """Examples, documentation and local-development setups (examples/, docs/, .devcontainer/)."""


SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".terraform", ".venv", "venv", "env", ".tox", ".nox", "node_modules",
    "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".gdpr-guard-cache",
    "site-packages",
})
SHEBANG_SHELLS = ("sh", "bash", "dash", "ksh", "zsh")
MIGRATION_PLAN_NAMES = frozenset({"migration-plan.yaml", "migration-plan.yml"})
OTHER_NAMES = frozenset({".env"})
OTHER_SUFFIXES = (".tfvars", ".env", ".yml", ".yaml", ".ini", ".cfg", ".properties")
MAX_SHEBANG_BYTES = 128
CHANGELOG_SUFFIXES = (".xml", ".yaml", ".yml", ".json")
CHANGELOG_HEAD_BYTES = 4096
TEXT_KINDS = frozenset({"terraform", "terraform_plan", "python", "shell", "sql", "changelog"})
"""Kinds an engine reads as source text: they must be UTF-8 text, or the scan fails."""


@dataclass(frozen=True, order=True)
class Target:
    """One file to scan."""

    rel: str
    """Path relative to the scan root, forward slashes; the identity used in every report."""
    path: Path
    """Absolute path."""
    kind: Kind
    """Classification."""
    role: Role = Role.APPLICATION
    """What the file is for (set by roles.assign after discovery)."""


def classify(path: Path) -> Kind | None:
    """Kind of a file from its name (and, for extension-less scripts, its shebang)."""
    name = path.name
    lower = name.lower()
    if lower.endswith((".tf", ".tf.json")):
        return Kind.TERRAFORM
    if lower.endswith(".py"):
        return Kind.PYTHON
    if lower.endswith((".sh", ".bash")):
        return Kind.SHELL
    if lower.endswith(".sql"):
        return Kind.SQL
    if lower in MIGRATION_PLAN_NAMES:
        return Kind.MIGRATION_PLAN
    if lower.endswith(CHANGELOG_SUFFIXES) and is_changelog(path):
        return Kind.CHANGELOG
    if lower.endswith(".json") and _looks_like_plan(path):
        return Kind.TERRAFORM_PLAN
    if lower in OTHER_NAMES or lower.endswith(OTHER_SUFFIXES):
        return Kind.OTHER
    if "." not in name and _has_shell_shebang(path):
        return Kind.SHELL
    return None


def _head(path: Path, size: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _has_shell_shebang(path: Path) -> bool:
    first = _head(path, MAX_SHEBANG_BYTES).split(b"\n", 1)[0]
    if not first.startswith(b"#!"):
        return False
    # The shell may stand after a launcher: `/usr/bin/env bash`, `/usr/bin/env -S bash -e`,
    # s6-overlay's `/command/with-contenv bash`.
    programs = [os.path.basename(w) for w in first[2:].decode("latin-1").split() if not w.startswith("-")]
    return any(program in SHEBANG_SHELLS for program in programs[:2])


def is_changelog(path: Path) -> bool:
    """An XML, YAML or JSON file whose head names a Liquibase `databaseChangeLog`."""
    return b"databaseChangeLog" in _head(path, CHANGELOG_HEAD_BYTES)


def _looks_like_plan(path: Path) -> bool:
    head = _head(path, 4096)
    return b'"format_version"' in head and (b'"planned_values"' in head or b'"resource_changes"' in head)


def discover(paths: Sequence[str | Path], root: Path, excludes: Iterable[str] = (),
             problems: list[tuple[str, str]] | None = None) -> list[Target]:
    """Expand files and directories under `root` into sorted, de-duplicated targets.

    Symlinks are not followed out of `root`, and directories reached twice (a link loop) are read once.
    Pass a list as `problems` to collect `(relative path, cause)` for what could not be looked at:
    a symlink leading out of `root` (Terraform would follow it, so skipping it silently would let a
    change bypass the gate), a broken or looping symlink that looks like a target, and an explicit
    path outside `root`.
    """
    root = root.resolve()
    patterns = tuple(excludes)
    found: dict[str, Target] = {}
    issues: dict[str, str] = {}
    for given in paths:
        start = Path(given)
        if not start.is_absolute():
            start = Path.cwd() / start
        if not start.exists() and not start.is_symlink():
            raise UsageError(f"{given}: no such file or directory")
        if _relative(start, root) is None and _link_rel(start, root) is None:
            raise UsageError(f"{given}: outside the scan root {root} (use --root)")
        for file in _walk(start, root, issues, patterns):
            rel = _relative(file, root)
            if rel is None:
                link = _link_rel(file, root)
                if link is not None and classify(file) is not None and not _excluded(link, patterns):
                    issues.setdefault(link, "symlink to a file outside the scanned root, not followed")
                continue
            if _excluded(rel, patterns):
                continue
            kind = classify(file)
            if kind is not None:
                found.setdefault(rel, Target(rel=rel, path=file, kind=kind))
    if problems is not None:
        problems.extend(sorted((rel, why) for rel, why in issues.items() if rel not in found))
    return sorted(found.values())


def content_problem(target: Target, limit: int = 10_000_000) -> str | None:
    """Why an engine could not read `target` as source text (binary, not UTF-8), or None.

    Engines skip or half-read such files without saying so (semgrep's generic SQL mode accepts
    anything), so gdpr-guard checks the text itself and the scan fails instead of passing.
    """
    if target.kind.value not in TEXT_KINDS:
        return None
    try:
        with target.path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return f"cannot read ({exc.strerror})"
    if b"\0" in data:
        return "binary content (NUL bytes), not source text"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return f"not UTF-8 text (invalid byte at line {line})"
    return None


def _relative(path: Path, root: Path) -> str | None:
    try:
        resolved = path.resolve()
        return resolved.relative_to(root).as_posix()
    except (OSError, ValueError):
        return None


def is_excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    """Whether the configuration's `exclude` patterns leave `rel` out of the scan."""
    return _excluded(rel, patterns)


def _excluded(rel: str, patterns: tuple[str, ...]) -> bool:
    parts = rel.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(rel, pattern) or any(fnmatch.fnmatchcase(p, pattern) for p in parts):
            return True
        if rel.startswith(pattern + "/"):
            return True
    return False


def _link_rel(path: Path, root: Path) -> str | None:
    """Path relative to root of `path` itself (its parent resolved, the last component kept)."""
    try:
        return (path.parent.resolve() / path.name).relative_to(root).as_posix()
    except (OSError, ValueError):
        return None


def _walk(start: Path, root: Path, issues: dict[str, str] | None = None,
          patterns: tuple[str, ...] = ()) -> Iterable[Path]:
    issues = {} if issues is None else issues
    if start.is_file():
        yield start
        return
    if start.is_symlink() and not start.exists():
        rel = _link_rel(start, root)
        if rel is not None:
            issues.setdefault(rel, "broken or looping symlink, not scanned")
        return
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(start, followlinks=True):
        here = Path(dirpath)
        try:
            stat = here.stat()
        except OSError:
            dirnames[:] = []
            continue
        key = (stat.st_dev, stat.st_ino)
        inside = _relative(here, root) is not None
        if not inside:
            rel = _link_rel(here, root)
            if rel is not None and not _excluded(rel, patterns):
                issues.setdefault(rel, "symlink to a directory outside the scanned root, not followed")
        if key in seen or not inside:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS and not d.endswith(".egg-info"))
        for name in sorted(filenames):
            file = here / name
            if file.is_file():
                yield file
            elif file.is_symlink() and not file.exists() and classify(file) is not None:
                rel = _link_rel(file, root)
                if rel is not None and not _excluded(rel, patterns):
                    issues.setdefault(rel, "broken or looping symlink, not scanned")
