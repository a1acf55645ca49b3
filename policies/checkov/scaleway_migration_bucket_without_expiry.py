"""GG-DEL-008: a Scaleway migration/export bucket has no enabled lifecycle rule that expires all its
objects within 30 days.

A Python check, not a YAML policy: a YAML condition on `lifecycle_rule.*` tests each argument across all
of the bucket's rules independently, so a disabled rule expiring after 7 days next to an enabled rule
that only moves objects to Glacier, or a rule limited to one `prefix` or to tagged objects, passed.
Here one rule must be enabled, expire objects within the limit, and apply to the whole bucket
(`_lifecycle_rules.py`, shared with GG-DEL-001). A value the scan cannot read (a variable without
default, a `dynamic` block) keeps it quiet. checkov has no Scaleway checks.
"""

from __future__ import annotations

from typing import Any

from _lifecycle_rules import UNKNOWN, judge, marked

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class ScalewayMigrationBucketWithoutExpiry(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-DEL-008: Scaleway migration/export bucket has no expiration lifecycle rule within 30 days",
            id="CKV_GG_DEL_008",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("scaleway_object_bucket",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if not marked(conf, "name"):
            return CheckResult.PASSED
        rules = conf.get("lifecycle_rule") or []
        answer = judge(rules if isinstance(rules, list) else [rules])
        if answer is True:
            return CheckResult.PASSED
        dynamic = conf.get("dynamic")
        if answer is UNKNOWN or (dynamic and "lifecycle_rule" in str(dynamic)):
            return CheckResult.UNKNOWN
        return CheckResult.FAILED


check = ScalewayMigrationBucketWithoutExpiry()
