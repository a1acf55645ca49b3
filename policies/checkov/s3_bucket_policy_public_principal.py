"""GG-PUB-002: an S3 bucket policy allows Principal "*" without a condition that restricts who calls.

A Python check because the rule correlates, inside ONE policy statement, the effect, the principal
and the condition keys; checkov YAML attribute conditions cannot tie them to the same statement.

Most configurations build the policy with `data.aws_iam_policy_document.<name>.json`, which checkov
does not render: the check then reads that data block from the module's .tf files (the directory of
the scanned file under checkov's --directory) and evaluates its statement blocks. When the block
cannot be found the result stays UNKNOWN.
"""

from __future__ import annotations

import json
import re
from typing import Any

from _gdpr_guard_checks import first, module_file

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# Condition keys that limit the callers to a network, an organisation, an account or a principal
# (`aws:SourceOwner`: the account condition of the default statement AWS writes into every SNS topic policy).
RESTRICTING_KEYS = frozenset(k.lower() for k in (
    "aws:SourceIp", "aws:VpcSourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalServiceName",
    "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceOrgID", "aws:userid", "aws:username",
    "aws:ResourceOrgID", "aws:ResourceAccount", "s3:DataAccessPointAccount", "s3:DataAccessPointArn",
))


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


POLICY_DOCUMENT_REF = re.compile(r"^\$?\{?\s*data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.json\s*\}?$")


def _statement_json(block: dict[str, Any]) -> dict[str, Any]:
    """An aws_iam_policy_document `statement` block in IAM JSON form (Effect, Principal, Condition)."""
    statement: dict[str, Any] = {"Effect": str(first(block.get("effect")) or "Allow")}
    principal: dict[str, list[Any]] = {}
    for principals in _as_list(block.get("principals")):
        if not isinstance(principals, dict):
            continue
        kind = str(first(principals.get("type")))
        identifiers = principals.get("identifiers")
        identifiers = [i for i in (identifiers if isinstance(identifiers, list) else [identifiers])]
        flat: list[Any] = []
        for item in identifiers:
            flat.extend(item if isinstance(item, list) else [item])
        principal.setdefault(kind, []).extend(flat)
    if principal:
        statement["Principal"] = "*" if "*" in principal.get("*", []) else principal
    condition: dict[str, dict[str, Any]] = {}
    for entry in _as_list(block.get("condition")):
        if isinstance(entry, dict):
            condition.setdefault(str(first(entry.get("test"))), {})[str(first(entry.get("variable")))] = \
                first(entry.get("values"))
    if condition:
        statement["Condition"] = condition
    return statement


def policy_document_from_data(entity_path: str, name: str) -> dict[str, Any] | None:
    """The IAM JSON form of `data "aws_iam_policy_document" "<name>"` declared in the module of the
    scanned file, or None when it is not found or cannot be parsed."""
    try:
        import hcl2  # shipped with checkov
    except ImportError:  # pragma: no cover
        return None
    scanned = module_file(entity_path)
    if scanned is None:
        return None
    for path in sorted(scanned.parent.glob("*.tf")):
        try:
            with path.open(encoding="utf-8") as handle:
                parsed = hcl2.load(handle)
        except Exception:  # noqa: BLE001 - an unparsable file is not ours to report
            continue
        for data in _as_list(parsed.get("data")):
            document = data.get("aws_iam_policy_document", {}).get(name) if isinstance(data, dict) else None
            if isinstance(document, dict):
                if document.get("dynamic") or document.get("source_policy_documents") \
                        or document.get("override_policy_documents"):
                    return None  # statements we cannot see: stay UNKNOWN unless a visible one is public
                return {"Statement": [_statement_json(s) for s in _as_list(document.get("statement"))
                                      if isinstance(s, dict)]}
    return None


def policy_verdict(entity_path: str, document: Any) -> CheckResult:
    """A resource policy's result, the document given as JSON text, jsonencode, or a reference to the module's
    `aws_iam_policy_document` (UNKNOWN when that cannot be read): FAILED when a statement is public."""
    if isinstance(document, str):
        match = POLICY_DOCUMENT_REF.match(document.strip())
        if match:
            document = policy_document_from_data(entity_path, match.group(1))
            if document is None:
                return CheckResult.UNKNOWN
    return CheckResult.FAILED if public_statements(document) else CheckResult.PASSED


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
        policy = first(conf["policy"])
        if isinstance(policy, str) and not policy.lstrip().startswith("{"):
            reference = POLICY_DOCUMENT_REF.match(policy.strip())
            document = policy_document_from_data(self.entity_path, reference.group(1)) if reference else None
            if document is None:
                return CheckResult.UNKNOWN  # a reference (variable without default, unreadable document)
            return CheckResult.FAILED if public_statements(document) else CheckResult.PASSED
        return CheckResult.FAILED if public_statements(policy) else CheckResult.PASSED


check = S3BucketPolicyPublicPrincipal()
