"""Does a migration script move data, or only change the schema or wire the framework?

GG-MIG-201 asks for a migration plan where personal data are migrated (Dedalus: no procedure for
data-migration operations). Alembic's `env.py`, package `__init__.py` files and migrations that only
create, alter or index tables move no data. Read with Python's `ast` and the SQL tokenizer.
"""

from __future__ import annotations

import ast
from pathlib import PurePosixPath

from gdpr_guard.sqltext import WORD, statements, tokens
from gdpr_guard.targets import Kind, Target

DML = frozenset({"insert", "update", "delete", "copy", "merge", "replace", "upsert", "unload", "select", "with",
                 "truncate", "do", "call", "exec", "execute"})
"""First words of statements that read, write or move rows (or run code that may)."""
DATA_CALLS = frozenset({"execute", "executemany", "bulk_insert", "exec_driver_sql", "copy_expert", "copy_from",
                        "copy_to", "RunPython", "RunSQL", "read_sql", "read_sql_query", "read_sql_table", "to_csv",
                        "to_sql", "to_parquet", "bulk_create", "bulk_update", "writerows", "writerow", "upload_file",
                        "put_object", "get_model", "query"})
"""Calls that run SQL or move rows; `execute` of a constant string is judged by that string."""


def moves_data(target: Target, text: str) -> bool:
    """False when the script provably moves no data (plumbing or schema only); True otherwise."""
    if target.kind is Kind.SQL:
        return sql_moves_data(text)
    if target.kind is Kind.PYTHON:
        return _python_moves_data(PurePosixPath(target.rel).name, text)
    return True


def sql_moves_data(text: str) -> bool:
    for stmt in statements(tokens(text)):
        words = [t.text for t in stmt[:6] if t.kind == WORD]
        if not words:
            continue
        if words[0] in DML:
            return True
        top = [t.text for t in stmt if t.kind == WORD and t.depth == 0]
        if words[0] == "create" and "table" in words[:5] and "as" in top and "select" in [t.text for t in stmt]:
            return True  # CREATE TABLE ... AS SELECT copies rows
    return False


def _python_moves_data(name: str, text: str) -> bool:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return True
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if called not in DATA_CALLS:
            continue
        if called in ("execute", "RunSQL") and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and not sql_moves_data(node.args[0].value):
            continue  # op.execute("CREATE INDEX ...") changes the schema only
        if called == "execute" and name == "env.py" and not node.args:
            continue
        return True
    return False



