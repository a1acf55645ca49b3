"""GG-CRED-003: a kubernetes_secret carries a literal credential in `data`, `string_data` or
`binary_data` (directly or through a variable default or local).

A Python check because it inspects the keys and values of a map and tells literals from references.
"""

from __future__ import annotations

import re
from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

SECRET_KEY = re.compile(r"(?i)(pass|pwd|secret|token|api[_-]?key|private|cred|auth|dockerconfig|dsn|"
                        r"connection|conn_str|access[_-]?key|\.pem$|\.key$)")
REFERENCE = re.compile(
    r"(\$\{|\b(var|local|data|module|ephemeral)\.|^[a-z0-9_]+\(|"
    r"^[a-z][a-z0-9_]*\.[a-zA-Z0-9_-]+\.[a-z_]+(\[[^\]]*\])?$)"
)


class KubernetesSecretLiteralData(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-CRED-003: Kubernetes secret holds a literal credential",
            id="CKV_GG_CRED_003",
            categories=(CheckCategories.SECRETS,),
            supported_resources=("kubernetes_secret", "kubernetes_secret_v1"),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        for attribute in ("data", "string_data", "binary_data"):
            mapping = first(conf.get(attribute))
            if not isinstance(mapping, dict):
                continue
            for key, value in mapping.items():
                value = first(value)
                if not isinstance(value, str) or not SECRET_KEY.search(str(key)):
                    continue
                text = value.strip()
                if len(text) >= 4 and not REFERENCE.search(text):
                    return CheckResult.FAILED
        return CheckResult.PASSED


check = KubernetesSecretLiteralData()
