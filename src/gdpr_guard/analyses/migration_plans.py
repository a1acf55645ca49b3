"""GG-MIG-201..204: migration scripts checked against their migration plan.

A migration script is a Python, shell or SQL target whose path matches one of the `plan_globs`
(default `migrations/**`, `**/migrat*/**`). The plan that covers it is the nearest `plan_name`
(default `migration-plan.yaml`, `.yml` accepted) in its directory or a parent directory up to the
scan root.

- GG-MIG-201 scripts with no plan, or a plan that is not valid (every schema error by path).
- GG-MIG-202 the plan promises deletion but no script it covers deletes anything.
- GG-MIG-203 a script extracts fields the plan does not list (`SELECT *`, or named columns of a
  listed table that the plan does not list).
- GG-MIG-204 the plan moves special-category data (health, genetic ...) without encryption in
  transit and at rest.
"""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from pathlib import Path, PurePosixPath
from typing import Any

from gdpr_guard import migration_plan, yamlio
from gdpr_guard.analyses._data_moves import moves_data
from gdpr_guard.errors import ConfigError, GdprGuardError
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.targets import MAX_READ_BYTES, Kind, Target, discover

SCRIPT_KINDS = frozenset({Kind.PYTHON, Kind.SHELL, Kind.SQL})

# Anything that deletes a copy or the source, in Python, shell or SQL.
DELETES = re.compile(
    r"""(?imx)
      \bos\.(?:remove|unlink)\s*\( | \.unlink\s*\( | \brmtree\s*\( | \.delete_objects?\s*\(
    | \bshred\b | --remove-source-files | \baws\s+s3\s+rm\b | \bgsutil\s+(?:-m\s+)?rm\b
    | ^[^\n#]*?(?:^|[\s;&|(])rm\s+-?\w | \btrap\b[^\n]*\bEXIT\b | \bfind\b[^\n]*\s-delete\b
    | \bdrop\s+table\b | \btruncate\b | \bdelete\s+from\b | TemporaryDirectory\s*\(
    """
)
SELECT_STAR = re.compile(r"(?i)\bselect\s+(?:distinct\s+)?(?:[\w\"`]+\.)?\*\s*(?:,|\bfrom\b|\binto\b)")
EXISTS_STAR = re.compile(r"(?i)\bexists\s*\(\s*select\s+\*")
SELECT_LIST = re.compile(
    r"(?i)\bselect\s+(?:distinct\s+)?(?P<cols>[\w\"`.]+(?:\s*,\s*[\w\"`.]+)*)\s+from\s+(?:only\s+)?(?P<table>[\w\"`.]+)"
)
COMMENT_LINE = re.compile(r"^\s*(?:#|--)")


def _matches(rel: str, globs: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(rel, g) or fnmatch.fnmatchcase("/" + rel, g) for g in globs)


def _root_of(target: Target) -> Path:
    depth = len(PurePosixPath(target.rel).parts)
    return target.path.parents[depth - 1] if depth else target.path.parent


