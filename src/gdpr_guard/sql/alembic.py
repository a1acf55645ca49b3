"""Alembic revisions of one `versions` directory, in the order `alembic upgrade` runs them.

Each revision file names itself (`revision = "310"`) and the revision it follows (`down_revision = "300"`,
a tuple for a merge, None for the first); the chain, not the file names, gives the order. A revision's
rank is its distance from the first revision (the longest path for merges), ties broken by file name.
A table renamed over two revisions (copy in one, drop of the source in the next) is then a move, as a
Flyway pair of versions is. Read with Python's `ast`: only module-level assignments of string constants.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

MARKERS = ("down_revision",)
"""A file that does not contain this text is not read as a revision."""


def revision_of(source: str) -> tuple[str, tuple[str, ...]] | None:
    """(revision, the revisions it follows) of an Alembic revision module, or None."""
    if not all(m in source for m in MARKERS):
        return None
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return None
    found: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            found[node.target.id] = node.value
    revision, down = found.get("revision"), found.get("down_revision")
    if not (isinstance(revision, ast.Constant) and isinstance(revision.value, str)) or down is None:
        return None
    if isinstance(down, ast.Constant) and (down.value is None or isinstance(down.value, str)):
        return revision.value, (down.value,) if down.value else ()
    if isinstance(down, (ast.Tuple, ast.List)) and all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                                                       for e in down.elts):
        return revision.value, tuple(str(e.value) for e in down.elts if isinstance(e, ast.Constant))
    return None


def ranks(revisions: Mapping[str, tuple[str, tuple[str, ...]]]) -> dict[str, int]:
    """Rank of each file (by its path) in the chain its revisions form; a revision whose predecessor is not
    among them starts a chain of its own."""
    by_id = {rev: rel for rel, (rev, _) in revisions.items()}
    depth: dict[str, int] = {}

    def depth_of(rel: str, seen: frozenset[str]) -> int:
        if rel in depth:
            return depth[rel]
        parents = [by_id[d] for d in revisions[rel][1] if d in by_id and by_id[d] not in seen]
        value = 1 + max((depth_of(p, seen | {rel}) for p in parents), default=-1)
        depth[rel] = value
        return value

    for rel in sorted(revisions):
        depth_of(rel, frozenset({rel}))
    return depth


def read(path: Path, limit: int) -> str:
    """The head of a file (as much as the scan reads of any target), or "" when it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(limit).decode("utf-8", errors="replace")
    except OSError:
        return ""
