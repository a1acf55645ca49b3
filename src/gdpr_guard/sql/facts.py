"""Facts of one parsed statement (sqlglot's tree): copies, exports, removals and stars that extract.

A copy is a statement that writes the rows of stored tables (or a remote server's, read through
`dblink()`) somewhere lasting, other than the table it reads (self-insert), link rows of keys and constants
and a versioned history table's seed (history.py): INSERT ... SELECT, CREATE TABLE ... AS, SELECT ...
INTO a table, COPY ... TO a file, Snowflake COPY INTO a stage, BigQuery EXPORT DATA (to a file).
Aggregates (GROUP BY, only aggregate columns), system catalogs and TEMP tables (session-long): no copies.
A removal is DROP TABLE, TRUNCATE or DELETE, including a DELETE ... RETURNING in a CTE (a move). A star
extracts when the rows it selects leave the statement (its result, a copy, an export), expanded through
the CTEs and subqueries it reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gdpr_guard.sql.history import versioned_history
from gdpr_guard.sql.remote import remote_tables
from gdpr_guard.sql_refinements import SYSTEM_PREFIXES, SYSTEM_SCHEMAS

GENERATORS = frozenset({"generate_series", "unnest", "values", "json_each", "jsonb_each", "json_array_elements",
                        "jsonb_array_elements", "json_to_recordset", "jsonb_to_recordset", "generate_subscripts"})
"""Row sources that produce values rather than read stored data."""
EXTERNAL = ("@", "s3://", "gs://", "gcs://", "azure://", "wasb://", "abfss://")
"""Where a Snowflake COPY INTO writes files (a stage or a bucket), not a table."""


@dataclass(frozen=True)
class Copy:
    """Rows of stored tables written to a table or a file."""

    target: str
    """The written table (its name, lower case) or file."""
    sources: tuple[str, ...]
    """Tables read (names, lower case), CTEs and subqueries resolved."""
    to_file: bool
    """An export to a file or bucket (GG-DEL-105) rather than a table (GG-DEL-101)."""
    line: int
    """Line of the statement (relative to its text)."""


@dataclass(frozen=True)
class Temporary:
    """A TEMP table created: gone at the end of the session, so rows written to it are no lasting copy, and
    while it exists its name shadows a stored table's (dropping it removes nothing stored)."""

    table: str
    line: int


@dataclass(frozen=True)
class Removal:
    """A table dropped, truncated or deleted from (rows moved out count)."""

    table: str
    line: int
    partial: bool = False
    """A `DELETE ... WHERE`: some rows go. In the copy's own file it is the second half of a move (copy the
    rows, delete them); in a later version it is housekeeping, not the copy's deletion."""
    schema: str = ""
    """The schema written before the table's name (lower case), empty when none."""


DEFAULT_SCHEMAS = frozenset({"", "public", "dbo", "main"})
"""Schemas an unqualified name resolves to by default: a removal in another file of `legacy.t` is not the
removal of an unqualified `t`."""


def schema_of(node: Any) -> str:
    """The schema qualifier of a Table/Schema node, lower case, empty when none."""
    from sqlglot import exp

    if isinstance(node, exp.Schema):
        node = node.this
    db = node.args.get("db") if isinstance(node, exp.Table) else None
    return str(db.name).lower() if db is not None else ""


@dataclass(frozen=True)
class Star:
    """A `*` (or `TABLE src`) whose every column leaves the statement."""

    line: int
    column: int | None


Fact = Copy | Removal | Star | Temporary


def name_of(node: Any) -> str:
    """The table name of a Table/Schema node, lower case, without schema or database."""
    from sqlglot import exp

    if isinstance(node, exp.Schema):
        node = node.this
    if isinstance(node, exp.Table):
        return str(node.name).lower()
    return ""


def is_system(table: Any) -> bool:
    schema = str(table.args.get("db").name if table.args.get("db") is not None else "").lower()
    name = str(table.name).lower()
    return schema in SYSTEM_SCHEMAS or name in SYSTEM_SCHEMAS or name.startswith(SYSTEM_PREFIXES)


