"""Where SQL lives: `.sql` files, string literals handed to database calls in Python, psql/mysql in shell.

Python is read with `ast`: the first argument (or `sql=`) of `execute`/`executemany`/`executescript`
(DB-API cursors, Alembic `op.execute`, `op.get_bind().execute`, SQLAlchemy connections),
`exec_driver_sql`, `text()`, pandas `read_sql*`, and Django `RunSQL(sql, reverse_sql)`; a literal, an
f-string (each interpolation becomes a placeholder), a `+` or `%` of literals, or a name assigned a
literal earlier in the same function. SQL inside Alembic's `downgrade()` and Django's `reverse_sql` is
the reverse path. Shell is read with `shlex`: `psql -c`, `mysql -e`, and heredocs fed to psql/mysql.
"""

from __future__ import annotations

import ast
import shlex
from dataclasses import dataclass

CALLS = frozenset({"execute", "executemany", "executescript", "exec_driver_sql", "text", "read_sql",
                   "read_sql_query", "read_sql_table", "RunSQL", "drop_table"})
PLACEHOLDER = "_v_"
"""Stands for an f-string interpolation: a value or a name the code fills in at run time."""
CLIENTS = frozenset({"psql", "mysql", "mariadb", "sqlcmd", "snowsql", "bq"})
FLAGS = frozenset({"-c", "--command", "-e", "--execute", "-q", "--query", "-Q"})


@dataclass(frozen=True)
class SqlText:
    """SQL text found in a file, and where its first line sits in that file."""

    text: str
    line: int
    """File line of the text's first line."""
    reverse: bool = False
    """On the reverse path only (Alembic downgrade(), Django reverse_sql): it never deletes on the way forward."""
    origin: str = "sql"
    """`sql`, `python` or `shell`."""


def from_python(source: str) -> list[SqlText]:
    """SQL handed to database calls in a Python module (empty when it does not parse)."""
    if not any(name in source for name in CALLS):
        return []
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return []
    out: list[SqlText] = []
    seen: set[int] = set()
    sqlalchemy_text = _imports_sqlalchemy_text(tree)
    for function, reverse in _scopes(tree):
        assigned = _assignments(function)
        for node in ast.walk(function):
            if not isinstance(node, ast.Call) or id(node) in seen:
                continue
            seen.add(id(node))
            name = _call_name(node)
            if name not in CALLS or name == "text" and not _is_sqlalchemy_text(node, sqlalchemy_text):
                continue  # `text()` of a UI toolkit or a helper holds prose, not SQL
            if name == "drop_table":  # Alembic's op.drop_table("t", schema=...): the SQL it runs
                out += _dropped_table(node, reverse)
                continue
            if name == "RunSQL":
                out += _texts(_argument(node, 0, "sql"), assigned, reverse)
                out += _texts(_argument(node, 1, "reverse_sql"), assigned, True)
                continue
            argument = _argument(node, 0, "sql")
            if isinstance(argument, ast.Call) and _call_name(argument) == "text":
                seen.add(id(argument))
                argument = _argument(argument, 0, "text")
            out += _texts(argument, assigned, reverse)
    return out


def _dropped_table(node: ast.Call, reverse: bool) -> list[SqlText]:
    table, schema = _argument(node, 0, "table_name"), _argument(node, 99, "schema")
    names = [n.value for n in (schema, table) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    if not isinstance(table, ast.Constant) or not names or not all(n.isidentifier() for n in names):
        return []
    return [SqlText("DROP TABLE " + ".".join(names), node.lineno, reverse, "python")]


def _imports_sqlalchemy_text(tree: ast.Module) -> bool:
    return any(isinstance(n, ast.ImportFrom) and (n.module or "").startswith("sqlalchemy")
               and any(a.name == "text" for a in n.names) for n in ast.walk(tree))


def _is_sqlalchemy_text(node: ast.Call, imported: bool) -> bool:
    func = node.func
    if isinstance(func, ast.Name):
        return imported
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
        and func.value.id in ("sa", "sqlalchemy", "sql", "expression")


def _scopes(tree: ast.Module) -> list[tuple[ast.AST, bool]]:
    """Each function (its own scope) and the module body; Alembic's downgrade() is the reverse path."""
    functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    inner = {id(c) for f in functions for c in ast.walk(f) if c is not f}
    module = ast.Module(body=[s for s in tree.body if not isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                                        ast.ClassDef))], type_ignores=[])
    scopes: list[tuple[ast.AST, bool]] = [(module, False)]
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        scopes.append((ast.Module(body=[s for s in cls.body if not isinstance(s, (ast.FunctionDef,
                                                                                 ast.AsyncFunctionDef))],
                                  type_ignores=[]), False))
    for function in functions:
        if id(function) in inner:
            continue  # walked with its enclosing function
        scopes.append((function, function.name in ("downgrade", "downgrade_data", "backwards")))
    return scopes


