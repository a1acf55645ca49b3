"""GG-PUB-005: a security group (inline ingress, aws_security_group_rule or
aws_vpc_security_group_ingress_rule) admits 0.0.0.0/0 or ::/0 on all ports or on a data/admin port.

A Python check because the rule must tie, inside each ingress block, the source CIDR to the port
range and protocol, and test whether a range [from_port, to_port] covers any of a list of ports.

Inline rules are often generated with `dynamic "ingress" { for_each = var.open_ports ... }`; when
checkov cannot substitute the iterator it leaves the literal text (`ingress.value`) in the rendered
blocks. The check then reads the resource from the module's .tf files (the directory of the scanned
file under checkov's --directory / -d) and expands each dynamic ingress block itself from a literal
`for_each`, a `var.x` with a default or a `local.x` literal. A `for_each` it cannot resolve keeps the
result UNKNOWN (no finding). The .tf location logic mirrors GG-PUB-002's and is kept local to the check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from _gdpr_guard_checks import OPEN_CIDRS, SENSITIVE_PORTS, first, flat, module_file

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

ALL_PROTOCOLS = frozenset({"-1", "all"})


def _port(value: Any) -> int | None:
    value = first(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def rule_is_open(cidrs: list[Any], protocol: Any, from_port: Any, to_port: Any) -> bool | None:
    """True when the rule is open to the Internet on all or sensitive ports; None when unknown."""
    if not any(str(c).strip() in OPEN_CIDRS for c in cidrs):
        return False
    proto = str(first(protocol)).lower() if first(protocol) is not None else ""
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


def _unwrap(value: Any) -> Any:
    """An attribute as written: the hcl2 parser wraps every attribute value in a one-element list."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _expression(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("${") and text.endswith("}"):
            text = text[2:-1].strip()
        return text
    return value


REFERENCE = re.compile(r"^(var|local)\.([A-Za-z_][A-Za-z0-9_-]*)$")
CONVERSION = re.compile(r"^(?:toset|tolist|tomap)\((.*)\)$", re.S)


class _Module:
    """The variables (defaults), locals and resources declared in the .tf files of one module."""

    def __init__(self, directory: Path) -> None:
        import hcl2  # shipped with checkov

        self.variables: dict[str, Any] = {}
        self.locals: dict[str, Any] = {}
        self.resources: dict[tuple[str, str], dict[str, Any]] = {}
        for path in sorted(directory.glob("*.tf")):
            try:
                with path.open(encoding="utf-8") as handle:
                    parsed = hcl2.load(handle)
            except Exception:  # noqa: BLE001 - an unparsable file is not ours to report
                continue
            for block in parsed.get("variable") or []:
                for name, body in (block.items() if isinstance(block, dict) else ()):
                    if isinstance(body, dict) and "default" in body:
                        self.variables[name] = _unwrap(body["default"])
            for block in parsed.get("locals") or []:
                for name, value in (block.items() if isinstance(block, dict) else ()):
                    if not name.startswith("__"):
                        self.locals[name] = _unwrap(value)
            for block in parsed.get("resource") or []:
                for kind, named in (block.items() if isinstance(block, dict) else ()):
                    for name, body in (named.items() if isinstance(named, dict) else ()):
                        self.resources[(kind, name)] = body

    def resolve(self, value: Any, depth: int = 0) -> Any:
        """A literal, or the value of `var.x` (default) / `local.x` / `toset(...)` of those; the
        expression text when it cannot be resolved."""
        text = _expression(value)
        if not isinstance(text, str) or depth > 5:
            return text
        conversion = CONVERSION.match(text)
        if conversion:
            inner = self.resolve(conversion.group(1).strip(), depth + 1)
            if isinstance(inner, str):
                try:
                    inner = json.loads(inner)
                except ValueError:
                    return text
            return inner
        reference = REFERENCE.match(text)
        if reference:
            scope = self.variables if reference.group(1) == "var" else self.locals
            if reference.group(2) in scope:
                return self.resolve(scope[reference.group(2)], depth + 1)
        return text


def _iterations(collection: Any) -> list[tuple[Any, Any]] | None:
    if isinstance(collection, dict):
        return [(k, v) for k, v in collection.items() if not str(k).startswith("__")]
    if isinstance(collection, list):
        return list(enumerate(collection))
    return None


