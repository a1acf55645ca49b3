"""GG-PUB-002: an S3 bucket policy allows Principal "*" without a condition that restricts who calls.

A Python check because the rule correlates, inside ONE policy statement, the effect, the principal
and the condition keys; checkov YAML attribute conditions cannot tie them to the same statement.
"""

from __future__ import annotations

import json
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# Condition keys that limit the callers to a network, an organisation, an account or a principal.
RESTRICTING_KEYS = frozenset(k.lower() for k in (
    "aws:SourceIp", "aws:VpcSourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalServiceName",
    "aws:SourceArn", "aws:SourceAccount", "aws:SourceOrgID", "aws:userid", "aws:username",
    "aws:ResourceOrgID", "aws:ResourceAccount", "s3:DataAccessPointAccount", "s3:DataAccessPointArn",
))


def _first(value: Any) -> Any:
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_public_principal(principal: Any) -> bool:
    if principal == "*":
        return True
    if isinstance(principal, dict):
        return any(v == "*" or (isinstance(v, list) and "*" in v) for k, v in principal.items() if k == "AWS")
    return False


def _restricted(condition: Any) -> bool:
    if not isinstance(condition, dict):
        return False
    for operator, keys in condition.items():
        if not isinstance(keys, dict):
            continue
        if str(operator).lower().startswith(("null", "bool")):
            continue
        if any(str(key).lower() in RESTRICTING_KEYS for key in keys):
            return True
    return False


def public_statements(document: Any) -> list[dict[str, Any]]:
    """Statements of an IAM policy document that allow anyone, with no restricting condition."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            return []
    if not isinstance(document, dict):
        return []
    found = []
    for statement in _as_list(document.get("Statement")):
        if not isinstance(statement, dict) or statement.get("Effect", "Allow") != "Allow":
            continue
        if "Principal" not in statement or not _is_public_principal(statement["Principal"]):
            continue
        if _restricted(statement.get("Condition")):
            continue
        found.append(statement)
    return found


class S3BucketPolicyPublicPrincipal(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name='GG-PUB-002: S3 bucket policy allows Principal "*" without a restricting condition',
            id="CKV_GG_PUB_002",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_s3_bucket_policy", "aws_s3_bucket"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if "policy" not in conf:
            return CheckResult.PASSED
        policy = _first(conf["policy"])
        if isinstance(policy, str) and not policy.lstrip().startswith("{"):
            return CheckResult.UNKNOWN  # a reference (data source, variable without default)
        return CheckResult.FAILED if public_statements(policy) else CheckResult.PASSED


check = S3BucketPolicyPublicPrincipal()
