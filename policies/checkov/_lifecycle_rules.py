"""Helpers shared by the object-expiry checks (GG-DEL-001 S3, GG-DEL-008 Scaleway). Not a check.

A lifecycle rule settles a migration/export bucket only when it is enabled, expires objects within the
limit and applies to every object: no key prefix (a prefix is the literal start of the keys it covers;
`*` is no wildcard), no tag or object-size filter. Each rule is judged on its own: a disabled rule
expiring after 7 days next to an enabled rule that only moves objects to Glacier settles nothing.
"""

from __future__ import annotations

import re
from typing import Any

from _gdpr_guard_checks import first

# Both texts are rewritten by gdpr-guard's `migration-storage-patterns` and `max-expiry-days` settings
# (policy_params.py): keep them exactly as they are.
WORDS = r"migration|migrations|migrate|migrated|export|exports|staging|transfer|transfers|dump|dumps|tmp|temp|scratch|extract|extracts"  # noqa: E501 - one piece of text
LIMIT = "value: 30  # gdpr-guard parameter: max-expiry-days"
MAX_DAYS = int(LIMIT.split()[1])
MIGRATION_NAME = re.compile(r"(?i)(^|[-_. ])(" + WORDS + r")([-_. 0-9]|$)")
UNKNOWN = object()


def marked(conf: dict[str, Any], *name_keys: str) -> bool:
    """Is the bucket named, or tagged (key or value), as migration/export/staging storage?"""
    texts = [name for key in name_keys if isinstance(name := first(conf.get(key)), str)]
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
    """The expiration's days, None without expiration days, UNKNOWN when not a number."""
    expiration = first(rule.get("expiration"))
    if expiration is None or expiration == []:
        return None
    if not isinstance(expiration, dict):
        return UNKNOWN
    days = first(expiration.get("days"))
    if days is None or days == []:
        return None
    try:
        return int(str(days).strip())
    except ValueError:
        return UNKNOWN


def _narrowing(value: Any) -> Any:
    """Does a prefix, tag set or size limit narrow the rule to some objects? UNKNOWN when unresolved."""
    value = first(value)
    if value is None or value in ("", [], {}):
        return False
    if isinstance(value, str) and "${" in value:
        return UNKNOWN
    # `object_size_greater_than = 0` leaves every object in scope
    return not (isinstance(value, (int, float)) and not isinstance(value, bool) and value <= 0)


FILTER_KEYS = ("prefix", "tag", "tags", "object_size_greater_than", "object_size_less_than")


def _whole_filter(block: Any) -> Any:
    """Does an S3 `filter` block (or the `and` inside it) leave every object in scope?"""
    block = first(block)
    if block is None or block in ([], {}):
        return True
    if not isinstance(block, dict):
        return UNKNOWN
    answers = [_narrowing(block.get(key)) for key in FILTER_KEYS]
    if block.get("and"):
        inner = _whole_filter(block["and"])
        answers.append(UNKNOWN if inner is UNKNOWN else not inner)
    if True in answers:
        return False
    return UNKNOWN if UNKNOWN in answers else True


def _enabled(rule: dict[str, Any]) -> Any:
    """`enabled = true` (inline rules) or `status = "Enabled"` (lifecycle configurations)."""
    if "enabled" in rule:
        return _bool(rule.get("enabled"))
    status = first(rule.get("status"))
    if not isinstance(status, str) or "${" in status:
        return UNKNOWN
    return status == "Enabled"


def covers(rule: Any) -> Any:
    """True when a lifecycle rule (inline `lifecycle_rule` or a lifecycle configuration's `rule`) expires
    every object within the limit, UNKNOWN when it cannot be told."""
    if not isinstance(rule, dict):
        return UNKNOWN
    whole = _whole_filter(rule.get("filter"))
    narrowing = [_narrowing(rule.get("prefix")), _narrowing(rule.get("tags")),
                 UNKNOWN if whole is UNKNOWN else not whole]
    answers = (_enabled(rule), _days(rule))
    if answers[0] is False or answers[1] is None or True in narrowing:
        return False
    if UNKNOWN in answers or UNKNOWN in narrowing:
        return UNKNOWN
    return answers[1] <= MAX_DAYS


def judge(rules: list[Any]) -> Any:
    """True when one of the rules settles the bucket, UNKNOWN when one may, False otherwise."""
    answers = [covers(rule) for rule in rules]
    if True in answers:
        return True
    return UNKNOWN if UNKNOWN in answers else False
