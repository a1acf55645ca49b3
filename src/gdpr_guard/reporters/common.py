"""What reporters share: options, severity vocabularies, grouping by article and CNIL finding."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import Finding, ScanResult, Severity


def table_cell(text: str) -> str:
    """`text` as one Markdown table cell: pipes escaped, on one line."""
    return text.replace("|", "\\|").replace("\n", " ")


def suppressions_table(result: ScanResult, column: str, place: Callable[[Finding], str]) -> list[str]:
    """Markdown lines of the suppressions granted (accountability, Art. 5(2)); none when there are none.

    `column` names the place column (`where`, `resource`) and `place` fills it.
    """
    suppressed = [f for f in result.findings if f.suppression is not None]
    if not suppressed:
        return []
    out = ["### Suppressions granted (accountability, Art. 5(2))", "",
           f"| rule | {column} | kind | reason | until |", "|---|---|---|---|---|"]
    for finding in suppressed:
        s = finding.suppression
        assert s is not None
        out.append(f"| {finding.rule_id} | `{table_cell(place(finding))}` | {s.kind} | {table_cell(s.reason)} | "
                   f"{s.until or ''} |")
    return out + [""]


SECURITY_SEVERITY = {Severity.LOW: "3.0", Severity.MEDIUM: "5.5", Severity.HIGH: "8.0", Severity.CRITICAL: "9.5"}
SARIF_LEVEL = {Severity.LOW: "note", Severity.MEDIUM: "warning", Severity.HIGH: "error", Severity.CRITICAL: "error"}


@dataclass(frozen=True)
class ReportOptions:
    """Choices that change what a report shows."""

    fail_on: Severity = Severity.LOW
    """Threshold, shown in summaries."""
    include_suppressed: bool = True
    """SARIF: keep suppressed results (with `suppressions`); GitHub users may prefer them left out."""


def by_article(result: ScanResult, catalog: Catalog) -> dict[str, list[Finding]]:
    """Active findings grouped by GDPR article label (`Art. 32(1)(a)`), in article order."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.active:
        rule = catalog.get(finding.rule_id)
        for article in rule.gdpr if rule else ():
            groups[article.label].append(finding)
    return dict(sorted(groups.items(), key=lambda item: _article_key(item[0])))


def by_cnil(result: ScanResult, catalog: Catalog) -> dict[str, list[Finding]]:
    """Active findings grouped by CNIL finding id."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.active:
        rule = catalog.get(finding.rule_id)
        for cnil in rule.cnil if rule else ():
            groups[cnil.id].append(finding)
    return dict(sorted(groups.items()))


def split_by_relation(key: str, findings: list[Finding], catalog: Catalog) -> tuple[list[Finding], list[Finding]]:
    """Findings of one CNIL finding split into (same failing, related precedent)."""
    same: list[Finding] = []
    related: list[Finding] = []
    for finding in findings:
        rule = catalog.rules[finding.rule_id]
        is_same = any(c.id == key and c.same for c in rule.cnil)
        (same if is_same else related).append(finding)
    return same, related


def data_note(finding: Finding) -> str:
    """` (special category: health; tag data_classification=health)`, or nothing."""
    if not finding.data_category:
        return ""
    return f" ({finding.data_label or finding.data_category + ' data'}; {finding.data_reason})"


def _article_key(label: str) -> tuple[int, str]:
    number = label.removeprefix("Art. ").split("(", 1)[0]
    return (int(number) if number.isdigit() else 999, label)


def severity_counts(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, int]:
    """Counts per severity name, highest first, zeros included."""
    counts = {str(s): 0 for s in sorted(Severity, reverse=True)}
    for finding in findings:
        counts[str(finding.severity)] += 1
    return counts


def roles_line(result: ScanResult) -> str:
    """`files by role: 12 application (CRED, ENC, ...), 40 test (no rule applies)`."""
    parts = [f"{n} {role} ({', '.join(result.families.get(role, ())) or 'no rule applies'})"
             for role, n in result.roles.items()]
    return "files by role: " + (", ".join(parts) or "none")


def out_of_scope_line(result: ScanResult) -> str:
    """What the rules' roles left out, or an empty string."""
    if not result.out_of_scope:
        return ""
    total = sum(o.count for o in result.out_of_scope)
    parts = ", ".join(f"{o.count} {o.rule_id} in {o.role}" for o in result.out_of_scope)
    return (f"{total} finding(s) not reported because the rule does not apply to the file's role: {parts} "
            "(change with `roles:` in .gdpr-guard.yaml)")


def confidence_note(finding: Finding) -> str:
    """` [low confidence: why]` for a finding on weak evidence, else empty."""
    return f" [low confidence: {finding.weak_evidence}]" if finding.weak_evidence else ""


def where(finding: Finding) -> str:
    """`path:line` or `path:line (resource)`."""
    text = f"{finding.location.path}:{finding.location.start_line}"
    return f"{text} ({finding.resource})" if finding.resource else text
