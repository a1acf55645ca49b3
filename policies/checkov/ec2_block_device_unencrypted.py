"""GG-ENC-006: an EC2 instance, launch template or launch configuration declares an unencrypted EBS
block device.

A Python check because the rule needs "every block device of the list is encrypted": checkov YAML
wildcards (`ebs_block_device.*.encrypted`) succeed when ANY element matches and ignore elements that
lack the attribute, so they cannot express it.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


def _is_true(value: Any) -> bool:
    value = first(value)
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _is_unresolved(value: Any) -> bool:
    # Any text but true/false is an expression checkov could not evaluate (`var.x`, `${...}`, and the
    # `try(ebs.value.encrypted, null)` of a `dynamic` block's content): unknown, not unencrypted.
    value = first(value)
    return isinstance(value, str) and value.strip().lower() not in ("true", "false")


def _dynamic(conf: dict[str, Any], key: str) -> bool:
    """Does `conf` build `key` blocks with a `dynamic` block (content known only at plan time)?"""
    return any(isinstance(block, dict) and key in block for block in conf.get("dynamic") or [])


def _blocks(conf: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = conf.get(key) or []
    if isinstance(found, dict):
        found = [found]
    return [b for b in found if isinstance(b, dict)]


class Ec2BlockDeviceUnencrypted(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-ENC-006: EC2 block device is not encrypted",
            id="CKV_GG_ENC_006",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=("aws_instance", "aws_launch_configuration", "aws_launch_template"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        devices: list[dict[str, Any]] = []
        if self.entity_type == "aws_launch_template":
            for mapping in _blocks(conf, "block_device_mappings"):
                if "virtual_name" in mapping and "ebs" not in mapping:
                    continue  # instance-store volume, no EBS encryption setting
                if not _blocks(mapping, "ebs") and _dynamic(mapping, "ebs"):
                    devices.append({"encrypted": "dynamic"})  # built by a dynamic block: unknown
                    continue
                devices.extend(_blocks(mapping, "ebs") or [{}])
        else:
            root = _blocks(conf, "root_block_device")
            devices.extend(root or [{}])  # no root_block_device: the root volume is unencrypted
            devices.extend(_blocks(conf, "ebs_block_device"))
        unknown = False
        for device in devices:
            if "snapshot_id" in device and "encrypted" not in device:
                continue  # encryption inherited from the snapshot
            value = device.get("encrypted")
            if value is None or first(value) is None:
                return CheckResult.FAILED
            if _is_unresolved(value):
                unknown = True
                continue
            if not _is_true(value):
                return CheckResult.FAILED
        return CheckResult.UNKNOWN if unknown else CheckResult.PASSED


check = Ec2BlockDeviceUnencrypted()
