"""Terraform change review: findings on what a plan creates, updates or replaces, and what it destroys.

`review(plan_path, root, config, catalog)` keeps only findings on resources the plan creates,
updates or replaces (the change under review), and lists separately the destroyed resources that
held personal data: deletion evidence for the DEL findings (Art. 5(1)(e); Art. 28(3)(g) for a
processor). The reports are in `reporters/review.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gdpr_guard import personal_data, terraform_plan
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.errors import UsageError
from gdpr_guard.finding import DataCategory, Finding, Location, RawFinding, ScanResult, Severity

# Attributes whose values name what a resource holds (an RDS identifier, a bucket name ...).
NAME_ATTRIBUTES = ("name", "identifier", "bucket", "db_name", "database_name", "cluster_identifier",
                   "table_name", "function_name", "name_prefix", "bucket_prefix", "identifier_prefix",
                   "domain_name", "repository_name", "topic_name", "queue_name")

@dataclass(frozen=True)
class DestroyedResource:
    """A resource the plan destroys that held personal data."""

    address: str
    action: str
    category: DataCategory
    reason: str
    label: str = "personal data"
    """What was detected (`special category: health`)."""
    location: Location | None = None
    """Where the resource was declared, if it still is (a replacement); deleted blocks are gone."""


@dataclass(frozen=True)
class Review:
    """What `gdpr-guard review` reports."""

    plan: str
    """The plan file, relative to the root when under it."""
    terraform_version: str
    result: ScanResult
    """Findings on created/updated/replaced resources only (errors of the whole scan kept)."""
    actions: dict[str, str] = field(default_factory=dict)
    """Finding resource address -> action, for every finding in `result`."""
    destroyed: tuple[DestroyedResource, ...] = ()
    """Destroyed resources that held personal data."""
    not_reviewed: int = 0
    """Findings left out because their resource is not changed by the plan."""
    counts: dict[str, int] = field(default_factory=dict)
    """Resource changes per action (create, update, replace, delete, no-op, read)."""


def _names(values: Any) -> list[str]:
    if not isinstance(values, dict):
        return []
    return [str(values[k]) for k in NAME_ATTRIBUTES if isinstance(values.get(k), (str, int)) and values.get(k)]


def _tags(values: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(values, dict):
        return ()
    tags: dict[str, str] = {}
    for key in ("tags_all", "tags", "labels"):
        if isinstance(values.get(key), dict):
            tags.update({str(k): str(v) for k, v in values[key].items()})
    return tuple(sorted(tags.items()))


def destroyed_personal_data(plan: terraform_plan.Plan, config: Config) -> list[DestroyedResource]:
    """Destroyed (deleted or replaced) resources whose prior state shows personal data."""
    out = []
    for change in plan.changes:
        if not change.destroys:
            continue
        probe = RawFinding(rule_id="", location=Location("", 1, 1), engine="terraform", resource=change.address,
                           context="\n".join(_names(change.before)), tags=_tags(change.before))
        data = personal_data.classify(probe, config.personal_data)
        if data is not None:
            out.append(DestroyedResource(change.address, change.action, data.category, data.reason, label=data.label))
    return sorted(out, key=lambda d: d.address)


def review(plan_path: str | Path, root: Path, config: Config, catalog: Catalog) -> Review:
    """Scan the plan and keep what the change under review introduces."""
    from gdpr_guard import scan

    root = root.resolve()
    plan = terraform_plan.load(plan_path)
    if root not in Path(plan_path).resolve().parents:
        raise UsageError(f"{plan_path}: the plan must be under the repository root {root} (--root)")
    full = scan.run_scan([plan_path], root, config, catalog)
    if not full.errors and full.targets.get("terraform_plan") != 1:
        raise UsageError(f"{plan_path}: not scanned as a Terraform plan (excluded by the configuration, or "
                         "format_version/planned_values not at the start of the file)")
    kept: list[Finding] = []
    actions: dict[str, str] = {}
    dropped = 0
    for finding in full.findings:
        change = plan.change(finding.resource)
        if change is None or not change.reviewed:
            dropped += finding.suppression is None
            continue
        kept.append(finding)
        actions[finding.resource or ""] = change.action
    counts: dict[str, int] = {}
    for change in plan.changes:
        if change.mode == "managed":
            counts[change.action] = counts.get(change.action, 0) + 1
    destroyed = destroyed_personal_data(plan, config)
    located = terraform_plan.locate(plan, root) if any(d.action == "replace" for d in destroyed) else {}
    destroyed = [replace(d, location=located.get(terraform_plan.strip_keys(d.address))) for d in destroyed]
    try:
        shown = Path(plan_path).resolve().relative_to(root).as_posix()
    except ValueError:
        shown = str(plan_path)
    return Review(plan=shown, terraform_version=plan.terraform_version, result=replace(full, findings=tuple(kept)),
                  actions=dict(sorted(actions.items())), destroyed=tuple(destroyed), not_reviewed=dropped,
                  counts=dict(sorted(counts.items())))


def failing(review_: Review, fail_on: Severity) -> list[Finding]:
    """Active findings of the change at or above the threshold."""
    return [f for f in review_.result.active if f.severity >= fail_on]
