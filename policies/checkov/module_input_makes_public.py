"""GG-PUB-024: a call of a registry/git module passes a literal value that makes data public.

A Python check because module calls are not resources: checkov's YAML policies see resources only,
and the inputs of a module whose source is not downloaded are just names and values.
"""

from __future__ import annotations

from typing import Any

from _module_inputs import LiteralInputCheck, literal_bool, literal_text, words

from checkov.common.models.enums import CheckCategories

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


class ModuleInputMakesPublic(LiteralInputCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-PUB-024: Module call makes a data store public with a literal input",
            id="CKV_GG_PUB_024",
            categories=(CheckCategories.GENERAL_SECURITY,),
        )

    def unsafe(self, name: str, value: Any) -> bool:
        return unsafe(name, value)


check = ModuleInputMakesPublic()
