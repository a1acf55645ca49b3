"""Justified inline suppressions: `gdpr-guard: ignore[GG-ENC-001] reason="..." until=YYYY-MM-DD`.

A suppression names the rules it silences, must say why (accountability, Art. 5(2)) and may expire.
It applies to a finding when it sits on the finding's first line, on the comment lines just above it,
or anywhere inside the Terraform block the finding reports. One without a reason, with a bad date or
past its date does not suppress, and the report says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from gdpr_guard.finding import Finding, Location, Suppression

DIRECTIVE = re.compile(r"gdpr-guard:\s*ignore\[(?P<ids>[^\]]*)\](?P<rest>.*)$", re.IGNORECASE)
REASON = re.compile(r"""reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
UNTIL = re.compile(r"until\s*=\s*(?P<until>\S+)")
RULE_ID = re.compile(r"^GG-[A-Z]+-\d{3}$")
COMMENT_ONLY = re.compile(r"^\s*(#|--|//|/\*|\*)")


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


def parse(text: str) -> list[Directive]:
    """Every suppression directive in a file's text."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
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


def apply(findings: Sequence[Finding], root: Path, today: dt.date) -> tuple[list[Finding], list[str]]:
    """Findings with valid suppressions attached, and notices about the invalid ones."""
    by_path: dict[str, list[Directive]] = {}
    for path in sorted({f.location.path for f in findings}):
        try:
            text = (root / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "gdpr-guard" in text.lower():
            by_path[path] = parse(text)
    notices: list[str] = []
    for path, directives in by_path.items():
        for d in directives:
            problem = _problem(d, today)
            if problem:
                notices.append(f"{path}:{d.line}: suppression of {', '.join(d.rules) or '(no rule)'} {problem}")
    out = []
    for finding in findings:
        directive = _matching(finding, by_path.get(finding.location.path, []), today)
        if directive is not None:
            suppression = Suppression("inline", directive.reason, directive.until,
                                      Location(finding.location.path, directive.line, directive.line))
            finding = replace(finding, suppression=suppression)
        out.append(finding)
    return out, notices


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
