"""GG-LOG-008: a Cloud SQL for PostgreSQL instance does not log connections and disconnections
(database flags log_connections and log_disconnections = on).

A Python check because each flag is a {name, value} pair in a list: YAML attribute conditions
cannot tie a value to the name of the same list element.
"""

from __future__ import annotations

from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

REQUIRED_FLAGS = ("log_connections", "log_disconnections")


def _first(value: Any) -> Any:
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def _flat(value: Any) -> list[Any]:
    out: list[Any] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, list):
            out.extend(_flat(item))
        elif item is not None:
            out.append(item)
    return out


class CloudSqlPostgresWithoutConnectionLogging(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-LOG-008: Cloud SQL PostgreSQL instance does not log connections",
            id="CKV_GG_LOG_008",
            categories=(CheckCategories.LOGGING,),
            supported_resources=("google_sql_database_instance",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        version = _first(conf.get("database_version"))
        if not isinstance(version, str):
            return CheckResult.UNKNOWN
        if not version.upper().startswith("POSTGRES"):
            return CheckResult.PASSED
        flags: dict[str, str] = {}
        for settings in _flat(conf.get("settings")):
            if not isinstance(settings, dict):
                continue
            for flag in _flat(settings.get("database_flags")):
                if isinstance(flag, dict):
                    flags[str(_first(flag.get("name")))] = str(_first(flag.get("value"))).lower()
        if all(flags.get(name) == "on" for name in REQUIRED_FLAGS):
            return CheckResult.PASSED
        return CheckResult.FAILED


check = CloudSqlPostgresWithoutConnectionLogging()
