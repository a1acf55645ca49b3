"""The Terraform functions tf_expr evaluates statically, and the UNKNOWN value of what it cannot.

A function gets its evaluated arguments (UNKNOWN among them) and returns a value or UNKNOWN. A map or
list literal whose items are unknown is non-empty with unknown content (`{"": UNKNOWN}`, `[UNKNOWN]`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Any = _Unknown()


def items(value: Any) -> list[Any]:
    """The values of a map or the items of a list; nothing for anything else."""
    return list(value.values()) if isinstance(value, dict) else list(value) if isinstance(value, list) else []


def _length(args: list[Any]) -> Any:
    if len(args) == 1 and isinstance(args[0], (list, dict, str)):
        return UNKNOWN if any(v is UNKNOWN for v in items(args[0])) else len(args[0])
    return UNKNOWN


def _identity(args: list[Any]) -> Any:
    return args[0] if len(args) == 1 else UNKNOWN


def _first_known(args: list[Any]) -> Any:
    return args[0] if args and args[0] is not UNKNOWN else UNKNOWN


def _keys(args: list[Any]) -> Any:
    if len(args) != 1 or not isinstance(args[0], dict):
        return UNKNOWN
    return [UNKNOWN] if args[0].get("") is UNKNOWN else sorted(args[0])


def _values(args: list[Any]) -> Any:
    return items(args[0]) if len(args) == 1 and isinstance(args[0], dict) else UNKNOWN


FUNCTIONS: dict[str, Callable[[list[Any]], Any]] = {
    "length": _length, "toset": _identity, "tolist": _identity, "tomap": _identity, "try": _first_known,
    "coalesce": _first_known, "tobool": _identity, "tonumber": _identity, "keys": _keys, "values": _values,
}
