"""Markdown report for people: by GDPR article and CNIL finding, then the findings; fits a job summary."""

from __future__ import annotations

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import ScanResult
from gdpr_guard.reporters.common import (
    ReportOptions,
    by_article,
    by_cnil,
    confidence_note,
    out_of_scope_line,
    roles_line,
    severity_counts,
    where,
)

MAX_ROWS = 500  # GitHub job summaries are capped at 1 MiB


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    active = result.active
    counts = severity_counts(active)
    status = ("❌ scan incomplete" if result.errors else "❌ findings" if active else "✅ no findings")
    out = ["## gdpr-guard report", "",
           f"**{status}** · {len(active)} finding(s) · "
           + " · ".join(f"{n} {s}" for s, n in counts.items())
           + f" · {len(result.findings) - len(active)} suppressed · fail-on: {options.fail_on}", ""]
    if result.errors:
        out += ["### Scan errors", "", "The scan could not look everywhere; this result cannot be trusted.", ""]
        out += [f"- `{_cell(e.message)}`" for e in result.errors] + [""]
    if active:
        out += ["### By GDPR article", "", "| article | findings | rules |", "|---|---|---|"]
        for label, findings in by_article(result, catalog).items():
            rules = ", ".join(sorted({f.rule_id for f in findings}))
            out.append(f"| {label} | {len(findings)} | {rules} |")
        out += ["", "### By CNIL finding", "", "| finding | decision | what the CNIL found | findings |",
                "|---|---|---|---|"]
        for key, findings in by_cnil(result, catalog).items():
            cnil = catalog.findings[key]
            out.append(f"| {key} | {cnil.decision} ({cnil.organisation}) | {_cell(cnil.text)} | {len(findings)} |")
        out += ["", "### Findings", "", "| severity | rule | where | message | GDPR · CNIL |", "|---|---|---|---|---|"]
        for finding in active[:MAX_ROWS]:
            rule = catalog.get(finding.rule_id)
            legal = f"{rule.articles_label} · {rule.cnil_label}" if rule else ""
            data = f" ({finding.data_category} data: {finding.data_reason})" if finding.data_category else ""
            out.append(f"| {finding.severity} | {finding.rule_id} | `{_cell(where(finding))}` | "
                       f"{_cell(finding.message + data + confidence_note(finding))} | {legal} |")
        if len(active) > MAX_ROWS:
            out.append(f"\n_{len(active) - MAX_ROWS} more finding(s) not shown; see the SARIF or JSON report._")
        out.append("")
    suppressed = [f for f in result.findings if f.suppression is not None]
    if suppressed:
        out += ["### Suppressions granted (accountability, Art. 5(2))", "",
                "| rule | where | kind | reason | until |", "|---|---|---|---|---|"]
        for finding in suppressed:
            s = finding.suppression
            assert s is not None
            out.append(f"| {finding.rule_id} | `{_cell(where(finding))}` | {s.kind} | {_cell(s.reason)} | "
                       f"{s.until or ''} |")
        out.append("")
    if result.roles:
        out += ["### Scope", "", f"- {_cell(roles_line(result))}"]
        if result.out_of_scope:
            out.append(f"- {_cell(out_of_scope_line(result))}")
        out.append("")
    if result.notices:
        out += ["### Notices", ""] + [f"- {_cell(n)}" for n in result.notices] + [""]
    return "\n".join(out)
