"""GG-MIN-101: a query whose rows are only tested for presence reads no column, as `EXISTS (SELECT * ...)`.

`rows = conn.execute("SELECT * FROM frameworks WHERE slug = 'dos'").fetchall()` followed by nothing but
`if not rows:` asks whether a row exists; no column of it is used or handed on. Read with Python's `ast`
in the function around the query: its result, and the rows fetched from it (`fetchall()`, `fetchone()`,
`first()`, ...), followed through plain assignments, are used only as a truth value (`if`, `while`,
`not`, `assert`, a conditional expression), in `len()`/`bool()`, or compared with None.
"""

from __future__ import annotations

import ast

FETCHES = frozenset({"fetchall", "fetchone", "fetchmany", "first", "all", "one_or_none", "scalar", "one"})
"""Methods of a query result that return its rows."""
SIZE_CALLS = frozenset({"len", "bool"})
MAX_NAMES = 8


def presence_only(tree: ast.Module, line: int) -> bool:
    """Is the query call spanning `line` used only to learn whether rows exist?"""
    scopes = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
              and n.lineno <= line <= (n.end_lineno or n.lineno)]
    if not scopes:
        return False
    scope = max(scopes, key=lambda n: n.lineno)  # the innermost function
    parents = {id(child): node for node in ast.walk(scope) for child in ast.iter_child_nodes(node)}
    calls = [n for n in ast.walk(scope) if isinstance(n, ast.Call) and n.lineno <= line <= (n.end_lineno or n.lineno)
             and any(isinstance(a, (ast.Constant, ast.JoinedStr)) and a.lineno <= line <= (a.end_lineno or a.lineno)
                     for a in [*n.args, *(k.value for k in n.keywords)])]
    if not calls:
        return False
    call = min(calls, key=lambda n: (n.end_lineno or n.lineno) - n.lineno)  # the call the query is handed to
    outer = parents.get(id(call))
    if _name(call.func) == "text" and isinstance(outer, ast.Call):
        call = outer  # conn.execute(text("SELECT ...")): follow what execute returns
    return _used_for_presence(call, scope, parents, 0)


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _used_for_presence(node: ast.expr, scope: ast.AST, parents: dict[int, ast.AST], depth: int) -> bool:
    parent = parents.get(id(node))
    if isinstance(parent, ast.Attribute) and parent.attr in FETCHES:  # result.fetchall()
        outer = parents.get(id(parent))
        return isinstance(outer, ast.Call) and outer.func is parent and _used_for_presence(outer, scope, parents,
                                                                                          depth)
    if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1 \
            and isinstance(parent.targets[0], ast.Name):
        if depth >= MAX_NAMES:
            return False
        name = parent.targets[0].id
        uses = [n for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
        return bool(uses) and all(_used_for_presence(u, scope, parents, depth + 1) for u in uses)
    return _truth_value(node, parent, parents)


def _truth_value(node: ast.expr, parent: ast.AST | None, parents: dict[int, ast.AST]) -> bool:
    if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)) and parent.test is node:
        return True
    if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not):
        return True
    if isinstance(parent, ast.BoolOp):
        return _truth_value(parent, parents.get(id(parent)), parents)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id in SIZE_CALLS:
        return True
    return isinstance(parent, ast.Compare) and all(isinstance(c, ast.Constant) and c.value is None
                                                   for c in [parent.left, *parent.comparators] if c is not node)
