"""GG-PUB-012: a GCP ingress firewall rule admits 0.0.0.0/0 (or ::/0) on all ports or a data/admin
port.

A Python check because it ties each `allow` block's protocol and port ranges ("22", "1000-2000") to
the rule's source ranges.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import OPEN_CIDRS, first, flat, port_range_is_sensitive

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class GcpFirewallOpenToInternet(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-012: GCP firewall rule open to the Internet on all ports or a data/admin port",
            id="CKV_GG_PUB_012",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("google_compute_firewall",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if str(first(conf.get("direction", "INGRESS"))).upper() != "INGRESS":
            return CheckResult.PASSED
        if first(conf.get("disabled")) is True:
            return CheckResult.PASSED
        sources = flat(conf.get("source_ranges"))
        if not sources and (conf.get("source_tags") or conf.get("source_service_accounts")):
            return CheckResult.PASSED
        if sources and not any(str(s).strip() in OPEN_CIDRS for s in sources):
            return CheckResult.PASSED  # no source at all means 0.0.0.0/0 for an ingress rule
        unknown = False
        for allow in flat(conf.get("allow")):
            if not isinstance(allow, dict):
                continue
            protocol = str(first(allow.get("protocol", ""))).lower()
            if protocol in ("all",):
                return CheckResult.FAILED
            if protocol not in ("tcp", "udp", "sctp", "6", "17"):
                continue
            ports = flat(allow.get("ports"))
            if not ports:
                return CheckResult.FAILED  # every port of the protocol
            for port in ports:
                verdict = port_range_is_sensitive(str(port))
                if verdict is True:
                    return CheckResult.FAILED
                unknown = unknown or verdict is None
        return CheckResult.UNKNOWN if unknown else CheckResult.PASSED


check = GcpFirewallOpenToInternet()
