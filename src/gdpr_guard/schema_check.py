"""JSON Schema validation that reports every error with its path, in a stable order."""

from __future__ import annotations

from typing import Any

import jsonschema

from gdpr_guard.errors import ConfigError


def error_lines(instance: Any, schema: dict[str, Any]) -> list[str]:
    """All schema errors as `path: message` lines, sorted by path."""
    validator = jsonschema.Draft202012Validator(schema)
    lines = []
    for error in validator.iter_errors(instance):
        path = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        lines.append(f"{path}: {_short(error.message)}")
    return sorted(set(lines))


def validate(instance: Any, schema: dict[str, Any], source: str, error: type[ConfigError] = ConfigError) -> None:
    """Raise `error` listing every schema violation of `instance`."""
    lines = error_lines(instance, schema)
    if lines:
        raise error(f"{source}: {len(lines)} schema error(s):\n  " + "\n  ".join(lines))


def _short(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 3] + "..."
