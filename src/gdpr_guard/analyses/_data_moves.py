"""Does a migration script migrate data, or only evolve the schema or wire the framework?

GG-MIG-201 asks for a migration plan where data are migrated (Dedalus: no procedure for data-migration
operations: the fields moved from one system to another, their encryption and their deletion).
- Alembic's `env.py`, package `__init__.py` files and migrations that only create, alter or index
  tables migrate nothing.
- A framework migration (Alembic revision, Django migration, Flyway/Liquibase versioned SQL) evolves
  the application's own database: it needs a plan when it copies rows into another table
  (INSERT ... SELECT, CREATE TABLE AS, SELECT INTO, UPDATE ... FROM) or moves them in or out of the database (COPY,
  INTO OUTFILE, UNLOAD, dblink/foreign tables, dumps, files, uploads). An in-place backfill
  (`UPDATE t SET a = b`) or ORM updates in RunPython do not.
- Any other script in a migration directory needs a plan as soon as it reads or writes rows.
Read with Python's `ast` and the SQL tokenizer.
"""

from __future__ import annotations

import ast
import re
from pathlib import PurePosixPath

from gdpr_guard.roles import ALEMBIC, DJANGO
from gdpr_guard.sqltext import STRING, WORD, Token, statements, tokens
from gdpr_guard.targets import Kind, Target

DML = frozenset({"insert", "update", "delete", "copy", "merge", "replace", "upsert", "unload", "select", "with",
                 "truncate", "do", "call", "exec", "execute", "load"})
"""First words of statements that read, write or move rows (or run code that may)."""
TRANSFER_WORDS = frozenset({"copy", "unload", "outfile", "dumpfile", "dblink", "dblink_exec", "openrowset",
                            "opendatasource", "openquery", "bulk", "infile"})
"""Words of statements that move rows in or out of the database."""
DATA_CALLS = frozenset({"execute", "executemany", "bulk_insert", "exec_driver_sql", "copy_expert", "copy_from",
                        "copy_to", "RunPython", "RunSQL", "read_sql", "read_sql_query", "read_sql_table", "to_csv",
                        "to_sql", "to_parquet", "bulk_create", "bulk_update", "writerows", "writerow", "upload_file",
                        "put_object", "get_model", "query"})
"""Calls that run SQL or move rows; `execute` of a constant string is judged by that string."""
TRANSFER_CALLS = frozenset({"copy_expert", "copy_from", "copy_to", "to_csv", "to_parquet", "to_excel", "to_json",
                            "to_sql", "upload_file", "upload_fileobj", "put_object", "download_file", "writerows",
                            "read_csv", "read_parquet", "read_excel", "urlopen", "post", "put"})
"""Python calls that move rows between the database and files, storage or other services."""
DUMP_PROGRAMS = re.compile(r"\b(?:pg_dump|pg_dumpall|mysqldump|mongodump|mongoexport|bcp|psql|mysql|scp|rsync)\b")
FLYWAY = re.compile(r"^[VUR]\d*(?:[._]\d+)*__.+\.sql$", re.IGNORECASE)


def moves_data(target: Target, text: str) -> bool:
    """False when the script provably migrates no data (see the module docstring); True otherwise."""
    name = PurePosixPath(target.rel).name
    framework = _framework(target, name, text)
    if target.kind is Kind.SQL:
        return sql_moves_data(text, copies_only=framework)
    if target.kind is Kind.PYTHON:
        return _python_moves_data(name, text, copies_only=framework)
    return True


def sql_moves_data(text: str, copies_only: bool = False) -> bool:
    """Does SQL read or write rows (`copies_only`: copy rows to another table or in/out of the database)?"""
    for stmt in statements(tokens(text)):
        words = [t.text for t in stmt if t.kind == WORD]
        if not words:
            continue
        if copies_only:
            if _copies(stmt, words):
                return True
        elif words[0] in DML or _copies(stmt, words):
            return True
    return False


def _copies(stmt: list[Token], words: list[str]) -> bool:
    top = [t.text for t in stmt if t.kind == WORD and t.depth == 0]
    if TRANSFER_WORDS & set(words) and words[0] in ("copy", "unload", "select", "insert", "load", "bulk", "with"):
        return True
    if words[0] in ("create", "import") and ("server" in words[:4] or "foreign" in words[:4]):
        return True
    if words[0] == "create" and "table" in words[:5] and "as" in top and "select" in words:
        return True  # CREATE TABLE ... AS SELECT
    if words[0] in ("insert", "with") and "insert" in top and "select" in words:
        return True  # INSERT INTO ... SELECT
    if words[0] == "update" and "from" in top:
        return True  # UPDATE t SET ... FROM other: rows copied across tables
    into = next((i for i, t in enumerate(stmt) if t.kind == WORD and t.text == "into" and t.depth == 0), None)
    return words[0] == "select" and into is not None and "from" in top  # SELECT ... INTO new_table


def _framework(target: Target, name: str, text: str) -> bool:
    if target.kind is Kind.SQL:
        return bool(FLYWAY.match(name)) or "changelog" in target.rel.lower()
    if target.kind is Kind.PYTHON:
        return bool(DJANGO.search(text)) or (bool(ALEMBIC.search(text)) and "def upgrade" in text)
    return False


def _python_moves_data(name: str, text: str, copies_only: bool) -> bool:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return True
    for node in ast.walk(tree):
        if copies_only and isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and len(node.value) > 12 and sql_moves_data(node.value, copies_only=True):
            return True
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if copies_only:
            if called in TRANSFER_CALLS or (called in ("run", "call", "check_call", "check_output", "Popen", "system")
                                            and DUMP_PROGRAMS.search(ast.unparse(node))):
                return True
            continue
        if called not in DATA_CALLS:
            continue
        if called in ("execute", "RunSQL") and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str) and not sql_moves_data(node.args[0].value):
            continue  # op.execute("CREATE INDEX ...") changes the schema only
        if called == "execute" and name == "env.py" and not node.args:
            continue
        return True
    return False


__all__ = ["STRING", "moves_data", "sql_moves_data"]
