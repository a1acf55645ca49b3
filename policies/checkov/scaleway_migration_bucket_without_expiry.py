"""GG-DEL-008: a Scaleway migration/export bucket has no enabled lifecycle rule that expires all its
objects within 30 days.

A Python check, not a YAML policy: a YAML condition on `lifecycle_rule.*` tests each argument across all
of the bucket's rules independently, so a disabled rule expiring after 7 days next to an enabled rule
that only moves objects to Glacier, or a rule limited to one `prefix` or to tagged objects, passed.
Here one rule must be enabled, expire objects within the limit, and apply to the whole bucket: no
`prefix` (a prefix is the literal start of the keys it covers; `*` is not a wildcard) and no `tags`
filter. A value the scan cannot read (a variable without default, a `dynamic` block) keeps it quiet.
checkov has no Scaleway checks.
"""

from __future__ import annotations

import re
from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

# Both texts are rewritten by gdpr-guard's `migration-storage-patterns` and `max-expiry-days` settings
# (policy_params.py): keep them exactly as they are.
WORDS = r"migration|migrations|migrate|migrated|export|exports|staging|transfer|transfers|dump|dumps|tmp|temp|scratch|extract|extracts"  # noqa: E501 - one piece of text
LIMIT = "value: 30  # gdpr-guard parameter: max-expiry-days"
MAX_DAYS = int(LIMIT.split()[1])
MIGRATION_NAME = re.compile(r"(?i)(^|[-_. ])(" + WORDS + r")([-_. 0-9]|$)")
UNKNOWN = object()


def _marked(conf: dict[str, Any]) -> bool:
    """Is the bucket named, or tagged (key or value), as migration/export/staging storage?"""
    name = first(conf.get("name"))
    texts = [name] if isinstance(name, str) else []
    tags = first(conf.get("tags"))
    if isinstance(tags, dict):
        texts += [str(item) for pair in tags.items() for item in pair if not str(item).startswith("__")]
    return any(MIGRATION_NAME.search(text) for text in texts if "${" not in text)


def _bool(value: Any) -> Any:
    value = first(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return UNKNOWN


def _days(rule: dict[str, Any]) -> Any:
    """The expiration's days, None without expiration, UNKNOWN when not a number."""
    expiration = first(rule.get("expiration"))
    if expiration is None:
        return None
    if not isinstance(expiration, dict):
        return UNKNOWN
    days = first(expiration.get("days"))
    if days is None:
        return None
    try:
        return int(str(days).strip())
    except ValueError:
        return UNKNOWN


def _whole_bucket(rule: dict[str, Any]) -> Any:
    """Does the rule apply to every object (no prefix, no tag filter)?"""
    prefix = first(rule.get("prefix"))
    tags = first(rule.get("tags"))
    if isinstance(prefix, str) and "${" in prefix:
        return UNKNOWN
    return not prefix and not tags


def _covers(rule: Any) -> Any:
    """True when the rule expires every object within the limit, UNKNOWN when it cannot be told."""
    if not isinstance(rule, dict):
        return UNKNOWN
    answers = (_bool(rule.get("enabled")), _days(rule), _whole_bucket(rule))
    if answers[0] is False or answers[1] is None or answers[2] is False:
        return False
    if UNKNOWN in answers:
        return UNKNOWN
    return answers[1] <= MAX_DAYS


class ScalewayMigrationBucketWithoutExpiry(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-DEL-008: Scaleway migration/export bucket has no expiration lifecycle rule within 30 days",
            id="CKV_GG_DEL_008",
            categories=(CheckCategories.GENERAL_SECURITY,),
            supported_resources=("scaleway_object_bucket",),
        )

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        if not _marked(conf):
            return CheckResult.PASSED
        rules = conf.get("lifecycle_rule") or []
        answers = [_covers(rule) for rule in (rules if isinstance(rules, list) else [rules])]
        if True in answers:
            return CheckResult.PASSED
        dynamic = conf.get("dynamic")
        if UNKNOWN in answers or (dynamic and "lifecycle_rule" in str(dynamic)):
            return CheckResult.UNKNOWN
        return CheckResult.FAILED


check = ScalewayMigrationBucketWithoutExpiry()
