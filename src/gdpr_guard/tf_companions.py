"""Bucket settings made by a companion resource that checkov's graph does not link to the bucket.

Since AWS provider v4 a bucket is configured by separate resources (`aws_s3_bucket_logging`,
`aws_s3_bucket_server_side_encryption_configuration`, `aws_s3_bucket_public_access_block`) that name it
in `bucket`, and a log bucket is known as one by the resource that writes into it (a flow log, a trail).
checkov links two resources only through a direct reference. Modules commonly go through a local
(`bucket = local.bucket_id`, `bucket_id = join("", aws_s3_bucket.this[*].id)`) or, for a log target,
through a local child module's output (`log_destination = module.logs[0].bucket.arn`). This refinement
follows those references, so a bucket that has its companion is not reported as lacking it; a companion
that names the resource by the literal name the resource has (`bucket = "acme-exports"`, a regional or
full ID ending in `/acme-exports`) is linked too, within the resource's own module. A
bucket a function reads its code from (`source_archive_bucket`, a Lambda's `s3_bucket`) holds code,
not personal data: rules that only assume personal data (`personal_data: possible`) are settled. A
bucket policy that lets a log delivery service write into the bucket marks a log bucket. A
companion that provably never exists (`count = 0`, an empty `for_each`) covers nothing; a flag it sets
that cannot be evaluated statically leaves the finding in place.

Some rules report a resource only when a companion exists (REQUIRED: an Azure database server with a
public endpoint is reachable only through a firewall rule that names it): their findings are kept only
when a companion reaches the resource in at least one configuration that creates both.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import RawFinding
from gdpr_guard.refinements import ACCOUNT_FLAGS as PUBLIC_ACCESS_FLAGS
from gdpr_guard.targets import Kind, Target
from gdpr_guard.tf_expr import Scope, evaluate, references
from gdpr_guard.tf_instances import instance_scopes, module_scope, provably_zero

MAX_HOPS = 12
LOG_WRITERS = ("aws_s3_bucket_logging", "aws_flow_log", "aws_cloudtrail", "aws_lb", "aws_alb", "aws_elb",
               "aws_cloudfront_distribution")


@dataclass(frozen=True)
class Companion:
    """Resources that settle a rule for the bucket they reference, and what they must say."""

    bucket_type: str
    types: tuple[str, ...]
    path: tuple[str, ...] | None
    """Where the companion names the bucket (nested blocks included); None: anywhere in it (a log writer
    names its target in `log_destination`, `s3_bucket_name`, `access_logs { bucket }`, ...)."""
    settles: Callable[[dict[str, Any], Scope], bool]
    name_argument: str | None = None
    """The argument of the target resource that holds its name, for a companion naming it literally."""


def _always(body: dict[str, Any], scope: Scope) -> bool:
    del body, scope
    return True


def _blocks_everything(body: dict[str, Any], scope: Scope) -> bool:
    return all(evaluate(body.get(flag), scope) is True for flag in PUBLIC_ACCESS_FLAGS)


LOG_DELIVERY = frozenset({"delivery.logs.amazonaws.com", "logging.s3.amazonaws.com",
                          "logdelivery.elasticloadbalancing.amazonaws.com"})
"""Service principals that deliver logs into a bucket (vended logs, S3 server access logs, load balancers)."""


def _lets_logs_in(body: dict[str, Any], scope: Scope) -> bool:
    """A bucket policy written as a JSON document that lets a log delivery service put objects: the
    bucket receives logs from a producer outside this configuration (a load balancer of another stack)."""
    del scope
    value = body.get("policy")
    text = value[0] if isinstance(value, list) and len(value) == 1 else value
    if not isinstance(text, str) or text.strip().startswith("${"):
        return False  # jsonencode(...) or a policy document's reference: not read here
    try:
        document = json.loads(text)
    except ValueError:
        return False
    statements = document.get("Statement") if isinstance(document, dict) else None
    for statement in statements if isinstance(statements, list) else [statements]:
        if not isinstance(statement, dict) or statement.get("Effect") != "Allow":
            continue
        principal = statement.get("Principal")
        services = principal.get("Service") if isinstance(principal, dict) else None
        actions = statement.get("Action")
        if (set(services if isinstance(services, list) else [services]) & LOG_DELIVERY
                and "s3:PutObject" in (actions if isinstance(actions, list) else [actions])):
            return True
    return False


# A bucket a function or a deployment reads its code from holds code, not data about people: rules that
# assume a bucket possibly holds personal data (`personal_data: possible`) have nothing to say about it.
CODE_SOURCES = (
    Companion("aws_s3_bucket", ("aws_lambda_function", "aws_lambda_layer_version"), ("s3_bucket",), _always),
    Companion("aws_s3_bucket", ("aws_elastic_beanstalk_application_version",), ("bucket",), _always),
    Companion("google_storage_bucket", ("google_cloudfunctions_function",), ("source_archive_bucket",), _always),
    Companion("google_storage_bucket", ("google_cloudfunctions2_function",),
              ("build_config", "source", "storage_source", "bucket"), _always),
)
S3_CODE = tuple(c for c in CODE_SOURCES if c.bucket_type == "aws_s3_bucket")
COMPANIONS: dict[str, tuple[Companion, ...]] = {
    "GG-ENC-003": (Companion("aws_s3_bucket", ("aws_s3_bucket_server_side_encryption_configuration",),
                             ("bucket",), _always), *S3_CODE),
    "GG-PUB-003": (Companion("aws_s3_bucket", ("aws_s3_bucket_public_access_block",), ("bucket",),
                             _blocks_everything),),
    "GG-LOG-002": (Companion("aws_s3_bucket", LOG_WRITERS, None, _always),
                   Companion("aws_s3_bucket", ("aws_s3_bucket_policy",), ("bucket",), _lets_logs_in), *S3_CODE),
    "GG-LOG-007": tuple(c for c in CODE_SOURCES if c.bucket_type == "google_storage_bucket"),
    # Since AWS provider 5.x a Redshift cluster's audit logging is its own resource (the `logging` block
    # checkov's CKV_AWS_71 reads is deprecated).
    "GG-LOG-020": (Companion("aws_redshift_cluster", ("aws_redshift_logging",), ("cluster_identifier",), _always,
                             "cluster_identifier"),),
    # A bucket served as a static website holds the site's public files, not data about people.
    "GG-ENC-052": (Companion("scaleway_object_bucket", ("scaleway_object_bucket_server_side_encryption_configuration",
                                                        "scaleway_object_bucket_website_configuration"),
                             ("bucket",), _always, "name"),),
}


def _firewall(server: str, *rules: str) -> tuple[Companion, ...]:
    return tuple(Companion(server, (rule,), (argument,), _always, "name")
                 for rule in rules for argument in ("server_name", "server_id"))


# A server whose public endpoint no firewall rule opens admits nobody (Azure's firewall denies by default).
REQUIRED: dict[str, tuple[Companion, ...]] = {
    "GG-PUB-016": (*_firewall("azurerm_postgresql_server", "azurerm_postgresql_firewall_rule"),
                   *_firewall("azurerm_postgresql_flexible_server",
                              "azurerm_postgresql_flexible_server_firewall_rule")),
    "GG-PUB-017": (*_firewall("azurerm_mysql_server", "azurerm_mysql_firewall_rule"),
                   *_firewall("azurerm_mysql_flexible_server", "azurerm_mysql_flexible_server_firewall_rule")),
    "GG-PUB-018": _firewall("azurerm_mssql_server", "azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"),
    "GG-PUB-019": _firewall("azurerm_mariadb_server", "azurerm_mariadb_firewall_rule"),
}


def settled_by_companions(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Drop the findings of COMPANIONS rules on buckets that a companion resource does settle, and those of
    REQUIRED rules on resources that no companion reaches."""
    concerned = [f for f in findings if f.rule_id in COMPANIONS.keys() | REQUIRED.keys()
                 and f.engine == "checkov" and f.resource]
    if not concerned:
        return findings
    registry = {**COMPANIONS, **REQUIRED}
    types = sorted({t for f in concerned for c in registry[f.rule_id] for t in (*c.types, c.bucket_type)})
    relevant = re.compile("|".join(re.escape(t) for t in types) + r"|\bmodule\s+\"|\boutput\s+\"")
    context = re.compile(r"\blocals\s*\{|\bvariable\s+\"")
    modules = {m.directory: m for m in _hcl.modules(list(targets), relevant, context)}
    reach = _Reach(modules, frozenset(t for c in (c for cs in registry.values() for c in cs) for t in c.types))
    chosen = set(concerned)  # a list would compare every finding with every concerned one
    plans = _plans(targets) if any(f.rule_id in REQUIRED for f in chosen) else []
    return [f for f in findings if f not in chosen
            or (not _linked(f, reach, every=True) if f.rule_id in COMPANIONS
                else _linked(f, reach, every=False) or _linked_in_plans(f, plans))]


