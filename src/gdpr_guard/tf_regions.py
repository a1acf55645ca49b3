"""Where inside a Terraform block a finding points: the attribute or nested block the check evaluated.

checkov reports a failed resource by its whole block and lists the attribute paths the check read
(`check_result.evaluated_keys`, e.g. `publicly_accessible`, `ingress/[0]/cidr_blocks`). The block's
text is parsed with hcl2's Lark grammar (shipped with checkov; it keeps line and column positions)
and each key is looked up in the tree. When exactly one written attribute or nested block answers,
that is the finding's region; when none does (the failure is a missing attribute) or several do (the
check read several written values and we cannot tell which one failed), the block stays the region.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from gdpr_guard.finding import Location

IGNORED_KEYS = frozenset({"resource_type"})
"""Keys a graph check reads about the resource itself, never a written attribute."""
MAX_BLOCK_LINES = 2_000


def narrow(file: Path, block: Location, keys: Iterable[str]) -> Location | None:
    """The region of the one attribute or nested block of `block` (in `file`) named by `keys`, or None."""
    wanted = sorted({k for k in keys if k and k not in IGNORED_KEYS})
    if not wanted or block.end_line - block.start_line > MAX_BLOCK_LINES:
        return None
    body = _block_body(file, block, wanted)
    if body is None:
        return None
    regions = {r for key in wanted for r in _regions(body, _segments(key), block)}
    return _innermost(regions)


def _block_body(file: Path, block: Location, keys: Sequence[str]) -> Any | None:
    try:
        stat = file.stat()
        lines = _lines(str(file), stat.st_mtime_ns, stat.st_size)
    except (OSError, ValueError):  # unreadable, not UTF-8, or a path no file can have
        return None
    # Whole lines from the block's first one: Lark's line numbers are then offsets into the block and
    # its columns are the file's columns.
    text = "".join(lines[block.start_line - 1:block.end_line])
    if not any(_segments(key)[:1] and _segments(key)[0] in text for key in keys):
        return None  # none of the names is even written in the block: no parse (the common missing-attribute case)
    return _parsed_body(text)


@functools.lru_cache(maxsize=256)
def _lines(path: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    """A file's lines, read once per version (a module file gets a finding per rule and per instance)."""
    del mtime_ns, size  # cache key only
    with open(path, encoding="utf-8") as handle:
        # "\n" only, as checkov counts lines (str.splitlines also splits on form feeds and U+2028).
        return tuple(line + "\n" for line in handle.read().split("\n"))


@functools.lru_cache(maxsize=512)
def _parsed_body(text: str) -> Any | None:
    """The body of the one block in `text`; cached: a block with several findings is parsed once."""
    tree = _parse(text + "\n")
    if tree is None:
        return None
    blocks = [c for c in _children(_first_child(tree, "body")) if _is(c, "block")]
    return _first_child(blocks[0], "body") if len(blocks) == 1 else None


def _parse(text: str) -> Any | None:
    try:
        from hcl2.parser import Hcl2  # shipped with checkov
    except ImportError:
        return None
    with contextlib.suppress(Exception):  # any text the grammar rejects leaves the finding at its block
        return Hcl2.lark_parser.parse(text)
    return None


def _segments(key: str) -> list[str]:
    return [s for s in key.split("/") if s]


def _is_index(segment: str) -> bool:
    inner = segment[1:-1] if segment.startswith("[") and segment.endswith("]") else segment
    return inner == "*" or inner.isdigit()


def _index(segment: str) -> int | None:
    inner = segment[1:-1] if segment.startswith("[") and segment.endswith("]") else segment
    return int(inner) if inner.isdigit() else None


def _regions(body: Any, segments: Sequence[str], block: Location) -> set[Location]:
    """The deepest written nodes along `segments` (an attribute ends the walk: deeper keys are inside its value)."""
    if not segments or _is_index(segments[0]):
        return set()
    name, rest = segments[0], list(segments[1:])
    position: int | None = None
    if rest and _is_index(rest[0]):
        position = _index(rest.pop(0))
    for child in _children(body):
        if _is(child, "attribute") and _name(child) == name:
            return {_attribute_location(child, block)}
    nested = [c for c in _children(body) if _is(c, "block") and _name(c) == name]
    if position is not None:
        nested = nested[position:position + 1]
    deeper = {r for child in nested for r in _regions(_first_child(child, "body"), rest, block)} if rest else set()
    if deeper:
        return deeper
    return {_meta_location(c.meta, block) for c in nested}


def _attribute_location(attribute: Any, block: Location) -> Location:
    value = attribute.children[-1]
    start = attribute.meta
    # The attribute rule swallows the newline after it: its end is its value's.
    end = value.meta if hasattr(value, "meta") else value
    return _location(start.line, start.column, end.end_line, end.end_column, block)


def _meta_location(meta: Any, block: Location) -> Location:
    return _location(meta.line, meta.column, meta.end_line, meta.end_column, block)


def _location(line: int, column: int, end_line: int, end_column: int, block: Location) -> Location:
    offset = block.start_line - 1
    return Location(block.path, line + offset, end_line + offset, column, end_column)


def _innermost(regions: set[Location]) -> Location | None:
    """The single region, or the innermost of regions that nest (a block and an attribute inside it)."""
    ordered = sorted(regions, key=lambda r: (r.end_line - r.start_line, r.start_line, r.start_column or 0))
    if not ordered:
        return None
    inner = ordered[0]
    if all(_contains(outer, inner) for outer in ordered[1:]):
        return inner
    return None


def _contains(outer: Location, inner: Location) -> bool:
    return (outer.start_line, outer.start_column or 0) <= (inner.start_line, inner.start_column or 0) \
        and (inner.end_line, inner.end_column or 0) <= (outer.end_line, outer.end_column or 0)


def _is(node: Any, kind: str) -> bool:
    return getattr(node, "data", None) == kind


def _children(node: Any) -> list[Any]:
    return list(getattr(node, "children", []) or [])


def _first_child(node: Any, kind: str) -> Any:
    return next((c for c in _children(node) if _is(c, kind)), None)


def _name(node: Any) -> str:
    identifier = _first_child(node, "identifier")
    tokens = _children(identifier)
    return str(tokens[0]) if tokens else ""
