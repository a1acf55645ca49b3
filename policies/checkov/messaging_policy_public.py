"""GG-PUB-029: an SQS queue policy or SNS topic policy allows Principal "*" without a restricting condition.

A Python check instead of checkov's CKV_AWS_168 (SQS) and CKV_AWS_169 (SNS), which return UNKNOWN for a
policy built with `data.aws_iam_policy_document.<name>.json` (most real code). It reads the policy as
GG-PUB-002 does (JSON text, jsonencode, or the module's `aws_iam_policy_document`), one statement at a
time: effect, principal and condition together, so `aws:SourceArn` (an S3 event or an SNS subscription
naming its source) or `aws:SourceAccount` narrows "*" to one caller.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first
from s3_bucket_policy_public_principal import policy_verdict

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class MessagingPolicyPublic(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-029: SQS queue or SNS topic policy allows anyone",
            id="CKV_GG_PUB_029",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_sqs_queue_policy", "aws_sqs_queue", "aws_sns_topic_policy", "aws_sns_topic"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        document: Any = first(conf.get("policy"))
        if document is None or document == "":
            return CheckResult.PASSED
        self.evaluated_keys = ["policy"]
        return policy_verdict(self.entity_path, document)


check = MessagingPolicyPublic()
