"""GG-BAK-002: a DynamoDB table without point-in-time recovery.

A Python check rather than checkov's CKV_AWS_28 or a YAML policy: the state-lock table Terraform's S3
backend requires (hash key `LockID`) holds lock digests, nothing to restore, and must not be reported;
a YAML condition on `hash_key` would make the finding point at that attribute; and a switch checkov
cannot resolve (a variable without default, a `dynamic` block's iterator value) must stay quiet.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

LOCK_TABLE_KEY = "LockID"
UNKNOWN = object()


def _switch(conf: dict[str, Any]) -> Any:
    """`point_in_time_recovery.enabled`: False when the block or the flag is absent (AWS default off)."""
    block = first(conf.get("point_in_time_recovery"))
    if block is None:
        return False
    if not isinstance(block, dict):
        return UNKNOWN
    if "enabled" not in block:
        return False
    value = first(block["enabled"])
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return UNKNOWN  # a reference checkov could not resolve


class DynamodbWithoutPointInTimeRecovery(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-BAK-002: DynamoDB table without point-in-time recovery",
            id="CKV_GG_BAK_002",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_dynamodb_table",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if first(conf.get("hash_key")) == LOCK_TABLE_KEY:
            return CheckResult.PASSED
        switch = _switch(conf)
        if switch is True or switch is UNKNOWN:
            return CheckResult.PASSED
        # point at the written `enabled = false`, else at the block (nothing written to point at)
        block = first(conf.get("point_in_time_recovery"))
        self.evaluated_keys = (["point_in_time_recovery/[0]/enabled"]
                               if isinstance(block, dict) and "enabled" in block else [])
        return CheckResult.FAILED


check = DynamodbWithoutPointInTimeRecovery()
