"""Refinements of the SQL rules that need to see the statement around a match (tokens, not patterns).

GG-MIN-105: a `SELECT *` that extracts nothing is not over-extraction (a view, an EXISTS test, an outer
star over a subquery or CTE that lists its columns, generated rows). GG-CRED-110: a NOLOGIN group role
(`CREATE ROLE admin NOLOGIN` in the file or its migration set) is role-based access, not a shared login.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from gdpr_guard.finding import RawFinding
from gdpr_guard.sqltext import PUNCT, STRING, WORD, Token, statements, tokens
from gdpr_guard.targets import Kind, Target

SYSTEM_SCHEMAS = frozenset({"information_schema", "pg_catalog", "sys", "mysql", "performance_schema",
                            "sqlite_master", "sqlite_schema"})
SYSTEM_PREFIXES = ("pg_", "stl_", "stv_", "svl_", "svv_", "sys_", "all_", "dba_", "user_tab")
"""System catalogs: their rows describe the database, not people."""
GENERATORS = frozenset({"generate_series", "unnest", "values", "json_each", "jsonb_each", "json_array_elements",
                        "jsonb_array_elements", "json_to_recordset", "jsonb_to_recordset", "generate_subscripts"})
"""Row sources that produce values rather than read stored data."""


def star_extracts(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-MIN-105: keep a finding unless the star it reports provably extracts nothing."""
    paths = {t.rel: t.path for t in targets}
    read = _Reader()
    kept = []
    for finding in findings:
        path = paths.get(finding.location.path)
        if path is None or _harmless_star(read(path), finding.location.start_line,
                                          finding.location.start_column or 1) is None:
            kept.append(finding)
    return kept


