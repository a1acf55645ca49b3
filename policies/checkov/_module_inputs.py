"""Helpers for the checks on module calls: literal unsafe values passed to a module's inputs.

A registry or git module cannot be read offline (checkov runs with --skip-download), so its resources
are never scanned; what the call passes is all we see. A check matches input NAMES that are
encryption, public-access or logging switches, and reports only literal values (a variable, local or
expression is left alone). Calls of local modules (`./modules/x`) are skipped: checkov scans their
resources with the inputs rendered, and the resource rules report there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckResult
from checkov.terraform.checks.module.base_module_check import BaseModuleCheck

Matcher = Callable[[str, Any], bool]


def literal_bool(value: Any) -> bool | None:
    """True/False for a literal boolean (or its string form), None for anything else."""
    value = first(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def literal_text(value: Any) -> str | None:
    """A literal string without interpolation, else None."""
    value = first(value)
    if isinstance(value, str) and "${" not in value and not re.match(r"^(var|local|module|data)\.", value):
        return value
    return None


def is_remote(conf: dict[str, Any]) -> bool:
    """The module's source is a registry, git, http or bucket address, not a local path."""
    source = literal_text(conf.get("source"))
    return source is not None and not source.startswith(("./", "../", "/"))


def unsafe_inputs(conf: dict[str, Any], matcher: Matcher) -> list[str]:
    """Names of the inputs the matcher calls unsafe, in order."""
    if not is_remote(conf):
        return []
    skip = {"source", "version", "providers", "count", "for_each", "depends_on"}
    return sorted(name for name, value in conf.items()
                  if isinstance(name, str) and name not in skip and not name.startswith("__")
                  and matcher(name.lower(), value))


def words(name: str) -> set[str]:
    """`create_cloudwatch_log_group` -> {create, cloudwatch, log, group}."""
    return set(re.split(r"[_\-]+", name))


class LiteralInputCheck(BaseModuleCheck):
    """A module-call check that fails when `unsafe(name, value)` holds for a literal input of a remote
    module; the failing inputs are its evaluated keys (the finding points at them)."""

    def unsafe(self, name: str, value: Any) -> bool:
        raise NotImplementedError

    def scan_module_conf(self, conf: dict[str, Any]) -> CheckResult:
        found = unsafe_inputs(conf, self.unsafe)
        if found:
            self.evaluated_keys = found
            return CheckResult.FAILED
        return CheckResult.PASSED
