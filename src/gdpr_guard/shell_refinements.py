"""Refinements of the shell rules that need the script around a match, read with `shlex` (a tokenizer).

GG-ENC-104: `pg_dump ... | encrypt_stream > file`, where `encrypt_stream` is a shell function of the
same script that runs gpg, age or openssl, writes an encrypted dump; `which mysqldump 2>/dev/null`
(or `command -v`, `type`) looks the program up and runs no dump. `${DUMP_COMMAND} ... > file` is a dump
when the script assigns the variable a dump program (`DUMP_COMMAND="mysqldump"`), and nothing else otherwise.
GG-MIN-104: a dump program that is only looked up dumps nothing either.
GG-DEL-104: a script of a GitHub Actions workflow (under `.github/`) runs on a runner thrown away after the
job, so a local copy (cp, a local rsync, a dump to a file) dies with it; an upload or a remote copy stays.
Credential rules: a match inside a shell function named for tests (`tests() { ... }` of a container
entrypoint) is test code, whatever the file's role: it takes the test role (and the rule's scope decides).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Role, Target

ENCRYPTORS = frozenset({"gpg", "gpg2", "age", "rage", "openssl", "ccrypt", "sops", "gpgtar"})
REMOTE_TOOLS = frozenset({"aws", "gsutil", "rclone", "azcopy", "scp", "sftp", "s3cmd", "az", "gcloud"})
"""Programs whose copy lands on another machine or in object storage."""
DUMPERS = frozenset({"pg_dump", "pg_dumpall", "mysqldump", "mysqlpump", "mongodump", "mongoexport"})
NO_ROWS = frozenset({"-s", "--schema-only", "--globals-only", "--roles-only", "--no-data"})
"""Dump flags that write the schema or the roles only: no rows."""
LOOKUPS = frozenset({"which", "type", "whereis", "hash"})
"""Commands that locate a program without running it (`command` with -v/-V does the same)."""
SEPARATORS = frozenset({"(", ")", "$(", "`", "|", "|&", ";", "&", "&&", "||", "{", "}", "if", "then", "elif", "else",
                        "while", "until", "do", "!"})
TEST_WORDS = frozenset({"test", "tests", "testing", "e2e", "pytest", "unittest", "unittests"})


def in_test_functions(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Findings inside a shell function named for tests take the test role."""
    paths = {t.rel: t.path for t in targets}
    out = []
    for finding in findings:
        path = paths.get(finding.location.path)
        spans = _functions(_lines(path)) if path else []
        line = finding.location.start_line
        inside = any(start <= line <= end and TEST_WORDS & set(re.split(r"[_-]+", name.lower()))
                     for name, start, end in spans)
        out.append(replace(finding, role=Role.TEST.value) if inside else finding)
    return out


def _functions(lines: list[str]) -> list[tuple[str, int, int]]:
    """(name, first line, last line) of each shell function whose body opens on its header line."""
    spans = []
    for number, line in enumerate(lines, start=1):
        words = _words(line)
        if len(words) < 2 or "{" not in words:
            continue
        if words[0] == "function":
            name = words[1].removesuffix("()")
        elif words[0].endswith("()"):
            name = words[0][:-2]
        elif len(words) > 2 and words[1] in ("()", "(") and words[0].isidentifier():
            name = words[0]
        else:
            continue
        depth = 0
        for end in range(number, len(lines) + 1):
            body = _words(lines[end - 1])
            depth += body.count("{") - body.count("}")
            if depth <= 0:
                spans.append((name, number, end))
                break
    return spans


