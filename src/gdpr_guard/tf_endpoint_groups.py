"""A security group that only interface VPC endpoints use admits nobody from the Internet.

An interface VPC endpoint has private addresses in the VPC's subnets and never a public one: an
ingress rule from 0.0.0.0/0 on a security group attached to nothing but such endpoints lets in only
what can already reach the VPC's private addresses. The group is followed through every reference to
it in its module (resources, outputs, module calls, locals): when each one is an `aws_vpc_endpoint` (or
one of the group's own rules), the open-ingress finding goes. A group referenced nowhere, or also by an
instance, a load balancer, an output or a module call, keeps it: it may be attached to something public.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target
from gdpr_guard.tf_expr import references

RULES = frozenset({"GG-PUB-005"})
GROUP = "aws_security_group"
OWN_RULES = frozenset({"aws_security_group_rule", "aws_vpc_security_group_ingress_rule",
                       "aws_vpc_security_group_egress_rule"})
"""Resources that add rules to a group: part of the group, not something it protects."""
ENDPOINT = "aws_vpc_endpoint"


def endpoint_only_groups(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Drop open-ingress findings on security groups whose only users are interface VPC endpoints."""
    concerned = [f for f in findings if f.rule_id in RULES and f.engine == "checkov" and f.resource]
    if not concerned:
        return findings
    # every file of a directory holding an endpoint: the group's other users may be in any of them
    modules = {m.directory: m for m in _hcl.modules(list(targets), re.compile(ENDPOINT), re.compile(""))}
    chosen = set(concerned)  # a list would compare every finding with every concerned one
    return [f for f in findings if f not in chosen or not _endpoint_only(f, modules)]


def _endpoint_only(finding: RawFinding, modules: dict[str, _hcl.Module]) -> bool:
    assert finding.resource is not None
    module = modules.get(posixpath.dirname(finding.location.path))
    parts = [p.split("[", 1)[0] for p in finding.resource.split(".")]
    if module is None or len(parts) < 2:
        return False
    kind, name = parts[-2], parts[-1]
    if kind in OWN_RULES:  # a rule resource: judge the group it belongs to
        block = next((b for b in module.blocks("resource") if b.labels == (kind, name)), None)
        groups = {ref[1] for ref in _references(block.body.get("security_group_id")) if ref[0] == GROUP} \
            if block else set()
        if len(groups) != 1:
            return False
        kind, name = GROUP, groups.pop()
    if kind != GROUP:
        return False
    users = [(block.kind, block.labels[0]) for block in _blocks(module)
             if (block.kind, block.labels) != ("resource", (GROUP, name))
             and any(ref[:2] == (GROUP, name) for ref in _references(block.body))]
    users += [("locals", "") for value in module.locals().values()
              if any(ref[:2] == (GROUP, name) for ref in _references(value))]
    attached = [user for user in users if not (user[0] == "resource" and user[1] in OWN_RULES)]
    return bool(attached) and all(user == ("resource", ENDPOINT) for user in attached)


def _blocks(module: _hcl.Module) -> list[_hcl.Block]:
    return [block for kind in ("resource", "data", "output", "module") for block in module.blocks(kind)]


def _references(value: Any) -> list[tuple[str, ...]]:
    return [ref for text in _hcl.walk_strings(value) for ref in references(text)]
