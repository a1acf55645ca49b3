"""SARIF 2.1.0 for GitHub code scanning: one run, our rules with help and tags, GDPR/CNIL taxonomies."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from gdpr_guard import __version__, explain
from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.finding import Finding, Location, ScanResult, Severity, SuppressionKind
from gdpr_guard.reporters.common import SARIF_LEVEL, SECURITY_SEVERITY, ReportOptions

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/gdpr-guard/gdpr-guard"
FINGERPRINT_KEY = "gdprGuard/v1"
GDPR, CNIL = "GDPR", "CNIL"


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    rules = sorted(catalog.rules.values(), key=lambda r: r.id)
    rule_index = {r.id: i for i, r in enumerate(rules)}
    articles = catalog.gdpr_articles_used
    findings_ids = sorted({c.id for r in rules for c in r.cnil})
    taxa = {GDPR: {a: i for i, a in enumerate(articles)}, CNIL: {c: i for i, c in enumerate(findings_ids)}}
    reported = [f for f in result.findings if options.include_suppressed or f.suppression is None]
    results = [_result(f, catalog, rule_index, taxa) for f in reported]
    shown = shown_severities(reported)
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "gdpr-guard",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(r, taxa, shown.get(r.id, r.severity)) for r in rules],
            "supportedTaxonomies": [{"name": GDPR, "index": 0}, {"name": CNIL, "index": 1}],
        }},
        "taxonomies": [_gdpr_taxonomy(catalog, articles), _cnil_taxonomy(catalog, findings_ids)],
        "invocations": [_invocation(result)],
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"engines": result.engines, "targets": result.targets,
                       "roles": {role: {"files": n, "families": list(result.families.get(role, ()))}
                                 for role, n in result.roles.items()},
                       "outOfScope": [{"ruleId": o.rule_id, "role": o.role, "findings": o.count}
                                      for o in result.out_of_scope]},
    }
    document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    # Compact: json's C encoder only serves indent=None, and a large scan's SARIF is megabytes.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def shown_severities(findings: list[Finding]) -> dict[str, Severity]:
    """Per rule, the highest severity of its results in this run: the rule's `security-severity`.

    GitHub documents `security-severity` on the rule only (docs.github.com, "SARIF support for code
    scanning", reportingDescriptor object); the SARIF spec editor read it as not overridable per result
    (microsoft/sarif-sdk#2705, 2023), while a GitHub engineer says a result's own value does override it,
    undocumented (fortify/FortifyVulnerabilityExporter#72, 2025-01-16). Both are served: each result keeps
    its own value, and the rule carries the highest one of the run, so an escalated (critical) finding
    never shows as its rule's base severity; rule ids and fingerprints do not change.
    """
    shown: dict[str, Severity] = {}
    for finding in findings:
        shown[finding.rule_id] = max(shown.get(finding.rule_id, finding.severity), finding.severity)
    return shown


def _rule(rule: Rule, taxa: dict[str, dict[str, int]], shown: Severity) -> dict[str, Any]:
    relationships = [_relationship(GDPR, 0, a.article, taxa) for a in _unique_articles(rule)]
    relationships += [_relationship(CNIL, 1, c.id, taxa) for c in rule.cnil]
    return {
        "id": rule.id,
        "name": "".join(w.capitalize() for w in rule.title.replace("-", " ").split() if w.isalnum())[:100] or rule.id,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": explain.text(rule), "markdown": explain.markdown(rule, heading="###")},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "relationships": relationships,
        "properties": {
            "tags": list(rule.tags),
            "security-severity": SECURITY_SEVERITY[shown],
            "precision": rule.precision,
            "problem.severity": "error" if SARIF_LEVEL[rule.severity] == "error" else "warning",
            "gdpr": [a.label for a in rule.gdpr],
            "cnil": [c.id for c in rule.cnil],
        },
    }


def _unique_articles(rule: Rule) -> list[Any]:
    seen: dict[str, Any] = {}
    for article in rule.gdpr:
        seen.setdefault(article.article, article)
    return list(seen.values())


def _relationship(component: str, index: int, taxon: str, taxa: dict[str, dict[str, int]]) -> dict[str, Any]:
    return {"target": {"id": _taxon_id(component, taxon), "index": taxa[component][taxon],
                       "toolComponent": {"name": component, "index": index}},
            "kinds": ["relevant"]}


def _taxon_id(component: str, key: str) -> str:
    return f"art-{key}" if component == GDPR else key


def _gdpr_taxonomy(catalog: Catalog, articles: list[str]) -> dict[str, Any]:
    return {
        "name": GDPR,
        "fullName": "Regulation (EU) 2016/679 (General Data Protection Regulation)",
        "organization": "European Union",
        "informationUri": "https://eur-lex.europa.eu/eli/reg/2016/679/oj",
        "isComprehensive": False,
        "taxa": [{"id": f"art-{a}", "name": f"Art. {a}", "shortDescription": {"text": catalog.articles[a]}}
                 for a in articles],
    }


def _cnil_taxonomy(catalog: Catalog, ids: list[str]) -> dict[str, Any]:
    taxa = []
    for key in ids:
        finding = catalog.findings[key]
        taxa.append({"id": key, "name": f"{finding.decision} {finding.organisation}",
                     "shortDescription": {"text": finding.text},
                     "properties": {"decision": finding.decision, "date": finding.date, "article": finding.article}})
    return {"name": CNIL, "fullName": "CNIL sanctions (Commission nationale de l'informatique et des libertés)",
            "organization": "CNIL", "informationUri": "https://www.cnil.fr/", "isComprehensive": False,
            "taxa": taxa}


def _region(location: Location, snippet: str = "") -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": location.start_line}
    if location.end_line != location.start_line:
        region["endLine"] = location.end_line
    if location.start_column:
        region["startColumn"] = location.start_column
    if location.end_column and (location.end_line != location.start_line
                                or location.end_column > (location.start_column or 0)):
        region["endColumn"] = location.end_column
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _physical(location: Location, snippet: str = "") -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(location.path), "uriBaseId": "%SRCROOT%"},
                                 "region": _region(location, snippet)}}


def _uri(path: str) -> str:
    return quote(path, safe="/")


def _result(finding: Finding, catalog: Catalog, rule_index: dict[str, int],
            taxa: dict[str, dict[str, int]]) -> dict[str, Any]:
    rule = catalog.rules[finding.rule_id]
    location = _physical(finding.location, _region_snippet(finding))
    if finding.resource:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.resource, "kind": "resource"}]
    out: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index[finding.rule_id],
        "level": SARIF_LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "taxa": [{"id": _taxon_id(GDPR, a.article), "index": taxa[GDPR][a.article],
                  "toolComponent": {"name": GDPR, "index": 0}} for a in _unique_articles(rule)]
        + [{"id": c.id, "index": taxa[CNIL][c.id], "toolComponent": {"name": CNIL, "index": 1}} for c in rule.cnil],
        "properties": {"severity": str(finding.severity),
                       "security-severity": SECURITY_SEVERITY[finding.severity]},
    }
    out["properties"]["confidence"] = finding.confidence
    if finding.weak_evidence:
        out["properties"]["weak-evidence"] = finding.weak_evidence
    if finding.data_category:
        out["properties"]["personal-data"] = {"category": finding.data_category, "label": finding.data_label,
                                              "reason": finding.data_reason}
    related = [_physical(loc) for loc in finding.related]
    if finding.block is not None:
        # The resource block around the failing attribute: where a reviewer reads its context.
        block = _physical(finding.block, finding.snippet)
        block["message"] = {"text": f"resource block {finding.resource}" if finding.resource else "block"}
        related.insert(0, block)
    if related:
        out["relatedLocations"] = [dict(loc, id=i) for i, loc in enumerate(related, 1)]
    if finding.suppression is not None:
        s = finding.suppression
        out["suppressions"] = [{"kind": "inSource" if s.kind is SuppressionKind.INLINE else "external",
                                "status": "accepted", "justification": s.reason}]
    return out


def _region_snippet(finding: Finding) -> str:
    """The snippet of the reported region: for a finding narrowed inside its block, the block's lines it spans."""
    block, loc = finding.block, finding.location
    if block is None:
        return finding.snippet
    lines = finding.snippet.split("\n")
    if len(lines) != block.end_line - block.start_line + 1:
        return ""
    return "\n".join(lines[loc.start_line - block.start_line:loc.end_line - block.start_line + 1])


def _invocation(result: ScanResult) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    notifications = []
    for error in result.errors:
        note: dict[str, Any] = {"level": "error", "message": {"text": error.message},
                                "descriptor": {"id": f"scan-error/{error.source}"}}
        if error.path:
            note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path),
                                                                            "uriBaseId": "%SRCROOT%"}}}]
        notifications.append(note)
    for notice in result.notices:
        notifications.append({"level": "warning", "message": {"text": notice}})
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
