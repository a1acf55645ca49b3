"""Settings written as `dynamic` blocks: configured only when the block's `for_each` makes at least one.

checkov renders `dynamic "server_side_encryption_configuration" { for_each = ... }` as a configured block
whatever its `for_each` says, and cannot evaluate `var.kms_key == null ? [] : [var.kms_key]`. The policies
of DYNAMIC_SETTINGS therefore take a dynamic block as no setting at all, and this refinement drops their
finding on a resource whose dynamic block does generate a block, in at least one configuration that
creates the resource, or may (a `for_each` the scan cannot evaluate): only a `for_each` provably empty
everywhere (`[]`, a variable defaulting to empty, a conditional on such) leaves the resource reported.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target
from gdpr_guard.tf_instances import instance_scopes, provably_zero

DYNAMIC_SETTINGS: dict[str, tuple[str, str]] = {
    "GG-ENC-003": ("aws_s3_bucket", "server_side_encryption_configuration"),
}
"""Rule id -> (resource type, the nested block its policy reads)."""


def generated_blocks(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Drop the DYNAMIC_SETTINGS findings whose resource's dynamic block may generate the setting."""
    concerned = [f for f in findings if f.rule_id in DYNAMIC_SETTINGS and f.engine == "checkov" and f.resource
                 and f.resource.split(".")[-2:-1] == [DYNAMIC_SETTINGS[f.rule_id][0]]]
    if not concerned:
        return findings
    relevant = re.compile(r"\bdynamic\s+\"")
    context = re.compile(r"\blocals\s*\{|\bvariable\s+\"|\bmodule\s+\"")
    modules = {m.directory: m for m in _hcl.modules(list(targets), relevant, context)}
    settled = {f for f in concerned if _generated(f, modules)}
    return [f for f in findings if f not in settled]


def _generated(finding: RawFinding, modules: dict[str, _hcl.Module]) -> bool:
    assert finding.resource is not None
    directory = posixpath.dirname(finding.location.path)
    module = modules.get(directory)
    if module is None:
        return False
    address = ".".join(p.split("[", 1)[0] for p in finding.resource.split(".")[-2:])
    block = next((b for b in module.blocks("resource") if ".".join(b.labels) == address), None)
    name = DYNAMIC_SETTINGS[finding.rule_id][1]
    each = [body.get("for_each") for body in _dynamic(block.body if block else {}, name)]
    if not each:
        return False
    scopes = instance_scopes(finding.resource, directory, modules)
    return not scopes or any(not provably_zero({"for_each": value}, scope) for value in each for scope in scopes)


def _dynamic(body: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """The bodies of a block's `dynamic "<name>"` blocks."""
    out = []
    for entry in body.get("dynamic") or []:
        if isinstance(entry, dict) and isinstance(entry.get(name), dict):
            out.append(entry[name])
    return out
