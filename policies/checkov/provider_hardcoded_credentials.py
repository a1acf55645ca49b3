"""GG-CRED-001: a provider block carries a literal credential (access key, secret, client secret,
service-account key, token or password), directly or through a variable default or local.

A Python provider check: checkov YAML graph policies do not address provider blocks by argument.
checkov renders variables and locals before the check runs, so `secret_key = var.secret_key` with
a literal default is reported, while a variable without default (set from the environment or a
secret store at run time) is not.
"""

from __future__ import annotations

import re
from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.provider.base_check import BaseProviderCheck

SECRET_ARGUMENTS = {
    "aws": ("access_key", "secret_key", "token"),
    "azurerm": ("client_secret", "client_certificate_password"),
    "azuread": ("client_secret", "client_certificate_password"),
    "google": ("credentials", "access_token"),
    "google-beta": ("credentials", "access_token"),
    "kubernetes": ("password", "token", "client_key"),
    "helm": ("password",),
    "vault": ("token",),
    "postgresql": ("password",),
    "mysql": ("password",),
    "github": ("token",),
    "datadog": ("api_key", "app_key"),
    "cloudflare": ("api_token", "api_key"),
    "digitalocean": ("token",),
    "ovh": ("application_secret", "consumer_key", "client_secret", "access_token"),
    "scaleway": ("secret_key",),
}
REFERENCE = re.compile(r"(\$\{|\b(var|local|data|module)\.|^[a-z0-9_]+\(|\benv\b)")


def is_literal_secret(value: Any) -> bool:
    value = first(value)
    if not isinstance(value, str):
        return False
    text = value.strip()
    return len(text) >= 4 and not REFERENCE.search(text)


class ProviderHardcodedCredentials(BaseProviderCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-CRED-001: Provider block contains a literal credential",
            id="CKV_GG_CRED_001",
            categories=(CheckCategories.SECRETS,),
            supported_provider=tuple(SECRET_ARGUMENTS),
        )

    def scan_entity_conf(self, conf: dict[str, Any], entity_type: str) -> CheckResult:
        return self._scan(conf, entity_type)

    def scan_provider_conf(self, conf: dict[str, Any]) -> CheckResult:
        return self._scan(conf, str(getattr(self, "entity_type", "") or ""))

    def _scan(self, conf: dict[str, Any], name: str) -> CheckResult:
        for argument in SECRET_ARGUMENTS.get(name, ()):
            value = first(conf.get(argument))
            if argument == "credentials" and isinstance(value, str) and "private_key" not in value:
                continue  # a path to a key file, not the key itself
            if is_literal_secret(value):
                self.evaluated_keys = [argument]  # the finding points at this argument
                return CheckResult.FAILED
        return CheckResult.PASSED


check = ProviderHardcodedCredentials()
