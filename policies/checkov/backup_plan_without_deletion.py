"""GG-DEL-005: an AWS Backup plan has a rule whose recovery points are never deleted
(no lifecycle.delete_after).

A Python check because EVERY rule of the plan must set delete_after; YAML wildcard conditions hold
when ANY element matches.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import flat

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class BackupPlanWithoutDeletion(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-DEL-005: Backup plan rule keeps recovery points forever",
            id="CKV_GG_DEL_005",
            categories=(CheckCategories.BACKUP_AND_RECOVERY,),
            supported_resources=("aws_backup_plan",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        rules = [r for r in flat(conf.get("rule")) if isinstance(r, dict)]
        if not rules:
            return CheckResult.UNKNOWN
        for rule in rules:
            lifecycles = [lc for lc in flat(rule.get("lifecycle")) if isinstance(lc, dict)]
            if not any(lc.get("delete_after") not in (None, [None]) for lc in lifecycles):
                return CheckResult.FAILED
        return CheckResult.PASSED


check = BackupPlanWithoutDeletion()