def facts(tree: Any, line: int, column: int) -> list[Fact]:
    """Facts of one statement's tree; `line`/`column` place a star sqlglot gives no position."""
    from sqlglot import exp

    ctes = {str(c.alias_or_name).lower(): c.this for c in tree.find_all(exp.CTE)}
    out: list[Fact] = []
    out += _removals(tree, line)
    for body in ctes.values():
        if isinstance(body, exp.Delete):  # WITH moved AS (DELETE ... RETURNING *): the rows leave the table
            out.append(Removal(name_of(body.this), line))
    temporary = _temporary(tree)
    if temporary:
        out.append(Temporary(temporary, line))
    target, query, to_file = _copy(tree)
    kept = True
    if query is not None and not temporary:
        sources = _sources(query, ctes)
        kept = to_file or not versioned_history(target, sources, query.args.get("where") is None)  # a seed
        if sources and kept and not _aggregate(query) and (target or to_file) \
                and (to_file or not (_self_insert(tree, query) or _links_only(query))):
            out.append(Copy(target, tuple(sorted(sources)), to_file, line))
    for select in _leaving(tree) if kept else []:
        out += _stars(select, ctes, line, column, set())
    return out


def _temporary(tree: Any) -> str:
    """The table a statement creates as TEMP (CREATE TEMP TABLE, SELECT ... INTO TEMP, T-SQL #name), or ""."""
    from sqlglot import exp

    created: Any = None
    if isinstance(tree, exp.Create) and str(tree.args.get("kind") or "").upper() == "TABLE":
        properties = tree.args.get("properties")
        if properties is not None and any(isinstance(p, exp.TemporaryProperty) for p in properties.expressions):
            return name_of(tree.this)
        created = tree.this
    elif isinstance(tree, exp.Select) and isinstance(tree.args.get("into"), exp.Into):
        if tree.args["into"].args.get("temporary"):
            return name_of(tree.args["into"].this)
        created = tree.args["into"].this
    table = created.this if isinstance(created, exp.Schema) else created
    if isinstance(table, exp.Table) and isinstance(table.this, exp.Identifier) and table.this.args.get("temporary"):
        return name_of(table)  # T-SQL #name
    return ""


def _removals(tree: Any, line: int) -> list[Removal]:
    from sqlglot import exp

    if isinstance(tree, exp.Drop) and str(tree.args.get("kind") or "").upper() == "TABLE":
        return [Removal(name_of(t), line, schema=schema_of(t))
                for t in (tree.args.get("tables") or [tree.this]) if name_of(t)]
    if isinstance(tree, exp.TruncateTable):
        return [Removal(name_of(t), line, schema=schema_of(t)) for t in tree.expressions if name_of(t)]
    if isinstance(tree, exp.Delete) and name_of(tree.this):
        return [Removal(name_of(tree.this), line, partial=tree.args.get("where") is not None,
                        schema=schema_of(tree.this))]
    return []


def _copy(tree: Any) -> tuple[str, Any, bool]:
    """(target, query read, to a file) of a copy statement, or ("", None, False)."""
    from sqlglot import exp

    if isinstance(tree, exp.Insert) and isinstance(tree.expression, exp.Query):
        return name_of(tree.this), tree.expression, False
    if isinstance(tree, exp.Create) and str(tree.args.get("kind") or "").upper() == "TABLE" \
            and isinstance(tree.expression, exp.Query):
        return name_of(tree.this), tree.expression, False
    if isinstance(tree, exp.Select) and isinstance(tree.args.get("into"), exp.Into):
        query = tree.copy()
        query.set("into", None)  # the created table is written, not read
        return name_of(tree.args["into"].this), query, False
    if isinstance(tree, exp.Copy):
        files = tree.args.get("files") or []
        if not tree.args.get("kind"):  # COPY src TO 'file' (PostgreSQL)
            if files and isinstance(files[0], exp.Literal) and files[0].is_string:
                return str(files[0].this), tree.this, True
            return "", None, False  # TO STDOUT / PROGRAM: the client or a command receives the rows
        where = tree.this.sql() if isinstance(tree.this, exp.Table) else ""
        if where.strip("'\"").lower().startswith(EXTERNAL) and files:  # Snowflake COPY INTO @stage FROM ...
            return where, files[0], True
    if isinstance(tree, exp.Export):
        return "export", tree.this, True
    return "", None, False


