"""Refinements of the shell rules that need the script around a match, read with `shlex` (a tokenizer).

GG-ENC-104: `pg_dump ... | encrypt_stream > file`, where `encrypt_stream` is a shell function of the
same script that runs gpg, age or openssl, writes an encrypted dump.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target

ENCRYPTORS = frozenset({"gpg", "gpg2", "age", "rage", "openssl", "ccrypt", "sops", "gpgtar"})


def piped_into_encryption(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-ENC-104: drop a dump whose pipeline runs a function of the script that encrypts."""
    paths = {t.rel: t.path for t in targets}
    kept = []
    for finding in findings:
        path = paths.get(finding.location.path)
        lines = _lines(path) if path else []
        command = " ".join(lines[finding.location.start_line - 1:finding.location.end_line])
        if not lines or not (_pipeline(command) & _encrypting_functions("\n".join(lines))):
            kept.append(finding)
    return kept


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _words(text: str) -> list[str]:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        return list(lexer)
    except ValueError:  # an unbalanced quote: read what can be read
        return text.split()


def _pipeline(command: str) -> set[str]:
    """Commands that receive the output of a pipe in `command`."""
    words = _words(command)
    return {words[i + 1] for i, w in enumerate(words[:-1]) if w in ("|", "|&")}


def _encrypting_functions(script: str) -> set[str]:
    """Names of the script's functions whose body runs an encryption program."""
    words = _words(script)
    found: set[str] = set()
    for i, word in enumerate(words):
        name = None
        if word == "function" and i + 1 < len(words):
            name = words[i + 1].removesuffix("()")
        elif i + 1 < len(words) and words[i + 1] in ("()", "(") and word.isidentifier():
            name = word
        elif word.endswith("()") and word[:-2].replace("-", "_").isidentifier():
            name = word[:-2]
        if name is None:
            continue
        start = next((j for j in range(i + 1, min(i + 5, len(words))) if words[j] == "{"), None)
        if start is None:
            continue
        depth, j = 0, start
        while j < len(words):
            depth += (words[j] == "{") - (words[j] == "}")
            if depth == 0:
                break
            j += 1
        if ENCRYPTORS & {w.rsplit("/", 1)[-1] for w in words[start:j]}:
            found.add(name)
    return found
