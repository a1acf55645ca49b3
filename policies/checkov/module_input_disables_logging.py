"""GG-LOG-025: a call of a registry/git module passes a literal value that turns logging off.

A Python check because module calls are not resources: checkov's YAML policies see resources only,
and the inputs of a module whose source is not downloaded are just names and values.
"""

from __future__ import annotations

from typing import Any

from _gdpr_guard_checks import first
from _module_inputs import LiteralInputCheck, literal_bool, words

from checkov.common.models.enums import CheckCategories

# `create_cloudwatch_log_group`, `enable_logging`, `logging_enabled`, `access_logs_enabled`,
# `enable_flow_log`, `create_flow_log_cloudwatch_log_group`, `enable_audit_log`, `auditing_enabled`,
# `cloudtrail_enabled` set to false; `disable_logging` set to true.
LOG_WORDS = frozenset({"log", "logs", "logging", "audit", "auditing", "trail", "cloudtrail"})
SWITCH_WORDS = frozenset({"enable", "enabled", "create"})
# `cluster_enabled_log_types`, `enabled_cloudwatch_logs_exports`, `enabled_log_types` set to `[]`: the
# call asks for no log stream at all.
LIST_WORDS = frozenset({"types", "exports"})


def unsafe(name: str, value: Any) -> bool:
    parts = words(name)
    if parts & LOG_WORDS and parts & LIST_WORDS and parts & {"enable", "enabled"}:
        return first(value) == []
    flag = literal_bool(value)
    if flag is None or not parts & LOG_WORDS:
        return False
    if "disable" in parts or "disabled" in parts:
        return flag
    if parts & SWITCH_WORDS and not parts & {"retention", "kms", "encryption", "policy", "role"}:
        # `create_cloudwatch_log_group = false` / `create_log_bucket = false` usually mean "use an
        # existing one", not "do not log".
        if "create" in parts and parts & {"group", "bucket", "stream", "key", "role"}:
            return False
        return not flag
    return False


class ModuleInputDisablesLogging(LiteralInputCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-LOG-025: Module call turns logging off with a literal input",
            id="CKV_GG_LOG_025",
            categories=(CheckCategories.LOGGING,),
        )

    def unsafe(self, name: str, value: Any) -> bool:
        return unsafe(name, value)


check = ModuleInputDisablesLogging()
