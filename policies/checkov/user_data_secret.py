"""GG-CRED-004: EC2 user data (instance, launch template, launch configuration) contains a
credential: an AWS access key id, or a password/secret/token assigned a literal value.

A Python check because the user data may be base64-encoded (`base64encode(...)`, `user_data_base64`)
and must be decoded before it is searched, and because checkov's rendering of heredoc scripts is lossy
(a shell line with `>` can render to None, `base64encode("...\\n...")` to a fragment): the check also
reads the resource's own lines from the source file when it can locate it (the `-d`/`-f` arguments
of the checkov command line, or the working directory).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import sys
from typing import Any

from _gdpr_guard_checks import first

from checkov.common.models.enums import CheckCategories, CheckResult
from checkov.terraform.checks.resource.base_resource_check import BaseResourceCheck

ACCESS_KEY_ID = re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")
ASSIGNMENT = re.compile(
    r"(?i)(?<![\w-])[\w]*(password|passwd|pwd|secret|token|api_?key|access_?key)[\w]*['\"]?"
    r"[ \t]*(=|:)[ \t]*['\"]?(?P<value>[^\s'\"]{6,})"
)
NOT_A_VALUE = re.compile(r"^(\$|\{\{|%|<|/dev/|file://|arn:aws:secretsmanager|arn:aws:ssm|"
                         r"\(|`|resolve:|secretsmanager|ssm)")


def _decoded(text: str) -> str:
    compact = re.sub(r"\s+", "", text)
    if len(compact) >= 16 and re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", compact):
        try:
            return base64.b64decode(compact, validate=True).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return text
    return text


def contains_secret(text: str) -> bool:
    text = _decoded(text)
    if ACCESS_KEY_ID.search(text):
        return True
    for match in ASSIGNMENT.finditer(text):
        value = match.group("value")
        if NOT_A_VALUE.search(value):
            continue
        return True
    return False


def _source_lines(scanned_file: str, start: int, end: int) -> str:
    """The resource's own lines from the source file, or "" when the file cannot be located."""
    roots: list[str] = []
    argv = sys.argv
    for index, arg in enumerate(argv):
        if arg in ("-d", "--directory", "-f", "--file") and index + 1 < len(argv):
            roots.append(argv[index + 1])
        elif arg.startswith(("--directory=", "--file=")):  # gdpr-guard passes --directory=DIR
            roots.append(arg.split("=", 1)[1])
    roots.append(os.getcwd())
    relative = scanned_file.lstrip("/")
    candidates = [scanned_file] + [os.path.join(r, relative) for r in roots]
    candidates += [os.path.join(os.path.dirname(r), relative) for r in roots if os.path.isfile(r)]
    for candidate in candidates:
        if os.path.isfile(candidate):
            try:
                with open(candidate, encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                continue
            return "\n".join(lines[max(start - 1, 0):end])
    return ""


def _user_data_text(source: str) -> str:
    """The user_data / user_data_base64 argument text within a resource's source lines."""
    match = re.search(r"(?m)^\s*user_data(_base64)?\s*=\s*(?P<rest>.*)$", source)
    if not match:
        return ""
    rest = source[match.start("rest"):]
    heredoc = re.match(r"[^\n]*?<<-?\s*(\w+)\s*\n(?P<body>.*?)\n\s*\1\s*$", rest, re.S | re.M)
    if heredoc:
        return heredoc.group("body")
    return rest.splitlines()[0] if rest else ""


class UserDataSecret(BaseResourceCheck):
    def __init__(self) -> None:
        super().__init__(
            name="GG-CRED-004: EC2 user data contains a credential",
            id="CKV_GG_CRED_004",
            categories=(CheckCategories.SECRETS,),
            supported_resources=("aws_instance", "aws_launch_template", "aws_launch_configuration"),
        )

    def run(self, scanned_file, entity_configuration, entity_name, entity_type, skip_info):  # type: ignore[no-untyped-def]
        self._source = ""
        start = entity_configuration.get("__start_line__")
        end = entity_configuration.get("__end_line__")
        if isinstance(start, int) and isinstance(end, int):
            self._source = _user_data_text(_source_lines(scanned_file, start, end))
        return super().run(scanned_file, entity_configuration, entity_name, entity_type, skip_info)

    def scan_resource_conf(self, conf: dict[str, Any]) -> CheckResult:
        source = getattr(self, "_source", "")
        if source and contains_secret(source):
            return CheckResult.FAILED
        for attribute in ("user_data", "user_data_base64"):
            value = first(conf.get(attribute))
            if isinstance(value, str) and contains_secret(value):
                return CheckResult.FAILED
        return CheckResult.PASSED


check = UserDataSecret()