def _sources(query: Any, ctes: dict[str, Any], seen: frozenset[str] = frozenset()) -> set[str]:
    """Stored tables a query copies rows from (not the tables a WHERE only filters on), CTE names resolved
    to what they read."""
    from sqlglot import exp

    if isinstance(query, (exp.Table, exp.Schema)):
        return {name_of(query)} if name_of(query) else set()
    out: set[str] = set()
    for table in query.find_all(exp.Table):
        if table.find_ancestor(exp.Where) is not None:
            continue  # `WHERE id IN (SELECT patient_id FROM visits)` picks rows; it copies none of visits
        if isinstance(table.this, exp.Anonymous) and str(table.this.this).lower() == "dblink":
            out |= remote_tables(table.this)
            continue
        name = str(table.name).lower()
        if not name or is_system(table) or name in GENERATORS:
            continue
        if name in ctes and name not in seen:
            body = ctes[name]
            out |= {name_of(body.this)} if isinstance(body, exp.Delete) else _sources(body, ctes, seen | {name})
        elif name not in ctes:
            out.add(name)
    return out


def _self_insert(tree: Any, query: Any) -> bool:
    """INSERT INTO t ... SELECT ... FROM t (same schema): rows derived inside the table they come from."""
    from sqlglot import exp

    if not isinstance(tree, exp.Insert) or not isinstance(query, exp.Select):
        return False
    target = (schema_of(tree.this), name_of(tree.this))
    # the rows come from the FROM/JOIN items; `WHERE id NOT IN (SELECT id FROM t)` only skips rows already there
    return any(isinstance(t, exp.Table) and (schema_of(t), name_of(t)) == target for t in _from_items(query))


def _links_only(query: Any) -> bool:
    """The outermost SELECT carries nothing but keys (`id`, `*_id`, `uuid`) and a constant or the keys of two
    joined tables: it writes new link rows (an association, a row for a record just created), not a copy."""
    from sqlglot import exp

    if not isinstance(query, exp.Select) or not query.expressions:
        return False
    constant = len({name_of(t) for t in _from_items(query) if isinstance(t, exp.Table)}) > 1
    for projection in query.expressions:
        if isinstance(projection, exp.Star) or projection.find(exp.Star) is not None:
            return False
        columns = list(projection.find_all(exp.Column))
        constant |= not columns
        for column in columns:
            name = str(column.name).lower()
            if not (name == "id" or name.endswith("_id") or name == "uuid"):
                return False
    return constant  # `SELECT id, patient_id FROM visits` copies the visits; constants, joins make new rows


def _aggregate(query: Any) -> bool:
    """The outermost SELECT groups or only aggregates: it writes figures, not the rows it reads."""
    from sqlglot import exp

    selects = [query] if isinstance(query, exp.Select) else \
        list(query.find_all(exp.Select)) if isinstance(query, exp.SetOperation) else []
    if not selects:
        return False
    for select in selects:
        if select.args.get("group"):
            continue
        columns = [e.unalias() if isinstance(e, exp.Alias) else e for e in select.expressions]
        if columns and all(isinstance(c, (exp.AggFunc, exp.Literal)) for c in columns):
            continue
        return False
    return True


def _leaving(tree: Any) -> list[Any]:
    """The SELECTs whose rows leave the statement (to the client, a table, a file)."""
    from sqlglot import exp

    if isinstance(tree, exp.Create):
        if str(tree.args.get("kind") or "").upper() != "TABLE":
            return []  # a view stores a query; it extracts nothing
        query = tree.expression
    elif isinstance(tree, exp.Insert):
        query = tree.expression
    elif isinstance(tree, exp.Copy):
        query = tree.this if not tree.args.get("kind") else (tree.args.get("files") or [None])[0]
    elif isinstance(tree, exp.Export):
        query = tree.this
    else:
        query = tree
    if isinstance(query, exp.Subquery):
        query = query.this
    if isinstance(query, exp.Select):
        return [query]
    if isinstance(query, exp.SetOperation):
        return [s for s in query.find_all(exp.Select) if s.parent is query or isinstance(s.parent, exp.SetOperation)]
    return []


