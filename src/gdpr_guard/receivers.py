"""Who receives `.upload_file(...)`? GG-ENC-101 and GG-DEL-102 are about boto3 S3 clients, resources
and buckets, not a web framework's upload helper or an SFTP plugin with a method of the same name.

Read with Python's `ast`: the receiver is traced through assignments (`s3 = boto3.client("s3")`,
`self.s3 = session.client("s3")`, `bucket = boto3.resource("s3").Bucket(name)`), `with ... as`
targets, and helper functions of the same file that return a client. Shown to be boto3: the finding
stays. Shown to be something else: it goes. Not traceable: it stays, as weak evidence, where the
module imports boto3 or the receiver is named like an S3 client, and goes otherwise.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target

S3_METHODS = frozenset({"upload_file", "upload_fileobj", "put_object", "copy_object", "create_multipart_upload", "put"})
"""Upload calls (`put`: an `Object(bucket, key)` of boto3's resource API)."""
BOTO_MODULES = frozenset({"boto3", "aioboto3", "botocore", "aiobotocore", "s3transfer"})
BOTO_FACTORIES = frozenset({"client", "resource", "Bucket", "Object", "create_client"})
S3_NAME = re.compile(r"(?i)s3|bucket|boto")
WEAK = "the receiver of .{method}() is not shown to be a boto3 S3 client"
BOTO, OTHER, UNKNOWN = "boto3", "other", "unknown"
MAX_DEPTH = 8


def typed_receivers(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Keep S3 findings whose receiver is boto3 (or untraceable but plausibly so, marked weak)."""
    paths = {t.rel: t.path for t in targets}
    modules: dict[str, _Module | None] = {}
    out = []
    for finding in findings:
        rel = finding.location.path
        if rel not in modules:
            modules[rel] = _Module.read(paths[rel]) if rel in paths else None
        module = modules[rel]
        call = module.call_at(finding.location.start_line) if module else None
        if module is None or call is None:
            out.append(finding)
            continue
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        kind = module.kind(receiver, 0) if receiver is not None else UNKNOWN
        method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
        if kind == BOTO:
            out.append(finding)
        elif kind == UNKNOWN and (module.imports_boto or S3_NAME.search(ast.unparse(receiver or call))):
            out.append(replace(finding, weak_evidence=WEAK.format(method=method)))
    return out


class _Module:
    """One parsed Python file: its assignments, helper functions and imports."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.assigned: dict[str, list[ast.expr]] = defaultdict(list)
        self.functions: dict[str, list[ast.expr]] = defaultdict(list)
        self.annotations: dict[str, ast.expr] = {}
        self.imports_boto = False
        self.imported: set[str] = set()
        for node in ast.walk(tree):
            self._index(node)

    @classmethod
    def read(cls, path: Path) -> _Module | None:
        try:
            return cls(ast.parse(path.read_text(encoding="utf-8", errors="replace")))
        except (OSError, SyntaxError, ValueError):
            return None

    def _index(self, node: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                self.assigned[_key(target)].append(node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            self.assigned[_key(node.target)].append(node.value)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    self.assigned[_key(item.optional_vars)].append(item.context_expr)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.functions[node.name] += [r.value for r in ast.walk(node) if isinstance(r, ast.Return) and r.value]
            for arg in node.args.args + node.args.kwonlyargs:
                if arg.annotation is not None:
                    self.annotations[arg.arg] = arg.annotation
        elif isinstance(node, ast.Import):
            for alias in node.names:
                self._imported(alias.name, alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                self._imported(node.module, alias.asname or alias.name)

    def _imported(self, module: str, name: str) -> None:
        if module.split(".")[0] in BOTO_MODULES or module.startswith("mypy_boto3"):
            self.imports_boto = True
            self.imported.add(name)

    def call_at(self, line: int) -> ast.Call | None:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in S3_METHODS and node.lineno <= line <= (node.end_lineno or node.lineno):
                return node
        return None

    def kind(self, expr: ast.expr, depth: int) -> str:
        """`boto3`, `other` or `unknown`: what `expr` evaluates to."""
        if depth > MAX_DEPTH:
            return UNKNOWN
        if isinstance(expr, ast.Await):
            return self.kind(expr.value, depth + 1)
        if isinstance(expr, ast.Call):
            return self._call_kind(expr, depth)
        if isinstance(expr, (ast.Name, ast.Attribute)):
            key = _key(expr)
            if key in self.imported:
                return BOTO
            values = self.assigned.get(key, [])
            kinds = {self.kind(v, depth + 1) for v in values}
            if BOTO in kinds:
                return BOTO
            if kinds == {OTHER}:
                return OTHER
            annotation = self.annotations.get(key)
            if annotation is not None and not values:
                return BOTO if re.search(r"S3|boto", ast.unparse(annotation)) else OTHER
            if isinstance(expr, ast.Attribute) and not values:
                return self.kind(expr.value, depth + 1) if _key(expr.value) in self.imported else UNKNOWN
            return UNKNOWN
        return OTHER if isinstance(expr, (ast.Constant, ast.JoinedStr, ast.List, ast.Dict)) else UNKNOWN

    def _call_kind(self, call: ast.Call, depth: int) -> str:
        func = call.func
        if isinstance(func, ast.Attribute):
            if func.attr in BOTO_FACTORIES or func.attr in ("Session", "session"):
                base = self.kind(func.value, depth + 1)
                return BOTO if base == BOTO or func.attr in ("Bucket", "Object") or _s3_arg(call) else base
            base = self.kind(func.value, depth + 1)
            # a method of something that is not boto3 returns something that is not boto3 either
            return base if func.attr in ("get_client", "with_options") or base == OTHER else UNKNOWN
        if isinstance(func, ast.Name):
            if func.id in self.imported:
                return BOTO
            if func.id in self.functions:
                kinds = {self.kind(v, depth + 1) for v in self.functions[func.id]}
                return BOTO if BOTO in kinds else OTHER if kinds == {OTHER} else UNKNOWN
            if func.id[:1].isupper():
                return OTHER  # an instance of a class that is not boto3's
        return UNKNOWN


def _s3_arg(call: ast.Call) -> bool:
    first = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "service_name"), None)
    return isinstance(first, ast.Constant) and first.value == "s3"


def _key(expr: ast.expr) -> str:
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        return _key(expr.value) + "." + expr.attr
    return ast.dump(expr)
