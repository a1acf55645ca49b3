"""SQL text -> statements with their place in the file, each read by sqlglot when it can be.

Statements are split with the lexer of `sqltext.py` (comments, strings and dollar-quoted bodies are
never split), then each statement that may carry a fact is parsed on its own, so one statement sqlglot
cannot read costs only itself, and positions stay exact.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from gdpr_guard.sqltext import PUNCT, STRING, WORD, Token, tokens

DIALECTS = ("postgres", "mysql", "tsql", "snowflake", "bigquery")
"""Tried in this order until one gives a typed tree (a backtick puts MySQL first, a bracket T-SQL)."""
VERBS = frozenset({"insert", "replace", "copy", "unload", "drop", "truncate", "delete", "export", "with", "select"})
"""First words of statements that may copy, export or remove rows, or select them.

Other statements (DDL, account statements read by `accounts.py`'s lexer) carry no fact of this kind
unless they contain a SELECT: they are not parsed at all (speed)."""


@dataclass(frozen=True)
class Statement:
    """One SQL statement of a text."""

    text: str
    """The statement's own text (no terminating `;`)."""
    tokens: tuple[Token, ...]
    """Its tokens, positions relative to the whole text the statement came from."""
    line: int
    """1-based line of its first token in that text."""
    column: int
    """1-based column of its first token."""
    end_line: int
    """Line of its last token."""
    tree: Any = None
    """sqlglot's tree, or None when no dialect could read it (or it carries no fact)."""
    dialect: str = ""
    """The dialect that read it."""

    @property
    def relevant(self) -> bool:
        """May it carry a copy, an export, a removal or a star?"""
        first = self.tokens[0]
        words = [t.text for t in self.tokens if t.kind == WORD]
        if words[:1] in (["grant"], ["revoke"]):
            return False  # GRANT SELECT ON ...: an account statement (accounts.py)
        if words[:1] == ["create"] and {"temp", "temporary"} & set(words[1:4]):
            return True  # a TEMP table: its name shadows a stored table's until the session ends
        return (first.kind == WORD and first.text in VERBS) or "select" in words \
            or any(a == "as" and b == "table" for a, b in zip(words, words[1:], strict=False))  # CTAS ... AS TABLE y


def split(text: str, meta: bool = True) -> list[Statement]:
    """Statements of `text`, parsed where they may carry a fact.

    With `meta`, a line starting with a backslash is a psql meta-command ending with its line (`\\copy` is
    read as COPY); SQL a script hands to psql leaves its meta-commands to the script's own rules."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def offset(token: Token) -> int:
        return starts[token.line - 1] + token.column - 1

    out: list[Statement] = []
    current: list[Token] = []

    def close(end: int) -> None:
        if current:
            last = current[-1]
            end_line = last.line + (last.text.count("\n") if last.kind == STRING else 0)
            out.append(_parsed(Statement(text[offset(current[0]):end].rstrip(), tuple(current), current[0].line,
                                         current[0].column, end_line)))
        current.clear()

    in_meta = 0  # line of the psql meta-command being read (`\copy ... to 'file'`), 0 outside one
    for token in tokens(text):
        if in_meta and token.line != in_meta:  # a meta-command ends with its line, not with `;`
            close(starts[in_meta] - 1 if in_meta < len(starts) else len(text))
            in_meta = 0
        if meta and token.kind == PUNCT and token.text == "\\" and token.depth == 0 \
                and not text[starts[token.line - 1]:offset(token)].strip():
            close(offset(token))
            in_meta = token.line  # its text starts after the backslash: `\copy` reads as COPY
        elif token.kind == PUNCT and token.text == ";" and token.depth == 0:
            close(offset(token))
        else:
            current.append(token)
    close(starts[in_meta] - 1 if in_meta and in_meta < len(starts) else len(text))
    return out


def line_of(text: str, index: int) -> int:
    """1-based line of a character offset."""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return bisect_right(starts, index)


def _parsed(statement: Statement) -> Statement:
    if not statement.relevant:
        return statement
    tree, dialect = parse(statement.text)
    if tree is None:
        return statement
    return Statement(statement.text, statement.tokens, statement.line, statement.column, statement.end_line,
                     tree, dialect)


def parse(text: str) -> tuple[Any, str]:
    """sqlglot's tree of one statement and the dialect that read it, or (None, "")."""
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import SqlglotError

    logging.getLogger("sqlglot").setLevel(logging.CRITICAL)  # its "falling back to Command" warnings
    order = list(DIALECTS)
    if "`" in text:
        order.remove("mysql")
        order.insert(0, "mysql")
    elif "[" in text:
        order.remove("tsql")
        order.insert(0, "tsql")
    for dialect in order:
        try:
            trees = sqlglot.parse(text, read=dialect)
        except (SqlglotError, ValueError, RecursionError, KeyError, TypeError, AttributeError, IndexError):
            continue
        if len(trees) == 1 and trees[0] is not None and not isinstance(trees[0], exp.Command):
            return trees[0], dialect
    return None, ""
