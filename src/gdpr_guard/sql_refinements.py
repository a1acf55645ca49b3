"""Token-level judgement of a `SELECT *` (a view, an EXISTS test, a star over a subquery or CTE that lists
its columns, generated rows extract nothing): the GG-MIN-101 refinement of Python queries, and the
fallback of the SQL engine for statements sqlglot cannot read (`sql/fallback.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from gdpr_guard.finding import RawFinding
from gdpr_guard.sqltext import PUNCT, WORD, Token, statements, tokens
from gdpr_guard.targets import Target

SYSTEM_SCHEMAS = frozenset({"information_schema", "pg_catalog", "sys", "mysql", "performance_schema",
                            "sqlite_master", "sqlite_schema"})
SYSTEM_PREFIXES = ("pg_", "stl_", "stv_", "svl_", "svv_", "sys_", "all_", "dba_", "user_tab")
"""System catalogs: their rows describe the database, not people."""
GENERATORS = frozenset({"generate_series", "unnest", "values", "json_each", "jsonb_each", "json_array_elements",
                        "jsonb_array_elements", "json_to_recordset", "jsonb_to_recordset", "generate_subscripts"})
"""Row sources that produce values rather than read stored data."""




def python_star_extracts(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-MIN-101: the query string at the finding, read as SQL: kept unless every star in it is harmless."""
    from gdpr_guard.presence_tests import presence_only
    from gdpr_guard.python_trees import parsed

    tree_of = parsed(targets)
    kept = []
    for finding in findings:
        tree = tree_of(finding.location.path)
        texts = _strings_at(tree, finding.location.start_line) if tree is not None else _literals(finding.snippet)
        verdicts = [_stars_extract(text) for text in texts]
        if (all(v is None for v in verdicts) or any(verdicts)) \
                and not (tree is not None and presence_only(tree, finding.location.start_line)):
            kept.append(finding)  # a star that extracts (rows whose columns are used), or none found to judge
    return kept


def _stars_extract(text: str) -> bool | None:
    """Does a star of this query text extract (None: the text has none)? Token by token first (prose that
    mentions SQL, a view, an EXISTS test, ...); then a statement sqlglot reads is judged on the SQL engine's
    own facts (sql/facts.py), so Python and `.sql` files agree: a versioned history table's seed
    (`INSERT INTO services_history SELECT * FROM services`) extracts nothing in either."""
    from gdpr_guard.sql.facts import Star, facts
    from gdpr_guard.sql.statements import split

    # backticks: MySQL identifier quotes, or Markdown code in a help text; either way not a boundary
    stars = [(stmt, i) for stmt in statements(tokens(text.replace("`", " "))) for i, t in enumerate(stmt)
             if t.text == "*" and t.kind == PUNCT and i and stmt[i - 1].text in ("select", "distinct", ".", ",")]
    if not stars:
        return None
    if all(why_harmless(stmt, i, prose=True) is not None for stmt, i in stars):
        return False
    read = [s for s in split(text, meta=False) if any(t.text == "*" and t.kind == PUNCT for t in s.tokens)]
    return not read or any(not _readable(s.tree) or any(isinstance(f, Star) for f in facts(s.tree, s.line, s.column))
                           for s in read)


def _readable(tree: object) -> bool:
    """A tree whose tables all have names: a driver placeholder in a table's place (`SELECT * FROM %s`,
    filled with a table name at run time) reads as a bound value to sqlglot, not as a stored table."""
    from sqlglot import exp

    return isinstance(tree, exp.Expression) and not any(isinstance(p.parent, exp.Table)
                                                        for p in tree.find_all(exp.Placeholder))


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






SQL_VERBS = frozenset({"select", "with", "insert", "create", "copy", "update", "delete", "merge", "unload",
                       "replace", "upsert", "explain", "values", "table", "declare", "begin", "do", "set", "alter",
                       "drop", "grant", "execute", "exec", "call", "return", "returns", "as", "then", "else",
                       "union", "intersect", "except", "into", "from", "where", "and", "or", "on", "loop", "if",
                       "for", "perform", "open", "cursor", "is", "query", "sql"})
"""Words a statement (or a fragment of a procedure body) may start with; anything else is prose."""


def why_harmless(stmt: list[Token], star: int, prose: bool = False) -> str | None:
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






