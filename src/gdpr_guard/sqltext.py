"""A small SQL tokenizer for refinements: words, strings, punctuation and statements, with positions.

Not a parser (issue 12 brings one): enough to tell what a `SELECT *` reads from, whether it sits in an
EXISTS test or a view, and how a role was created. Comments are skipped; quoted identifiers are words;
string literals (including PostgreSQL dollar-quoted bodies) are single tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

WORD, STRING, PUNCT = "word", "string", "punct"


@dataclass(frozen=True)
class Token:
    """One token of SQL text."""

    kind: str
    """`word` (keyword or identifier, quotes removed), `string` or `punct`."""
    text: str
    """The word lower-cased, the string's content, or the punctuation character."""
    line: int
    """1-based line of its first character."""
    column: int
    """1-based column of its first character."""
    depth: int
    """Parenthesis depth at the token (a `(` has the depth outside it)."""


def tokens(text: str) -> list[Token]:
    """Tokens of `text`, comments skipped."""
    out: list[Token] = []
    i, line, line_start, depth, n = 0, 1, 0, 0, len(text)

    def add(kind: str, value: str, start: int, start_line: int, start_col: int) -> None:
        out.append(Token(kind, value, start_line, start_col, depth))

    while i < n:
        ch = text[i]
        col = i - line_start + 1
        if ch == "\n":
            line, line_start, i = line + 1, i + 1, i + 1
            continue
        if ch.isspace():
            i += 1
            continue
        if text.startswith("--", i) or ch == "#" and _line_comment_hash(text, i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line, line_start = _advance(text, i, end, line, line_start)
            i = end
            continue
        if ch in "'\"`[" or ch == "$" and _dollar_tag(text, i):
            end, value = _quoted(text, i)
            add(STRING if ch in "'$" else WORD, value if ch in "'$" else value.lower(), i, line, col)
            line, line_start = _advance(text, i, end, line, line_start)
            i = end
            continue
        if ch.isalnum() or ch == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_$"):
                j += 1
            add(WORD, text[i:j].lower(), i, line, col)
            i = j
            continue
        if ch == ")":
            depth = max(depth - 1, 0)
        add(PUNCT, ch, i, line, col)
        if ch == "(":
            depth += 1
        i += 1
    return out


def statements(toks: list[Token]) -> list[list[Token]]:
    """Tokens grouped into statements (split at `;`), the `;` left out."""
    out: list[list[Token]] = [[]]
    for token in toks:
        if token.kind == PUNCT and token.text == ";":
            out.append([])
        else:
            out[-1].append(token)
    return [s for s in out if s]


def _line_comment_hash(text: str, i: int) -> bool:
    # MySQL `# comment`; `#temp` tables of SQL Server are words, so only a `#` followed by a space
    return i + 1 < len(text) and text[i + 1] in " \t"


def _dollar_tag(text: str, i: int) -> str | None:
    j = i + 1
    while j < len(text) and (text[j].isalnum() or text[j] == "_"):
        j += 1
    return text[i:j + 1] if j < len(text) and text[j] == "$" and not text[i + 1:j][:1].isdigit() else None


def _quoted(text: str, i: int) -> tuple[int, str]:
    if text[i] == "$":
        tag = _dollar_tag(text, i) or "$$"
        end = text.find(tag, i + len(tag))
        end = len(text) if end < 0 else end
        return min(end + len(tag), len(text)), text[i + len(tag):end]
    close = "]" if text[i] == "[" else text[i]
    j = i + 1
    while j < len(text):
        if text[j] == close:
            if j + 1 < len(text) and text[j + 1] == close:  # doubled quote
                j += 2
                continue
            return j + 1, text[i + 1:j]
        j += 1
    return len(text), text[i + 1:]


def _advance(text: str, start: int, end: int, line: int, line_start: int) -> tuple[int, int]:
    newlines = text.count("\n", start, end)
    if newlines:
        return line + newlines, text.rfind("\n", start, end) + 1
    return line, line_start
