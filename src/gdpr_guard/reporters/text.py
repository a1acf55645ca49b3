"""Terminal report: one line per finding with its one-line fix, then scan errors, a summary and the notice."""

from __future__ import annotations

import textwrap

from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.finding import ScanResult
from gdpr_guard.legal_notice import DISCLAIMER, first_sentence
from gdpr_guard.reporters.common import (
    ReportOptions,
    by_article,
    confidence_note,
    data_note,
    out_of_scope_line,
    roles_line,
    severity_counts,
)


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    lines = []
    for finding in result.active:
        rule = catalog.get(finding.rule_id)
        legal = f"GDPR {rule.articles_label} · {_cnil(rule)}" if rule else ""
        lines.append(f"{finding.location.path}:{finding.location.start_line}: {finding.rule_id} "
                     f"[{finding.severity}] {finding.message} ({legal}){data_note(finding)}{confidence_note(finding)}")
        if rule:
            lines.append(f"    fix: {first_sentence(rule.remediation)}")
    suppressed = [f for f in result.findings if f.suppression is not None]
    for finding in suppressed:
        assert finding.suppression is not None
        lines.append(f"{finding.location.path}:{finding.location.start_line}: {finding.rule_id} suppressed "
                     f"({finding.suppression.kind}: {finding.suppression.reason})")
    for notice in result.notices:
        lines.append(f"notice: {notice}")
    for error in result.errors:
        lines.append(f"error: {error.message}")
    articles = by_article(result, catalog)
    if articles:
        lines.append("")
        lines.append("By GDPR article:")
        for label, findings in articles.items():
            title = catalog.articles.get(label.removeprefix("Art. ").split("(", 1)[0], "")
            lines.append(f"  {label} ({title}): {len(findings)}")
    counts = severity_counts(result.active)
    summary = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    scanned = ", ".join(f"{n} {k}" for k, n in result.targets.items()) or "no files"
    lines.append("")
    if result.roles:
        lines.append(f"gdpr-guard: {roles_line(result)}.")
    if result.out_of_scope:
        lines.append(f"gdpr-guard: {out_of_scope_line(result)}.")
    lines.append(f"gdpr-guard: {len(result.active)} finding(s)" + (f" ({summary})" if summary else "")
                 + f", {len(suppressed)} suppressed; scanned {scanned}.")
    if result.errors:
        lines.append(f"gdpr-guard: SCAN INCOMPLETE: {len(result.errors)} error(s); the result cannot be trusted.")
    lines += textwrap.wrap(DISCLAIMER, width=100)
    return "\n".join(lines) + "\n"


def _cnil(rule: Rule) -> str:
    """`CNIL DED-3b (same)`, or `no CNIL precedent` for a rule that cites none (family BAK)."""
    return f"CNIL {rule.cnil_label}" if rule.cnil else rule.cnil_label
