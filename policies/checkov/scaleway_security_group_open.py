"""GG-PUB-027: a Scaleway instance security group accepts the Internet on all ports or a data/admin port.

A Python check: the inbound policy defaults to `accept` when `inbound_default_policy` is not set, and
each `inbound_rule` block must be read as one (action, ip_range, port or port_range); checkov has no
Scaleway checks.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import OPEN_CIDRS, first, port_range_is_sensitive

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


def _rules(conf: dict[str, Any]) -> list[dict[str, Any]]:
    found = conf.get("inbound_rule") or []
    return [r for r in (found if isinstance(found, list) else [found]) if isinstance(r, dict)]


def _open_rule(rule: dict[str, Any]) -> bool:
    if str(first(rule.get("action")) or "").lower() != "accept":
        return False
    source = first(rule.get("ip_range")) or first(rule.get("ip"))
    if source is None:
        source = "0.0.0.0/0"  # no ip_range: the rule applies to every source
    if not isinstance(source, str) or source.strip() not in OPEN_CIDRS:
        return False
    port = first(rule.get("port"))
    ports = first(rule.get("port_range"))
    if port is None and ports is None:
        return True  # every port
    sensitive = port_range_is_sensitive(str(ports if ports is not None else port))
    return bool(sensitive)


class ScalewaySecurityGroupOpen(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-027: Scaleway security group open to the Internet on all ports or a data/admin port",
            id="CKV_GG_PUB_027",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("scaleway_instance_security_group",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        policy = first(conf.get("inbound_default_policy"))
        if policy is None or str(policy).lower() == "accept":
            self.evaluated_keys = ["inbound_default_policy"]
            return CheckResult.FAILED
        for index, rule in enumerate(_rules(conf)):
            if _open_rule(rule):
                self.evaluated_keys = [f"inbound_rule/[{index}]"]
                return CheckResult.FAILED
        return CheckResult.PASSED


check = ScalewaySecurityGroupOpen()
