"""GG-DEL-001: an S3 bucket named or tagged as migration/export storage has no enabled lifecycle rule that
expires all its objects within 30 days.

A Python check, not a YAML policy: a YAML condition on `rule.*` tests each argument across all of a
configuration's rules independently, so a rule limited by `filter { prefix = "tmp/" }` or to tagged
objects, or a disabled expiring rule next to an enabled one that only moves objects to Glacier, passed
as if the whole bucket expired (`_lifecycle_rules.py`, shared with GG-DEL-008). The rules come from the
bucket's inline `lifecycle_rule` blocks and from the `aws_s3_bucket_lifecycle_configuration` resources of
its module that name it (a reference, directly or through a local, or its literal name), read from the
module's .tf files, or from the plan (configuration references, planned names) when a plan is scanned.
A configuration that names a bucket the check cannot resolve (a variable, a module output), or a value
it cannot read, keeps the bucket quiet.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from _gdpr_guard_checks import first, module_file
from _lifecycle_rules import UNKNOWN, judge, marked

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

CONFIGURATION = "aws_s3_bucket_lifecycle_configuration"
WHOLE_VARIABLE = re.compile(r"^\$\{var\.([A-Za-z0-9_-]+)\}$")
LOCAL_REF = re.compile(r"\blocal\.([A-Za-z0-9_-]+)")


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _combine(answers: list[Any]) -> Any:
    if True in answers:
        return True
    return UNKNOWN if UNKNOWN in answers else False


def _resolved(value: Any, defaults: dict[str, Any]) -> Any:
    """An hcl2 value with `${var.x}` replaced by the variable's default (UNKNOWN stays a string)."""
    if isinstance(value, dict):
        return {k: _resolved(v, defaults) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v, defaults) for v in value]
    if isinstance(value, str) and (match := WHOLE_VARIABLE.match(value)) and match.group(1) in defaults:
        return defaults[match.group(1)]
    return value


def _blocks(parsed: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [entry for document in parsed for entry in _as_list(document.get(kind)) if isinstance(entry, dict)]


def _never_exists(body: dict[str, Any]) -> bool:
    count, for_each = first(body.get("count")), first(body.get("for_each"))
    return count == 0 or ("for_each" in body and for_each in ([], {}))


def _from_module(tf_file: Path, name: str, bucket: Any) -> Any:
    """Judge the lifecycle configurations of the bucket's module (its directory's .tf files)."""
    try:
        import hcl2  # shipped with checkov
    except ImportError:  # pragma: no cover
        return UNKNOWN
    parsed = []
    for path in sorted(tf_file.parent.glob("*.tf")):
        try:
            with path.open(encoding="utf-8") as handle:
                parsed.append(hcl2.load(handle))
        except Exception:  # noqa: BLE001 - an unparsable file is not ours to report
            return UNKNOWN
    defaults = {key: first(body.get("default")) for entry in _blocks(parsed, "variable")
                for key, body in entry.items() if isinstance(body, dict) and "default" in body}
    local_values = {key: value for entry in _blocks(parsed, "locals") for key, value in entry.items()}
    own = re.compile(r"\baws_s3_bucket\." + re.escape(name) + r"\b")
    answers = []
    for entry in _blocks(parsed, "resource"):
        for label, body in (entry.get(CONFIGURATION) or {}).items():
            if not isinstance(body, dict) or _never_exists(body):
                continue
            target = str(first(body.get("bucket")))
            texts = [target] + [str(local_values.get(local, "")) for local in LOCAL_REF.findall(target)]
            if any(own.search(text) for text in texts) or (isinstance(bucket, str) and target == bucket):
                linked = True
            elif any("aws_s3_bucket." in text for text in texts) or "${" not in target:
                continue  # another bucket of this module, or another literal name
            else:
                linked = False  # a variable or a module output: it may be this bucket
            rules = _resolved(_as_list(body.get("rule")), defaults)
            answer = UNKNOWN if "dynamic" in body else judge(rules)
            answers.append(answer if linked else (UNKNOWN if answer is not False else False))
            del label
    return _combine(answers)


def _plan_path(scanned: str) -> Path | None:
    """The plan file checkov was given with -f whose path ends with the scanned file's."""
    argv = sys.argv[1:]
    files = [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg in ("-f", "--file")]
    return next((Path(f) for f in files if f.endswith(scanned.lstrip("/"))), None)


def _modules(module: dict[str, Any]) -> list[dict[str, Any]]:
    return [module] + [m for child in module.get("child_modules") or [] for m in _modules(child)]


def _from_plan(plan: Path, name: str, bucket: Any) -> Any:
    """Judge the lifecycle configurations of a plan: linked by their configuration's reference to the
    bucket (root module) or by the bucket's planned name."""
    try:
        document = json.loads(plan.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UNKNOWN
    referencing = {r.get("address") for r in (document.get("configuration", {}).get("root_module", {})
                                              .get("resources") or [])
                   if r.get("type") == CONFIGURATION
                   and any(ref.split(".")[:2] == ["aws_s3_bucket", name]
                           for ref in r.get("expressions", {}).get("bucket", {}).get("references") or [])}
    answers = []
    for module in _modules(document.get("planned_values", {}).get("root_module", {})):
        for resource in module.get("resources") or []:
            if resource.get("type") != CONFIGURATION:
                continue
            values = resource.get("values") or {}
            config_address = str(resource.get("address", "")).split("[", 1)[0]
            if config_address in referencing or (isinstance(bucket, str) and values.get("bucket") == bucket):
                answers.append(judge(_as_list(values.get("rule"))))
    return _combine(answers)


class S3MigrationBucketWithoutExpiry(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-DEL-001: S3 migration/export bucket has no object expiry within 30 days",
            id="CKV_GG_DEL_001",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("aws_s3_bucket",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if not marked(conf, "bucket", "bucket_prefix"):
            return CheckResult.PASSED
        answers = [judge(_as_list(conf.get("lifecycle_rule")))]
        scanned, _, name = self.entity_path.rpartition(":")
        scanned = scanned.rpartition(":")[0]
        bucket = first(conf.get("bucket"))
        bucket = bucket if isinstance(bucket, str) and "${" not in bucket else None
        if scanned.endswith(".json"):
            plan = _plan_path(scanned)
            answers.append(_from_plan(plan, name, bucket) if plan else UNKNOWN)
        else:
            tf_file = module_file(self.entity_path)
            answers.append(_from_module(tf_file, name, bucket) if tf_file else UNKNOWN)
        answer = _combine(answers)
        if answer is True:
            return CheckResult.PASSED
        if answer is UNKNOWN or "lifecycle_rule" in str(conf.get("dynamic") or ""):
            return CheckResult.UNKNOWN
        return CheckResult.FAILED


check = S3MigrationBucketWithoutExpiry()
