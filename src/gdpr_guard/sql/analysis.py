"""The SQL rules on facts, per migration set: which copies are never deleted, which stars extract, which
accounts are shared, which passwords are written down.

A migration set (`sets.py`) is one file, the Flyway versions or Alembic revisions of one directory, or
the files of one Liquibase changelog, in the order they run: a copy in V12 whose source or target is
dropped, truncated or deleted from in V12 (after it) or a later version is deleted. The reverse path
(Alembic downgrade(), Django reverse_sql, Flyway `U<version>__` undo files, Liquibase rollbacks) is a set
of its own: a drop that only runs on rollback deletes nothing on the way forward.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.sql import accounts, dbt, fallback, liquibase, sets
from gdpr_guard.sql.facts import DEFAULT_SCHEMAS, Copy, Fact, Removal, Star, Temporary, facts
from gdpr_guard.sql.sets import Member
from gdpr_guard.sql.sources import SqlText, from_python, from_shell, without_templates
from gdpr_guard.sql.statements import Statement, split
from gdpr_guard.sqltext import STRING
from gdpr_guard.targets import Kind, Role, Target

ENGINE = "sql"
SHARED_NAME = re.compile(r"(?i)^(?:\w+_)?(?:shared|team|common)(?:_\w+)?$")
"""Account names built on shared/team/common are shared by construction."""


@dataclass(frozen=True)
class Placed:
    """A fact where it sits: file, file line/column, its order in the set, its statement."""

    fact: Fact | accounts.Account | accounts.Secret
    path: str
    line: int
    column: int | None
    order: tuple[int, ...]
    reverse: bool
    statement: Statement
    base: int
    """File line of the statement text's first line."""
    origin: str
    """Where the SQL was written: `sql`, `python`, `shell`."""


@dataclass
class Result:
    """Findings, and the statements no dialect could read (path, line)."""

    findings: list[RawFinding] = field(default_factory=list)
    unread: list[tuple[str, int]] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    """Changelogs among the targets that could not be read (path, cause): scan errors."""


def analyse(targets: Sequence[Target], root: Path, rule_ids: Iterable[str],
            generic_accounts: Iterable[str], personal: Callable[[str], bool] = lambda name: False) -> Result:
    """Run the SQL rules named in `rule_ids` over the targets (and the Flyway files beside them).

    `personal(table)`: does a table's name say it holds personal data (GRANT ... TO PUBLIC on it)?
    """
    wanted = set(rule_ids)
    generic = {a.lower() for a in generic_accounts}
    result = Result()
    asked = {t.rel for t in targets}
    placed_by_set: dict[str, list[Placed]] = {}
    models: dict[str, dbt.External] = {}
    for member, texts in _files(targets, root, result, asked, models):
        rel = member.rel
        if rel in models:
            placed_by_set.setdefault(member.key, []).append(_external(rel, models[rel]))
        for index, text in enumerate(texts):
            key = member.key + (" (reverse)" if text.reverse else "")
            # `alembic downgrade` runs the revisions' downgrade() from the newest back
            rank = tuple(-r for r in member.rank) if text.reverse and member.key.endswith("/<alembic>") \
                else member.rank
            for placed in _placed(rel, rank, index, text, result.unread if rel in asked else None):
                placed_by_set.setdefault(key, []).append(placed)
    groups = _group_roles(placed_by_set)
    for key in sorted(placed_by_set):
        items = placed_by_set[key]
        directory = str(PurePosixPath(items[0].path).parent)
        for finding in _judge(items, groups.get(directory, frozenset()), generic, root, personal):
            if finding.rule_id in wanted and finding.location.path in asked:
                result.findings.append(finding)
    _READ.clear()  # read once per analysis, never across scans (a warm process sees edited files)
    # a dbt model written to files is an export job: its stars extract (MIN rules apply, not dbt's role filter)
    result.findings = [replace(f, role=Role.ETL.value) if f.location.path in models else f for f in result.findings]
    result.findings.sort(key=lambda f: (f.location.path, f.location.start_line, f.location.end_line,
                                        f.location.start_column or 0, f.rule_id))
    result.unread.sort()
    return result


