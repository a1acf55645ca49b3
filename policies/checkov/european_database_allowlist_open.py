"""GG-PUB-025: the IP allow-list of an OVHcloud or Scaleway managed database admits the whole Internet.

A Python check because the allow-lists are lists of blocks (`ip_restrictions` of
ovh_cloud_project_database, `acl_rules` of scaleway_rdb_acl, `acl` of scaleway_redis_cluster) of
which ANY open entry is the fault;
checkov has no OVHcloud or Scaleway checks.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import OPEN_CIDRS, first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# resource type -> (block holding the entries or None for the resource itself, attribute of the address)
ALLOW_LISTS = {
    "ovh_cloud_project_database": ("ip_restrictions", "ip"),
    "ovh_cloud_project_database_ip_restriction": (None, "ip"),
    "scaleway_rdb_acl": ("acl_rules", "ip"),
    "scaleway_redis_cluster": ("acl", "ip"),
}
OPEN = OPEN_CIDRS | {"0.0.0.0", "0.0.0.0/1", "128.0.0.0/1"}


def _blocks(value: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            out.append(item)
        elif isinstance(item, list):
            out.extend(_blocks(item))
    return out


class EuropeanDatabaseAllowlistOpen(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-025: Managed database allow-list admits the whole Internet",
            id="CKV_GG_PUB_025",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=tuple(ALLOW_LISTS),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        block, attribute = ALLOW_LISTS[self.entity_type]
        entries = [conf] if block is None else _blocks(conf.get(block))
        for index, entry in enumerate(entries):
            address = first(entry.get(attribute))
            if isinstance(address, str) and address.strip() in OPEN:
                self.evaluated_keys = [attribute if block is None else f"{block}/[{index}]/{attribute}"]
                return CheckResult.FAILED
        return CheckResult.PASSED


check = EuropeanDatabaseAllowlistOpen()
