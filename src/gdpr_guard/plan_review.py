"""Terraform change review: a `terraform show -json` plan, its findings, and what it destroys.

- `load(path)` reads a plan in Terraform's documented JSON output format (`format_version`,
  `resource_changes[].change.actions/before/after`, `configuration.root_module`).
- `locate(plan, root)` maps resource addresses to the `.tf` block that declares them: it finds the
  Terraform root module under the repository root by matching the plan's `configuration`, then
  follows local `module_calls` sources. checkov's own `--repo-root-for-plan-enrichment` matches on
  `type.name` only (module path dropped) anywhere under the root, so two modules or two
  environments declaring `aws_db_instance.main` are confused; this mapping is exact.
- `relocate(findings, plan_path, root)` points checkov's plan findings at those `.tf` lines (used by
  the checkov engine for every plan target).
- `review(plan_path, root, config, catalog)` keeps only findings on resources the plan creates,
  updates or replaces (the change under review), and lists separately the destroyed resources that
  held personal data: deletion evidence for the DEL findings (Art. 5(1)(e), Art. 17).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gdpr_guard import personal_data
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.errors import UsageError
from gdpr_guard.finding import Finding, Location, RawFinding, ScanResult, Severity
from gdpr_guard.targets import SKIPPED_DIRS

MAX_PLAN_BYTES = 200_000_000
MAX_TF_BYTES = 5_000_000
REVIEWED = ("create", "update")
# Attributes whose values name what a resource holds (an RDS identifier, a bucket name ...).
NAME_ATTRIBUTES = ("name", "identifier", "bucket", "db_name", "database_name", "cluster_identifier",
                   "table_name", "function_name", "name_prefix", "bucket_prefix", "identifier_prefix",
                   "domain_name", "repository_name", "topic_name", "queue_name")
_KEY = r'\[(?:"(?:[^"\\]|\\.)*"|\d+)\]'
ADDRESS = re.compile(rf'^(?P<modules>(?:module\.[\w-]+(?:{_KEY})?\.)*)(?P<data>data\.)?'
                     rf'(?P<type>[\w-]+)\.(?P<name>[\w-]+)(?:{_KEY})?$')
MODULE_STEP = re.compile(rf'module\.([\w-]+)(?:{_KEY})?\.')
BLOCK = re.compile(r'(?m)^[ \t]*(?P<kind>resource|data|module)[ \t]+"(?P<a>[^"]+)"(?:[ \t]+"(?P<b>[^"]+)")?[ \t]*\{')


@dataclass(frozen=True)
class ResourceChange:
    """One entry of `resource_changes`."""

    address: str
    """Full address, module path and instance key included."""
    type: str
    name: str
    mode: str
    actions: tuple[str, ...]
    """`create`, `update`, `delete`, `no-op`, `read`, or a replacement (`delete`+`create`)."""
    before: Any
    after: Any

    @property
    def action(self) -> str:
        """One word: create, update, replace, delete, read, no-op."""
        if "create" in self.actions and "delete" in self.actions:
            return "replace"
        return self.actions[0] if len(self.actions) == 1 else "+".join(self.actions)

    @property
    def reviewed(self) -> bool:
        """Part of the change under review: created, updated or replaced."""
        return self.mode == "managed" and any(a in REVIEWED for a in self.actions)

    @property
    def destroys(self) -> bool:
        """The existing object is destroyed (deleted or replaced)."""
        return self.mode == "managed" and "delete" in self.actions


@dataclass(frozen=True)
class Plan:
    """A parsed `terraform show -json` plan."""

    path: Path
    terraform_version: str
    changes: tuple[ResourceChange, ...]
    configuration: dict[str, Any]

    def change(self, address: str | None) -> ResourceChange | None:
        """The change of a resource address (instance keys included or not)."""
        if not address:
            return None
        for candidate in self.changes:
            if candidate.address == address:
                return candidate
        for candidate in self.changes:
            if _strip_keys(candidate.address) == _strip_keys(address):
                return candidate
        return None


@dataclass(frozen=True)
class DestroyedResource:
    """A resource the plan destroys that held personal data."""

    address: str
    action: str
    category: str
    """`personal` or `health`."""
    reason: str
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


# --------------------------------------------------------------------------------------- plan


def load(path: str | Path) -> Plan:
    """Read a `terraform show -json` file; UsageError if it is not one."""
    plan_path = Path(path)
    try:
        if plan_path.stat().st_size > MAX_PLAN_BYTES:
            raise UsageError(f"{path}: larger than {MAX_PLAN_BYTES} bytes")
        data = json.loads(plan_path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, dict) or "format_version" not in data or not (
            "resource_changes" in data or "planned_values" in data):
        raise UsageError(f"{path}: not a Terraform plan (expected `terraform show -json` output with "
                         "format_version and resource_changes)")
    changes = []
    for item in data.get("resource_changes") or []:
        if not isinstance(item, dict) or not isinstance(item.get("change"), dict):
            raise UsageError(f"{path}: resource_changes entries must be objects with a change")
        change = item["change"]
        changes.append(ResourceChange(
            address=str(item.get("address", "")), type=str(item.get("type", "")), name=str(item.get("name", "")),
            mode=str(item.get("mode", "managed")), actions=tuple(str(a) for a in change.get("actions") or ()),
            before=change.get("before"), after=change.get("after"),
        ))
    configuration = data.get("configuration") if isinstance(data.get("configuration"), dict) else {}
    return Plan(path=plan_path, terraform_version=str(data.get("terraform_version", "")),
                changes=tuple(changes), configuration=configuration or {})


def _strip_keys(address: str) -> str:
    return re.sub(_KEY, "", address)


# ------------------------------------------------------------------------- address -> .tf line


@dataclass(frozen=True)
class _Block:
    path: Path
    start: int
    end: int


def _blocks(directory: Path) -> dict[tuple[str, str, str], _Block]:
    """`resource`, `data` and `module` blocks of the .tf files of one directory: (kind, a, b) -> block."""
    found: dict[tuple[str, str, str], _Block] = {}
    try:
        files = sorted(p for p in directory.iterdir() if p.is_file() and p.name.endswith(".tf"))
    except OSError:
        return found
    for file in files:
        try:
            if file.stat().st_size > MAX_TF_BYTES:
                continue
            text = file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in BLOCK.finditer(text):
            start = text.count("\n", 0, match.start()) + 1
            end = start + text.count("\n", match.start(), _block_end(text, match.end() - 1))
            key = (match.group("kind"), match.group("a"), match.group("b") or "")
            found.setdefault(key, _Block(file, start, end))
    return found


def _block_end(text: str, open_brace: int) -> int:
    """Offset of the brace closing the one at `open_brace`; strings, comments and heredocs skipped."""
    depth, i, n = 0, open_brace, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "#" or text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            i = text.find("*/", i + 2)
            i = n if i < 0 else i + 1
        elif text.startswith("<<", i):
            heredoc = re.match(r"<<-?([A-Za-z_]\w*)[ \t]*\n", text[i:])
            if heredoc:
                close = re.compile(rf"(?m)^[ \t]*{heredoc.group(1)}[ \t]*$").search(text, i + heredoc.end())
                i = close.end() if close else n
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return n


def _tf_dirs(root: Path) -> list[Path]:
    dirs = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIPPED_DIRS)
        if any(name.endswith(".tf") for name in filenames):
            dirs.append(Path(dirpath))
    return dirs


def _declared(module: dict[str, Any]) -> set[tuple[str, str, str]]:
    keys = set()
    for resource in module.get("resources") or []:
        if isinstance(resource, dict):
            kind = "data" if resource.get("mode") == "data" else "resource"
            keys.add((kind, str(resource.get("type")), str(resource.get("name"))))
    for name in module.get("module_calls") or {}:
        keys.add(("module", str(name), ""))
    return keys


def _config_root(plan: Plan, root: Path) -> Path | None:
    """The directory under `root` whose .tf files declare the plan's root module."""
    wanted = _declared(plan.configuration.get("root_module") or {})
    if not wanted:
        return None
    near = [plan.path.resolve().parent, *plan.path.resolve().parents]
    best: tuple[int, int, int, str] | None = None
    chosen: Path | None = None
    for directory in _tf_dirs(root):
        have = set(_blocks(directory))
        score = len(wanted & have)
        if score == 0:
            continue
        closeness = -near.index(directory) if directory in near else -len(near)
        key = (score, -len(have - wanted), closeness, str(directory))
        if best is None or key[:3] > best[:3]:
            best, chosen = key, directory
    return chosen


