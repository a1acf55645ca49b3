"""Reports of `gdpr-guard review`: Markdown for a pull-request comment, and JSON."""

from __future__ import annotations

import json
from typing import Any

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import Location, Severity
from gdpr_guard.legal_notice import DISCLAIMER
from gdpr_guard.plan_review import Review, failing
from gdpr_guard.reporters.common import data_note, suppressions_table, table_cell

ACTION_ORDER = ("create", "update", "replace", "delete", "read", "no-op")


def _counts_line(counts: dict[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda kv: (ACTION_ORDER.index(kv[0]) if kv[0] in ACTION_ORDER else 99, kv[0]))
    return " · ".join(f"{n} {a}" for a, n in ordered) or "no resource changes"


def markdown(review_: Review, catalog: Catalog, fail_on: Severity = Severity.LOW) -> str:
    """A report for a pull-request comment."""
    result = review_.result
    active = list(result.active)
    status = ("❌ scan incomplete" if result.errors else "❌ findings in the change" if failing(review_, fail_on)
              else "⚠️ findings below the fail-on threshold" if active else "✅ no findings in the change")
    version = f" (Terraform {review_.terraform_version})" if review_.terraform_version else ""
    out = ["## gdpr-guard review of a Terraform plan", "",
           f"**{status}** · plan `{review_.plan}`{version} · {_counts_line(review_.counts)} · "
           f"fail-on: {fail_on}", "", f"> {DISCLAIMER}", ""]
    if result.errors:
        out += ["### Scan errors", "", "The scan could not look everywhere; this review cannot be trusted.", ""]
        out += [f"- `{table_cell(e.message)}`" for e in result.errors] + [""]
    out += ["### Findings in the change", "",
            "Resources this plan creates, updates or replaces.", ""]
    if active:
        out += ["| severity | rule | resource | action | where | message | GDPR · CNIL |",
                "|---|---|---|---|---|---|---|"]
        for finding in active:
            rule = catalog.get(finding.rule_id)
            legal = f"{rule.articles_label} · {rule.cnil_label}" if rule else ""
            data = data_note(finding)
            loc = finding.location
            out.append(f"| {finding.severity} | {finding.rule_id} | `{table_cell(finding.resource or '')}` | "
                       f"{review_.actions.get(finding.resource or '', '')} | "
                       f"`{table_cell(loc.path)}:{loc.start_line}` | "
                       f"{table_cell(finding.message + data)} | {legal} |")
    else:
        out.append("No finding on the resources this plan creates, updates or replaces.")
    out.append("")
    out += ["### Destroyed resources that held personal data", "",
            "Deletion evidence (GDPR Art. 5(1)(e) storage limitation; Art. 28(3)(g) for a processor): "
            "the prior state of these resources shows personal data, and the plan destroys them.", ""]
    if review_.destroyed:
        out += ["| resource | action | data | why |", "|---|---|---|---|"]
        for item in review_.destroyed:
            out.append(f"| `{table_cell(item.address)}` | {item.action} | {item.label} | {table_cell(item.reason)} |")
    else:
        out.append("None.")
    out.append("")
    out += suppressions_table(result, "resource", lambda finding: finding.resource or "")
    if review_.not_reviewed:
        out += [f"_{review_.not_reviewed} finding(s) on resources this plan does not change are not shown; "
                "`gdpr-guard scan` on the plan or the configuration lists them._", ""]
    return "\n".join(out)


def to_json(review_: Review, catalog: Catalog, fail_on: Severity = Severity.LOW) -> str:
    """The review as JSON (stable keys, sorted)."""
    result = review_.result

    def loc(location: Location | None) -> dict[str, Any] | None:
        if location is None:
            return None
        return {"path": location.path, "start_line": location.start_line, "end_line": location.end_line}

    document = {
        "format_version": 1,
        "plan": review_.plan,
        "terraform_version": review_.terraform_version,
        "status": "error" if result.errors else ("findings" if failing(review_, fail_on) else "clean"),
        "fail_on": str(fail_on),
        "changes": review_.counts,
        "findings": [{
            "rule_id": f.rule_id, "severity": str(f.severity), "resource": f.resource,
            "action": review_.actions.get(f.resource or ""), "location": loc(f.location), "message": f.message,
            "data_category": f.data_category, "data_reason": f.data_reason, "fingerprint": f.fingerprint,
            "suppressed": f.suppression is not None,
        } for f in result.findings],
        "destroyed_personal_data": [{
            "address": d.address, "action": d.action, "data_category": d.category, "reason": d.reason,
            "location": loc(d.location),
        } for d in review_.destroyed],
        "not_reviewed": review_.not_reviewed,
        "errors": [{"source": e.source, "path": e.path, "message": e.message} for e in result.errors],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
