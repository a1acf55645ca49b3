"""Companions found in Terraform plans: a firewall rule that opens a server, read from the plan.

tf_companions reads `.tf` files; a scanned plan (`terraform show -json`) has none of its own. A plan
gives what the files leave open: the planned values, where a server's `name` and the rule's
`server_name` are resolved (`"${var.env}-db"` is `prod-db` there), and the configuration's references
(`server_id = azurerm_postgresql_flexible_server.db.id`, unknown until applied). A companion links the
resource when its planned argument is the resource's planned name (or an ID ending in `/<name>`), or
when its configuration refers to the resource, in the resource's own module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from gdpr_guard import terraform_plan
from gdpr_guard.errors import UsageError
from gdpr_guard.targets import Target


def load_plans(targets: Iterable[Target]) -> list[terraform_plan.Plan]:
    plans = []
    for target in targets:
        try:
            plans.append(terraform_plan.load(target.path))
        except UsageError:
            continue  # the engine reports an unreadable plan itself
    return plans


def linked(resource: str, name_argument: str | None, types: Sequence[str], argument: str,
           plans: Sequence[terraform_plan.Plan]) -> bool:
    """Does a planned companion of one of `types` name `resource` in `argument` (its planned value, or its
    configuration's references)?"""
    return any(_linked_in(plan, resource, name_argument, types, argument) for plan in plans)


def _linked_in(plan: terraform_plan.Plan, resource: str, name_argument: str | None, types: Sequence[str],
               argument: str) -> bool:
    target = plan.change(resource)
    if target is None or target.actions == ("delete",):
        return False
    name = target.after.get(name_argument) if isinstance(target.after, dict) and name_argument else None
    prefix, local = _split(terraform_plan.strip_keys(target.address))
    for change in plan.changes:
        if change.type not in types or change.actions == ("delete",) or change.mode != "managed":
            continue
        if _split(terraform_plan.strip_keys(change.address))[0] != prefix:
            continue
        value = change.after.get(argument) if isinstance(change.after, dict) else None
        if isinstance(name, str) and name and isinstance(value, str) and (
                value == name or value.lower().endswith("/" + name.lower())):
            return True
    for config in _module_resources(plan.configuration, prefix):
        if config.get("type") not in types:
            continue
        references = ((config.get("expressions") or {}).get(argument) or {}).get("references") or []
        if any(str(ref) == local or str(ref).startswith(local + ".") or str(ref).startswith(local + "[")
               for ref in references):
            return True
    return False


def _split(address: str) -> tuple[str, str]:
    """(`module.a.module.b.`, `type.name`) of a resource address without instance keys."""
    parts = address.split(".")
    return ".".join(parts[:-2]) + ("." if len(parts) > 2 else ""), ".".join(parts[-2:])


def _module_resources(configuration: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    """The configuration's resources of the module at an address prefix (`module.a.module.b.`)."""
    module = configuration.get("root_module") or {}
    for call in [p for p in prefix.split(".") if p][1::2]:
        module = (((module.get("module_calls") or {}).get(call) or {}).get("module")) or {}
    resources = module.get("resources") or []
    return [r for r in resources if isinstance(r, dict)]
