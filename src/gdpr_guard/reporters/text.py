"""Terminal report: one line per finding, then scan errors and a summary."""

from __future__ import annotations

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import ScanResult
from gdpr_guard.reporters.common import ReportOptions, confidence_note, out_of_scope_line, roles_line, severity_counts


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    lines = []
    for finding in result.active:
        rule = catalog.get(finding.rule_id)
        legal = f"GDPR {rule.articles_label.replace('Art. ', 'Art. ', 1)} · CNIL {rule.cnil_label}" if rule else ""
        data = f" [{finding.data_category} data: {finding.data_reason}]" if finding.data_category else ""
        lines.append(f"{finding.location.path}:{finding.location.start_line}: {finding.rule_id} "
                     f"[{finding.severity}] {finding.message} ({legal}){data}{confidence_note(finding)}")
    suppressed = [f for f in result.findings if f.suppression is not None]
    for finding in suppressed:
        assert finding.suppression is not None
        lines.append(f"{finding.location.path}:{finding.location.start_line}: {finding.rule_id} suppressed "
                     f"({finding.suppression.kind}: {finding.suppression.reason})")
    for notice in result.notices:
        lines.append(f"notice: {notice}")
    for error in result.errors:
        lines.append(f"error: {error.message}")
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
    return "\n".join(lines) + "\n"
