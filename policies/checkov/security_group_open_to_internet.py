"""GG-PUB-005: a security group (inline ingress, aws_security_group_rule or
aws_vpc_security_group_ingress_rule) admits 0.0.0.0/0 or ::/0 on all ports or on a data/admin port.

A Python check because the rule must tie, inside each ingress block, the source CIDR to the port
range and protocol, and test whether a range [from_port, to_port] covers any of a list of ports.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# FTP, SSH, SMB, MSSQL, NFS, MySQL, RDP, PostgreSQL, Redis, Elasticsearch/OpenSearch, MongoDB.
SENSITIVE_PORTS = (20, 21, 22, 445, 1433, 2049, 3306, 3389, 5432, 6379, 9200, 27017)
OPEN_CIDRS = frozenset({"0.0.0.0/0", "::/0"})
ALL_PROTOCOLS = frozenset({"-1", "all"})


def _first(value: Any) -> Any:
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def _flat(value: Any) -> list[Any]:
    out: list[Any] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, list):
            out.extend(_flat(item))
        elif item is not None:
            out.append(item)
    return out


def _port(value: Any) -> int | None:
    value = _first(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def rule_is_open(cidrs: list[Any], protocol: Any, from_port: Any, to_port: Any) -> bool | None:
    """True when the rule is open to the Internet on all or sensitive ports; None when unknown."""
    if not any(str(c).strip() in OPEN_CIDRS for c in cidrs):
        return False
    proto = str(_first(protocol)).lower() if _first(protocol) is not None else ""
    if proto in ALL_PROTOCOLS:
        return True
    if proto in ("icmp", "1", "icmpv6", "58"):
        return False
    low, high = _port(from_port), _port(to_port)
    if low is None or high is None:
        return None
    if low == 0 and high in (0, 65535):
        return True
    return any(low <= port <= high for port in SENSITIVE_PORTS)


class SecurityGroupOpenToInternet(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-005: Security group open to the Internet on all ports or a data/admin port",
            id="CKV_GG_PUB_005",
            categories=(CheckCategories.NETWORKING,),
            supported_resources=("aws_security_group", "aws_security_group_rule",
                                 "aws_vpc_security_group_ingress_rule"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        verdicts: list[bool | None] = []
        if self.entity_type == "aws_security_group":
            for block in conf.get("ingress") or []:
                if not isinstance(block, dict):
                    continue
                cidrs = _flat(block.get("cidr_blocks")) + _flat(block.get("ipv6_cidr_blocks"))
                verdicts.append(rule_is_open(cidrs, block.get("protocol"), block.get("from_port"),
                                             block.get("to_port")))
        elif self.entity_type == "aws_security_group_rule":
            if str(_first(conf.get("type"))) != "ingress":
                return CheckResult.PASSED
            cidrs = _flat(conf.get("cidr_blocks")) + _flat(conf.get("ipv6_cidr_blocks"))
            verdicts.append(rule_is_open(cidrs, conf.get("protocol"), conf.get("from_port"),
                                         conf.get("to_port")))
        else:
            cidrs = _flat(conf.get("cidr_ipv4")) + _flat(conf.get("cidr_ipv6"))
            verdicts.append(rule_is_open(cidrs, conf.get("ip_protocol"), conf.get("from_port"),
                                         conf.get("to_port")))
        if any(v is True for v in verdicts):
            return CheckResult.FAILED
        if any(v is None for v in verdicts):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = SecurityGroupOpenToInternet()