def _assignments(scope: ast.AST) -> dict[str, list[tuple[int, ast.expr]]]:
    out: dict[str, list[tuple[int, ast.expr]]] = {}
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out.setdefault(node.targets[0].id, []).append((node.lineno, node.value))
    return out


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _argument(node: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(node.args) > position and not any(isinstance(a, ast.Starred) for a in node.args[:position + 1]):
        return node.args[position]
    return next((k.value for k in node.keywords if k.arg == keyword), None)


def _texts(node: ast.expr | None, assigned: dict[str, list[tuple[int, ast.expr]]], reverse: bool) -> list[SqlText]:
    if node is None:
        return []
    if isinstance(node, (ast.List, ast.Tuple)):  # RunSQL([...]) / [(sql, params), ...]
        return [t for e in node.elts for t in _texts(e.elts[0] if isinstance(e, ast.Tuple) and e.elts else e,
                                                       assigned, reverse)]
    if isinstance(node, ast.Name):
        earlier = [(line, value) for line, value in assigned.get(node.id, []) if line <= node.lineno]
        if not earlier:
            return []
        node = max(earlier, key=lambda pair: pair[0])[1]
    text = _literal(node)
    return [SqlText(text, node.lineno, reverse, "python")] if text and text.strip() else []


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else PLACEHOLDER
                       for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return None if left is None and right is None else (left or PLACEHOLDER) + (right or PLACEHOLDER)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _literal(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literal(node.func.value)
    return None


def without_templates(source: str) -> str:
    """SQL with Jinja (dbt) tags blanked: `{{ expr }}` becomes the placeholder, `{{ config(...) }}`,
    `{% tag %}` and `{# #}` nothing; line breaks inside a tag are kept so every line keeps its number."""
    if "{{" not in source and "{%" not in source and "{#" not in source:
        return source
    out: list[str] = []
    i = 0
    while i < len(source):
        opening = min((j for j in (source.find(t, i) for t in ("{{", "{%", "{#")) if j >= 0), default=-1)
        if opening < 0:
            out.append(source[i:])
            break
        closer = {"{{": "}}", "{%": "%}", "{#": "#}"}[source[opening:opening + 2]]
        end = source.find(closer, opening + 2)
        end = len(source) if end < 0 else end + 2
        out.append(source[i:opening])
        value = closer == "}}" and not source[opening + 2:end].lstrip().startswith("config(")  # dbt's config()
        out.append((PLACEHOLDER if value else "") + "\n" * source.count("\n", opening, end))
        i = end
    return "".join(out)


def from_shell(source: str) -> list[SqlText]:
    """SQL given to database clients in a shell script: `-c`/`-e` arguments and heredoc bodies."""
    if not any(client in source for client in CLIENTS):
        return []
    out: list[SqlText] = []
    lines = source.splitlines()
    number = 0
    while number < len(lines):
        line = lines[number]
        words = _words(line)
        if words and any(w.rsplit("/", 1)[-1] in CLIENTS for w in words):
            for flag, value in zip(words, words[1:], strict=False):
                if flag in FLAGS and value.strip():
                    out.append(SqlText(value, number + 1, False, "shell"))
            marker = next((words[i + 1].lstrip("-") for i, w in enumerate(words[:-1]) if w in ("<<", "<<-")), "")
            if marker:
                end = next((i for i in range(number + 1, len(lines)) if lines[i].strip() == marker), len(lines))
                out.append(SqlText("\n".join(lines[number + 1:end]), number + 2, False, "shell"))
                number = end
        number += 1
    return out


def _words(line: str) -> list[str]:
    try:
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        return list(lexer)
    except ValueError:  # an unterminated quote: the command goes on over lines we do not join
        return []
