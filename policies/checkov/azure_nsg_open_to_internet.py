"""GG-PUB-009: an Azure network security rule allows inbound traffic from any source (`*`,
`Internet`, `0.0.0.0/0`) to all ports or a data/admin port.

A Python check because it parses port ranges ("1000-2000", "*", lists) and ties them to the source
of the same rule (inline security_rule blocks are lists).
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first, flat, port_range_is_sensitive

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

ANY_SOURCES = frozenset({"*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0"})


def _range_is_sensitive(text: str) -> bool | None:
    return True if text.strip() == "*" else port_range_is_sensitive(text)


def rule_is_open(rule: dict[str, Any]) -> bool | None:
    if str(first(rule.get("direction", "Inbound"))).lower() != "inbound":
        return False
    if str(first(rule.get("access", "Allow"))).lower() != "allow":
        return False
    sources = flat(rule.get("source_address_prefix")) + flat(rule.get("source_address_prefixes"))
    if not any(str(s).strip().lower() in ANY_SOURCES for s in sources):
        return False
    ranges = flat(rule.get("destination_port_range")) + flat(rule.get("destination_port_ranges"))
    verdicts = [_range_is_sensitive(str(r)) for r in ranges]
    if any(v is True for v in verdicts):
        return True
    return None if any(v is None for v in verdicts) else False


class AzureNsgOpenToInternet(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-009: Network security rule allows the Internet to a data/admin port",
            id="CKV_GG_PUB_009",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("azurerm_network_security_rule", "azurerm_network_security_group"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if self.entity_type == "azurerm_network_security_rule":
            rules = [conf]
        else:
            rules = [r for r in flat(conf.get("security_rule")) if isinstance(r, dict)]
        verdicts = [rule_is_open(r) for r in rules]
        if any(v is True for v in verdicts):
            return CheckResult.FAILED
        return CheckResult.UNKNOWN if any(v is None for v in verdicts) else CheckResult.PASSED


check = AzureNsgOpenToInternet()