def _substitute(value: Any, iterator: str, key: Any, item: Any, module: _Module) -> Any:
    """A content argument for one iteration: `it.key`, `it.value`, `it.value.x`, `it.value["x"]`."""
    if isinstance(value, list):
        out: list[Any] = []
        for element in value:
            element = _substitute(element, iterator, key, item, module)
            out.extend(element if isinstance(element, list) else [element])
        return out
    text = _expression(value)
    if not isinstance(text, str):
        return text
    if text == f"{iterator}.key":
        return key
    if text == f"{iterator}.value":
        return item
    match = re.fullmatch(rf"{re.escape(iterator)}\.value(?:\.([A-Za-z0-9_-]+)|\[\s*[\"']([^\"']+)[\"']\s*\])", text)
    if match and isinstance(item, dict):
        attribute = match.group(1) or match.group(2)
        return module.resolve(item[attribute]) if attribute in item else text
    return module.resolve(text)


def _dynamic_ingress_verdicts(entity_path: str, kind: str, name: str) -> list[bool | None] | None:
    """Verdicts of the iterations of the resource's `dynamic "ingress"` blocks, read from the module's
    .tf files; None when the resource cannot be found, [None] for a block that cannot be expanded."""
    scanned = module_file(entity_path)
    if scanned is None:
        return None
    try:
        module = _Module(scanned.parent)
    except ImportError:  # pragma: no cover
        return None
    body = module.resources.get((kind, name))
    if not isinstance(body, dict):
        return None
    verdicts: list[bool | None] = []
    for dynamic in body.get("dynamic") or []:
        block = dynamic.get("ingress") if isinstance(dynamic, dict) else None
        if not isinstance(block, dict):
            continue
        items = _iterations(module.resolve(_unwrap(block.get("for_each"))))
        content = _unwrap(block.get("content"))
        if items is None or not isinstance(content, dict):
            verdicts.append(None)
            continue
        iterator = str(_expression(_unwrap(block.get("iterator"))) or "ingress")
        for key, item in items:
            attrs = {a: _substitute(_unwrap(content.get(a)), iterator, key, item, module)
                     for a in ("cidr_blocks", "ipv6_cidr_blocks", "protocol", "from_port", "to_port")}
            cidrs = flat(attrs["cidr_blocks"]) + flat(attrs["ipv6_cidr_blocks"])
            verdicts.append(rule_is_open(cidrs, attrs["protocol"], attrs["from_port"], attrs["to_port"]))
    return verdicts


# An argument checkov left as the text of a dynamic block's iterator (`ingress.value`, `rule.key`).
PLACEHOLDER = re.compile(r"(?<![\w.])(?!(?:var|local|module|data)\.)[A-Za-z_][A-Za-z0-9_-]*\.(?:value|key)\b")


def _is_placeholder(block: dict[str, Any]) -> bool:
    return any(isinstance(v, str) and PLACEHOLDER.search(v) for v in flat(list(block.values())))


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
        placeholders = False
        if self.entity_type == "aws_security_group":
            for index, block in enumerate(conf.get("ingress") or []):
                if not isinstance(block, dict):
                    continue
                if _is_placeholder(block):
                    placeholders = True
                    continue
                cidrs = flat(block.get("cidr_blocks")) + flat(block.get("ipv6_cidr_blocks"))
                verdicts.append(rule_is_open(cidrs, block.get("protocol"), block.get("from_port"),
                                             block.get("to_port")))
                if verdicts[-1] is True and not self.evaluated_keys and not placeholders:
                    self.evaluated_keys = [f"ingress/[{index}]"]  # the finding points at this block
            if placeholders:  # dynamic blocks checkov could not render: expand them from the source
                name = str(self.entity_path).rsplit(":", 1)[-1]
                expanded = _dynamic_ingress_verdicts(str(self.entity_path), self.entity_type, name)
                verdicts.extend(expanded if expanded is not None else [None])
        elif self.entity_type == "aws_security_group_rule":
            if str(first(conf.get("type"))) != "ingress":
                return CheckResult.PASSED
            cidrs = flat(conf.get("cidr_blocks")) + flat(conf.get("ipv6_cidr_blocks"))
            verdicts.append(rule_is_open(cidrs, conf.get("protocol"), conf.get("from_port"),
                                         conf.get("to_port")))
        else:
            cidrs = flat(conf.get("cidr_ipv4")) + flat(conf.get("cidr_ipv6"))
            verdicts.append(rule_is_open(cidrs, conf.get("ip_protocol"), conf.get("from_port"),
                                         conf.get("to_port")))
        if placeholders:  # rendered and dynamic blocks interleave: the index may not be the source's
            self.evaluated_keys = []
        if any(v is True for v in verdicts):
            return CheckResult.FAILED
        if any(v is None for v in verdicts):
            return CheckResult.UNKNOWN
        return CheckResult.PASSED


check = SecurityGroupOpenToInternet()
