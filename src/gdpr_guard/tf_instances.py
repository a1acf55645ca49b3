"""Terraform instances that are never created: findings on them are not findings.

checkov renders one instance of every resource and module call whatever its `count` or `for_each`, so
a module called with `count = 0`, `for_each = {}` or `create = false`, or a wrapper module whose
`items` are empty, reports resources that do not exist. This refinement follows the module calls of
the scanned configuration (local sources only) down to the finding's resource and evaluates the
expressions that decide existence (tf_expr). Provably zero from literals or a caller's inputs: the
finding goes. A `for_each` over a collection that is empty by default (the items come from a caller:
wrappers, `additional_users`): the finding goes, since the instances and their values exist only in
the caller's configuration. A `count` that is zero only through a default (a feature flag a caller may
switch on): the finding stays, marked as weak evidence, unless the module is itself called by other
configurations of the scan (its examples, a stack): it is then a module whose callers are the
deployments, and they create the instance (reported through them) or do not. Anything not statically
known: it stays.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Target
from gdpr_guard.tf_expr import Known, Scope, evaluate

RELEVANT = re.compile(r"\bcount\s*=|\bfor_each\s*=|\bmodule\s+\"")
CONTEXT = re.compile(r"\bvariable\s+\"|\blocals\s*\{")
META = frozenset({"source", "version", "count", "for_each", "providers", "depends_on", "lifecycle"})


@dataclass(frozen=True)
class Existence:
    """Whether a chain of module calls down to a resource can create it."""

    zero: bool
    """Provably no instance."""
    by_default: str = ""
    """The variable defaults the zero rests on (empty: literals or a caller's inputs)."""
    empty_collection: bool = False
    """A `for_each` is empty by default: the items, and so the instances, come from a caller."""


def existing_instances(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Drop findings on instances that cannot exist; mark those that exist only if a caller opts in."""
    if not any(f.engine == "checkov" and f.resource for f in findings):
        return findings
    modules = {m.directory: m for m in _hcl.modules(list(targets), RELEVANT, CONTEXT)}
    callers: dict[str, list[_hcl.Module]] = {}  # module call name -> the modules that hold such a call
    for module in modules.values():
        for name in dict.fromkeys(b.labels[0] for b in module.blocks("module") if b.labels):
            callers.setdefault(name, []).append(module)
    called = _called_directories(modules)
    # Many rules fail on the same resource instance: its existence is decided once per (address, directory).
    verdicts: dict[tuple[str, str], Existence | None] = {}
    out = []
    for finding in findings:
        verdict = None
        if finding.engine == "checkov" and finding.resource:
            key = (finding.resource, posixpath.dirname(finding.location.path))
            if key not in verdicts:
                verdicts[key] = _existence(finding, modules, callers)
            verdict = verdicts[key]
        if verdict is None or not verdict.zero:
            out.append(finding)
        elif verdict.by_default and not verdict.empty_collection and not _module_with_callers(finding, called):
            out.append(replace(finding, weak_evidence=f"the instance exists only if a caller sets "
                                                      f"{verdict.by_default}: with the defaults, it is not created"))
    return out


def _called_directories(modules: dict[str, _hcl.Module]) -> set[str]:
    """Directories that a module call of the scanned configurations sources locally (`../../`)."""
    called = set()
    for module in modules.values():
        for call in module.blocks("module"):
            source = call.attribute("source")
            if isinstance(source, str) and source.startswith(("./", "../")):
                path = posixpath.normpath(posixpath.join(module.directory, source))
                called.add("" if path == "." else path)
    return called


def _module_with_callers(finding: RawFinding, called: set[str]) -> bool:
    """A finding on a module read on its own (no module call in its address) that other configurations
    of the scan call: those callers decide whether the instance exists."""
    assert finding.resource is not None
    calls, _ = _address(finding.resource)
    return not calls and posixpath.dirname(finding.location.path) in called


def _existence(finding: RawFinding, modules: dict[str, _hcl.Module],
               callers: dict[str, list[_hcl.Module]]) -> Existence | None:
    assert finding.resource is not None
    calls, resource = _address(finding.resource)
    if resource is None:
        return None
    directory = posixpath.dirname(finding.location.path)
    target = modules.get(directory)
    block = _find(target, "resource", resource) if target else None
    if not calls:
        if block is None or target is None:
            return None
        scope = _scope(target, None)
        zero = _zero(block.body, scope)
        return Existence(True, ", ".join(sorted(scope.defaults_used)), _empty_each(block.body, scope)) if zero else None
    verdicts = [v for start in callers.get(calls[0], [])
                if (v := _chain(start, calls, directory, resource, modules)) is not None]
    if not verdicts or not all(v.zero for v in verdicts):
        return None
    literal = [v for v in verdicts if not v.by_default or v.empty_collection]
    return literal[0] if literal else verdicts[0]


def _chain(start: _hcl.Module, calls: list[str], directory: str, resource: tuple[str, str],
           modules: dict[str, _hcl.Module]) -> Existence | None:
    module, scope = start, _scope(start, None)
    for name in calls:
        call = _find(module, "module", name)
        source = call.attribute("source") if call else None
        if call is None or not isinstance(source, str) or not source.startswith(("./", "../")):
            return None
        if _zero(call.body, scope):
            return Existence(True, ", ".join(sorted(scope.defaults_used)), _empty_each(call.body, scope))
        inputs = {k: _input(v, scope) for k, v in call.body.items() if k not in META and not k.startswith("__")}
        path = posixpath.normpath(posixpath.join(module.directory, source))
        nested = modules.get("" if path == "." else path)  # `../../` from examples/x is the root module
        if nested is None:
            return None
        module, scope = nested, _scope(nested, inputs)
    if module.directory != directory:
        return None
    block = _find(module, "resource", resource)
    if block is None:
        return None
    if _zero(block.body, scope):
        return Existence(True, ", ".join(sorted(scope.defaults_used)), _empty_each(block.body, scope))
    return Existence(False)


def _zero(body: dict[str, Any], scope: Scope) -> bool:
    if "count" in body:
        count = _value(body["count"], scope)
        if isinstance(count, int) and not isinstance(count, bool) and count <= 0:
            return True
    if "for_each" in body:
        each = _value(body["for_each"], scope)
        if isinstance(each, (dict, list)) and not each:
            return True
    return False


def instance_scopes(resource: str, directory: str, modules: dict[str, _hcl.Module]) -> list[Scope]:
    """What `var.` and `local.` mean for the instance at a checkov address, one scope per configuration
    that reaches it through local module calls (the module read on its own when the address has none)."""
    calls, _ = _address(resource)
    if not calls:
        return [module_scope(modules[directory])] if directory in modules else []
    return [scope for _, scope in _descents(calls, directory, modules)]


def callers(resource: str, directory: str, modules: dict[str, _hcl.Module]) -> list[str]:
    """Directories of the configurations whose local module calls create the instance at an address."""
    calls, _ = _address(resource)
    return [start for start, _ in _descents(calls, directory, modules)] if calls else []


def _descents(calls: list[str], directory: str, modules: dict[str, _hcl.Module]) -> list[tuple[str, Scope]]:
    """(start directory, scope at the end) for every module that reaches `directory` through `calls`."""
    out = []
    for start in modules.values():
        if _find(start, "module", calls[0]) is None:
            continue
        module, scope = start, _scope(start, None)
        for name in calls:
            call = _find(module, "module", name)
            source = call.attribute("source") if call else None
            if call is None or not isinstance(source, str) or not source.startswith(("./", "../")):
                break
            inputs = {k: _input(v, scope) for k, v in call.body.items() if k not in META and not k.startswith("__")}
            path = posixpath.normpath(posixpath.join(module.directory, source))
            nested = modules.get("" if path == "." else path)
            if nested is None:
                break
            module, scope = nested, _scope(nested, inputs)
        else:
            if module.directory == directory:
                out.append((start.directory, scope))
    return out


def provably_zero(body: dict[str, Any], scope: Scope) -> bool:
    """A resource or module body whose `count` or `for_each` makes no instance in `scope`."""
    return _zero(body, scope)


def module_scope(module: _hcl.Module) -> Scope:
    """What `var.` and `local.` mean in a module read on its own (its variables' defaults)."""
    return _scope(module, None)


def _input(raw: Any, scope: Scope) -> Known:
    """A module input evaluated in its caller's scope, with the root defaults it rests on."""
    probe = Scope(scope.variables, scope.locals, set(), scope.default_names, scope.depth)
    value = evaluate(raw, probe)
    return Known(value, frozenset(probe.defaults_used))


def _empty_each(body: dict[str, Any], scope: Scope) -> bool:
    each = evaluate(body["for_each"], scope) if "for_each" in body else None
    return isinstance(each, (dict, list)) and not each


def _value(raw: Any, scope: Scope) -> Any:
    return evaluate(raw, scope)


def _scope(module: _hcl.Module, inputs: dict[str, Known] | None) -> Scope:
    variables: dict[str, Any] = {}
    defaults: set[str] = set()
    for block in module.blocks("variable"):
        name = block.labels[0]
        if inputs is not None and name in inputs:
            variables[name] = inputs[name]
        elif "default" in block.body:
            variables[name] = block.body["default"]
            defaults.add(name)
    # Only the root module's defaults are a user's to change (tfvars, -var); a called module's default
    # that its caller does not override is as fixed as a literal for that call.
    return Scope(variables, module.locals(), set(), frozenset(defaults) if inputs is None else frozenset())


def _find(module: _hcl.Module | None, kind: str, name: Any) -> _hcl.Block | None:
    if module is None:
        return None
    labels = name if isinstance(name, tuple) else (name,)
    return next((b for b in module.blocks(kind) if b.labels == labels), None)


def _address(resource: str) -> tuple[list[str], tuple[str, str] | None]:
    """Module call names and (type, name) of a checkov resource address, instance keys dropped."""
    parts = [p.split("[", 1)[0] for p in resource.split(".")]
    calls: list[str] = []
    while len(parts) >= 2 and parts[0] == "module":
        calls.append(parts[1])
        parts = parts[2:]
    if len(parts) != 2:
        return calls, None
    return calls, (parts[0], parts[1])
