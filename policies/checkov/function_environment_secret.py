"""GG-CRED-008: a serverless function or app service receives a literal secret in its environment.

A custom check, not checkov's CKV_AWS_45: that one looks for known key formats (AWS keys and a few
others) in Lambda variables only, and misses `UPSTREAM_TOKEN = "..."` or `DB_PASSWORD = "..."`. This one
reads the variable NAME (password, secret, token, api key, access key, private key, credentials) and
reports a literal value; references (var., local., data., resource attributes, interpolations) and
pointers to a secret store (ARNs, SSM paths, Key Vault references) are not secrets.
"""

from __future__ import annotations

import re
from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

SECRET_NAME = re.compile(r"(?i)(passw(or)?d|passwd|pwd|secret|token|api_?key|access_?key|private_?key|"
                         r"credentials?|auth_?key|client_?secret|conn(ection)?_?str(ing)?|dsn)")
# Names that hold a pointer or a setting about the secret, not the secret itself.
NOT_A_SECRET_NAME = re.compile(r"(?i)(_arn|_name|_id|_path|_param(eter)?|_url|_uri|_endpoint|_file|_ttl|"
                               r"_length|_header|_type|_version|_region|_enabled|_expiry|_expiration)$")
REFERENCE = re.compile(r"(\$\{|\b(var|local|data|module|ephemeral)\.|^[a-z][a-z0-9_]*\.[a-zA-Z0-9_-]+\.|"
                       r"^[a-z0-9_]+\()")
STORE_POINTER = re.compile(r"(?i)^(arn:aws:(secretsmanager|ssm|kms)|/|@microsoft\.keyvault|ssm:|"
                           r"secretsmanager:|projects/[^/]+/secrets/)")
ACCESS_KEY_ID = re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")
ENVIRONMENT = {
    "aws_lambda_function": ("environment", "variables"),
    "google_cloudfunctions_function": ("environment_variables",),
    "google_cloudfunctions2_function": ("service_config", "environment_variables"),
    "azurerm_linux_function_app": ("app_settings",),
    "azurerm_windows_function_app": ("app_settings",),
    "azurerm_linux_web_app": ("app_settings",),
    "azurerm_windows_web_app": ("app_settings",),
}


def _variables(conf: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    node: Any = conf
    for key in path:
        node = first(node)
        if not isinstance(node, dict) or key not in node:
            return {}
        node = node[key]
    node = first(node)
    return node if isinstance(node, dict) else {}


def secret_variables(variables: dict[str, Any]) -> list[str]:
    """Names of the variables that hold a literal secret."""
    found = []
    for name, raw in variables.items():
        value = first(raw)
        if not isinstance(name, str) or not isinstance(value, str):
            continue
        text = value.strip()
        if ACCESS_KEY_ID.search(text):
            found.append(name)
            continue
        if (len(text) < 6 or REFERENCE.search(text) or STORE_POINTER.search(text)
                or not SECRET_NAME.search(name) or NOT_A_SECRET_NAME.search(name)):
            continue
        found.append(name)
    return sorted(found)


class FunctionEnvironmentSecret(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-CRED-008: Function or app environment holds a literal secret",
            id="CKV_GG_CRED_008",
            categories=(CheckCategories.SECRETS,),
            supported_resources=tuple(ENVIRONMENT),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        path = ENVIRONMENT[self.entity_type]
        found = secret_variables(_variables(conf, path))
        if found:
            self.evaluated_keys = ["/".join(path + (name,)) for name in found]
            return CheckResult.FAILED
        return CheckResult.PASSED


check = FunctionEnvironmentSecret()