def _plans(targets: Sequence[Target]) -> list[Any]:
    from gdpr_guard import tf_plan_companions  # reads plans: only when one is scanned

    return tf_plan_companions.load_plans(t for t in targets if t.kind is Kind.TERRAFORM_PLAN)


def _linked_in_plans(finding: RawFinding, plans: list[Any]) -> bool:
    """A REQUIRED finding from a scanned plan: does a planned companion name the resource?"""
    if not plans or finding.resource is None:
        return False
    from gdpr_guard import tf_plan_companions
    from gdpr_guard.terraform_plan import strip_keys

    parts = strip_keys(finding.resource).split(".")
    kind = parts[-2] if len(parts) >= 2 else ""
    return any(tf_plan_companions.linked(finding.resource, c.name_argument, c.types, c.path[-1], plans)
               for c in REQUIRED[finding.rule_id] if c.bucket_type == kind and c.path)


class _Reach:
    """What the findings of one scan ask again and again, computed once: each module's companion blocks,
    the resources a value refers to, and the scopes of a module or an instance."""

    def __init__(self, modules: dict[str, _hcl.Module], types: frozenset[str]) -> None:
        self.modules = modules
        self.blocks = {d: [b for b in m.blocks("resource") if b.labels[0] in types] for d, m in modules.items()}
        # Keyed by id() of hcl2 values, each kept alive in its entry so that no id is reused meanwhile.
        self._targets: dict[tuple[int, str, int], tuple[Any, frozenset[tuple[str, str]]]] = {}
        self._at: dict[tuple[int, str, tuple[str, ...] | None], tuple[Any, frozenset[tuple[str, str]]]] = {}
        self._scopes: dict[tuple[str, str | None], list[Scope]] = {}

    def reaches(self, block: _hcl.Block, path: tuple[str, ...] | None, module: _hcl.Module,
                bucket: tuple[str, str]) -> bool:
        """Does the companion block's value at `path` refer to the bucket (as _reaches decides it)?"""
        key = (id(block.body), module.directory, path)
        if key not in self._at or self._at[key][0] is not block.body:
            value = block.body if path is None else _at(block.body, path)
            self._at[key] = (block.body, self.targets(value, module, 0))
        return bucket in self._at[key][1]

    def targets(self, value: Any, module: _hcl.Module, hops: int) -> frozenset[tuple[str, str]]:
        """Every (directory, `type.name`) that `_reaches(value, module, ..., hops)` is True for."""
        if hops > MAX_HOPS:
            return frozenset()
        key = (id(value), module.directory, hops)
        if key in self._targets and self._targets[key][0] is value:
            return self._targets[key][1]
        found: set[tuple[str, str]] = set()
        for text in _hcl.walk_strings(value):
            for ref in references(text):
                found |= self._ref_targets(ref, module, hops)
        self._targets[key] = (value, frozenset(found))
        return self._targets[key][1]

    def _ref_targets(self, ref: tuple[str, ...], module: _hcl.Module, hops: int) -> frozenset[tuple[str, str]]:
        head = ref[0]
        if head == "local" and len(ref) >= 2:
            local = module.locals().get(ref[1])
            return frozenset() if local is None else self.targets(local, module, hops + 1)
        if head == "module" and len(ref) >= 3:
            found = _output(module, ref[1], ref[2], self.modules)
            return frozenset() if found is None else self.targets(found[1], found[0], hops + 1)
        return frozenset({(module.directory, ".".join(ref[:2]))})

    def scopes(self, resource: str, directory: str, module: _hcl.Module) -> list[Scope]:
        """The scopes a companion in `module` is read in (evaluation only adds to a scope's
        `defaults_used`, which nothing here reads: one scope list serves every finding)."""
        key = (module.directory, resource if module.directory == directory else None)
        if key not in self._scopes:
            self._scopes[key] = (instance_scopes(resource, directory, self.modules) if key[1] is not None
                                 else [module_scope(module)])
        return self._scopes[key]


