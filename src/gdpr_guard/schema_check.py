"""JSON Schema validation that reports every error with its path, in a stable order."""

from __future__ import annotations

from typing import Any

from gdpr_guard.errors import ConfigError

MAX_ERRORS = 50
"""Errors listed at most: a hostile document with millions of bad entries gets a short message, fast."""


def error_lines(instance: Any, schema: dict[str, Any]) -> list[str]:
    """Schema errors as `path: message` lines, sorted by path (the first MAX_ERRORS found, then a count)."""
    import jsonschema  # ~70 ms of imports: only when a document is actually validated

    validator = jsonschema.Draft202012Validator(schema)
    lines: list[str] = []
    for count, error in enumerate(validator.iter_errors(instance)):
        if count == MAX_ERRORS:
            return sorted(set(lines)) + [f"(more than {MAX_ERRORS} errors; the rest are not listed)"]
        path = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        lines.append(f"{path}: {_short(error.message)}")
    return sorted(set(lines))


def validate(instance: Any, schema: dict[str, Any], source: str, error: type[ConfigError] = ConfigError) -> None:
    """Raise `error` listing every schema violation of `instance`."""
    lines = error_lines(instance, schema)
    if lines:
        count = f"{MAX_ERRORS}+" if len(lines) > MAX_ERRORS else str(len(lines))
        raise error(f"{source}: {count} schema error(s):\n  " + "\n  ".join(lines))


def _short(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."
