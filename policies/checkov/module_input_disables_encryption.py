"""GG-ENC-046: a call of a registry/git module passes a literal value that turns encryption off.

A Python check because module calls are not resources: checkov's YAML policies see resources only,
and the inputs of a module whose source is not downloaded are just names and values.
"""

from __future__ import annotations

from typing import Any

from _module_inputs import LiteralInputCheck, literal_bool, literal_text, words

from checkov.common.models.enums import CheckCategories

# Inputs that encrypt when true: `storage_encrypted`, `encrypted`, `encryption_enabled`,
# `enable_encryption_at_rest`, `transit_encryption_enabled`, `https_only`, `ssl_enforcement_enabled`,
# `enable_https_traffic_only`, `require_ssl`, `enforce_https`, `node_to_node_encryption` ...
ON_WORDS = frozenset({"encrypted", "encryption", "encrypt", "https", "ssl", "tls"})
# ... and inputs that turn it off when true: `encryption_disabled`, `disable_encryption`, `allow_http`.
OFF_NAMES = ("encryption_disabled", "disable_encryption", "allow_http", "non_ssl_port", "enable_non_ssl_port")
WEAK_TLS = frozenset({"tls1_0", "tls1_1", "1.0", "1.1", "tlsv1", "tlsv1.1", "tlsenforcementdisabled"})


def unsafe(name: str, value: Any) -> bool:
    flag = literal_bool(value)
    parts = words(name)
    if flag is not None:
        if any(name.endswith(off) or name == off for off in OFF_NAMES):
            return flag
        if parts & ON_WORDS and not parts & {"key", "kms", "type", "algorithm", "version", "policy", "port"}:
            return not flag
        return False
    text = literal_text(value)
    if text is not None and "tls" in parts and "version" in parts:
        return text.strip().lower() in WEAK_TLS
    return False


class ModuleInputDisablesEncryption(LiteralInputCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-ENC-046: Module call turns encryption off with a literal input",
            id="CKV_GG_ENC_046",
            categories=(CheckCategories.ENCRYPTION,),
        )

    def unsafe(self, name: str, value: Any) -> bool:
        return unsafe(name, value)


check = ModuleInputDisablesEncryption()
