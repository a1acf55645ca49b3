"""JSON Schema validation that reports every error with its JSON path (`$.a[0].b`), in a stable order.

The one place schema errors are worded: the catalog, the configuration, baselines, migration plans and
SARIF files all report `<json path>: <message>` lines from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gdpr_guard.errors import ConfigError

MAX_ERRORS = 50
"""Errors listed at most: a hostile document with millions of bad entries gets a short message, fast."""
MAX_MESSAGE = 200
"""Characters of one validator message kept (an `enum` error quotes the whole list)."""


def json_path(parts: Iterable[Any]) -> str:
    """`$.data.fields[0].table` for the path parts `data, fields, 0, table` (`$` is the document)."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def error_lines(instance: Any, schema: dict[str, Any], *, draft4: bool = False, formats: bool = False) -> list[str]:
    """Schema errors as `json path: message` lines, sorted (the first MAX_ERRORS found, then a count).

    `draft4` validates with JSON Schema draft-04 (the OASIS SARIF schema) instead of 2020-12; `formats`
    also checks `format` keywords (dates).
    """
    import jsonschema  # ~70 ms of imports: only when a document is actually validated

    cls = jsonschema.Draft4Validator if draft4 else jsonschema.Draft202012Validator
    validator = cls(schema, format_checker=jsonschema.FormatChecker() if formats else None)
    lines: list[str] = []
    for count, error in enumerate(validator.iter_errors(instance)):
        if count == MAX_ERRORS:
            return sorted(set(lines)) + [f"(more than {MAX_ERRORS} errors; the rest are not listed)"]
        lines.append(f"{json_path(error.absolute_path)}: {_short(error.message)}")
    return sorted(set(lines))


def validate(instance: Any, schema: dict[str, Any], source: str, error: type[ConfigError] = ConfigError) -> None:
    """Raise `error` listing every schema violation of `instance`."""
    lines = error_lines(instance, schema)
    if lines:
        count = f"{MAX_ERRORS}+" if len(lines) > MAX_ERRORS else str(len(lines))
        raise error(f"{source}: {count} schema error(s):\n  " + "\n  ".join(lines))


def _short(message: str, limit: int = MAX_MESSAGE) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."