def _plan_for(target: Target, names: tuple[str, ...]) -> Path | None:
    root = _root_of(target)
    here = target.path.parent
    while True:
        for name in names:
            candidate = here / name
            if candidate.is_file():
                return candidate
        if here == root or root not in here.parents:
            return None
        here = here.parent


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _key_line(text: str, key: str) -> int:
    match = re.search(rf"(?m)^\s*{re.escape(key)}\s*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_READ_BYTES:
            return ""
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _finding(rule: str, rel: str, line: int, detail: str, context: str = "") -> RawFinding:
    return RawFinding(rule_id=rule, location=Location(rel, line, line), engine="gdpr-guard",
                      detail=detail, context=context)


def _bare(name: str) -> str:
    return name.strip().strip('"`[]').split(".")[-1].strip('"`[]').lower()


def _extra_fields(script_rel: str, text: str, fields: dict[str, set[str]]) -> list[RawFinding]:
    """GG-MIG-203 findings of one script."""
    out: list[RawFinding] = []
    listed = ", ".join(sorted(fields))
    lines = text.splitlines()
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def line_of(pos: int) -> int:
        lo, hi = 0, len(offsets) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if offsets[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    seen: set[int] = set()
    for match in SELECT_STAR.finditer(text):
        number = line_of(match.start())
        source = lines[number - 1]
        if COMMENT_LINE.match(source) or EXISTS_STAR.search(source) or number in seen:
            continue
        seen.add(number)
        out.append(_finding(
            "GG-MIG-203", script_rel, number,
            f"SELECT * extracts every column while the migration plan lists the fields to move ({listed})."))
    for match in SELECT_LIST.finditer(text):
        number = line_of(match.start())
        if number in seen or COMMENT_LINE.match(lines[number - 1]):
            continue
        table = _bare(match.group("table"))
        if table not in fields:
            continue
        columns = [_bare(c) for c in match.group("cols").split(",")]
        extra = sorted({c for c in columns if c not in fields[table] and not c.isdigit()})
        if extra:
            seen.add(number)
            named = ", ".join(extra)
            out.append(_finding("GG-MIG-203", script_rel, number,
                                f"Columns {named} of {table} are not among the fields the migration plan lists."))
    return out


def analyse(targets: list[Target], config: dict[str, Any]) -> list[RawFinding]:
    globs = list(config.get("plan_globs") or migration_plan.SCRIPT_GLOBS)
    name = str(config.get("plan_name") or migration_plan.PLAN_NAMES[0])
    names = (name,) + tuple(n for n in migration_plan.PLAN_NAMES if n != name)
    scripts = [t for t in targets if t.kind in SCRIPT_KINDS and _matches(t.rel, globs)]
    if not scripts:
        return []
    root = _root_of(scripts[0])
    covered: dict[Path, list[Target]] = defaultdict(list)
    orphans: dict[str, list[Target]] = defaultdict(list)
    for script in scripts:
        plan = _plan_for(script, names)
        if plan is None:
            # Alembic's env.py, package __init__.py files and schema-only migrations move no data:
            # they need no data-migration plan.
            if moves_data(script, _read(script.path)):
                orphans[str(PurePosixPath(script.rel).parent)].append(script)
        else:
            covered[plan].append(script)

    findings: list[RawFinding] = []
    for _, group in sorted(orphans.items()):
        group.sort()
        findings.append(_finding(
            "GG-MIG-201", group[0].rel, 1,
            f"No {name} covers the migration scripts " + ", ".join(t.rel for t in group) + ".",
        ))
    unreadable: list[str] = []
    for plan_path, given in sorted(covered.items()):
        # Every script the plan covers, staged or not: whether "some script deletes" must not depend
        # on which files a pre-commit run was handed (findings outside the targets are dropped later).
        group = sorted({t.rel: t for t in [*_covered_on_disk(plan_path, root, globs, names), *given]}.values())
        plan_rel = _rel(plan_path, root)
        text = _read(plan_path)
        try:
            data = yamlio.load_file(plan_path)
        except ConfigError as exc:
            # A plan that cannot be parsed is an unparseable target: the scan fails (exit 3), like a
            # .tf that does not parse; a plan that parses but breaks the schema is a GG-MIG-201 finding.
            unreadable.append(f"{plan_rel}: {str(exc).replace(str(plan_path), '').lstrip(': ')}")
            continue
        errors = migration_plan.validate(data)
        if errors:
            findings.append(_finding("GG-MIG-201", plan_rel, 1,
                                     "The migration plan is not valid: " + "; ".join(errors) + "."))
            continue
        script_texts = {t.rel: _read(t.path) for t in group}
        deletion = data["deletion"]
        if (deletion["source"]["delete"] or deletion["intermediate_copies"]["delete"]) and not any(
            DELETES.search(_strip_comments(body)) for body in script_texts.values()
        ):
            findings.append(_finding(
                "GG-MIG-202", plan_rel, _key_line(text, "deletion"),
                "The plan promises deletion but none of " + ", ".join(sorted(script_texts)) + " deletes anything.",
            ))
        fields: dict[str, set[str]] = defaultdict(set)
        for item in data["data"]["fields"]:
            fields[_bare(item["table"])].update(c.lower() for c in item["columns"])
        for rel, body in sorted(script_texts.items()):
            findings.extend(_extra_fields(rel, body, fields))
        special = data["data"]["special_categories"]
        enc = data["encryption"]
        missing = [k for k in ("in_transit", "at_rest") if not enc[k]["enabled"]]
        if special and missing:
            findings.append(_finding(
                "GG-MIG-204", plan_rel, _key_line(text, "encryption"),
                f"The plan moves {', '.join(special)} data without encryption "
                + " and ".join(m.replace("_", " ") for m in missing) + ".",
                context=" ".join(special),
            ))
    if unreadable:
        raise ConfigError("migration plan cannot be read: " + "; ".join(unreadable))
    return sorted(findings, key=lambda f: (f.location, f.rule_id))


def _covered_on_disk(plan_path: Path, root: Path, globs: list[str], names: tuple[str, ...]) -> list[Target]:
    try:
        found = discover([plan_path.parent], root)
    except GdprGuardError:
        return []
    wanted = plan_path.resolve()
    return [t for t in found if t.kind in SCRIPT_KINDS and _matches(t.rel, globs)
            and (plan := _plan_for(t, names)) is not None and plan.resolve() == wanted]


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not COMMENT_LINE.match(line))
