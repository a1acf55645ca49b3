"""GG-DEL-102: `shutil.copytree` of a directory of an installed Python package copies the program, not data.

Frameworks hand their users a copy of their own templates, static assets or migrations to customise
(`copytree(os.path.join(os.path.dirname(__file__), "static"), dest)` in a package's management command,
`copytree(join(apps.get_app_config(label).path, "migrations"), dest)` when forking a Django app). What is
copied ships with the code; it is meant to stay where it is copied, and it holds no records. Read with
Python's `ast`: the source argument is followed through the enclosing function's assignments and
path operations (`os.path.join`/`dirname`/`realpath`, `Path(...) / "x"`, `.parent`) down to a package's
location: `__file__` of a module inside a package (its directory holds `__init__.py`), a module's
`__path__`, Django's `AppConfig.path`, `importlib.resources.files()` or `pkg_resources.resource_filename()`.
A standalone script's `__file__` (no `__init__.py` beside it) stays a finding: scripts are often kept beside
the data they move.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from pathlib import Path

from gdpr_guard.finding import RawFinding
from gdpr_guard.python_trees import parsed
from gdpr_guard.targets import Target

TREE_COPIES = frozenset({"copytree"})
"""Copies of a whole directory: a package's directory is code or assets, a single file could be anything."""
PATH_CALLS = frozenset({"join", "dirname", "realpath", "abspath", "normpath", "Path", "PurePath", "fspath", "str"})
"""Path functions whose first argument is the base the result lies under."""
PATH_METHODS = frozenset({"resolve", "absolute", "joinpath", "expanduser"})
"""pathlib methods whose receiver is the base the result lies under."""
LOCATORS = frozenset({"files", "resource_filename", "as_file"})
"""importlib.resources / pkg_resources calls that locate a package's own files."""
MAX_STEPS = 12
"""Assignments and path operations followed back from a copy's source, at most."""


def program_copies(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """The findings that are not a copytree of a package's own directory."""
    tree_of = parsed(targets)
    paths = {t.rel: t.path for t in targets}
    kept = []
    for finding in findings:
        rel = finding.location.path
        tree = tree_of(rel)
        if tree is None or not _copies_package_tree(tree, finding.location.start_line, _in_package(paths.get(rel))):
            kept.append(finding)
    return kept


def _in_package(path: Path | None) -> bool:
    return path is not None and (path.parent / "__init__.py").is_file()


def _copies_package_tree(tree: ast.Module, line: int, in_package: bool) -> bool:
    for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
        body = function.body
        if not body or not body[0].lineno <= line <= (body[-1].end_lineno or body[-1].lineno):
            continue
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
            if call.lineno <= line <= (call.end_lineno or call.lineno) and _called(call) in TREE_COPIES:
                source = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "src"), None)
                if source is not None and _Scope(function, tree, in_package).locates_package(source, 0):
                    return True
    return False


def _called(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else ""


class _Scope:
    """Assignments of one function, then of its module's top level (`ASSETS = ...` constants), to follow a
    name back to what it was built from."""

    def __init__(self, scope: ast.AST, module: ast.Module, in_package: bool) -> None:
        self.in_package = in_package
        self.assigned = _assignments(ast.walk(scope))
        for name, values in _assignments(iter(module.body)).items():
            self.assigned.setdefault(name, values)

    def locates_package(self, expr: ast.expr, depth: int) -> bool:
        """Does `expr` evaluate to a path inside a Python package's own directory?"""
        if depth > MAX_STEPS:
            return False
        if isinstance(expr, ast.Name):
            if expr.id == "__file__":
                return self.in_package
            values = self.assigned.get(expr.id, [])
            return bool(values) and all(self.locates_package(v, depth + 1) for v in values)
        if isinstance(expr, ast.Attribute):
            if expr.attr == "__path__" or expr.attr == "__file__" and not isinstance(expr.value, ast.Name):
                return True  # another module's location: `package.__file__`, `module.__path__`
            if expr.attr == "path" and self._app_config(expr.value, depth + 1):
                return True  # Django's AppConfig.path: the app package's directory
            if expr.attr in ("parent", "parents"):
                return self.locates_package(expr.value, depth + 1)
            return False
        if isinstance(expr, ast.Subscript):  # Path(__file__).parents[1]
            return self.locates_package(expr.value, depth + 1)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Div, ast.Add)):  # Path / "static", dir + "/x"
            return self.locates_package(expr.left, depth + 1)
        if isinstance(expr, ast.Call):
            name = _called(expr)
            if name in LOCATORS:
                return True
            if name in PATH_METHODS and isinstance(expr.func, ast.Attribute):  # Path(__file__).resolve()
                return self.locates_package(expr.func.value, depth + 1)
            if name in PATH_CALLS:  # os.path.join(base, "static"), Path(base)
                return bool(expr.args) and self.locates_package(expr.args[0], depth + 1)
        return False

    def _app_config(self, expr: ast.expr, depth: int) -> bool:
        if depth > MAX_STEPS:
            return False
        if isinstance(expr, ast.Call):
            return _called(expr) == "get_app_config"
        if isinstance(expr, ast.Name):
            values = self.assigned.get(expr.id, [])
            return bool(values) and all(self._app_config(v, depth + 1) for v in values)
        return False


def _assignments(nodes: Iterator[ast.AST]) -> dict[str, list[ast.expr]]:
    assigned: dict[str, list[ast.expr]] = {}
    for node in nodes:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
            assigned.setdefault(node.target.id, []).append(node.value)
    return assigned
