"""GG-PUB-024: a call of a registry/git module passes a literal value that makes data public.

A Python check because module calls are not resources: checkov's YAML policies see resources only,
and the inputs of a module whose source is not downloaded are just names and values.
"""

from __future__ import annotations

from typing import Any

from _module_inputs import literal_bool, literal_text, unsafe_inputs, words

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.module.base_module_check import BaseModuleCheck

# True opens: `publicly_accessible`, `public_network_access_enabled`, `allow_blob_public_access`,
# `allow_nested_items_to_be_public`, `public_access_enabled`.
OPEN_WHEN_TRUE = ("publicly_accessible", "public_network_access_enabled", "allow_blob_public_access",
                  "allow_nested_items_to_be_public", "public_access_enabled", "public_access")
# False opens: the S3 public access block flags.
OPEN_WHEN_FALSE = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
PUBLIC_ACLS = frozenset({"public-read", "public-read-write"})


def unsafe(name: str, value: Any) -> bool:
    flag = literal_bool(value)
    if flag is not None:
        if any(name == n or name.endswith("_" + n) for n in OPEN_WHEN_TRUE):
            return flag
        if any(name == n or name.endswith("_" + n) for n in OPEN_WHEN_FALSE):
            return not flag
        return False
    text = literal_text(value)
    return text is not None and "acl" in words(name) and text.strip().lower() in PUBLIC_ACLS


class ModuleInputMakesPublic(BaseModuleCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-024: Module call makes a data store public with a literal input",
            id="CKV_GG_PUB_024",
            categories=(CheckCategories.GENERAL_SECURITY,),
        )

    def scan_module_conf(self, conf: dict[str, Any]) -> CheckResult:
        found = unsafe_inputs(conf, unsafe)
        if found:
            self.evaluated_keys = found
            return CheckResult.FAILED
        return CheckResult.PASSED


check = ModuleInputMakesPublic()