def locate(plan: Plan, root: Path) -> dict[str, Location]:
    """Resource address (instance keys stripped) -> declaring `.tf` block, relative to `root`."""
    root = root.resolve()
    config_root = _config_root(plan, root)
    if config_root is None:
        return {}
    module_dirs: dict[str, Path | None] = {"": config_root}
    cache: dict[Path, dict[tuple[str, str, str], _Block]] = {}

    def module_dir(prefix: str, calls: list[str]) -> Path | None:
        key = prefix
        if key in module_dirs:
            return module_dirs[key]
        parent_prefix = "".join(f"module.{c}." for c in calls[:-1])
        parent = module_dir(parent_prefix, calls[:-1])
        directory = None
        if parent is not None:
            source = _module_source(plan.configuration, calls)
            if source and source.startswith(("./", "../")):
                candidate = (parent / source).resolve()
                if candidate.is_dir() and (candidate == root or root in candidate.parents):
                    directory = candidate
        module_dirs[key] = directory
        return directory

    located: dict[str, Location] = {}
    for change in plan.changes:
        address = _strip_keys(change.address)
        match = ADDRESS.match(address)
        if not match:
            continue
        calls = MODULE_STEP.findall(match.group("modules"))
        directory = module_dir("".join(f"module.{c}." for c in calls), calls)
        if directory is None:
            continue
        blocks = cache.setdefault(directory, _blocks(directory))
        kind = "data" if match.group("data") else "resource"
        block = blocks.get((kind, match.group("type"), match.group("name")))
        if block is not None:
            located[address] = Location(block.path.relative_to(root).as_posix(), block.start, block.end)
    return located


