"""`gdpr-guard merge`: combine the SARIF of several shards (`--shard K/N`) into one run.

Rules are deduplicated by id, taxonomies by name and their taxa by id, and every index that points into
them (`ruleIndex`, result `taxa`, rule `relationships`, `supportedTaxonomies`) is recomputed. Results are
concatenated, identical ones kept once, and sorted deterministically. The invocations become one:
`executionSuccessful` is false if any shard failed, and every shard's notifications are kept. Engine
versions and per-kind target counts are combined in the run's properties.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from gdpr_guard.errors import UsageError

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def merge(documents: Sequence[str], names: Sequence[str] | None = None) -> str:
    """Merge SARIF documents (texts) into one SARIF document with a single run."""
    names = list(names or [f"input {i + 1}" for i in range(len(documents))])
    runs: list[dict[str, Any]] = []
    schema = SCHEMA_URI
    for text, name in zip(documents, names, strict=True):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{name}: not JSON ({exc.msg})") from None
        if not isinstance(doc, dict) or doc.get("version") != "2.1.0" or not isinstance(doc.get("runs"), list):
            raise UsageError(f"{name}: not a SARIF 2.1.0 document")
        schema = doc.get("$schema", schema)
        for run in doc["runs"]:
            if not isinstance(run, dict) or not isinstance(run.get("tool", {}).get("driver"), dict):
                raise UsageError(f"{name}: a run has no tool driver")
            runs.append(run)
    if not runs:
        raise UsageError("nothing to merge: no SARIF run in the inputs")
    drivers = {r["tool"]["driver"].get("name") for r in runs}
    if len(drivers) > 1:
        raise UsageError(f"cannot merge runs of different tools: {', '.join(sorted(map(str, drivers)))}")
    merged = _merge_runs(runs)
    return json.dumps({"$schema": schema, "version": "2.1.0", "runs": [merged]}, indent=2, ensure_ascii=False) + "\n"


def _merge_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    first = runs[0]
    # taxonomies: union by name (first-seen order), taxa by id (first-seen order)
    taxonomies: dict[str, dict[str, Any]] = {}
    taxa_of: dict[str, dict[str, dict[str, Any]]] = {}
    for run in runs:
        for taxonomy in run.get("taxonomies") or []:
            name = taxonomy.get("name")
            if name not in taxonomies:
                taxonomies[name] = {k: v for k, v in taxonomy.items() if k != "taxa"}
                taxa_of[name] = {}
            for taxon in taxonomy.get("taxa") or []:
                taxa_of[name].setdefault(taxon.get("id"), taxon)
    component_index = {name: i for i, name in enumerate(taxonomies)}
    taxon_index = {name: {tid: i for i, tid in enumerate(taxa)} for name, taxa in taxa_of.items()}
    # rules: union by id, sorted by id
    rules: dict[str, dict[str, Any]] = {}
    for run in runs:
        for rule in run["tool"]["driver"].get("rules") or []:
            # A rule carries the highest security-severity of its results (reporters/sarif.py): keep the highest.
            known = rules.get(rule.get("id"))
            if known is None or _security_severity(rule) > _security_severity(known):
                rules[rule.get("id")] = rule
    rule_ids = sorted(rules, key=str)
    rule_index = {rid: i for i, rid in enumerate(rule_ids)}

    def reindex_ref(ref: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
        """A reportingDescriptorReference into a taxonomy, with indices valid in the merged run."""
        ref = dict(ref)
        component = dict(ref.get("toolComponent") or {})
        name = component.get("name")
        if name is None and isinstance(component.get("index"), int):
            old = source.get("taxonomies") or []
            if 0 <= component["index"] < len(old):
                name = old[component["index"]].get("name")
        if name in component_index:
            component["name"] = name
            component["index"] = component_index[name]
            ref["toolComponent"] = component
            tid = ref.get("id")
            if tid in taxon_index[name]:
                ref["index"] = taxon_index[name][tid]
            else:
                ref.pop("index", None)
        return ref

    rule_source = {rid: next(r for r in runs if any(x is rules[rid] for x in r["tool"]["driver"].get("rules") or []))
                   for rid in rule_ids}
    merged_rules = []
    for rid in rule_ids:
        rule = dict(rules[rid])
        if rule.get("relationships"):
            rule["relationships"] = [dict(rel, target=reindex_ref(rel.get("target") or {}, rule_source[rid]))
                                     for rel in rule["relationships"]]
        merged_rules.append(rule)
    results: list[dict[str, Any]] = []
    seen: set[str] = set()
    for run in runs:
        old_rules = run["tool"]["driver"].get("rules") or []
        for result in run.get("results") or []:
            result = dict(result)
            result_rule = result.get("ruleId")
            index = result.get("ruleIndex")
            if result_rule is None and isinstance(index, int) and index < len(old_rules):
                result_rule = old_rules[result["ruleIndex"]].get("id")
                result["ruleId"] = result_rule
            if result_rule in rule_index:
                result["ruleIndex"] = rule_index[result_rule]
            else:
                result.pop("ruleIndex", None)
            if result.get("taxa"):
                result["taxa"] = [reindex_ref(t, run) for t in result["taxa"]]
            canonical = json.dumps(result, sort_keys=True)
            if canonical not in seen:
                seen.add(canonical)
                results.append(result)
    results = _one_per_fingerprint(results)
    results.sort(key=_result_order)
    driver = {k: v for k, v in first["tool"]["driver"].items() if k not in ("rules", "supportedTaxonomies")}
    driver["rules"] = merged_rules
    if taxonomies:
        driver["supportedTaxonomies"] = [{"name": name, "index": i} for name, i in component_index.items()]
    merged: dict[str, Any] = {"tool": {"driver": driver}}
    if taxonomies:
        merged["taxonomies"] = [dict(t, taxa=list(taxa_of[name].values())) for name, t in taxonomies.items()]
    merged["invocations"] = [_invocation(runs)]
    merged["results"] = results
    if "columnKind" in first:
        merged["columnKind"] = first["columnKind"]
    merged["properties"] = _properties(runs)
    return merged


def _invocation(runs: list[dict[str, Any]]) -> dict[str, Any]:
    successful = True
    notes: list[dict[str, Any]] = []
    seen: set[str] = set()
    for run in runs:
        invocations = run.get("invocations") or []
        if not invocations:
            successful = False  # a shard that says nothing about its execution is not trusted
        for invocation in invocations:
            successful = successful and invocation.get("executionSuccessful") is True
            for note in invocation.get("toolExecutionNotifications") or []:
                key = json.dumps(note, sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    notes.append(note)
    merged: dict[str, Any] = {"executionSuccessful": successful}
    if notes:
        merged["toolExecutionNotifications"] = notes
    return merged


def _properties(runs: list[dict[str, Any]]) -> dict[str, Any]:
    engines: dict[str, str] = {}
    targets: dict[str, int] = {}
    for run in runs:
        props = run.get("properties") or {}
        for name, version in (props.get("engines") or {}).items():
            engines.setdefault(name, version)
        for kind, count in (props.get("targets") or {}).items():
            if isinstance(count, int):
                targets[kind] = targets.get(kind, 0) + count
    out: dict[str, Any] = {"engines": dict(sorted(engines.items())), "targets": dict(sorted(targets.items()))}
    out.update(_scope(runs))
    out["shards"] = len(runs)
    return out


def _scope(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """File roles and out-of-scope counts of the shards, summed (shards scan disjoint files)."""
    roles: dict[str, dict[str, Any]] = {}
    left: dict[tuple[str, str], int] = {}
    for run in runs:
        props = run.get("properties") or {}
        for role, entry in (props.get("roles") or {}).items():
            merged = roles.setdefault(role, {"files": 0, "families": []})
            merged["files"] += entry.get("files", 0) if isinstance(entry.get("files"), int) else 0
            merged["families"] = sorted(set(merged["families"]) | set(entry.get("families") or []))
        for item in props.get("outOfScope") or []:
            key = (str(item.get("ruleId")), str(item.get("role")))
            left[key] = left.get(key, 0) + (item.get("findings") if isinstance(item.get("findings"), int) else 0)
    if not roles and not left:
        return {}
    order = {role: i for i, role in enumerate(("application", "test", "migration", "etl", "backup", "dbt",
                                               "infrastructure", "example"))}
    return {"roles": dict(sorted(roles.items(), key=lambda item: (order.get(item[0], 99), item[0]))),
            "outOfScope": [{"ruleId": r, "role": role, "findings": n} for (r, role), n in sorted(left.items())]}


def _one_per_fingerprint(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One result per rule and fingerprint: two shards that reached the same module instance address from
    different roots (scan._one_per_instance) keep its most severe reading, as one process would keep one."""
    best: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for result in results:
        if not result.get("partialFingerprints"):
            out.append(result)
            continue
        key = json.dumps([result.get("ruleId"), result["partialFingerprints"]], sort_keys=True)
        known = best.get(key)
        if known is None or _security_severity(result) > _security_severity(known) or (
                _security_severity(result) == _security_severity(known)
                and json.dumps(result, sort_keys=True) < json.dumps(known, sort_keys=True)):
            best[key] = result
    return out + list(best.values())


def _security_severity(rule: dict[str, Any]) -> float:
    try:
        return float((rule.get("properties") or {}).get("security-severity", 0))
    except (TypeError, ValueError):
        return 0.0


def _result_order(result: dict[str, Any]) -> tuple[Any, ...]:
    location = ((result.get("locations") or [{}])[0]).get("physicalLocation") or {}
    uri = (location.get("artifactLocation") or {}).get("uri", "")
    region = location.get("region") or {}
    fingerprint = json.dumps(result.get("partialFingerprints") or {}, sort_keys=True)
    return (uri, region.get("startLine", 0), region.get("startColumn", 0), str(result.get("ruleId")), fingerprint)
