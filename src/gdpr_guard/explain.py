"""A rule's documentation, from its catalog entry: used by `explain`, SARIF help and docs/rules.md."""

from __future__ import annotations

import textwrap

from gdpr_guard.catalog import Catalog, CnilFinding, Engine, Rule
from gdpr_guard.legal_notice import DISCLAIMER, NO_PRECEDENT_LINE, basis_words

FENCE = {"checkov": "hcl", "semgrep": "", "sql": "sql", "gdpr-guard": ""}
_LANG_BY_DIR = {"python": "python", "shell": "bash", "sql": "sql"}


def legal_lines(rule: Rule, links: bool = False) -> list[str]:
    """One line per GDPR article and CNIL finding, with the basis of the mapping and the kind of precedent."""
    lines = []
    for article in rule.gdpr:
        lines.append(f"GDPR {article.label} ({article.title}), {basis_words(article.basis)}")
    for finding in rule.cnil:
        lines.append(cnil_line(finding, links))
    if not rule.cnil:
        lines.append(NO_PRECEDENT_LINE)
    return lines


def articles_with_basis(rule: Rule) -> str:
    """`Art. 32 (CNIL), Art. 32(1)(a) (ours)`."""
    return ", ".join(f"{a.label} ({'CNIL' if a.basis == 'cnil' else 'ours'})" for a in rule.gdpr)


def cnil_line(finding: CnilFinding, links: bool = False) -> str:
    """`CNIL DED-3b, same failing as SAN-2022-009 (Dedalus Biologie, 2022-04-15): ...`."""
    decision = f"[{finding.decision}]({finding.url})" if links and finding.url else finding.decision
    return (f"CNIL {finding.id}, {finding.relation} {decision} ({finding.organisation}, {finding.date}): "
            f"{finding.text}" + (f' « {finding.french} »' if finding.french else ""))


def _fence(rule: Rule) -> str:
    if rule.engine is Engine.CHECKOV:
        return "hcl"
    parts = (rule.policy or "").split("/")
    return _LANG_BY_DIR.get(parts[1], "") if len(parts) > 2 else ""


def markdown(rule: Rule, heading: str = "##", disclaimer: bool = True) -> str:
    """The rule's section: what it catches, why it matters, example, fix (and the notice, unless the
    document carrying many sections prints it once)."""
    fence = _fence(rule)
    out = [
        f"{heading} {rule.id}: {rule.title}",
        "",
        *([f"> {DISCLAIMER}", ""] if disclaimer else []),
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
        *[f"- {line}" for line in legal_lines(rule, links=True)],
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


def backing(rule: Rule) -> str:
    """Which engine check backs the rule: one of checkov's built-in checks or a policy of ours."""
    if rule.builtin:
        line = f"Backed by checkov's built-in check `{rule.engine_rule}` (no policy of ours)."
    else:
        line = f"Backed by our {rule.engine} policy `policies/{rule.policy}` (`{rule.engine_rule}`)."
    return line + (f" {rule.engine_note}" if rule.engine_note else "")


def text(rule: Rule) -> str:
    """Plain-text version for the terminal (`gdpr-guard explain`)."""
    out = [f"{rule.id}  {rule.title}", f"severity: {rule.severity}   family: {rule.family}   "
           f"engine: {rule.engine} ({rule.engine_rule})   personal data: {rule.personal_data}",
           f"applies to files of role: {', '.join(r.value for r in rule.roles)}"
           + ("   evidence: a name pattern (findings are low confidence)" if rule.evidence == "name" else ""), ""]
    out += ["Legal mapping:"] + [f"  - {line}" for line in legal_lines(rule)] + [""]
    out += ["Note:", _indent(_wrap(DISCLAIMER)), ""]
    out += ["Why it matters:", _indent(rule.rationale), "", "Remediation:", _indent(rule.remediation), ""]
    out += ["Failing example:", _indent(rule.example_fail.rstrip()), "", "Fixed:", _indent(rule.example_fix.rstrip())]
    if rule.references:
        out += ["", "References:"] + [f"  - {t}" + (f" <{u}>" if u else "") for t, u in rule.references]
    return "\n".join(out) + "\n"


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, width=98))


def _indent(block: str) -> str:
    return "\n".join("  " + line if line else "" for line in block.splitlines())


def rules_document(catalog: Catalog) -> str:
    """docs/rules.md: every rule, generated; a test fails when the committed file differs."""
    rules = sorted(catalog.rules.values(), key=lambda r: (r.family, r.id))
    out = ["# gdpr-guard rules", "",
           "<!-- Generated from policies/catalog.yaml by `python -m gdpr_guard.docs`. Do not edit. -->", "",
           f"> {DISCLAIMER}", "",
           "The GDPR column marks each article *(CNIL)* when the CNIL itself tied the failing to it, and "
           "*(ours)* for our own reading; the CNIL column says whether the rule detects the same failing the "
           "CNIL found (*same*) or cites a related precedent (*related*). Arguments and sources: "
           "[legal-notes.md](legal-notes.md).", "",
           "| id | title | severity | GDPR | CNIL |", "|---|---|---|---|---|"]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.title} | {r.severity} | {articles_with_basis(r)} | {r.cnil_label} |"
            for r in rules]
    out.append("")
    for rule in rules:
        section = markdown(rule, disclaimer=False).split("\n", 1)
        out += [f'<a id="{rule.id.lower()}"></a>', "", section[0], "", backing(rule), "", section[1].lstrip("\n")]
    return "\n".join(out)