def _module_source(configuration: dict[str, Any], calls: list[str]) -> str | None:
    module = configuration.get("root_module") or {}
    source = None
    for call in calls:
        entry = (module.get("module_calls") or {}).get(call)
        if not isinstance(entry, dict):
            return None
        source = entry.get("source")
        module = entry.get("module") or {}
    return str(source) if source is not None else None


def _snippet(location: Location, root: Path) -> str:
    try:
        lines = (root / location.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[location.start_line - 1:location.end_line][:60])


def relocate(findings: Sequence[RawFinding], plan_path: Path, root: Path) -> list[RawFinding]:
    """Point plan findings at the `.tf` block declaring their resource, when it is under `root`.

    Findings whose resource cannot be located keep their place in the plan JSON.
    """
    if not findings:
        return list(findings)
    try:
        located = locate(load(plan_path), root)
    except UsageError:
        return list(findings)
    out = []
    for finding in findings:
        where = located.get(_strip_keys(finding.resource or ""))
        if where is None:
            out.append(finding)
            continue
        out.append(replace(finding, location=where, snippet=_snippet(where, root.resolve()) or finding.snippet))
    return out


# ------------------------------------------------------------------------------------ review


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


def destroyed_personal_data(plan: Plan, config: Config) -> list[DestroyedResource]:
    """Destroyed (deleted or replaced) resources whose prior state shows personal data."""
    out = []
    for change in plan.changes:
        if not change.destroys:
            continue
        probe = RawFinding(rule_id="", location=Location("", 1, 1), engine="terraform", resource=change.address,
                           context="\n".join(_names(change.before)), tags=_tags(change.before))
        data = personal_data.classify(probe, config.personal_data)
        if data is not None:
            out.append(DestroyedResource(change.address, change.action, data.category, data.reason))
    return sorted(out, key=lambda d: d.address)


def review(plan_path: str | Path, root: Path, config: Config, catalog: Catalog) -> Review:
    """Scan the plan and keep what the change under review introduces."""
    from gdpr_guard import scan

    root = root.resolve()
    plan = load(plan_path)
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
    located = locate(plan, root) if any(d.action == "replace" for d in destroyed) else {}
    destroyed = [replace(d, location=located.get(_strip_keys(d.address))) for d in destroyed]
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


# ---------------------------------------------------------------------------------- reports


ACTION_ORDER = ("create", "update", "replace", "delete", "read", "no-op")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


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
           f"fail-on: {fail_on}", ""]
    if result.errors:
        out += ["### Scan errors", "", "The scan could not look everywhere; this review cannot be trusted.", ""]
        out += [f"- `{_cell(e.message)}`" for e in result.errors] + [""]
    out += ["### Findings in the change", "",
            "Resources this plan creates, updates or replaces.", ""]
    if active:
        out += ["| severity | rule | resource | action | where | message | GDPR · CNIL |",
                "|---|---|---|---|---|---|---|"]
        for finding in active:
            rule = catalog.get(finding.rule_id)
            legal = f"{rule.articles_label} · {rule.cnil_label}" if rule else ""
            data = f" ({finding.data_category} data: {finding.data_reason})" if finding.data_category else ""
            loc = finding.location
            out.append(f"| {finding.severity} | {finding.rule_id} | `{_cell(finding.resource or '')}` | "
                       f"{review_.actions.get(finding.resource or '', '')} | `{_cell(loc.path)}:{loc.start_line}` | "
                       f"{_cell(finding.message + data)} | {legal} |")
    else:
        out.append("No finding on the resources this plan creates, updates or replaces.")
    out.append("")
    out += ["### Destroyed resources that held personal data", "",
            "Deletion evidence (GDPR Art. 5(1)(e) storage limitation, Art. 17 erasure): the prior state of "
            "these resources shows personal data, and the plan destroys them.", ""]
    if review_.destroyed:
        out += ["| resource | action | data | why |", "|---|---|---|---|"]
        for item in review_.destroyed:
            out.append(f"| `{_cell(item.address)}` | {item.action} | {item.category} | {_cell(item.reason)} |")
    else:
        out.append("None.")
    out.append("")
    suppressed = [f for f in result.findings if f.suppression is not None]
    if suppressed:
        out += ["### Suppressions granted (accountability, Art. 5(2))", "",
                "| rule | resource | kind | reason | until |", "|---|---|---|---|---|"]
        for finding in suppressed:
            s = finding.suppression
            assert s is not None
            out.append(f"| {finding.rule_id} | `{_cell(finding.resource or '')}` | {s.kind} | {_cell(s.reason)} | "
                       f"{s.until or ''} |")
        out.append("")
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
