"""One place for each constant: no module of src/ repeats another module's constant (issue 18).

A constant is a module-level UPPER_CASE assignment of a literal or of `re.compile(<literal>)`, read with
`ast`. Two modules repeat one when they give the same public name the same value, or when they give any names
the same collection, long string or pattern (numbers under different names are coincidences: a
2,000-character tail and a 2,000-line block are not one idea).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parent.parent / "src" / "gdpr_guard"


def _value(node: ast.expr) -> Any:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile" \
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
        return ("re.compile", ast.literal_eval(node.args[0]), *(ast.unparse(a) for a in node.args[1:]),
                *(ast.unparse(k) for k in node.keywords))
    return ast.literal_eval(node)


def constants(source: str) -> list[tuple[str, Any]]:
    """(name, value) of the module-level constants of one module."""
    out = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names, value = [t.id for t in node.targets if isinstance(t, ast.Name)], node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names, value = [node.target.id], node.value
        else:
            continue
        for name in names:
            if not name.lstrip("_").isupper():
                continue
            try:
                out.append((name, _value(value)))
            except (ValueError, TypeError, SyntaxError):  # not a literal: computed, not a repeated constant
                continue
    return out


def _substantial(value: Any) -> bool:
    if isinstance(value, tuple) and value[:1] == ("re.compile",):
        return len(value[1]) >= 12  # `\s+` twice is not a shared idea
    if isinstance(value, (tuple, list, set, frozenset, dict)):
        return len(value) > 1
    return isinstance(value, str) and len(value) >= 12


def repeated(modules: dict[str, str]) -> list[str]:
    """Descriptions of constants defined in more than one of `modules` (name -> source)."""
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_value: dict[str, set[str]] = defaultdict(set)
    for module, source in modules.items():
        for name, value in constants(source):
            if not name.startswith("_"):  # a private helper like `_SPACE = re.compile(r"\s+")` may recur
                by_name[(name, repr(value))].add(module)
            if _substantial(value):
                by_value[repr(value)].add(f"{module}:{name}")
    problems = [f"{name} = {value[:60]} in {sorted(where)}" for (name, value), where in by_name.items()
                if len(where) > 1]
    problems += [f"{value[:60]} in {sorted(where)}" for value, where in by_value.items()
                 if len({w.split(':')[0] for w in where}) > 1]
    return sorted(problems)


def test_no_constant_is_defined_twice() -> None:
    modules = {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py"))}
    assert repeated(modules) == []


def test_the_check_sees_a_repeated_constant() -> None:
    modules = {"a.py": 'MAX_TARGET_BYTES = 10_000_000\nGLOBS = ("migrations/**", "**/migrat*/**")\n'
                       'ALEMBIC = re.compile(r"^(?:down_)?revision", re.MULTILINE)\nLIMIT = 2000\n',
               "b.py": 'MAX_TARGET_BYTES = 10_000_000\nDEFAULT_GLOBS = ("migrations/**", "**/migrat*/**")\n'
                       'PATTERN = re.compile(r"^(?:down_)?revision", re.MULTILINE)\nTAIL = 2000\n'}
    assert len(repeated(modules)) == 3
    assert all("a.py" in p and "b.py" in p for p in repeated(modules))
