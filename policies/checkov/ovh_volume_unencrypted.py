"""GG-ENC-049: an OVHcloud block storage volume is not encrypted at rest.

A Python check because either of two arguments encrypts an `ovh_cloud_project_volume` (the
`encryption` object with `encrypted = true`, or a `*-luks` volume `type`), and an unresolved value
(a variable without default) must stay quiet; checkov has no OVHcloud checks.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# resource type -> the switch inside its `encryption` object
SWITCH = {
    "ovh_cloud_project_volume": "encrypted",
    "ovh_cloud_storage_block_volume": "enabled",
}
UNKNOWN = object()


def _flag(value: Any) -> Any:
    """True/False for a literal boolean, UNKNOWN for anything else (a reference)."""
    value = first(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return UNKNOWN


def _switch(conf: dict[str, Any], name: str) -> Any:
    """The encryption switch: False when the object or the switch is absent (the provider's default)."""
    encryption = first(conf.get("encryption"))
    if encryption is None:
        return False
    if not isinstance(encryption, dict):
        return UNKNOWN  # the whole object from a variable or a module input
    if name not in encryption:
        return False
    return _flag(encryption[name])


def _luks_type(conf: dict[str, Any]) -> Any:
    """Does the volume `type` name a LUKS-encrypted type? False when absent (default `classic`)."""
    if "type" not in conf:
        return False
    value = first(conf.get("type"))
    if not isinstance(value, str) or "." in value or "${" in value:
        return UNKNOWN
    return value.strip().lower().endswith("-luks")


class OvhVolumeUnencrypted(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-ENC-049: OVHcloud block storage volume is not encrypted at rest",
            id="CKV_GG_ENC_049",
            categories=(CheckCategories.ENCRYPTION,),
            supported_resources=tuple(SWITCH),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        switch = _switch(conf, SWITCH[self.entity_type])
        luks = _luks_type(conf) if self.entity_type == "ovh_cloud_project_volume" else False
        if switch is True or luks is True or UNKNOWN in (switch, luks):
            return CheckResult.PASSED
        # point at the written argument that leaves the volume in clear, else at the block
        written = [key for key in ("encryption", "type") if key in conf]
        self.evaluated_keys = written[:1]
        return CheckResult.FAILED


check = OvhVolumeUnencrypted()