def _files(targets: Sequence[Target], root: Path, result: Result, asked: set[str],
           models: dict[str, dbt.External]) -> list[tuple[Member, list[SqlText]]]:
    """Each member of the targets' migration sets with its SQL texts, in path order (and, in `models`, the
    dbt models materialised to an external location)."""
    built = sets.build(list(targets), root)
    projects: dict[Path, object] = {}
    result.unreadable += sorted((rel, why) for rel, why in built.unreadable.items() if rel in asked)
    out = []
    for rel in sorted(built.members):
        member = built.members[rel]
        texts: list[SqlText] = []
        if member.kind is Kind.CHANGELOG:  # read (or found unreadable) while the sets were built
            texts = [i for i in built.items.get(rel, []) if isinstance(i, SqlText)]
            out.append((member, [replace(t, reverse=True) for t in texts] if member.reverse else texts))
            continue
        try:
            source = member.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # the scan reports unreadable targets itself
        if member.kind is Kind.SQL:
            if not member.plain_sql and liquibase.is_formatted(source):
                texts = [i for i in liquibase.formatted(source) if isinstance(i, SqlText)]
            else:
                texts = [SqlText(without_templates(source), 1, False, "sql")]
                model = dbt.external(source, dbt.model_project(member.path, root, projects))
                if model is not None:
                    models[rel] = model
        elif member.kind is Kind.PYTHON:
            texts = from_python(source)
            model = dbt.python_external(source, dbt.model_project(member.path, root, projects)) \
                if "dbt" in source else None
            if model is not None:
                models[rel] = model
        else:
            texts = from_shell(source)
        if member.reverse:
            texts = [replace(t, reverse=True) for t in texts]
        out.append((member, texts))
    return out


def _external(rel: str, model: dbt.External) -> Placed:
    """A dbt model written to an external location: a copy to files, placed at its config() call."""
    lines = model.text.count("\n")
    statement = Statement(model.text, (), 1, 1, 1 + lines)
    copy = Copy(model.location, model.sources or ("model",), True, 1)
    return Placed(copy, rel, model.line, 1, (0,), False, statement, model.line, "sql")


def _placed(rel: str, rank: tuple[int, ...], index: int, text: SqlText,
            unread: list[tuple[str, int]] | None) -> list[Placed]:
    out: list[Placed] = []
    embedded = text.origin != "sql"
    base = text.line
    for statement in split(text.text, meta=text.origin == "sql"):
        order = rank + (index, statement.line)

        def place(fact: Fact | accounts.Account | accounts.Secret, line: int, column: int | None,
                  stmt: Statement = statement, order: tuple[int, ...] = order) -> None:
            out.append(Placed(fact, rel, base + line - 1, None if embedded else column, order, text.reverse, stmt,
                              base, text.origin))

        found_accounts, secrets = accounts.read(statement.tokens)
        for account in found_accounts:
            place(account, account.line, account.column)
        for secret in secrets:
            place(secret, secret.line, secret.column)
        if statement.tree is not None:
            for fact in facts(statement.tree, statement.line, statement.column):
                place(fact, fact.line, fact.column if isinstance(fact, Star) else statement.column)
        elif statement.relevant:
            if unread is not None:
                unread.append((rel, base + statement.line - 1))
            client = statement.tokens[0].text == "\\"
            for fact in fallback.facts(statement.tokens, statement.line):
                if client and embedded and isinstance(fact, Copy):
                    continue  # psql's \copy writes where the script runs: the script's own rules judge its cleanup
                place(fact, fact.line, fact.column if isinstance(fact, Star) else statement.column)
        for body in (t for t in statement.tokens if t.kind == STRING and ";" in t.text and "\n" in t.text):
            # a procedure body ($$ ... $$): its queries extract too; copies inside are PL/pgSQL, not migrations
            for inner in split(body.text):
                stars = facts(inner.tree, inner.line, inner.column) if inner.tree is not None \
                    else fallback.stars(list(inner.tokens))
                for star in (f for f in stars if isinstance(f, Star)):
                    line = body.line + star.line - 1
                    place(star, line, star.column)
    return out


def _group_roles(sets: dict[str, list[Placed]]) -> dict[str, frozenset[str]]:
    """Per directory: accounts created (or altered) as roles that cannot log in."""
    state: dict[str, dict[str, bool]] = {}
    for items in sets.values():
        for item in sorted(items, key=lambda p: p.order):
            fact = item.fact
            if isinstance(fact, accounts.Account) and fact.login is not None and not item.reverse:
                state.setdefault(str(PurePosixPath(item.path).parent), {})[fact.name] = not fact.login
    return {d: frozenset(n for n, group in names.items() if group) for d, names in state.items()}


