"""Wrapper analyses: rules that must see more than one file.

Each module exposes `analyse(targets, config) -> list[RawFinding]`; `config` is the plain dict of
`Config.as_analysis_options()` (generic_accounts, plan_name, plan_globs, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gdpr_guard.analyses import (
    exposed_access_key_outputs,
    migration_plans,
    same_secret,
    shared_terraform_credentials,
    tfvars_secrets,
)
from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target

Analysis = Callable[[list[Target], dict[str, Any]], list[RawFinding]]

ANALYSES: dict[str, Analysis] = {
    "same_secret": same_secret.analyse,
    "migration_plans": migration_plans.analyse,
    "shared_terraform_credentials": shared_terraform_credentials.analyse,
    "exposed_access_key_outputs": exposed_access_key_outputs.analyse,
    "tfvars_secrets": tfvars_secrets.analyse,
}

# Rule ids each analysis can report (for the catalog consistency checks and --enable/--disable).
RULES: dict[str, tuple[str, ...]] = {
    "same_secret": (same_secret.RULE_ID,),
    "migration_plans": ("GG-MIG-201", "GG-MIG-202", "GG-MIG-203", "GG-MIG-204"),
    "shared_terraform_credentials": (shared_terraform_credentials.RULE_ID,),
    "exposed_access_key_outputs": (exposed_access_key_outputs.RULE_ID,),
    "tfvars_secrets": (tfvars_secrets.RULE_ID,),
}
