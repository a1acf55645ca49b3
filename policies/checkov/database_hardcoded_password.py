"""GG-CRED-002: a database, cache, directory or VM resource sets its master/admin password (or auth
token) to a literal, directly or through a variable default or local.

A Python check because a literal must be told apart from a reference (`random_password.x.result`,
`data.aws_secretsmanager_secret_version...`, a variable without default) after checkov has rendered
variables and locals, across many resource types and nested blocks.
"""

from __future__ import annotations

import re
from typing import Any

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# resource type -> argument paths (dots descend into nested blocks)
PASSWORD_ARGUMENTS: dict[str, tuple[str, ...]] = {
    "aws_db_instance": ("password", "password_wo"),
    "aws_rds_cluster": ("master_password", "master_password_wo"),
    "aws_docdb_cluster": ("master_password", "master_password_wo"),
    "aws_redshift_cluster": ("master_password", "master_password_wo"),
    "aws_redshiftserverless_namespace": ("admin_user_password", "admin_user_password_wo"),
    "aws_elasticache_replication_group": ("auth_token",),
    "aws_elasticache_user": ("passwords",),
    "aws_dms_endpoint": ("password",),
    "aws_mq_broker": ("user.password",),
    "aws_opensearch_domain": ("advanced_security_options.master_user_options.master_user_password",),
    "aws_elasticsearch_domain": ("advanced_security_options.master_user_options.master_user_password",),
    "aws_directory_service_directory": ("password",),
    "azurerm_mssql_server": ("administrator_login_password", "administrator_login_password_wo"),
    "azurerm_sql_server": ("administrator_login_password",),
    "azurerm_postgresql_server": ("administrator_login_password",),
    "azurerm_mysql_server": ("administrator_login_password",),
    "azurerm_postgresql_flexible_server": ("administrator_password", "administrator_password_wo"),
    "azurerm_mysql_flexible_server": ("administrator_password", "administrator_password_wo"),
    "azurerm_mssql_managed_instance": ("administrator_login_password",),
    "azurerm_linux_virtual_machine": ("admin_password",),
    "azurerm_windows_virtual_machine": ("admin_password",),
    "azurerm_linux_virtual_machine_scale_set": ("admin_password",),
    "azurerm_windows_virtual_machine_scale_set": ("admin_password",),
    "azurerm_virtual_machine": ("os_profile.admin_password",),
    "google_sql_user": ("password", "password_wo"),
    "google_sql_database_instance": ("root_password",),
    "scaleway_rdb_instance": ("password", "password_wo"),
    "scaleway_rdb_user": ("password", "password_wo"),
    "scaleway_redis_cluster": ("password", "password_wo"),
    "scaleway_mongodb_instance": ("password", "password_wo"),
}
NULLS = frozenset({"None", "null"})
"""How checkov renders a value that resolves to null (an unset variable's `default = null`): no password."""
REFERENCE = re.compile(
    r"(\$\{|\b(var|local|data|module|ephemeral)\.|^[a-z0-9_]+\(|"
    # type.name.attribute, also indexed (count/for_each): random_password.db[each.key].result
    r"^[a-z][a-z0-9_]*\.[a-zA-Z0-9_-]+(\[[^\]]*\])?\.[a-z_]+(\[[^\]]*\])?$)"
)


def _values(conf: Any, path: list[str]) -> list[Any]:
    if not path:
        return [conf]
    found: list[Any] = []
    for item in conf if isinstance(conf, list) else [conf]:
        if isinstance(item, dict) and path[0] in item:
            found.extend(_values(item[path[0]], path[1:]))
        elif isinstance(item, list):
            found.extend(_values(item, path))
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def literal_secrets(value: Any) -> list[str]:
    """Literal (non-reference) strings among the value(s)."""
    out = []
    for text in _strings(value):
        text = text.strip()
        if len(text) >= 4 and not REFERENCE.search(text) and text not in NULLS:
            out.append(text)
    return out


class DatabaseHardcodedPassword(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-CRED-002: Database, cache or VM password is written in the configuration",
            id="CKV_GG_CRED_002",
            categories=(CheckCategories.SECRETS,),
            supported_resources=tuple(PASSWORD_ARGUMENTS),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        for path in PASSWORD_ARGUMENTS.get(self.entity_type, ()):
            for value in _values(conf, path.split(".")):
                if literal_secrets(value):
                    self.evaluated_keys = [path.replace(".", "/")]  # the finding points at this argument
                    return CheckResult.FAILED
        return CheckResult.PASSED


check = DatabaseHardcodedPassword()