def _stars(select: Any, ctes: dict[str, Any], line: int, column: int, seen: set[str]) -> list[Fact]:
    """Stars of `select` that extract, and of the CTEs and subqueries they expand."""
    from sqlglot import exp

    stars = [e for e in select.expressions if isinstance(e, exp.Star)
             or isinstance(e, exp.Column) and isinstance(e.this, exp.Star)]
    if not stars or _at_most_one_row(select):
        return []
    out: list[Fact] = []
    for star in stars:
        qualifier = str(star.table).lower() if isinstance(star, exp.Column) else ""
        inner: list[Fact] = []
        extracts = False
        for source in _from_items(select):
            alias = str(source.alias_or_name).lower()
            if qualifier and alias != qualifier:
                continue
            verdict, more = _source_extracts(source, ctes, line, column, seen)
            extracts |= verdict
            inner += more
        if extracts:
            where = star.this if isinstance(star, exp.Column) else star
            meta = where.meta or {}
            if "line" in meta:
                first = meta["line"] == 1  # columns of a statement's first line start at its own column
                out.append(Star(line + meta["line"] - 1, meta.get("col", 1) + (column - 1 if first else 0)))
            else:
                out.append(Star(line, column))
            out += inner
    return out


def _from_items(select: Any) -> list[Any]:
    from sqlglot import exp

    items = []
    if isinstance(select.args.get("from_"), exp.From):
        items.append(select.args["from_"].this)
    items += [j.this for j in select.args.get("joins") or []]
    return items


def _source_extracts(source: Any, ctes: dict[str, Any], line: int, column: int,
                     seen: set[str]) -> tuple[bool, list[Fact]]:
    """Does `*` over `source` extract stored rows? With the stars it expands in turn."""
    from sqlglot import exp

    if isinstance(source, exp.Subquery):
        body = source.this
        return _query_extracts(body, ctes, line, column, seen)
    if isinstance(source, exp.Table):
        name = str(source.name).lower()
        if not isinstance(source.this, exp.Identifier) or is_system(source) or name in GENERATORS:
            return False, []  # a function's result, a catalog, generated rows
        if name in ctes and name not in seen:
            body = ctes[name]
            if not isinstance(body, exp.Query):
                return False, []  # DELETE ... RETURNING: rows moved, not extracted
            return _query_extracts(body, ctes, line, column, seen | {name})
        return True, []
    return False, []  # VALUES, UNNEST, table functions


def _query_extracts(body: Any, ctes: dict[str, Any], line: int, column: int,
                    seen: set[str]) -> tuple[bool, list[Fact]]:
    from sqlglot import exp

    if isinstance(body, exp.Select):
        inner = _stars(body, ctes, line, column, seen)
        return bool(inner), inner  # a subquery that lists its columns hands on only those
    if isinstance(body, exp.SetOperation):
        found = [f for s in body.find_all(exp.Select) for f in _stars(s, ctes, line, column, seen)]
        return bool(found), found
    return False, []


def _at_most_one_row(select: Any) -> bool:
    """LIMIT 0/1, TOP 1, WHERE false / 1 = 0: column discovery, not extraction."""
    from sqlglot import exp

    limit = select.args.get("limit")
    if limit is not None:
        value = limit.expression if isinstance(limit, exp.Limit) else limit.this
        if isinstance(value, exp.Literal) and value.this in ("0", "1"):
            return True
    where = select.args.get("where")
    if where is not None:
        cond = where.this
        if isinstance(cond, exp.Boolean) and not cond.this:
            return True
        if isinstance(cond, exp.EQ) and isinstance(cond.this, exp.Literal) \
                and isinstance(cond.expression, exp.Literal) and cond.this.this != cond.expression.this:
            return True
    return False
