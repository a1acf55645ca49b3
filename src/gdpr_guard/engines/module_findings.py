"""checkov findings in local module files: reported at the module's file when it is under the scan root,
at the scanned `module` block that calls it when it is outside (with the module's path in the message).

A module called from the scanned code is part of what the scan checks, wherever it lives: dropping its
findings because the module file itself was not asked for would let `cd live && gdpr-guard scan .` pass
an unencrypted database defined in `../modules/db`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from gdpr_guard import terraform_modules
from gdpr_guard.engines.common import read_lines, relative
from gdpr_guard.finding import Location, RawFinding, ScanError
from gdpr_guard.targets import SKIPPED_DIRS, Target, is_excluded

OUTSIDE = "../"


def outside(path: str, root: Path, resource: str) -> str | None:
    """For a module instance's file outside `root`: its path relative to root (`../modules/db/main.tf`),
    which `keep` then places at the call; None for anything else."""
    if not path or not resource.startswith("module."):
        return None
    try:
        rel = os.path.relpath(Path(path).resolve(), root)
    except (ValueError, OSError):
        return None
    rel = rel.replace(os.sep, "/")
    return rel if rel.startswith(OUTSIDE) else None


def keep(findings: Sequence[RawFinding], wanted: set[str], tf: Sequence[Target], root: Path,
         exclude: Sequence[str], errors: list[ScanError]) -> list[RawFinding]:
    """The findings a scan of `wanted` reports: those in its files, and those of the local modules they call.

    Findings in other files (a sibling checkov saw, a file the configuration excludes, a downloaded
    module under `.terraform/`) are not the scan's. A module finding outside the root that no scanned
    `module` block explains is an error, never silently dropped.
    """
    out: list[RawFinding] = []
    calls: list[terraform_modules.Call] | None = None
    for finding in findings:
        path = finding.location.path
        if path in wanted:
            out.append(finding)
            continue
        if not (finding.resource or "").startswith("module."):
            continue
        if path.startswith(OUTSIDE):
            calls = terraform_modules.all_calls(t.path for t in tf) if calls is None else calls
            placed = at_calls(finding, calls, wanted, root)
            out += placed
            if not placed:
                errors.append(ScanError("checkov", f"{finding.rule_id} in {path} (module {finding.resource}): the "
                                                   f"module is outside the scan root and no scanned file calls it; "
                                                   f"scan from the repository root (--root)"))
            continue
        if is_excluded(path, tuple(exclude)) or any(part in SKIPPED_DIRS for part in path.split("/")):
            continue
        out.append(finding)
    return out


def at_calls(finding: RawFinding, calls: Sequence[terraform_modules.Call], wanted: set[str],
             root: Path) -> list[RawFinding]:
    """The finding placed at each scanned `module` block that leads to it."""
    address = (finding.resource or "")[len("module."):]
    name = address.split(".", 1)[0].split("[", 1)[0]
    nested = address.count("module.") > 0
    module_dir = (root / finding.location.path).resolve().parent
    placed = []
    for call in calls:
        rel = relative(call.file, root)
        if rel not in wanted or call.name != name:
            continue
        if not nested and call.source != module_dir:
            continue
        where = f"{finding.location.path}:{finding.location.start_line}"
        placed.append(replace(
            finding,
            location=Location(rel, call.line, max(call.end, call.line)),
            snippet=read_lines(root, rel, call.line, call.line),
            detail=(finding.detail + " " if finding.detail else "") + f"(In module {where}, outside the scan root.)",
        ))
    return placed