def _judge(items: list[Placed], groups: frozenset[str], generic: set[str], root: Path,
           personal: Callable[[str], bool]) -> list[RawFinding]:
    out: list[RawFinding] = []
    temps = [(i.path, i.fact.table, i.order) for i in items if isinstance(i.fact, Temporary)]

    def shadowed(item: Placed, table: str) -> bool:
        """`table` names a TEMP table of the item's own file (session) at that point."""
        return any(path == item.path and name == table and order <= item.order for path, name, order in temps)

    removals = [i for i in items if isinstance(i.fact, Removal)]

    def same_table(removal: Placed, copy: Placed) -> bool:
        """A drop of a TEMP table removes that TEMP table only: the copy must name it too (be in its session)."""
        assert isinstance(removal.fact, Removal)
        return not shadowed(removal, removal.fact.table) or shadowed(copy, removal.fact.table)

    for item in items:
        fact = item.fact
        if isinstance(fact, Copy):
            if shadowed(item, fact.target) or any(_removes(removal, item, fact) and same_table(removal, item)
                                                  for removal in removals):
                continue
            rule = "GG-DEL-105" if fact.to_file else "GG-DEL-101"
            out.append(_finding(rule, item, root, statement_wide=True))
        elif isinstance(fact, Star) and item.origin == "sql":
            # a star in Python or shell is GG-MIN-101 / GG-MIN-103, which read the query where it is used
            out.append(_finding("GG-MIN-105", item, root))
        elif isinstance(fact, accounts.Account) and fact.name == "public":
            # every role, present and future, can read it: the most shared account there is
            if any(personal(table) for table in fact.tables):
                out.append(_finding("GG-CRED-110", item, root, length=len(fact.name)))
        elif isinstance(fact, accounts.Account):
            shared = fact.name in generic or bool(SHARED_NAME.match(fact.name))
            if shared and (fact.login is True or fact.login is None and not fact.created and fact.name not in groups):
                out.append(_finding("GG-CRED-110", item, root, length=len(fact.name)))
        elif isinstance(fact, accounts.Secret):
            out.append(_secret(item, fact, root))
    return out


def _removes(removal: Placed, item: Placed, copy: Copy) -> bool:
    """`removal` deletes `copy` (its source or its target) after it. In the copy's own file any removal of
    either table counts (a copy then a `DELETE ... WHERE` of the same rows is a move); from a later version
    only a whole table dropped, truncated or emptied, named in the schema the copy's name resolves to."""
    fact = removal.fact
    assert isinstance(fact, Removal)
    if removal.order < item.order or fact.table not in {copy.target, *copy.sources}:
        return False
    return removal.path == item.path or not fact.partial and fact.schema in DEFAULT_SCHEMAS


def _finding(rule: str, item: Placed, root: Path, statement_wide: bool = False, length: int = 0) -> RawFinding:
    statement = item.statement
    end = item.base + statement.end_line - 1 if statement_wide else item.line
    start = item.base + statement.line - 1 if statement_wide else item.line
    column = item.column if not statement_wide else (statement.column if item.column is not None else None)
    location = Location(item.path, start, max(end, start), column,
                        column + length if column is not None and length else None)
    snippet = _lines(root, item.path, start, max(end, start))
    return RawFinding(rule_id=rule, location=location, engine=ENGINE, snippet=snippet,
                      context=statement.text, detail=_detail(item))


def _secret(item: Placed, fact: accounts.Secret, root: Path) -> RawFinding:
    snippet = _lines(root, item.path, item.line, item.line)
    value = fact.value
    lowered = snippet.lower().find(value.lower())
    if lowered >= 0:
        value = snippet[lowered:lowered + len(value)]  # the lexer lower-cases bare words; mask what is written
    column = item.column
    location = Location(item.path, item.line, item.line, column, column + len(value) if column else None)
    return RawFinding(rule_id="GG-CRED-109", location=location, engine=ENGINE, snippet=snippet, secrets=(value,),
                      context=item.statement.text)


def _detail(item: Placed) -> str:
    return "(SQL on the reverse path: rollback only.)" if item.reverse else ""


_READ: dict[Path, list[str]] = {}


def _lines(root: Path, rel: str, start: int, end: int) -> str:
    path = root / rel
    if path not in _READ:
        try:
            _READ[path] = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            _READ[path] = []
    lines = _READ[path]
    return "\n".join(lines[start - 1:min(end, start + 9)]).strip()