def piped_into_encryption(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-ENC-104: drop a dump whose pipeline runs a function of the script that encrypts."""
    paths = {t.rel: t.path for t in targets}
    kept = []
    for finding in findings:
        lines, command = _reported(finding, paths)
        script = "\n".join(lines)
        if not lines or not (_pipeline(command) & _encrypting_functions(script) or _only_looked_up(command)
                             or _held_dump(command, script) is False):
            kept.append(finding)
    return kept


def _held_dump(command: str, script: str) -> bool | None:
    """None when `command` names its dump program; else does the variable it runs (`${DUMP_COMMAND} ... >
    file`) hold a dump program in this script, and write rows (no schema-only flag)?"""
    words = _words(command)
    if any(w.rsplit("/", 1)[-1] in DUMPERS for w in words):
        return None
    head = next((w for w in words if w not in ("then", "do", "else")), "")
    name = head.removeprefix("${").removesuffix("}") if head.startswith("${") else head.removeprefix("$")
    if not head.startswith("$") or not name.isidentifier():
        return False
    programs = _assigned_programs(name, script)
    if not programs & DUMPERS:
        return False
    schema_only = NO_ROWS & set(words) or ("-d" in words and programs & {"mysqldump", "mysqlpump"})
    return not schema_only


def _assigned_programs(name: str, script: str) -> set[str]:
    """Program names in the values the script assigns to `name` (`NAME="mysqldump --opt"`,
    `NAME=$(command -v pg_dump)`, `local NAME=...`)."""
    words = _words(script)
    found: set[str] = set()
    for i, word in enumerate(words):
        if not word.startswith(name + "="):
            continue
        value = word[len(name) + 1:]
        parts = _words(value)
        if value.endswith("$") and i + 1 < len(words) and words[i + 1] == "(":  # NAME=$(...)
            end = next((j for j in range(i + 2, len(words)) if words[j] == ")"), len(words))
            parts = words[i + 2:end]
        found |= {p.rsplit("/", 1)[-1] for p in parts}
    return found


def dumps_that_run(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-MIN-104: drop a dump program that is only looked up (`PG_DUMP=$(command -v pg_dump)`)."""
    paths = {t.rel: t.path for t in targets}
    return [f for f in findings if not _only_looked_up(_reported(f, paths)[1])]


def remote_copies_on_ci_runners(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-DEL-104: in a script under `.github/`, keep only copies that leave the runner."""
    paths = {t.rel: t.path for t in targets}
    kept = []
    for finding in findings:
        path = paths.get(finding.location.path)
        if path is None or ".github" not in finding.location.path.split("/")[:-1]:
            kept.append(finding)
            continue
        lines = _lines(path)
        words = _words(" ".join(lines[finding.location.start_line - 1:finding.location.end_line]))
        programs = {w.rsplit("/", 1)[-1] for w in words}
        remote_rsync = "rsync" in programs and any(":" in w and not w.startswith("-") for w in words)
        if REMOTE_TOOLS & programs or remote_rsync:
            kept.append(finding)
    return kept
def _only_looked_up(command: str) -> bool:
    """Every dump program named in `command` is the operand of a lookup (`which mysqldump`), none runs."""
    words = _words(command)
    named = [i for i, w in enumerate(words) if w.rsplit("/", 1)[-1] in DUMPERS]
    return bool(named) and all(_command_word(words, i) for i in named)


def _command_word(words: list[str], index: int) -> bool:
    """True when the simple command holding words[index] is a lookup whose operand it is."""
    start = index
    while start > 0 and words[start - 1] not in SEPARATORS and not words[start - 1].endswith("$"):
        start -= 1  # shlex splits `$(` into `...$` and `(`: a word ending in `$` opens a substitution
    head = [w for w in words[start:index] if not ("=" in w and w.split("=", 1)[0].isidentifier())]
    if not head:
        return False
    return head[0] in LOOKUPS or (head[0] == "command" and any(w in ("-v", "-V") for w in head[1:]))


def _reported(finding: RawFinding, paths: dict[str, Path]) -> tuple[list[str], str]:
    """The script's lines and the command the finding reports, its lines joined."""
    path = paths.get(finding.location.path)
    lines = _lines(path) if path else []
    return lines, " ".join(lines[finding.location.start_line - 1:finding.location.end_line])


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
