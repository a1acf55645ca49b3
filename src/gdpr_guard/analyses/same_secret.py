"""GG-CRED-201: the same secret value in two or more files.

Dedalus employees shared accounts; a password pasted into a script, a Terraform variable file, a
`.env` and a CI workflow is the same kind of shared credential, and rotating it means finding every
copy. Values are compared as keyed BLAKE2b hashes with a random per-run key: no value is kept in
clear beyond the RawFinding.secrets the pipeline masks, and none appears in the detail text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from typing import Any

from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.targets import MAX_READ_BYTES, Kind, Target

RULE_ID = "GG-CRED-201"
MIN_LENGTH = 6

# Idempotency tokens (EFS `creation_token`, `client_request_token`, ...) are names repeated on purpose,
# not secrets: an argument named like one is not a credential key.
_NOT_SECRET_KEY = r"(?![\"']?(?:creation|client_request|idempotency)_token\b)"
_KEY = _NOT_SECRET_KEY + r"[A-Za-z0-9_.-]*(?:password|passwd|pwd|_pass|secret|secret_key|access_key|api_key|apikey|token|credentials?)[A-Za-z0-9_.-]*"
# key = "value" / key: 'value' / key="value" / environ["KEY"] = "value" (quoted: every kind of file)
_QUOTED = re.compile(
    r"""(?i)(?<![\w$])["']?(?P<key>""" + _KEY + r""")["']?\]?\s*(?:=|:|=>)\s*(?P<q>["'])(?P<value>[^"'\s$`{}<>]{%d,})(?P=q)""" % MIN_LENGTH
)
# KEY=value with no quotes: .env, shell, properties, YAML
_BARE = re.compile(
    r"""(?im)(?<![\w$])(?:export\s+)?(?P<key>""" + _KEY + r""")\s*(?:=|:)[ \t]*(?P<value>[^\s"'$`{}<>()\[\],;]{%d,})(?:[ \t]+#.*)?[ \t]*$""" % MIN_LENGTH
)
# scheme://user:value@host
_URL = re.compile(r"""(?i)\b[a-z][a-z0-9+.-]*://[^\s:/@"'$]+:(?P<value>[^\s@"'$`/{}]{%d,})@""" % MIN_LENGTH)
# mysql -pVALUE, sshpass -p VALUE, curl -u user:VALUE
_CLI = re.compile(
    r"""(?:\b(?:mysql|mysqldump|mysqladmin)\b[^\n]*?\s-p["']?(?P<v1>[^\s"'$`-][^\s"'$`]{%d,})"""
    r"""|\bsshpass\s+-p\s*["']?(?P<v2>[^\s"'$`-][^\s"'$`]{%d,})"""
    r"""|\bcurl\b[^\n]*?\s(?:-u|--user)\s*["']?[^\s:"'$]+:(?P<v3>[^\s"'$`]{%d,}))""" % ((MIN_LENGTH - 1,) * 3)
)
# SQL: PASSWORD 'value', IDENTIFIED BY 'value'; client calls: .login("user", "value")
_SQL_OR_LOGIN = re.compile(
    r"""(?i)(?:\bpassword\s+|\bidentified\s+by\s+|\.login\(\s*["'][^"']*["']\s*,\s*)["'](?P<value>[^"'\s$`{}<>]{%d,})["']""" % MIN_LENGTH
)
_NOT_SECRET = re.compile(
    r"""(?ix)^(?:true|false|none|null|yes|no|required|optional|changeme|password|secret|example|
    placeholder|redacted|\*+|x+|.*\.(?:txt|json|ya?ml|pem|key|crt|env|csv)|(?:var|local|data|module)\..*|
    os\.environ.*|env\..*|secrets\..*|vault:.*|arn:aws:.*|[a-z_]+\.[a-z_.]+|https?://.*)$"""
)
# Account names: `POSTGRES_USER=postgres`, `username: "reports"`, the user of `scheme://user:pw@host`.
_ACCOUNT = re.compile(
    r"""(?im)(?<![\w$])["']?[A-Za-z0-9_.-]*(?:user|username|login)["']?\s*(?:=|:)\s*["']?(?P<value>[A-Za-z0-9_.@-]+)"""
)
_URL_USER = re.compile(r"""(?i)\b[a-z][a-z0-9+.-]*://(?P<value>[^\s:/@"'$]+):[^\s@"'$`/{}]+@""")
_COMMENT = re.compile(r"^\s*(?:#|//|--)(?!!)")
SCANNED_KINDS = frozenset({Kind.PYTHON, Kind.SHELL, Kind.SQL, Kind.TERRAFORM, Kind.OTHER, Kind.MIGRATION_PLAN,
                           Kind.CHANGELOG})


def _values(line: str, kind: Kind) -> list[str]:
    values = [m.group("value") for m in _QUOTED.finditer(line)]
    values += [m.group("value") for m in _URL.finditer(line)]
    values += [m.group("value") for m in _SQL_OR_LOGIN.finditer(line)]
    for m in _CLI.finditer(line):
        values.append(m.group("v1") or m.group("v2") or m.group("v3"))
    # Bare values only where a bare word is a value (.env, shell, YAML), not code identifiers.
    if kind in (Kind.OTHER, Kind.SHELL, Kind.MIGRATION_PLAN, Kind.CHANGELOG):
        values += [m.group("value") for m in _BARE.finditer(line)]
    return [v for v in values if len(v) >= MIN_LENGTH and not _NOT_SECRET.match(v)]


def analyse(targets: list[Target], config: dict[str, Any]) -> list[RawFinding]:
    """One finding per secret value that appears in two or more files, at its first location."""
    key = os.urandom(32)
    places: dict[bytes, set[tuple[str, int]]] = defaultdict(set)
    clear: dict[bytes, str] = {}
    texts: dict[tuple[str, int], str] = {}  # the line of each place: the finding's snippet (masked later)
    accounts: set[str] = set()  # account names (logins) written anywhere in the scanned files
    for target in targets:
        if target.kind not in SCANNED_KINDS:
            continue
        try:
            if target.path.stat().st_size > MAX_READ_BYTES:
                continue
            text = target.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        accounts.update(m.group("value").lower() for pattern in (_ACCOUNT, _URL_USER) for m in pattern.finditer(text))
        for number, line in enumerate(text.splitlines(), start=1):
            if _COMMENT.match(line):
                continue
            for value in _values(line, target.kind):
                digest = hashlib.blake2b(value.encode("utf-8"), key=key, digest_size=32).digest()
                places[digest].add((target.rel, number))
                texts[(target.rel, number)] = line.strip()
                clear.setdefault(digest, value)
    findings: list[RawFinding] = []
    for digest, where in places.items():
        # A password that is also an account name (`postgres`/`postgres`, a project's name as login and
        # password of its dev database) is a service's default pair: whoever reads the login knows it,
        # there is no secret to share or rotate.
        if len({path for path, _ in where}) < 2 or clear[digest].lower() in accounts:
            continue
        ordered = sorted(where)
        (first_path, first_line), others = ordered[0], ordered[1:]
        findings.append(RawFinding(
            rule_id=RULE_ID,
            location=Location(first_path, first_line, first_line),
            engine="gdpr-guard",
            secrets=(clear[digest],),
            snippet=texts[(first_path, first_line)],
            detail="The same secret is also written at " + ", ".join(f"{p}:{n}" for p, n in others) + ".",
            related=tuple(Location(p, n, n) for p, n in others),
        ))
    return sorted(findings, key=lambda f: f.location)
