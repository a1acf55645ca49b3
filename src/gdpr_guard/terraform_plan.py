"""Terraform plans (`terraform show -json`): read them, and map their resource addresses to `.tf` lines.

- `load(path)` reads a plan in Terraform's documented JSON output format (`format_version`,
  `resource_changes[].change.actions/before/after`, `configuration.root_module`).
- `locate(plan, root)` maps resource addresses to the `.tf` block that declares them: it finds the
  Terraform root module under the repository root by matching the plan's `configuration`, then
  follows local `module_calls` sources. checkov's own `--repo-root-for-plan-enrichment` matches on
  `type.name` only (module path dropped) anywhere under the root, so two modules or two
  environments declaring `aws_db_instance.main` are confused; this mapping is exact.
- `relocate(findings, plan_path, root)` points checkov's plan findings at those `.tf` lines, at the
  attribute the check read when the block writes it (used by the checkov engine for every plan target).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gdpr_guard import tf_regions
from gdpr_guard.errors import UsageError
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.targets import SKIPPED_DIRS

MAX_PLAN_BYTES = 200_000_000
MAX_TF_BYTES = 5_000_000
REVIEWED = ("create", "update")
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
            if strip_keys(candidate.address) == strip_keys(address):
                return candidate
        return None


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


def strip_keys(address: str) -> str:
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
        address = strip_keys(change.address)
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
        where = located.get(strip_keys(finding.resource or ""))
        if where is None:
            out.append(replace(finding, evaluated_keys=()))
            continue
        # The attribute the check read, where the .tf block writes it (as for findings on .tf files);
        # a value the plan alone knows (a module default, a computed value) leaves it at the block.
        attribute = tf_regions.narrow(root.resolve() / where.path, where, finding.evaluated_keys)
        out.append(replace(finding, location=attribute or where, block=where if attribute else None,
                           snippet=_snippet(where, root.resolve()) or finding.snippet, evaluated_keys=()))
    return out