def _linked(finding: RawFinding, reach: _Reach, every: bool) -> bool:
    """Does a companion reach the finding's resource? `every`: and settle it in every configuration that
    creates the resource; otherwise: and exist in at least one."""
    assert finding.resource is not None
    parts = [p.split("[", 1)[0] for p in finding.resource.split(".")]
    if len(parts) < 2:
        return False
    bucket = (posixpath.dirname(finding.location.path), f"{parts[-2]}.{parts[-1]}")
    registry = COMPANIONS if every else REQUIRED
    companions = [c for c in registry[finding.rule_id] if c.bucket_type == parts[-2]]
    modules = reach.modules
    for module in modules.values() if companions else ():
        # In the bucket's own module, the companion's settings are read with the caller's inputs (an
        # example passing `block_public_policy = var.x`); every configuration reaching it must agree.
        own = module.directory == bucket[0]
        for block in reach.blocks[module.directory]:
            for companion in companions:
                if block.labels[0] not in companion.types:
                    continue
                value = block.body if companion.path is None else _at(block.body, companion.path)
                name = _literal_name(modules.get(bucket[0]), bucket[1], companion) if own else None
                if not (reach.reaches(block, companion.path, module, bucket) or _names(value, name)):
                    continue
                scopes = reach.scopes(finding.resource, bucket[0], module)
                if not scopes:
                    continue
                if every and all(not provably_zero(block.body, scope) and companion.settles(block.body, scope)
                                 for scope in scopes):
                    return True
                if not every and any(not provably_zero(block.body, scope) for scope in scopes):
                    return True
    return False


