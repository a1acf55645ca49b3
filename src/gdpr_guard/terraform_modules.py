"""Local Terraform module calls: which module directories the scanned code calls, and from where.

checkov evaluates a module directory that a scanned root calls in the context of each call (with the
caller's variables), never on its own. One process over a whole repository does so; every split of the
scan (`--jobs` groups, `--shard`) must do the same, or the findings would depend on the split. So a
called directory is never a unit of its own: its findings come through its callers (tests/test_same_answer.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gdpr_guard.targets import MAX_READ_BYTES, SKIPPED_DIRS

_MODULE_BLOCK = re.compile(rb'(?m)^[ \t]*module[ \t]+"')
"""A prefilter only (the HCL parser reads the calls): a line that opens a `module "name"` block."""


@dataclass(frozen=True)
class Call:
    """One `module "name" { source = "./local/path" }` block."""

    file: Path
    """The calling `.tf` file (resolved)."""
    name: str
    """The module block's label."""
    line: int
    """First line of the block."""
    end: int
    """Last line of the block."""
    source: Path
    """The called directory (resolved)."""


def calls_in(file: Path) -> list[Call]:
    """Local module calls of one `.tf` file (remote sources and unparseable files: none)."""
    try:
        stat = file.stat()
        if stat.st_size > MAX_READ_BYTES or not file.name.endswith(".tf"):
            return []
        with file.open("rb") as handle:
            if not _MODULE_BLOCK.search(handle.read()):  # most files call no module: skip the HCL parser
                return []
    except OSError:
        return []
    from gdpr_guard.analyses import _hcl  # the HCL parser, shared (and cached) with the analyses

    data, _ = _hcl.load_cached(str(file), stat.st_mtime_ns, stat.st_size)
    found: list[Call] = []
    for group in (data or {}).get("module") or []:
        if not isinstance(group, dict):
            continue
        for name, body in group.items():
            if not isinstance(body, dict):
                continue
            source = body.get("source")
            source = source[0] if isinstance(source, list) and source else source
            if not isinstance(source, str) or not source.startswith(("./", "../")):
                continue
            directory = (file.parent / source).resolve()
            if directory.is_dir():
                start = body.get("__start_line__")
                end = body.get("__end_line__")
                line = start if isinstance(start, int) else 1
                found.append(Call(file.resolve(), str(name), line, end if isinstance(end, int) else line,
                                  directory))
    return found


@dataclass(frozen=True)
class Reads:
    """What `callees` read, kept for the next question about the same tree (one scan's units share their
    modules: each module's files are then read once, not once per unit that reaches them)."""

    calls: dict[Path, list[Call]] = field(default_factory=dict)
    listings: dict[Path, list[Path]] = field(default_factory=dict)


def _tf_files(directory: Path, reads: Reads | None = None) -> list[Path]:
    if reads is not None and directory in reads.listings:
        return reads.listings[directory]
    try:
        found = sorted(p for p in directory.iterdir() if p.name.endswith(".tf") and p.is_file())
    except OSError:
        found = []
    if reads is not None:
        reads.listings[directory] = found
    return found


def all_calls(tf_files: Iterable[Path], reads: Reads | None = None) -> list[Call]:
    """Calls made by `tf_files` and, transitively, by the modules they call (sorted, deterministic)."""
    out: list[Call] = []
    seen_files: set[Path] = set()
    todo = sorted({f.resolve() for f in tf_files})
    while todo:
        file = todo.pop(0)
        if file in seen_files:
            continue
        seen_files.add(file)
        if reads is None:
            calls = calls_in(file)
        elif file in reads.calls:
            calls = reads.calls[file]
        else:
            calls = reads.calls[file] = calls_in(file)
        for call in calls:
            out.append(call)
            if not any(part in SKIPPED_DIRS for part in call.source.parts):
                todo += [f for f in _tf_files(call.source, reads) if f not in seen_files]
    return sorted(out, key=lambda c: (str(c.file), c.line, c.name))


def callees(directory: Path, reads: Reads | None = None) -> set[Path]:
    """Directories (resolved) that `directory`'s own `.tf` files call as local modules, transitively;
    `reads`: files and directories already read for another directory of the same scan."""
    return {c.source for c in all_calls(_tf_files(directory, reads), reads)}


def owners(tf_files: Iterable[Path]) -> dict[Path, Path]:
    """For each called directory, the directory of the first (sorted) root that reaches it.

    A root is a calling directory nobody calls; `--shard` puts a called module's own files in its
    owner's shard, so that they are scanned with (and never without) a caller.
    """
    calls = all_calls(tf_files)
    called = {c.source for c in calls}
    callers: dict[Path, list[Path]] = {}
    for call in calls:
        callers.setdefault(call.source, []).append(call.file.parent)
    result: dict[Path, Path] = {}
    for directory in sorted(called):
        frontier, seen = [directory], set()
        roots: list[Path] = []
        while frontier:
            current = frontier.pop()
            if current in seen:
                continue
            seen.add(current)
            parents = [p for p in callers.get(current, []) if p != current]
            if not parents and current != directory:
                roots.append(current)
            frontier += parents
        if roots:
            result[directory] = min(roots, key=str)
    return result


def inside(path: Path, directory: Path) -> bool:
    """`path` is `directory` or below it."""
    return path == directory or directory in path.parents

