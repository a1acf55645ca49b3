"""Secret masking: no credential value reaches any output, whatever engine or analysis found it.

Two layers: the exact values an engine matched (RawFinding.secrets) are replaced wherever they
appear, and credential shapes (assignments, URLs with passwords, keys, tokens, private keys) are
masked in every snippet and message as defence in depth.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "****"
_SECRET_WORDS = (r"(?:password|passwd|pwd|pass|secret|secret[_-]?key|access[_-]?key|api[_-]?key|apikey|"
                 r"auth[_-]?token|token|client[_-]?secret|private[_-]?key|credentials?|"
                 r"master[_-]?password|admin[_-]?password|administrator[_-]?login[_-]?password|"
                 r"aws_secret_access_key|aws_access_key_id|pgpassword|mysql_pwd|connection[_-]?string)")
_KEY_CUES = ("pass", "pwd", "secret", "key", "token", "credential", "connection")
# (pattern, name of the group holding the value, whether a bare identifier there is a reference, cues):
# a pattern only runs on text containing one of its cues (lower-cased), which spares the regexes on
# the vast majority of snippets.
_PATTERNS: list[tuple[re.Pattern[str], str, bool, tuple[str, ...]]] = [
    # key = "value" / key: 'value' / key => "value" (HCL, Python, YAML, JSON)
    (re.compile(r"(?i)" + _SECRET_WORDS + r"[\w.-]*[\"']?\s*(?:=|:|=>)\s*"
                r"(?P<q>[\"'])(?P<v>(?:(?!(?P=q)).){1,500})(?P=q)"), "v", False, _KEY_CUES),
    # KEY=value, key: value unquoted (shell, .env, YAML)
    (re.compile(r"(?i)" + _SECRET_WORDS + r"[\w.-]*\s*(?:=|:)\s*(?P<v>[^\s\"',;)}\]#]{1,500})"), "v", True,
     _KEY_CUES),
    # scheme://user:password@host
    (re.compile(r"(?i)\b[a-z][a-z0-9+.-]{1,20}://[^\s:/@\"']{1,100}:(?P<v>[^\s@/\"']{1,200})@"), "v", False, ("://",)),
    # mysql -pSECRET, sshpass -p SECRET, curl -u user:pass, lftp -u user,pass
    (re.compile(r"(?:^|\s)-p(?P<v>[^\s\"'0-9-][^\s\"']{0,200})"), "v", False, ("-p",)),
    (re.compile(r"\bsshpass\s+-p\s*[\"']?(?P<v>[^\s\"']{1,200})"), "v", False, ("sshpass",)),
    (re.compile(r"(?:^|\s)(?:-u|--user)\s+[\"']?[^\s:,\"']{1,100}[:,](?P<v>[^\s\"']{1,200})"), "v", False, ("-u",)),
    # PASSWORD 'x' / IDENTIFIED BY 'x' (SQL)
    (re.compile(r"(?i)\b(?:password|identified\s+by)\s+(?P<q>['\"])(?P<v>[^'\"]{1,500})(?P=q)"), "v", False,
     ("password", "identified")),
    # AWS access key ids, GitHub/GitLab/Slack tokens, bearer tokens
    (re.compile(r"\b(?P<v>(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16})\b"), "v", False,
     ("akia", "asia", "agpa", "aida", "aroa")),
    (re.compile(r"\b(?P<v>gh[pousr]_[A-Za-z0-9]{30,}|glpat-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,})\b"), "v", False,
     ("gh", "glpat-", "xox")),
    (re.compile(r"(?i)\bbearer\s+(?P<v>[A-Za-z0-9._~+/=-]{12,})"), "v", False, ("bearer",)),
]
_PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|\Z)", re.S)
_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+=])([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])")
_MIN_SECRET_LEN = 3


def mask(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every known secret value and every credential shape replaced by ****."""
    if not text:
        return text
    for secret in sorted({s for s in secrets if len(s) >= _MIN_SECRET_LEN}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _PRIVATE_KEY.sub("-----BEGIN PRIVATE KEY-----" + MASK + "-----END PRIVATE KEY-----", text)
    lowered = text.lower()
    for pattern, folded, group, references, cues in _COMPILED:
        if any(cue in lowered for cue in cues):
            # Python's case-insensitive matching is ~10x slower than matching the lower-cased text;
            # ASCII lower-casing keeps every offset, so the spans found there apply to `text`.
            ascii_text = folded is not None and text.isascii()
            matches = (folded or pattern).finditer(lowered) if ascii_text else pattern.finditer(text)
            masked = _mask_spans(text, (m.span(group) for m in matches), references)
            if masked is not text:
                text, lowered = masked, masked.lower()
    return _AWS_SECRET.sub(_mask_if_random, text)


def mask_value_groups(text: str, pattern: re.Pattern[str], group: str, references: bool) -> str:
    """Replace the value group of every match of `pattern` unless it is only a reference."""
    return _mask_spans(text, (m.span(group) for m in pattern.finditer(text)), references)


def _mask_spans(text: str, spans: Iterable[tuple[int, int]], references: bool) -> str:
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        value = text[start:end]
        if start < 0 or not value or _is_template(value) or (references and _is_identifier(value)):
            continue
        pieces += [text[last:start], MASK]
        last = end
    return "".join(pieces) + text[last:] if pieces else text


def _fold(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The case-sensitive twin of a `(?i)` pattern, for lower-cased ASCII text (None if not `(?i)`)."""
    if not pattern.pattern.startswith("(?i)"):
        return None
    return re.compile(pattern.pattern[len("(?i)"):])  # its literals are lower case (tests/test_masking.py)


_COMPILED = [(pattern, _fold(pattern), group, references, cues) for pattern, group, references, cues in _PATTERNS]


def _is_template(value: str) -> bool:
    """Placeholders and interpolations that name a secret instead of holding it."""
    v = value.strip()
    return (len(v) < _MIN_SECRET_LEN or v == MASK or set(v) <= {"*"}
            or v.startswith(("$", "${", "{{", "<", "%(", "%{")))


def _is_identifier(value: str) -> bool:
    """Unquoted values that are code (attribute paths, calls, lookups), not literals.

    A bare word is masked even when it may be a variable name: hiding a name costs nothing,
    printing a password does.
    """
    v = value.strip()
    return bool(re.fullmatch(r"[A-Za-z_]\w*((\.[A-Za-z_]\w*)+(\[.*|\(.*)?|\[.*|\(.*)", v))


def _mask_if_random(match: re.Match[str]) -> str:
    value = match.group(1)
    has_upper = any(c.isupper() for c in value)
    has_lower = any(c.islower() for c in value)
    has_digit = any(c.isdigit() for c in value)
    return MASK if has_upper and has_lower and has_digit else value
