"""JSON report, our own versioned shape (see docs/json-format.md)."""

from __future__ import annotations

import json
from typing import Any

from gdpr_guard import __version__
from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import Finding, Location, ScanResult
from gdpr_guard.reporters.common import ReportOptions, severity_counts

FORMAT_VERSION = 2  # 2: personal_data.category `health` became `special` (all Art. 9(1), Art. 10, national ids)


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    document = {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "gdpr-guard", "version": __version__, "engines": result.engines},
        "status": "error" if result.errors else ("findings" if result.active else "clean"),
        "summary": {
            "findings": len(result.active),
            "suppressed": len(result.findings) - len(result.active),
            "by_severity": severity_counts(result.active),
            "fail_on": str(options.fail_on),
            "targets": result.targets,
            "roles": {role: {"files": n, "families": list(result.families.get(role, ()))}
                      for role, n in result.roles.items()},
            "out_of_scope": [{"rule_id": o.rule_id, "role": o.role, "findings": o.count}
                             for o in result.out_of_scope],
            "errors": len(result.errors),
        },
        "findings": [_finding(f, catalog) for f in result.findings],
        "errors": [{"source": e.source, "path": e.path, "message": e.message} for e in result.errors],
        "notices": list(result.notices),
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _location(location: Location) -> dict[str, Any]:
    return {"path": location.path, "start_line": location.start_line, "end_line": location.end_line,
            "start_column": location.start_column, "end_column": location.end_column}


def _finding(finding: Finding, catalog: Catalog) -> dict[str, Any]:
    rule = catalog.get(finding.rule_id)
    out: dict[str, Any] = {
        "rule_id": finding.rule_id,
        "title": rule.title if rule else "",
        "severity": str(finding.severity),
        "message": finding.message,
        "location": _location(finding.location),
        "resource": finding.resource,
        "snippet": finding.snippet,
        "gdpr": [{"article": a.article, "paragraph": a.paragraph, "label": a.label, "basis": a.basis}
                 for a in (rule.gdpr if rule else ())],
        "cnil": [{"id": c.id, "decision": c.decision, "finding": c.text, "match": c.match}
                 for c in (rule.cnil if rule else ())],
        "personal_data": ({"category": finding.data_category, "label": finding.data_label,
                           "reason": finding.data_reason}
                          if finding.data_category else None),
        "related": [_location(r) for r in finding.related],
        "block": _location(finding.block) if finding.block else None,
        "confidence": finding.confidence,
        "weak_evidence": finding.weak_evidence,
        "fingerprint": finding.fingerprint,
        "engine": finding.engine,
        "suppression": None,
    }
    if finding.suppression is not None:
        s = finding.suppression
        out["suppression"] = {"kind": s.kind, "reason": s.reason, "until": s.until,
                              "location": _location(s.location) if s.location else None}
    return out
