"""Account statements, read with the lexer (sqlglot keeps them as opaque commands in every dialect).

CREATE/ALTER USER|ROLE|LOGIN, GRANT ... TO: the accounts named and whether they can log in (a role
created NOLOGIN, or without LOGIN, is a group); passwords written as literals (PASSWORD '...',
IDENTIFIED BY ..., SET PASSWORD, OPTIONS (password '...'), 'password=...' in a connection string).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdpr_guard.sqltext import PUNCT, STRING, WORD, Token

NOT_SECRET = re.compile(r"(?i)^(\$\{[^}]*\}|:\w+|:'\w+'|md5[0-9a-f]{32}|SCRAM-SHA-256\$.*|\*[0-9A-F]{40}|<[^>]*>"
                        r"|changeme|x+|\*+|%s|\?|null)$")
"""Flyway/Liquibase placeholders, psql and driver variables, pre-hashed values: not clear-text secrets."""
CONNINFO = re.compile(r"(?i)\bpassword\s*=\s*([^\s'$]+)")


@dataclass(frozen=True)
class Secret:
    """A password written as a literal."""

    value: str
    line: int
    column: int


@dataclass(frozen=True)
class Account:
    """An account named by a statement: created (CREATE USER/ROLE/LOGIN) or granted rights (GRANT ... TO)."""

    name: str
    line: int
    column: int
    created: bool
    login: bool | None
    """Can it log in: True (USER, LOGIN, ROLE ... LOGIN), False (NOLOGIN, a ROLE or GROUP without LOGIN),
    None for a grantee (decided by how the set creates it)."""
    tables: tuple[str, ...] = ()
    """For a grantee: the tables the privileges are on (not schemas, sequences, functions, databases)."""


def read(stmt: tuple[Token, ...]) -> tuple[list[Account], list[Secret]]:
    """Accounts and literal passwords of one statement."""
    words = [t.text for t in stmt if t.kind == WORD]
    accounts: list[Account] = []
    if words[:1] == ["grant"]:
        accounts = _grantees(stmt)
    elif len(words) > 2 and words[0] in ("create", "alter") and words[1] in ("user", "role", "login", "group"):
        accounts = _created(stmt, words)
    return accounts, _secrets(stmt, words)


def _grantees(stmt: tuple[Token, ...]) -> list[Account]:
    at = next((i for i, t in enumerate(stmt) if t.kind == WORD and t.text == "to" and t.depth == 0), None)
    if at is None:
        return []
    tables = _tables(stmt[:at])
    out = []
    expect = True
    for token in stmt[at + 1:]:
        if token.kind == WORD and token.text in ("with", "granted", "as"):
            break  # WITH GRANT OPTION, GRANTED BY, AS grantor
        if token.kind == PUNCT and token.text == ",":
            expect = True
        elif expect and token.kind in (WORD, STRING) and token.text.lower() not in ("user", "role", "group"):
            out.append(Account(token.text.lower(), token.line, token.column + (token.kind == STRING), False, None,
                               tables))
            expect = False
    return out


def _tables(head: tuple[Token, ...]) -> tuple[str, ...]:
    """Tables named after ON in `GRANT privileges ON [TABLE] a, b` (nothing for schemas, functions, ...)."""
    on = next((i for i, t in enumerate(head) if t.kind == WORD and t.text == "on"), None)
    if on is None:
        return ()
    rest = [t for t in head[on + 1:] if t.kind != PUNCT or t.text in (",", ".")]
    if rest and rest[0].kind == WORD and rest[0].text in ("all", "schema", "database", "function", "sequence",
                                                          "procedure", "routine", "type", "domain", "language",
                                                          "foreign", "tablespace", "large"):
        return ()
    if rest and rest[0].kind == WORD and rest[0].text == "table":
        rest = rest[1:]
    names: list[str] = []
    for i, token in enumerate(rest):
        if token.kind == WORD and (i + 1 == len(rest) or rest[i + 1].text != "."):
            names.append(token.text)
    return tuple(names)


def _created(stmt: tuple[Token, ...], words: list[str]) -> list[Account]:
    kind = words[1]
    names = [t for t in stmt if t.kind in (WORD, STRING)]
    index = 2 + (3 if [t.text for t in names[2:5]] == ["if", "not", "exists"] else 0)
    if index >= len(names):
        return []
    token = names[index]
    rest = set(words[index + 1:])
    if kind == "group" or "nologin" in rest:
        login: bool | None = False
    elif kind in ("user", "login") or "login" in rest:
        login = True
    else:
        login = False if words[0] == "create" else None  # CREATE ROLE without LOGIN is a group
    return [Account(token.text.lower(), token.line, token.column + (token.kind == STRING), words[0] == "create",
                    login)]


def _secrets(stmt: tuple[Token, ...], words: list[str]) -> list[Secret]:
    out = []
    account = len(words) > 1 and words[0] in ("create", "alter") and words[1] in ("user", "role", "login")
    for i, token in enumerate(stmt):
        nxt = _value_after(stmt, i)
        if nxt is None and token.text == "password" and i + 1 < len(stmt) and stmt[i + 1].text == "for":
            # MySQL: SET PASSWORD FOR 'user'@'host' = 'secret': the value follows the account's `=`
            eq = next((j for j in range(i + 2, len(stmt)) if stmt[j].text == "="), None)
            nxt = _value_after(stmt, eq) if eq is not None else None
        if token.kind == WORD and token.text == "password" and nxt is not None and (
                account or _before(stmt, i, "options") or _before(stmt, i, "set")):
            out.append(nxt)
        elif token.kind == WORD and token.text == "by" and i and stmt[i - 1].text == "identified" or \
                token.kind == WORD and token.text == "by" and _identified_with(stmt, i):
            value = _value_after(stmt, i, bare=True)
            if value is not None:
                out.append(value)
        elif token.kind == STRING:
            match = CONNINFO.search(token.text)
            if match and "\n" not in token.text[:match.start()]:
                out.append(Secret(match.group(1), token.line, token.column + 1 + match.start(1)))
    return [s for s in out if s.value and not NOT_SECRET.match(s.value)]


def _value_after(stmt: tuple[Token, ...], i: int, bare: bool = False) -> Secret | None:
    j = i + 1
    while j < len(stmt) and (stmt[j].text in ("=", "(") or stmt[j].kind == WORD and stmt[j].text == "password"
                             or stmt[j].kind == WORD and stmt[j].text == "n"):
        j += 1
    if j >= len(stmt):
        return None
    token = stmt[j]
    if token.kind == STRING and "\n" not in token.text:
        return Secret(token.text, token.line, token.column + 1)
    if bare and token.kind == WORD and token.text not in ("values", "password"):
        return Secret(token.text, token.line, token.column)  # Oracle: IDENTIFIED BY Secret2021 (lower-cased)
    return None


def _before(stmt: tuple[Token, ...], i: int, word: str) -> bool:
    return any(t.kind == WORD and t.text == word for t in stmt[:i])


def _identified_with(stmt: tuple[Token, ...], i: int) -> bool:
    texts = [t.text for t in stmt[max(i - 3, 0):i]]
    return len(texts) == 3 and texts[0] == "identified" and texts[1] == "with"
