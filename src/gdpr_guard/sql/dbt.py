"""dbt models: a transformation inside the warehouse, except a model materialised to an external location
(dbt-duckdb `materialized='external', location=...`, Databricks/Spark `location_root=...`): that writes
its rows to files outside the warehouse, a copy (GG-DEL-105) nothing in the project deletes.

The model's `{{ config(...) }}` is read with Python's `ast` (Jinja's call syntax is Python's), over the
`models:` configuration of `dbt_project.yml` for its directory (`+materialized: external`,
`+location_root`); its sources are the `ref()`/`source()` calls of the model.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

EXTERNAL_KEYS = ("location", "location_root")
"""Config keys naming where an external model's files go."""


@dataclass(frozen=True)
class External:
    """A model written to an external location."""

    location: str
    """The location as written (a placeholder when built at run time)."""
    sources: tuple[str, ...]
    """The models and sources it reads (`ref('x')` -> x, `source('s', 't')` -> t)."""
    line: int
    """Line of its config() call."""
    text: str
    """The config() tag."""


def external(source: str, project: dict[str, str] | None = None) -> External | None:
    """The external materialisation of a model's SQL, or None (a table, view, incremental, ... model).

    `project`: the configuration dbt_project.yml gives the model's directory (keys without `+`)."""
    project = project or {}
    if "config(" not in source and not _project_external(project):
        return None
    config: tuple[ast.Call, int, str] | None = None
    reads: list[str] = []
    for call, line, text in _calls(source):
        name = call.func.id if isinstance(call.func, ast.Name) else ""
        if name == "config" and config is None:
            config = (call, line, text)
        elif name in ("ref", "source") and call.args:
            last = call.args[-1]
            if isinstance(last, ast.Constant) and isinstance(last.value, str):
                reads.append(last.value.lower())
    values: dict[str, str] = dict(project)
    line, text = _first_code_line(source), ""
    if config is not None:
        call, line, text = config
        values.update({k.arg: _string(k.value) or "_v_" for k in call.keywords if k.arg})
    if not _project_external(values):
        return None
    where = next((values[k] for k in EXTERNAL_KEYS if values.get(k)), "")
    return External(where or "external", tuple(sorted(set(reads))), line, text or "(dbt_project.yml)")


def _first_code_line(source: str) -> int:
    """Line of the model's first line of code (a model configured by its project has no config() call)."""
    for number, line in enumerate(source.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith(("--", "{#")):
            return number
    return 1


def _project_external(values: dict[str, str]) -> bool:
    return values.get("materialized", "").lower() == "external" or any(values.get(k) for k in EXTERNAL_KEYS)


def project_config(project: object, name: str, parts: list[str]) -> dict[str, str]:
    """The configuration a dbt_project.yml (loaded) gives a model of project `name` in directory `parts`
    below its model path: `models: {name: {dir: {+key: value}}}`, deeper levels overriding."""
    out: dict[str, str] = {}
    level = project.get("models") if isinstance(project, dict) else None
    level = level.get(name) if isinstance(level, dict) else None
    for part in [None, *parts]:
        if part is not None:
            level = level.get(part) if isinstance(level, dict) else None
        if not isinstance(level, dict):
            break
        for key, value in level.items():
            bare = str(key).lstrip("+")
            if bare in ("materialized", *EXTERNAL_KEYS) and isinstance(value, str):
                out[bare] = value
    return out


def python_external(source: str, project: dict[str, str] | None = None) -> External | None:
    """The external materialisation of a dbt Python model (`dbt.config(materialized="external")`), or None."""
    if "def model" not in source:
        return None
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return None
    model = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "model"), None)
    if model is None:
        return None
    values: dict[str, str] = dict(project or {})
    line, reads = model.lineno, []
    for call in (n for n in ast.walk(model) if isinstance(n, ast.Call)):
        method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
        if method == "config":
            values.update({k.arg: _string(k.value) or "_v_" for k in call.keywords if k.arg})
            line = call.lineno
        elif method in ("ref", "source") and call.args and isinstance(call.args[-1], ast.Constant):
            reads.append(str(call.args[-1].value).lower())
    if not _project_external(values):
        return None
    where = next((values[k] for k in EXTERNAL_KEYS if values.get(k)), "")
    return External(where or "external", tuple(sorted(set(reads))), line, ast.get_source_segment(source, model) or "")


def _calls(source: str) -> list[tuple[ast.Call, int, str]]:
    """Calls written in `{{ ... }}` tags, with the line of the tag and its text."""
    out = []
    start = source.find("{{")
    while start >= 0:
        end = source.find("}}", start + 2)
        if end < 0:
            break
        inner = source[start + 2:end].strip()
        tree = _parsed(inner) or _parsed(inner.replace("~", "+"))  # Jinja's `~` joins strings like `+`
        if tree is not None:
            line = source.count("\n", 0, start) + 1
            out += [(node, line, source[start:end + 2]) for node in ast.walk(tree) if isinstance(node, ast.Call)]
        start = source.find("{{", end + 2)
    return out


def _parsed(expression: str) -> ast.Expression | None:
    try:
        return ast.parse(expression, mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return None  # Jinja beyond Python's syntax (filters, tests): not a call we read


def _string(node: ast.expr | None) -> str:
    return str(node.value) if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def model_project(path: Path, root: Path, cache: dict[Path, object]) -> dict[str, str]:
    """The dbt_project.yml configuration of the model at `path` (nearest project file up to `root`)."""
    from gdpr_guard.errors import ConfigError
    from gdpr_guard.yamlio import load_file

    path, root = path.resolve(), root.resolve()
    for directory in path.parents:
        if directory not in cache:
            project_file = directory / "dbt_project.yml"
            try:
                cache[directory] = load_file(project_file) if project_file.is_file() else None
            except ConfigError:
                cache[directory] = None  # an unreadable project file configures nothing we can read
        project = cache[directory]
        if isinstance(project, dict):
            relative = path.parent.relative_to(directory).parts
            for model_path in project.get("model-paths") or ["models"]:
                prefix = tuple(str(model_path).strip("/").split("/"))
                if relative[:len(prefix)] == prefix:
                    return project_config(project, str(project.get("name", "")), list(relative[len(prefix):]))
            return {}
        if directory == root or root not in directory.parents:
            break
    return {}
