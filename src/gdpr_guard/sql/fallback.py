"""The simpler checks, on tokens, for a statement no sqlglot dialect could read.

Such a statement is listed (never skipped silently) and read here as words at parenthesis depth 0:
INSERT ... SELECT/TABLE, CREATE TABLE ... AS (a TEMP one is no copy), SELECT ... INTO a table or
OUTFILE/DUMPFILE, COPY ... TO 'file', Redshift UNLOAD (whose quoted query is parsed in turn),
DROP/TRUNCATE/DELETE; stars judged by the token rules of `sql_refinements.py` (a procedure body is split
into its own statements first).
"""

from __future__ import annotations

from gdpr_guard.sql.facts import Copy, Fact, Removal, Star, Temporary
from gdpr_guard.sqltext import PUNCT, STRING, WORD, Token


def facts(tokens: tuple[Token, ...], line: int) -> list[Fact]:
    """Facts of an unread statement's tokens (positions as the tokens carry them)."""
    out: list[Fact] = list(_removals(tokens, line))
    copy = _copy(tokens, line)
    if copy is not None:
        out.append(copy)
    out += stars(list(tokens))
    return out


def stars(stmt: list[Token]) -> list[Fact]:
    from gdpr_guard.sql_refinements import why_harmless

    return [Star(t.line, t.column) for i, t in enumerate(stmt)
            if t.kind == PUNCT and t.text == "*" and i and stmt[i - 1].text in ("select", "distinct", ".", ",")
            and why_harmless(stmt, i) is None]


def _top(tokens: tuple[Token, ...] | list[Token], depth_zero: bool = True) -> list[Token]:
    """Words and strings (at depth 0), a dotted name `db.schema.table` kept as its last part."""
    out: list[Token] = []
    dotted = False
    for token in tokens:
        if depth_zero and token.depth != 0:
            continue
        if token.kind == PUNCT and token.text == ".":
            dotted = bool(out)
            continue
        if token.kind in (WORD, STRING):
            if dotted and token.kind == WORD:
                out[-1] = token  # the part after the dot names the table
            else:
                out.append(token)
        dotted = False
    return out


def _name_after(tokens: list[Token], index: int) -> str:
    """The table name starting at `index` (the last part of a dotted name), or ""."""
    skip = {"table", "only", "if", "not", "exists", "temp", "temporary", "unlogged", "lateral"}
    i = index
    while i < len(tokens) and tokens[i].kind == WORD and tokens[i].text in skip:
        i += 1
    if i >= len(tokens) or tokens[i].kind != WORD:
        return ""
    return tokens[i].text


def _copy(tokens: tuple[Token, ...], line: int) -> Copy | Temporary | None:
    words = _top(tokens)
    texts = [t.text if t.kind == WORD else "'" for t in words]
    if not texts:
        return None
    every = [t for t in _top(tokens, depth_zero=False) if t.kind == WORD]
    source = next((_name_after(every, i + 1) for i, t in enumerate(every) if t.text == "from"), "")
    if texts[0] == "unload" and any(t.kind == STRING for t in tokens):
        return _unload(tokens, line)
    if "outfile" in texts or "dumpfile" in texts:
        target = next((words[i + 1].text for i, t in enumerate(texts[:-1]) if t in ("outfile", "dumpfile")), "file")
        return Copy(target, (source,), True, line) if source else None
    if texts[0] == "copy" and "to" in texts:
        at = texts.index("to")
        if at + 1 < len(words) and words[at + 1].kind == STRING:
            src = _name_after(words, 1) or source
            return Copy(words[at + 1].text, (src,), True, line) if src else None
        return None
    if texts[0] in ("insert", "replace") and "into" in texts and ("select" in texts or "table" in texts[2:]):
        target = _name_after(words, texts.index("into") + 1)
        src = source or (_name_after(words, texts.index("table", 3) + 1) if "table" in texts[3:] else "")
        return Copy(target, (src,), False, line) if target and src else None
    if texts[0] == "create" and {"temp", "temporary"} & set(texts[1:texts.index("table") if "table" in texts else 1]):
        target = _name_after(words, texts.index("table") + 1)
        return Temporary(target, line) if target else None
    if texts[0] == "create" and "table" in texts and "as" in texts and "group" not in texts:
        target = _name_after(words, texts.index("table") + 1)
        after = texts.index("as") + 1
        src = source or (_name_after(words, after + 1) if after < len(texts) and texts[after] == "table" else "")
        return Copy(target, (src,), False, line) if target and src else None
    return None


def _unload(tokens: tuple[Token, ...], line: int) -> Copy | None:
    from gdpr_guard.sql.statements import parse

    query = next(t for t in tokens if t.kind == STRING)
    target = next((t.text for t in tokens if t.kind == STRING and t is not query), "unload")
    tree, _ = parse(query.text.replace("''", "'"))
    if tree is None:
        return None
    from sqlglot import exp

    sources = sorted({str(t.name).lower() for t in tree.find_all(exp.Table) if t.name})
    return Copy(target, tuple(sources), True, line) if sources else None


def _removals(tokens: tuple[Token, ...], line: int) -> list[Removal]:
    words = [t for t in _top(tokens) if t.kind == WORD]
    texts = [t.text for t in words]
    if texts[:2] == ["drop", "table"]:
        start = 4 if texts[2:4] == ["if", "exists"] else 2
        names = [t.text for t in words[start:] if t.text not in ("cascade", "restrict", "purge")]
        return [Removal(n, line) for n in names]
    if texts[:1] == ["truncate"]:
        names = [t.text for t in words[1:] if t.text not in ("table", "only", "cascade", "restrict")]
        return [Removal(n, line) for n in names]
    if texts[:2] == ["delete", "from"]:
        name = _name_after(words, 2)
        return [Removal(name, line)] if name else []
    return []
