"""GG-PUB-028: an OpenSearch/Elasticsearch domain access policy allows Principal "*" without a
restricting condition.

A Python check for the same reason as GG-PUB-002 (effect, principal and condition must be read inside
ONE statement), reusing its reading of IAM documents (JSON text, jsonencode, or
`data.aws_iam_policy_document.<name>.json` declared in the module). checkov has no check on search
domain access policies.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first
from s3_bucket_policy_public_principal import policy_verdict

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck


class SearchDomainPolicyPublic(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-028: Search domain access policy allows anyone",
            id="CKV_GG_PUB_028",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_elasticsearch_domain", "aws_opensearch_domain",
                                 "aws_elasticsearch_domain_policy", "aws_opensearch_domain_policy"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        document: Any = first(conf.get("access_policies"))
        if document is None:
            return CheckResult.PASSED
        self.evaluated_keys = ["access_policies"]
        return policy_verdict(self.entity_path, document)


check = SearchDomainPolicyPublic()