def _literal_name(module: _hcl.Module | None, address: str, companion: Companion) -> str | None:
    """The name the target resource is given, as written (`name = "acme-exports"`, `"${var.env}-db"`),
    or None."""
    if module is None or companion.name_argument is None:
        return None
    block = next((b for b in module.blocks("resource") if ".".join(b.labels) == address), None)
    value = block.attribute(companion.name_argument) if block else None
    return value if isinstance(value, str) and value else None


def _names(value: Any, name: str | None) -> bool:
    """Is one of the strings of an hcl2 value that name, or an ID ending in `/<name>` (a Scaleway
    regional ID `fr-par/<name>`, an Azure resource ID `.../servers/<name>`)? A name built by
    interpolation (`"${var.env}-db"`) is matched by the same text in the same module."""
    if name is None:
        return False
    if "${" in name:
        return any(text.strip() == name.strip() or text.strip().endswith("/" + name.strip())
                   for text in _hcl.walk_strings(value))
    return any("${" not in text and (text == name or text.lower().endswith("/" + name.lower()))
               for text in _hcl.walk_strings(value))


def _at(body: Any, path: tuple[str, ...]) -> list[Any]:
    """The values at a path of attribute and nested-block names (hcl2 wraps blocks in lists)."""
    values = [body]
    for name in path:
        found: list[Any] = []
        for value in values:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and name in item:
                    found.append(item[name])
        values = found
    return values


def _output(module: _hcl.Module, call_name: str, output: str,
            modules: dict[str, _hcl.Module]) -> tuple[_hcl.Module, Any] | None:
    """The local child module of a module call and the value of one of its outputs, or None."""
    call = next((b for b in module.blocks("module") if b.labels == (call_name,)), None)
    source = call.attribute("source") if call else None
    if not isinstance(source, str) or not source.startswith(("./", "../")):
        return None  # a registry module's outputs are not on disk
    path = posixpath.normpath(posixpath.join(module.directory, source))
    child = modules.get("" if path == "." else path)
    block = next((b for b in child.blocks("output") if b.labels == (output,)), None) if child else None
    if child is None or block is None:
        return None
    return child, block.body.get("value")
