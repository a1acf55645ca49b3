"""Terraform's JSON syntax (`*.tf.json`): the address of a resource that checkov names without its type.

checkov's terraform_json runner reports the findings of Python checks on `resource.<name>`, the resource
type dropped. The file says which type declares that name: `{"resource": {"<type>": {"<name>": {...}}}}`
(or a list of such objects); when several types use the name, the one whose block starts on the line
checkov reports (read with checkov's own position-keeping JSON parser) is the resource.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


def address(path: str, reported: str, line: int) -> str:
    """`<type>.<name>` for checkov's `resource.<name>` at `line` of a `.tf.json` file; the reported
    text when the file does not say."""
    _, _, name = reported.partition(".")
    types = [(kind, start) for kind, entry, start in _resources(path) if entry == name]
    if len(types) > 1:
        types = [(kind, start) for kind, start in types if start == line]
    return f"{types[0][0]}.{name}" if len(types) == 1 else reported


@cache
def _resources(path: str) -> tuple[tuple[str, str, int], ...]:
    """(type, name, first line) of every resource block of the file (line 0 when unknown)."""
    document = _load(path)
    found = []
    for block in _as_list(document.get("resource") if isinstance(document, dict) else None):
        if not isinstance(block, dict):
            continue
        for kind, entries in block.items():
            for entry in _as_list(entries):
                if isinstance(entry, dict):
                    found += [(str(kind), str(name), _line(body)) for name, body in entry.items()]
    return tuple(found)


def _load(path: str) -> Any:
    try:
        from checkov.common.parsers.json import parse  # keeps each object's position
    except ImportError:  # checkov installed elsewhere: names alone
        return _plain(path)
    try:
        parsed = parse(path)
    except (OSError, ValueError):
        return None
    return parsed[0] if isinstance(parsed, tuple) else parsed


def _plain(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _line(body: Any) -> int:
    mark = getattr(body, "start_mark", None)
    return int(getattr(mark, "line", 0) or 0)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
