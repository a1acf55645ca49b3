"""Markdown report for people: by GDPR article and CNIL precedent, then the findings; fits a job summary."""

from __future__ import annotations

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import Finding, ScanResult
from gdpr_guard.legal_notice import DISCLAIMER, first_sentence
from gdpr_guard.reporters.common import (
    ReportOptions,
    by_article,
    by_cnil,
    confidence_note,
    data_note,
    out_of_scope_line,
    roles_line,
    severity_counts,
    split_by_relation,
    suppressions_table,
    table_cell,
    where,
)

MAX_ROWS = 500  # GitHub job summaries are capped at 1 MiB: the rest is counted and pointed to, never dropped silently


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    active = result.active
    counts = severity_counts(active)
    status = ("❌ scan incomplete" if result.errors else "❌ findings" if active else "✅ no findings")
    out = ["## gdpr-guard report", "",
           f"**{status}** · {len(active)} finding(s) · "
           + " · ".join(f"{n} {s}" for s, n in counts.items())
           + f" · {len(result.findings) - len(active)} suppressed · fail-on: {options.fail_on}", "",
           f"> {DISCLAIMER}", ""]
    if result.errors:
        out += ["### Scan errors", "", "The scan could not look everywhere; this result cannot be trusted.", ""]
        out += [f"- `{table_cell(e.message)}`" for e in result.errors] + [""]
    if active:
        out += _articles(result, catalog) + _precedents(result, catalog) + _findings(active, catalog)
    out += suppressions_table(result, "where", where)
    if result.roles:
        out += ["### Scope", "", f"- {table_cell(roles_line(result))}"]
        if result.out_of_scope:
            out.append(f"- {table_cell(out_of_scope_line(result))}")
        out.append("")
    if result.notices:
        out += ["### Notices", ""] + [f"- {table_cell(n)}" for n in result.notices] + [""]
    return "\n".join(out)


def _articles(result: ScanResult, catalog: Catalog) -> list[str]:
    out = ["### By GDPR article", "", "| article | title | basis | findings | rules |", "|---|---|---|---|---|"]
    for label, findings in by_article(result, catalog).items():
        article = next(a for f in findings for a in catalog.rules[f.rule_id].gdpr if a.label == label)
        bases = {a.basis for f in findings for a in catalog.rules[f.rule_id].gdpr if a.label == label}
        basis = "as the CNIL applied it" if bases == {"cnil"} else "our reading"
        rules = ", ".join(sorted({f.rule_id for f in findings}))
        out.append(f"| {label} | {article.title} | {basis} | {len(findings)} | {rules} |")
    return out + [""]


def _precedents(result: ScanResult, catalog: Catalog) -> list[str]:
    out = ["### CNIL precedent", "",
           "How many of your findings detect the same failing a CNIL decision found, and how many only "
           "resemble it (related precedent). Neither means your code breaches the GDPR.", "",
           "| precedent | decision | what the CNIL found there | same failing | related precedent |",
           "|---|---|---|---|---|"]
    for key, findings in by_cnil(result, catalog).items():
        cnil = catalog.findings[key]
        same, related = split_by_relation(key, findings, catalog)
        decision = f"[{cnil.decision}]({cnil.url})" if cnil.url else cnil.decision
        out.append(f"| {key} | {decision} ({cnil.organisation}) | {table_cell(cnil.text)} | {len(same)} | "
                   f"{len(related)} |")
    # Availability rules (family BAK) cite no CNIL sanction: say so rather than let them vanish from the count.
    bare = sorted({f.rule_id for f in result.active if (rule := catalog.get(f.rule_id)) and not rule.cnil})
    if bare:
        count = sum(1 for f in result.active if f.rule_id in bare)
        out += ["", f"{count} finding(s) cite no CNIL precedent ({', '.join(bare)}): no CNIL sanction in "
                "gdpr-guard's sources concerns them; they rest on gdpr-guard's reading of the GDPR alone."]
    return out + [""]


def _findings(active: tuple[Finding, ...], catalog: Catalog) -> list[str]:
    out = ["### Findings", ""]
    if len(active) > MAX_ROWS:
        out += [f"_Showing the first {MAX_ROWS} of {len(active)} findings: {len(active) - MAX_ROWS} are omitted "
                "here (a job summary is capped at 1 MiB). The full list is in the SARIF, JSON and HTML "
                "reports._", ""]
    out += ["| severity | rule | where | message | fix | GDPR · CNIL |", "|---|---|---|---|---|---|"]
    for finding in active[:MAX_ROWS]:
        rule = catalog.get(finding.rule_id)
        legal = f"{rule.articles_label} · {rule.cnil_label}" if rule else ""
        fix = first_sentence(rule.remediation) if rule else ""
        message = finding.message + data_note(finding) + confidence_note(finding)
        out.append(f"| {finding.severity} | {finding.rule_id} | `{table_cell(where(finding))}` | "
                   f"{table_cell(message)} | {table_cell(fix)} | {legal} |")
    if len(active) > MAX_ROWS:
        out.append(f"\n_{len(active) - MAX_ROWS} more finding(s) omitted; see the SARIF, JSON or HTML report._")
    return out + [""]
