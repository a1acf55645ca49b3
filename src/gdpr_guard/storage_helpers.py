"""GG-DEL-102: a class's storage method that stores what its caller hands it is a storage API, not a copy.

`def put_object(self, file): return s3.put_object(Body=file, ...)` on an application's model writes the
caller's bytes into the system of record; the method leaves no second copy behind (the payload lives in
memory). Whether the caller copies data is the caller's question. Read with Python's `ast`: an in-memory
upload (`put_object` Body, `upload_fileobj` Fileobj) whose payload is a parameter of the enclosing method
(first parameter `self` or `cls`). A script's own upload function (`def publish(s3, body)`) stays: there
the upload is the script's step of moving data out.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from gdpr_guard.finding import RawFinding
from gdpr_guard.python_trees import parsed
from gdpr_guard.targets import Target

PAYLOADS = {"put_object": ("Body", None), "upload_fileobj": ("Fileobj", 0)}
"""In-memory uploads: the keyword (and position) of their payload."""


def passed_through(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """The findings that are not an in-memory upload of the enclosing function's own parameter."""
    tree_of = parsed(targets)
    kept = []
    for finding in findings:
        tree = tree_of(finding.location.path)
        if tree is None or not _helper_upload(tree, finding.location.start_line):
            kept.append(finding)
    return kept


def _helper_upload(tree: ast.Module, line: int) -> bool:
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        positional = function.args.posonlyargs + function.args.args
        if not positional or positional[0].arg not in ("self", "cls"):
            continue  # a function of a script, not a storage class's method
        parameters = {a.arg for a in positional[1:] + function.args.kwonlyargs}
        for call in (n for n in ast.walk(function) if isinstance(n, ast.Call)):
            if call.lineno <= line <= (call.end_lineno or call.lineno) and isinstance(call.func, ast.Attribute) \
                    and call.func.attr in PAYLOADS:
                payload = _payload(call)
                if isinstance(payload, ast.Name) and payload.id in parameters:
                    return True
    return False


def _payload(call: ast.Call) -> ast.expr | None:
    assert isinstance(call.func, ast.Attribute)
    keyword, position = PAYLOADS[call.func.attr]
    found = next((k.value for k in call.keywords if k.arg == keyword), None)
    if found is None and position is not None and len(call.args) > position:
        return call.args[position]
    return found
