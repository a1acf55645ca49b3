"""A rule's documentation, from its catalog entry: used by `explain`, SARIF help and docs/rules.md."""

from __future__ import annotations

from gdpr_guard.catalog import Catalog, Rule

FENCE = {"checkov": "hcl", "semgrep": "", "gdpr-guard": ""}
_LANG_BY_DIR = {"python": "python", "shell": "bash", "sql": "sql"}


def legal_lines(rule: Rule) -> list[str]:
    """One line per GDPR article and CNIL finding, with the basis of the mapping."""
    lines = []
    for article in rule.gdpr:
        basis = "as the CNIL applied it" if article.basis == "cnil" else "our reading of the article"
        lines.append(f"GDPR {article.label} ({article.title}), {basis}")
    for finding in rule.cnil:
        lines.append(f"CNIL {finding.id}: {finding.decision} ({finding.organisation}, {finding.date}): "
                     f"{finding.text}" + (f' « {finding.french} »' if finding.french else ""))
    return lines


def _fence(rule: Rule) -> str:
    if rule.engine == "checkov":
        return "hcl"
    parts = rule.policy.split("/")
    return _LANG_BY_DIR.get(parts[1], "") if len(parts) > 2 else ""


def markdown(rule: Rule, heading: str = "##") -> str:
    """The rule's section: what it catches, why it matters, example, fix."""
    fence = _fence(rule)
    out = [
        f"{heading} {rule.id}: {rule.title}",
        "",
        f"Severity **{rule.severity}** · family {rule.family} · engine {rule.engine} · "
        f"personal data: {rule.personal_data}",
        "",
        f"Applies to files of role: {', '.join(r.value for r in rule.roles)}"
        + (" · evidence: a name pattern (findings are low confidence)" if rule.evidence == "name" else ""),
        "",
        "### What it catches" if heading == "##" else "**What it catches**",
        "",
        rule.message.replace("{resource}", "the resource"),
        "",
        "### Why it matters" if heading == "##" else "**Why it matters**",
        "",
        rule.rationale,
        "",
        *[f"- {line}" for line in legal_lines(rule)],
        "",
        "### Example" if heading == "##" else "**Example**",
        "",
        f"```{fence}",
        rule.example_fail.rstrip("\n"),
        "```",
        "",
        "### Fix" if heading == "##" else "**Fix**",
        "",
        rule.remediation,
        "",
        f"```{fence}",
        rule.example_fix.rstrip("\n"),
        "```",
    ]
    if rule.references:
        out += ["", "References:", ""]
        out += [f"- [{title}]({url})" if url else f"- {title}" for title, url in rule.references]
    return "\n".join(out) + "\n"


def text(rule: Rule) -> str:
    """Plain-text version for the terminal (`gdpr-guard explain`)."""
    out = [f"{rule.id}  {rule.title}", f"severity: {rule.severity}   family: {rule.family}   "
           f"engine: {rule.engine} ({rule.engine_rule})   personal data: {rule.personal_data}",
           f"applies to files of role: {', '.join(r.value for r in rule.roles)}"
           + ("   evidence: a name pattern (findings are low confidence)" if rule.evidence == "name" else ""), ""]
    out += ["Legal mapping:"] + [f"  - {line}" for line in legal_lines(rule)] + [""]
    out += ["Why it matters:", _indent(rule.rationale), "", "Remediation:", _indent(rule.remediation), ""]
    out += ["Failing example:", _indent(rule.example_fail.rstrip()), "", "Fixed:", _indent(rule.example_fix.rstrip())]
    if rule.references:
        out += ["", "References:"] + [f"  - {t}" + (f" <{u}>" if u else "") for t, u in rule.references]
    return "\n".join(out) + "\n"


def _indent(block: str) -> str:
    return "\n".join("  " + line if line else "" for line in block.splitlines())


def rules_document(catalog: Catalog) -> str:
    """docs/rules.md: every rule, generated; a test fails when the committed file differs."""
    rules = sorted(catalog.rules.values(), key=lambda r: (r.family, r.id))
    out = ["# gdpr-guard rules", "",
           "<!-- Generated from policies/catalog.yaml by `python -m gdpr_guard.docs`. Do not edit. -->", "",
           "| id | title | severity | GDPR | CNIL |", "|---|---|---|---|---|"]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.title} | {r.severity} | {r.articles_label} | {r.cnil_label} |"
            for r in rules]
    out.append("")
    for rule in rules:
        out += [f'<a id="{rule.id.lower()}"></a>', "", markdown(rule)]
    return "\n".join(out)
