"""Tables read on another server: `dblink('connection', 'query')` in a FROM clause copies the rows of the
remote tables its query names. They carry the REMOTE prefix, so that no local DROP or DELETE counts as
their removal."""

from __future__ import annotations

from typing import Any

REMOTE = "remote:"
"""Prefix of a table read through dblink() on another server: no local removal is its removal."""


def remote_tables(call: Any) -> set[str]:
    """Tables the query of `dblink('connection', 'query')` reads on the other server."""
    from sqlglot import exp

    from gdpr_guard.sql.statements import parse

    arguments = call.expressions
    query = arguments[1] if len(arguments) > 1 else None
    if not isinstance(query, exp.Literal) or not query.is_string:
        return {REMOTE + "?"}  # a query built at run time: rows of some remote table
    tree, _ = parse(str(query.this))
    names = {str(t.name).lower() for t in tree.find_all(exp.Table) if t.name} if tree is not None else set()
    return {REMOTE + n for n in names} or {REMOTE + "?"}