def python_star_extracts(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-MIN-101: the query string at the finding, read as SQL: kept unless every star in it is harmless."""
    import ast

    paths = {t.rel: t.path for t in targets}
    trees: dict[str, ast.Module | None] = {}
    kept = []
    for finding in findings:
        rel = finding.location.path
        if rel not in trees:
            try:
                source = paths[rel].read_text(encoding="utf-8", errors="replace") if rel in paths else None
                trees[rel] = ast.parse(source) if source is not None else None
            except (SyntaxError, ValueError, OSError):
                trees[rel] = None
        tree = trees[rel]
        texts = _strings_at(tree, finding.location.start_line) if tree is not None else _literals(finding.snippet)
        # backticks: MySQL identifier quotes, or Markdown code in a help text; either way not a boundary
        stars = [(stmt, i) for text in texts for stmt in statements(tokens(text.replace("`", " ")))
                 for i, t in enumerate(stmt) if t.text == "*" and t.kind == PUNCT and i and stmt[i - 1].text
                 in ("select", "distinct", ".", ",")]
        if not stars or any(_why_harmless(stmt, i, prose=True) is None for stmt, i in stars):
            kept.append(finding)
    return kept


def _literals(snippet: str) -> list[str]:
    """String literals of code that does not parse as Python 3 (Python 2 modules), read with tokenize."""
    import ast
    import io
    import tokenize

    parts: list[str] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(snippet).readline):
            if token.type == tokenize.STRING:
                try:
                    value = ast.literal_eval(token.string)
                except (ValueError, SyntaxError):
                    continue
                if isinstance(value, str):
                    parts.append(value)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return ["".join(parts)] if parts else []  # adjacent literals form one query


def _strings_at(tree: object, line: int) -> list[str]:
    import ast

    assert isinstance(tree, ast.Module)
    found = []
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if id(node) in parts:
            continue  # a literal part of an f-string: read with the whole f-string
        if isinstance(node, ast.JoinedStr) and node.lineno <= line <= (node.end_lineno or node.lineno):
            found.append("".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else " _v_ "
                                 for v in node.values))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and node.lineno <= line <= (node.end_lineno or node.lineno) and "*" in node.value:
            found.append(node.value)
    return found


def group_roles_are_not_shared(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-CRED-110: drop findings on accounts created as NOLOGIN group roles in the file's directory."""
    if not findings:
        return findings
    by_dir: dict[str, list[Target]] = {}
    for target in targets:
        if target.kind is Kind.SQL:
            by_dir.setdefault(str(PurePosixPath(target.rel).parent), []).append(target)
    read = _Reader()
    kept = []
    for finding in findings:
        directory = str(PurePosixPath(finding.location.path).parent)
        groups = _group_roles([read(t.path) for t in sorted(by_dir.get(directory, []))])
        account = _word_at(finding, {t.rel: t.path for t in by_dir.get(directory, [])}, read)
        if account is None or account not in groups:
            kept.append(finding)
    return kept


def _harmless_star(stmts: list[list[Token]], line: int, column: int) -> str | None:
    """Why the first `*` at or after (line, column) extracts nothing, or None."""
    for stmt in stmts:
        last = stmt[-1]
        if not stmt[0].line <= line <= last.line + (last.text.count("\n") if last.kind == STRING else 0):
            continue
        star = next((i for i, t in enumerate(stmt) if t.kind == PUNCT and t.text == "*"
                     and (t.line, t.column) >= (line, column)), None)
        body = next((t for t in stmt if t.kind == STRING and t.line <= line <= t.line + t.text.count("\n")), None)
        if body is not None and (star is None or stmt[star].line > line):
            # the match is inside a function body ($$ ... $$): read the body's own statements
            inner = line - body.line + 1
            return _harmless_star(statements(tokens(body.text)), inner, column if inner > 1 else 1)
        if star is not None:
            return _why_harmless(stmt, star)
    return None


SQL_VERBS = frozenset({"select", "with", "insert", "create", "copy", "update", "delete", "merge", "unload",
                       "replace", "upsert", "explain", "values", "table", "declare", "begin", "do", "set", "alter",
                       "drop", "grant", "execute", "exec", "call", "return", "returns", "as", "then", "else",
                       "union", "intersect", "except", "into", "from", "where", "and", "or", "on", "loop", "if",
                       "for", "perform", "open", "cursor", "is", "query", "sql"})
"""Words a statement (or a fragment of a procedure body) may start with; anything else is prose."""


def _why_harmless(stmt: list[Token], star: int, prose: bool = False) -> str | None:
    """Why the star at `star` extracts nothing, or None. `prose`: the text is a string of a program,
    which may be a sentence that mentions SQL (an argparse help) rather than a query."""
    if prose and stmt[0].kind == WORD and stmt[0].text not in SQL_VERBS:
        return "the text is prose that mentions SQL, not a query"
    words = [t.text for t in stmt[:8] if t.kind == WORD]
    if words[:1] == ["create"] and "view" in words:
        return "a view stores a query, it extracts nothing"
    depth = stmt[star].depth
    select = next((i for i in range(star, -1, -1) if stmt[i].kind == WORD and stmt[i].text == "select"
                   and stmt[i].depth == depth), None)
    if select is None:
        return None
    if select >= 2 and stmt[select - 1].text == "(" and stmt[select - 2].text == "exists":
        return "an EXISTS test reads no column"
    source = _from_source(stmt, star, depth)
    if source is not None:
        name = stmt[source].text
        if stmt[source].kind == WORD and source + 1 < len(stmt) and stmt[source + 1].text == "(":
            return "the star reads a function's result, not a stored table"
        if name in SYSTEM_SCHEMAS or name.startswith(SYSTEM_PREFIXES):
            return "the star reads a system catalog"
        if _at_most_one_row(stmt, source, depth):
            return "the star reads at most one row (column discovery)"
        if stmt[source].text == "(":
            inner = source + 1
            if stmt[inner].text == "values" or (stmt[inner].text == "select" and not _star_list(stmt, inner)):
                return "the star reads a subquery that lists its columns"
        elif stmt[source].text in GENERATORS:
            return "the star reads generated rows"
        elif _cte_lists_columns(stmt, stmt[source].text):
            return "the star reads a CTE that lists its columns"
    if depth > 0 and _consumer_lists_columns(stmt, select, depth):
        return "the query that consumes the subquery or CTE lists its columns"
    return None


def _consumer_lists_columns(stmt: list[Token], select: int, depth: int) -> bool:
    """Does the SELECT around the subquery holding `select` list its columns (no star)?"""
    opening = next((i for i in range(select - 1, -1, -1) if stmt[i].text == "(" and stmt[i].depth == depth - 1),
                   None)
    if opening is None:
        return False
    consumer = next((i for i in range(opening - 1, -1, -1) if stmt[i].kind == WORD and stmt[i].text == "select"
                     and stmt[i].depth == depth - 1), None)
    if consumer is not None:
        return not _star_list(stmt, consumer)
    return stmt[0].text == "with" and _main_select_lists_columns(stmt)  # a CTE: the main query consumes it


def _at_most_one_row(stmt: list[Token], source: int, depth: int) -> bool:
    rest = [t for t in stmt[source:] if t.depth == depth or t.kind != WORD]
    for i, token in enumerate(rest[:-1]):
        if token.depth != depth or token.kind != WORD:
            continue
        if token.text in ("limit", "top") and rest[i + 1].text in ("0", "1"):
            return True
        if token.text == "where" and [t.text for t in rest[i + 1:i + 4]] in (["1", "=", "0"], ["false"]):
            return True
    return False


def _from_source(stmt: list[Token], star: int, depth: int) -> int | None:
    for i in range(star + 1, len(stmt) - 1):
        token = stmt[i]
        if token.depth < depth:
            return None
        if token.depth == depth and token.kind == WORD and token.text == "from":
            nxt = stmt[i + 1]
            if nxt.kind == WORD and nxt.text == "lateral" and i + 2 < len(stmt):
                return i + 2
            return i + 1
    return None


def _star_list(stmt: list[Token], select: int) -> bool:
    """Does the select list of the SELECT at `select` contain a bare or qualified star?"""
    depth = stmt[select].depth
    for token in stmt[select + 1:]:
        if token.depth < depth or (token.depth == depth and token.kind == WORD and token.text == "from"):
            return False
        if token.depth == depth and token.kind == PUNCT and token.text == "*":
            return True
    return False


def _cte_lists_columns(stmt: list[Token], name: str) -> bool:
    if stmt[0].text != "with":
        return False
    for i in range(len(stmt) - 3):
        if stmt[i].depth == 0 and stmt[i].kind == WORD and stmt[i].text == name and stmt[i + 1].text == "as" \
                and stmt[i + 2].text == "(" and stmt[i + 3].text == "select":
            return not _star_list(stmt, i + 3)
    return False


def _main_select_lists_columns(stmt: list[Token]) -> bool:
    main = next((i for i, t in enumerate(stmt) if t.depth == 0 and t.kind == WORD
                 and t.text in ("select", "insert", "copy", "create", "update", "delete")), None)
    return main is not None and stmt[main].text == "select" and not _star_list(stmt, main)


def _group_roles(files: list[list[list[Token]]]) -> frozenset[str]:
    groups: dict[str, bool] = {}
    for stmts in files:
        for stmt in stmts:
            words = [t.text for t in stmt if t.kind == WORD]
            if len(words) < 3:
                continue
            verb, what, name = words[0], words[1], words[2]
            if what == "role" and len(words) > 5 and words[2:5] == ["if", "not", "exists"]:
                name = words[5]
            if verb == "create" and what in ("role", "group"):
                groups[name] = "login" not in words
            elif verb == "create" and what == "user":
                groups[name] = False
            elif verb == "alter" and what in ("role", "user") and ("login" in words or "nologin" in words):
                groups[name] = "nologin" in words
    return frozenset(name for name, is_group in groups.items() if is_group)


def _word_at(finding: RawFinding, paths: dict[str, Path], read: _Reader) -> str | None:
    path = paths.get(finding.location.path)
    if path is None:
        return None
    line, column = finding.location.start_line, finding.location.start_column or 1
    for stmt in read(path):
        for token in stmt:
            if token.kind != PUNCT and (token.line, token.column) >= (line, column):
                return token.text.lower()
    return None


class _Reader:
    """Statements of each file, read once per refinement run."""

    def __init__(self) -> None:
        self._seen: dict[Path, list[list[Token]]] = {}

    def __call__(self, path: Path) -> list[list[Token]]:
        if path not in self._seen:
            try:
                self._seen[path] = statements(tokens(path.read_text(encoding="utf-8", errors="replace")))
            except OSError:
                self._seen[path] = []
        return self._seen[path]
