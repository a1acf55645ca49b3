"""Instance existence: the expression evaluator, and weak evidence on instances created only on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gdpr_guard.finding import Location, RawFinding, ScanResult
from gdpr_guard.targets import discover
from gdpr_guard.tf_expr import UNKNOWN, Known, Scope, evaluate, never_together, references
from gdpr_guard.tf_instances import existing_instances

SCOPE_VARS = {"create": [False], "items": [{}], "on": [True], "given": Known([]), "unset_key": [None],
              "nested": ["${var.create ? 2 : 0}"],
              "archive": [{"destination": "off", "format": "${var.create ? \"gz\" : \"zip\"}"}]}
CASES: list[tuple[Any, Any]] = [
    # hcl2 writes a string nested in an expression in single quotes, its interpolation inside
    ("${var.unset_key == None ? [] : ['${var.unset_key}']}", []),
    ("${var.on ? ['${var.unset}'] : []}", [UNKNOWN]),
    ("${var.a} ${var.b}", UNKNOWN),
    ("${length(keys(var.items)) == 0 ? [] : [var.items]}", []),
    ("${keys(var.archive)}", ["destination", "format"]),
    ("${var.create ? 1 : 0}", 0),
    ("${var.on ? 1 : 0}", 1),
    ("${local.enabled ? 1 : 0}", 0),
    ([{}], {}),
    ([0], 0),
    ("${toset([])}", []),
    ("${var.items}", {}),
    ("${length(var.items)}", 0),
    ("${var.nested}", 0),
    ("${var.given}", []),
    ("${!var.create && var.on ? 3 : 0}", 3),
    ("${var.create && var.unset ? 1 : 0}", 0),
    ("${var.unset ? 1 : 0}", UNKNOWN),
    ("${module.this.enabled ? 1 : 0}", UNKNOWN),
    ("${length(var.subnets) > 0 ? 1 : 0}", UNKNOWN),
    ("${var.on ? {for k, v in var.x : k => v} : {}}", UNKNOWN),
    ("${lookup(var.x, \"create\", true) ? 1 : 0}", UNKNOWN),
    # an object variable's attribute (a default such as `{destination = "off"}`), evaluated in turn
    ("${var.archive.destination == \"off\" ? 0 : 1}", 0),
    ("${var.archive == null || var.archive.destination == \"off\" ? 0 : 1}", 0),
    ("${var.archive.format}", "zip"),
    # an attribute the object does not hold (left to an optional() default of its type) is unknown
    ("${var.archive.retention == 0 ? 0 : 1}", UNKNOWN),
    ("${var.on.destination}", UNKNOWN),
]


@pytest.mark.parametrize(("expression", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_evaluate(expression: Any, expected: Any) -> None:
    scope = Scope(variables=SCOPE_VARS, locals={"enabled": ["${var.create || false}"]})
    assert evaluate(expression, scope) == expected


def test_defaults_used_are_recorded() -> None:
    scope = Scope(variables=SCOPE_VARS, default_names=frozenset({"create"}))
    assert evaluate("${var.create ? 1 : 0}", scope) == 0
    assert scope.defaults_used == {"create"}


def test_instances_created_only_on_request_are_weak(fixtures_scan: ScanResult) -> None:
    prefix = "tests/fixtures/terraform/instance_existence/"
    weak = {(f.rule_id, f.resource, f.weak_evidence) for f in fixtures_scan.findings
            if f.location.path.startswith(prefix) and f.weak_evidence}
    reason = "the instance exists only if a caller sets enable_legacy: with the defaults, it is not created"
    assert weak == {(rule, "aws_db_instance.fail_legacy_by_default_off", reason)
                    for rule in ("GG-ENC-001", "GG-LOG-003", "GG-CRED-007")}
    assert all(f.confidence == "low" for f in fixtures_scan.findings if f.weak_evidence)


def test_comprehension_over_an_empty_collection_is_empty() -> None:
    scope = Scope(variables={"users": [[]], "some": [["a"]]})
    assert evaluate("${{for u in var.users : u.name => u}}", scope) == {}
    assert evaluate("${[for u in var.users : u.name]}", scope) == []
    assert evaluate("${{for u in var.some : u => u}}", scope) is UNKNOWN


def test_unreadable_expressions_are_unknown_not_errors() -> None:
    scope = Scope()
    for expression in ('${join("", module.target[*].bucket_arn)}', "${var.x[*].id}", "${[for x in y : x...]}",
                       '${"a" ~ b}', "${(}", "${}"):
        assert evaluate(expression, scope) is UNKNOWN


def test_example_calling_the_root_module_uses_its_defaults(tmp_path: Path) -> None:
    # examples/complete calls the module at the repository root with `source = "../../"` and does not
    # override cluster_type: the module's own default decides, and the secondary cluster never exists.
    (tmp_path / "main.tf").write_text(
        'variable "cluster_type" {\n  default = "regional"\n}\n'
        'locals {\n  regional = var.cluster_type == "regional"\n}\n'
        'resource "aws_rds_cluster" "secondary" {\n  count = !local.regional ? 1 : 0\n}\n'
        'resource "aws_rds_cluster" "primary" {\n  count = local.regional ? 1 : 0\n}\n', encoding="utf-8")
    (tmp_path / "examples" / "complete").mkdir(parents=True)
    (tmp_path / "examples" / "complete" / "main.tf").write_text(
        'module "cluster" {\n  source = "../../"\n}\n', encoding="utf-8")
    targets = discover([tmp_path], tmp_path)
    findings = [RawFinding("GG-ENC-001", Location("main.tf", 7, 9), "checkov",
                           resource="module.cluster.aws_rds_cluster.secondary"),
                RawFinding("GG-ENC-001", Location("main.tf", 10, 12), "checkov",
                           resource="module.cluster.aws_rds_cluster.primary")]
    assert [f.resource for f in existing_instances(findings, targets)] == ["module.cluster.aws_rds_cluster.primary"]


EXCLUSIVE = [
    ("${local.on && local.regional ? 1 : 0}", "${local.on && !local.regional ? 1 : 0}", True),
    ("${var.a ? 1 : 0}", "${var.a ? 0 : 1}", True),
    ("${local.on ? 1 : 0}", "${local.on && !local.regional ? 1 : 0}", False),
    (1, "${var.a ? 0 : 1}", False),
    ("${length(var.x) > 0 ? 1 : 0}", "${length(var.x) > 0 ? 0 : 1}", False),  # not a true/false name
    # one string variable picks a service (cloudposse elasticsearch: Elasticsearch or OpenSearch)
    ('${var.kind == "elasticsearch" ? 1 : 0}', '${var.kind == "opensearch" ? 1 : 0}', True),
    ('${var.kind == "elasticsearch" ? 1 : 0}', '${var.kind != "opensearch" ? 1 : 0}', False),
]


@pytest.mark.parametrize(("first", "second", "expected"), EXCLUSIVE, ids=[str(c[:2]) for c in EXCLUSIVE])
def test_counts_that_never_hold_together(first: Any, second: Any, expected: bool) -> None:
    assert never_together([first], [second], Scope()) is expected


def test_counts_read_through_the_locals_that_define_them() -> None:
    scope = Scope(locals={"es": '${var.enabled && var.kind == "elasticsearch" ? true : false}',
                          "os": '${var.enabled && var.kind == "opensearch" ? true : false}'})
    assert never_together(["${local.es ? 1 : 0}"], ["${local.os ? 1 : 0}"], scope) is True
    assert never_together(["${local.es ? 1 : 0}"], ["${local.os ? 1 : 0}"], Scope()) is False


def test_references_drop_index_steps() -> None:
    assert references("${local.on ? module.logs[0].bucket.arn : aws_s3_bucket.x[*].id}") == [
        ("local", "on"), ("module", "logs", "bucket", "arn"), ("aws_s3_bucket", "x", "id")]
