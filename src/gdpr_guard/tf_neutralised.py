"""Firewall rules of a database server that takes no public connections admit nobody.

An Azure database server with `public_network_access_enabled = false` ignores its IP firewall rules:
clients reach it through private endpoints only. A reusable module that writes a firewall rule for
every entry of `var.firewall_rules` next to a server whose public access its caller leaves off opens
nothing. The server is found through the rule's `server_id` (or `server_name`) reference in the same
module, and the flag is evaluated with each calling configuration's inputs: the finding goes only when
the flag is provably false for every configuration that creates the rule.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target
from gdpr_guard.tf_expr import evaluate, references
from gdpr_guard.tf_instances import instance_scopes

RULES = frozenset({"GG-PUB-008"})
SERVER_ARGUMENTS = ("server_id", "server_name")
FLAG = "public_network_access_enabled"


def closed_servers(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Drop firewall-rule findings whose server provably takes no public connections."""
    concerned = [f for f in findings if f.rule_id in RULES and f.engine == "checkov" and f.resource]
    if not concerned:
        return findings
    relevant = re.compile(r"\b" + FLAG + r"\b|\bmodule\s+\"")
    context = re.compile(r"\bvariable\s+\"|\blocals\s*\{|_firewall_rule\"")
    modules = {m.directory: m for m in _hcl.modules(list(targets), relevant, context)}
    chosen = set(concerned)  # a list would compare every finding with every concerned one
    return [f for f in findings if f not in chosen or not _closed(f, modules)]


def _closed(finding: RawFinding, modules: dict[str, _hcl.Module]) -> bool:
    assert finding.resource is not None
    directory = posixpath.dirname(finding.location.path)
    module = modules.get(directory)
    parts = [p.split("[", 1)[0] for p in finding.resource.split(".")]
    if module is None or len(parts) < 2:
        return False
    rule = next((b for b in module.blocks("resource") if b.labels == (parts[-2], parts[-1])), None)
    if rule is None:
        return False
    servers = {ref[:2] for argument in SERVER_ARGUMENTS for text in _hcl.walk_strings(rule.body.get(argument))
               for ref in references(text)}
    blocks = [b for b in module.blocks("resource") if b.labels in servers]
    scopes = instance_scopes(finding.resource, directory, modules)
    return len(blocks) == 1 and bool(scopes) and FLAG in blocks[0].body and all(
        evaluate(blocks[0].body[FLAG], scope) is False for scope in scopes)
