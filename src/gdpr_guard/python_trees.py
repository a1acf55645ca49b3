"""The scan's Python files parsed with `ast` once each, for refinements that read the code around a finding."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence

from gdpr_guard.targets import Target


def parsed(targets: Sequence[Target]) -> Callable[[str], ast.Module | None]:
    """A reader: repository-relative path -> its module tree, or None when it is not a target, cannot be
    read or does not parse as Python 3 (each file read at most once per call of `parsed`)."""
    paths = {t.rel: t.path for t in targets}
    trees: dict[str, ast.Module | None] = {}

    def tree(rel: str) -> ast.Module | None:
        if rel not in trees:
            try:
                trees[rel] = ast.parse(paths[rel].read_text(encoding="utf-8", errors="replace")) \
                    if rel in paths else None
            except (SyntaxError, ValueError, OSError, RecursionError):
                trees[rel] = None
        return trees[rel]
    return tree
