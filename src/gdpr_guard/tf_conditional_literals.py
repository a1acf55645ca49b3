"""GG-CRED-002 where checkov's rendering hides it: a password written as a conditional with a literal branch.

`password = var.database_type == "mysql" ? "bar" : null` is a hard-coded password for every deployment
that takes the literal branch. checkov evaluates the condition with the variables' defaults and checks
only the branch they select; when that is `null` (rendered "None") or a reference, the literal is never
seen. This refinement reads the raw expression of the policy's top-level password arguments with the
HCL parser and reports the resource when a branch is a literal that is not a placeholder, unless
checkov already reported it or the resource provably has no instance.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.placeholders import is_placeholder
from gdpr_guard.targets import Target
from gdpr_guard.tf_expr import conditional_branches
from gdpr_guard.tf_instances import CONTEXT, module_scope, provably_zero

RULE_ID = "GG-CRED-002"
PASSWORD_ARGUMENTS: dict[str, tuple[str, ...]] = {
    "aws_db_instance": ("password",),
    "aws_rds_cluster": ("master_password",),
    "aws_docdb_cluster": ("master_password",),
    "aws_redshift_cluster": ("master_password",),
    "aws_redshiftserverless_namespace": ("admin_user_password",),
    "aws_elasticache_replication_group": ("auth_token",),
    "aws_dms_endpoint": ("password",),
    "aws_directory_service_directory": ("password",),
    "azurerm_mssql_server": ("administrator_login_password",),
    "azurerm_sql_server": ("administrator_login_password",),
    "azurerm_postgresql_server": ("administrator_login_password",),
    "azurerm_mysql_server": ("administrator_login_password",),
    "azurerm_postgresql_flexible_server": ("administrator_password",),
    "azurerm_mysql_flexible_server": ("administrator_password",),
    "azurerm_mssql_managed_instance": ("administrator_login_password",),
    "azurerm_linux_virtual_machine": ("admin_password",),
    "azurerm_windows_virtual_machine": ("admin_password",),
    "azurerm_linux_virtual_machine_scale_set": ("admin_password",),
    "azurerm_windows_virtual_machine_scale_set": ("admin_password",),
    "google_sql_user": ("password",),
    "google_sql_database_instance": ("root_password",),
    "scaleway_rdb_instance": ("password",),
    "scaleway_rdb_user": ("password",),
    "scaleway_redis_cluster": ("password",),
    "scaleway_mongodb_instance": ("password",),
}
"""The top-level password arguments of policies/checkov/database_hardcoded_password.py (a test keeps
them in step); nested ones (`user.password`) are left to checkov."""
RELEVANT = re.compile(r"\?")


def conditional_literals(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """The rule's findings plus one per resource whose password is a conditional with a literal branch."""
    reported = {(posixpath.dirname(f.location.path), (f.resource or "").split("[", 1)[0]) for f in findings}
    added: list[RawFinding] = []
    for module in _hcl.modules(list(targets), RELEVANT, CONTEXT):
        scope = None
        for block in module.blocks("resource"):
            arguments = PASSWORD_ARGUMENTS.get(block.labels[0], ())
            for argument in arguments:
                literals = [b for b in conditional_branches(block.body.get(argument)) if _literal(b)]
                if not literals or (module.directory, block.address) in reported:
                    continue
                scope = scope or module_scope(module)
                if provably_zero(block.body, scope):
                    continue
                line = block.attribute_line(argument)
                added.append(RawFinding(
                    rule_id=RULE_ID, location=Location(block.file.rel, line, line), engine="checkov",
                    resource=block.address, snippet=block.file.lines[line - 1].strip(), secrets=tuple(literals),
                    context=" ".join(block.names()), tags=block.tags(),
                    block=Location(block.file.rel, block.start, block.end),
                    detail=f"`{argument}` is a literal in one branch of a conditional: every deployment "
                           "taking that branch uses it.",
                ))
                break
    return findings + sorted(added, key=lambda f: (f.location, f.resource or ""))


def _literal(value: object) -> bool:
    return isinstance(value, str) and "${" not in value and not is_placeholder(value)
