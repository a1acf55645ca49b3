"""GG-PUB-014: a Glacier vault access policy allows Principal "*" without a restricting condition.

A Python check instead of checkov's CKV_AWS_167, which returns UNKNOWN for a policy built with
`data.aws_iam_policy_document.<name>.json` (most real code) and so reported nothing there. It reads the
policy as GG-PUB-002 does (JSON text, jsonencode, or the module's `aws_iam_policy_document`), one
statement at a time: effect, principal and condition together.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first
from s3_bucket_policy_public_principal import policy_verdict

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class GlacierVaultPublicPolicy(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-014: Glacier vault access policy allows anyone",
            id="CKV_GG_PUB_014",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_glacier_vault",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        document: Any = first(conf.get("access_policy"))
        if document is None:
            return CheckResult.PASSED
        self.evaluated_keys = ["access_policy"]
        return policy_verdict(self.entity_path, document)


check = GlacierVaultPublicPolicy()
