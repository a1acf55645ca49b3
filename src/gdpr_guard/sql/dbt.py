"""dbt models: a transformation inside the warehouse, except a model materialised to an external location
(dbt-duckdb `materialized='external', location=...`, Databricks/Spark `location_root=...`): that writes
its rows to files outside the warehouse, a copy (GG-DEL-105) nothing in the project deletes.

The model's `{{ config(...) }}` is read with Python's `ast` (Jinja's call syntax is Python's); its
sources are the `ref()`/`source()` calls of the model.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

EXTERNAL_KEYS = ("location", "location_root")
"""Config keys naming where an external model's files go."""


@dataclass(frozen=True)
class External:
    """A model written to an external location."""

    location: str
    """The location as written (a placeholder when built at run time)."""
    sources: tuple[str, ...]
    """The models and sources it reads (`ref('x')` -> x, `source('s', 't')` -> t)."""
    line: int
    """Line of its config() call."""
    text: str
    """The config() tag."""


def external(source: str) -> External | None:
    """The external materialisation of a model's SQL, or None (a table, view, incremental, ... model)."""
    if "config(" not in source:
        return None
    config: tuple[ast.Call, int, str] | None = None
    reads: list[str] = []
    for call, line, text in _calls(source):
        name = call.func.id if isinstance(call.func, ast.Name) else ""
        if name == "config" and config is None:
            config = (call, line, text)
        elif name in ("ref", "source") and call.args:
            last = call.args[-1]
            if isinstance(last, ast.Constant) and isinstance(last.value, str):
                reads.append(last.value.lower())
    if config is None:
        return None
    call, line, text = config
    values = {k.arg: k.value for k in call.keywords if k.arg}
    materialized = _string(values.get("materialized")).lower()
    location = next((values[k] for k in EXTERNAL_KEYS if k in values), None)
    if materialized != "external" and location is None:
        return None
    where = _string(location) if location is not None else ""
    return External(where or "external", tuple(sorted(set(reads))), line, text)


def _calls(source: str) -> list[tuple[ast.Call, int, str]]:
    """Calls written in `{{ ... }}` tags, with the line of the tag and its text."""
    out = []
    start = source.find("{{")
    while start >= 0:
        end = source.find("}}", start + 2)
        if end < 0:
            break
        inner = source[start + 2:end].strip()
        tree = _parsed(inner) or _parsed(inner.replace("~", "+"))  # Jinja's `~` joins strings like `+`
        if tree is not None:
            line = source.count("\n", 0, start) + 1
            out += [(node, line, source[start:end + 2]) for node in ast.walk(tree) if isinstance(node, ast.Call)]
        start = source.find("{{", end + 2)
    return out


def _parsed(expression: str) -> ast.Expression | None:
    try:
        return ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return None  # Jinja beyond Python's syntax (filters, tests): not a call we read


def _string(node: ast.expr | None) -> str:
    return str(node.value) if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""
