"""Justified inline suppressions: `gdpr-guard: ignore[GG-ENC-001] reason="..." until=YYYY-MM-DD`.

A suppression names the rules it silences, must say why (accountability, Art. 5(2)) and may expire.
It applies to a finding when it sits on the finding's first line, on the comment lines just above it,
or anywhere inside the Terraform block the finding reports. One without a reason, with a bad date or
past its date does not suppress, and the report says so.

The engines' own skip comments are not theirs to act on (checkov is run with them switched off,
semgrep with `--disable-nosem`): `#checkov:skip=CKV2_GG_ENC_001:reason` is read here as a suppression
of the rule that check backs, with its text as the reason, under the same rules (no reason: not
applied, and said so); `# nosemgrep` names no rule and gives no reason, so it never applies and the
report says so. A `gdpr-guard: ignore` without `[RULE-IDS]` is reported too, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from gdpr_guard.finding import Finding, Location, Suppression, SuppressionKind

DIRECTIVE = re.compile(r"gdpr-guard:\s*ignore\[(?P<ids>[^\]]*)\](?P<rest>.*)$", re.IGNORECASE)
REASON = re.compile(r"""reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
UNTIL = re.compile(r"until\s*=\s*(?P<until>\S+)")
RULE_ID = re.compile(r"^GG-[A-Z]+-\d{3}$")
COMMENT_ONLY = re.compile(r"^\s*(#|--|//|/\*|\*|<!--)")  # <!-- -->: XML (Liquibase changelogs)
# checkov's own skip comment syntax (checkov/common/comment/enum.py), and semgrep's.
ENGINE_SKIP = re.compile(r"(?:checkov|bridgecrew|cortex):skip=\s*(?P<ids>[A-Za-z_\d-]+(?:,[A-Za-z_\d-]+)*)?"
                         r"(?::(?P<reason>[^\n]*))?")
NOSEMGREP = re.compile(r"\bnosemgrep\b")
BARE_IGNORE = re.compile(r"gdpr-guard:\s*ignore\b(?!\s*\[)", re.IGNORECASE)
EngineIds = Callable[[str], "str | None"]


@dataclass(frozen=True)
class Directive:
    """One parsed `gdpr-guard: ignore[...]` comment."""

    rules: tuple[str, ...]
    """Rule ids it names."""
    reason: str
    """Justification ('' when missing)."""
    until: str | None
    """Expiry date as written, if any."""
    line: int
    """1-based line of the comment."""
    standalone: bool
    """True when the line holds only the comment (it then covers the next code line)."""


def parse(text: str, checkov_ids: EngineIds | None = None) -> list[Directive]:
    """Every suppression directive in a file's text (checkov skip comments too, given the map from
    checkov check ids to our rule ids)."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        skip = ENGINE_SKIP.search(line) if checkov_ids is not None else None
        if skip is not None and checkov_ids is not None:
            ours = [checkov_ids(i.strip()) for i in (skip.group("ids") or "").split(",") if i.strip()]
            rules = tuple(sorted({r for r in ours if r}))
            if rules:
                found.append(Directive(rules, (skip.group("reason") or "").strip(), None, number,
                                       bool(COMMENT_ONLY.match(line))))
        match = DIRECTIVE.search(line)
        if not match:
            continue
        rules = tuple(r.strip().upper() for r in match.group("ids").split(",") if r.strip())
        rest = match.group("rest")
        reason_match = REASON.search(rest)
        reason = (reason_match.group("dq") or reason_match.group("sq") or "").strip() if reason_match else ""
        until_match = UNTIL.search(rest)
        until = until_match.group("until").strip("\"'") if until_match else None
        found.append(Directive(rules, reason, until, number, bool(COMMENT_ONLY.match(line))))
    return found


def apply(findings: Sequence[Finding], root: Path, today: dt.date,
          checkov_ids: EngineIds | None = None) -> tuple[list[Finding], list[str]]:
    """Findings with valid suppressions attached, and notices about the invalid ones."""
    by_path: dict[str, list[Directive]] = {}
    notices: list[str] = []
    for path in sorted({f.location.path for f in findings}):
        try:
            text = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        lower = text.lower()
        if "gdpr-guard" in lower or ":skip=" in lower:
            by_path[path] = parse(text, checkov_ids)
        if "nosemgrep" in lower or "gdpr-guard" in lower:
            notices += _ignored_comments(path, text)
    for path, directives in by_path.items():
        for d in directives:
            problem = _problem(d, today)
            if problem:
                notices.append(f"{path}:{d.line}: suppression of {', '.join(d.rules) or '(no rule)'} {problem}")
    out = []
    for finding in findings:
        directive = _matching(finding, by_path.get(finding.location.path, []), today)
        if directive is not None:
            suppression = Suppression(SuppressionKind.INLINE, directive.reason, directive.until,
                                      Location(finding.location.path, directive.line, directive.line))
            finding = replace(finding, suppression=suppression)
        out.append(finding)
    return out, notices


def _ignored_comments(path: str, text: str) -> list[str]:
    """Comments that look like suppressions but are none: `nosemgrep`, `gdpr-guard: ignore` without brackets."""
    notices = []
    for number, line in enumerate(text.splitlines(), 1):
        if NOSEMGREP.search(line):
            notices.append(f"{path}:{number}: nosemgrep is not applied (it names no gdpr-guard rule and gives no "
                           f'reason): use gdpr-guard: ignore[GG-...] reason="..."')
        if BARE_IGNORE.search(line):
            notices.append(f"{path}:{number}: suppression without [RULE-IDS] is not applied: write "
                           f'gdpr-guard: ignore[GG-...] reason="..."')
    return notices


def _problem(directive: Directive, today: dt.date) -> str | None:
    bad = [r for r in directive.rules if not RULE_ID.match(r)]
    if not directive.rules or bad:
        return f"names no valid rule id ({', '.join(bad) or 'empty'}): not applied"
    if not directive.reason:
        return 'has no reason="...": not applied'
    if directive.until is not None:
        try:
            expiry = dt.date.fromisoformat(directive.until)
        except ValueError:
            return f"has an invalid until={directive.until} (expected YYYY-MM-DD): not applied"
        if expiry < today:
            return f"expired on {directive.until}: not applied"
    return None


def _matching(finding: Finding, directives: list[Directive], today: dt.date) -> Directive | None:
    # A finding narrowed to an attribute is still covered where its whole block was.
    places = [finding.location] + ([finding.block] if finding.block else [])
    for d in directives:
        if finding.rule_id not in d.rules or _problem(d, today):
            continue
        for loc in places:
            if d.line == loc.start_line or (finding.resource and loc.start_line <= d.line <= loc.end_line):
                return d
            if d.standalone and d.line < loc.start_line and _only_comments_between(directives, d, loc.start_line):
                return d
    return None


def _only_comments_between(directives: list[Directive], directive: Directive, line: int) -> bool:
    # Only the comment line right above the code (or a stack of directives) covers it.
    stacked = {d.line for d in directives if d.standalone}
    return all(n in stacked for n in range(directive.line, line))
