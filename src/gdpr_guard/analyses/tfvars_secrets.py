"""GG-CRED-203: a credential written as a literal value in a Terraform variable file (`*.tfvars`).

`prod.tfvars` is what `terraform apply -var-file=prod.tfvars` reads: the password in it is the production
password, committed in clear and shared by everyone who reads the repository. checkov never reads a
`.tfvars` that Terraform does not load on its own (only `terraform.tfvars` and `*.auto.tfvars`), so the file
is parsed here, with the HCL parser. The same value pasted in a script is tied to it by GG-CRED-201.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.analyses.same_secret import _NOT_SECRET, MIN_LENGTH
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.targets import MAX_READ_BYTES, Target

RULE_ID = "GG-CRED-203"
SUFFIX = ".tfvars"
CREDENTIAL = re.compile(r"(?i)(password|passwd|pwd$|secret|token|api_?key|access_?key|private_?key|credentials?)")
NOT_CREDENTIAL = re.compile(r"(?i)(_arn|_id|_name|_length|_version|_rotation|_ttl|_enabled|_path|_file|"
                            r"creation_token|client_request_token|idempotency)$")


def analyse(targets: list[Target], config: dict[str, Any]) -> list[RawFinding]:
    """One finding per credential-named variable given a literal value in a `.tfvars` file."""
    del config
    findings: list[RawFinding] = []
    for target in targets:
        if not target.rel.endswith(SUFFIX):
            continue
        try:
            stat = target.path.stat()
        except OSError:
            continue
        if stat.st_size > MAX_READ_BYTES:
            continue
        data, text = _hcl.load_cached(str(target.path), stat.st_mtime_ns, stat.st_size)
        if data is None:
            continue
        lines = text.splitlines()
        for key, value in _assignments(data):
            line = _line_of(lines, key.rsplit(".", 1)[-1])
            findings.append(RawFinding(
                rule_id=RULE_ID, location=Location(target.rel, line, line), engine="gdpr-guard",
                resource=f"var.{key}", snippet=lines[line - 1].strip() if 0 < line <= len(lines) else "",
                secrets=(value,), context=f"{target.rel} {key}",
                detail=f"`{key}` is set in clear in the variable file.",
            ))
    return sorted(findings, key=lambda f: (f.location, f.resource or ""))


def _assignments(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """(dotted key, literal value) of every credential-named string, top-level or inside maps."""
    for key, value in data.items():
        if key.startswith("__"):
            continue
        name = f"{prefix}{key}"
        if isinstance(value, list) and len(value) == 1:  # hcl2 wraps each top-level value in a list
            value = value[0]
        if isinstance(value, dict):
            yield from _assignments(value, name + ".")
        elif isinstance(value, str) and _is_credential(key, value):
            yield name, value


def _is_credential(key: str, value: str) -> bool:
    return (bool(CREDENTIAL.search(key)) and not NOT_CREDENTIAL.search(key) and len(value) >= MIN_LENGTH
            and "${" not in value and not _NOT_SECRET.match(value))


def _line_of(lines: list[str], key: str) -> int:
    pattern = re.compile(r"^\s*\"?" + re.escape(key) + r"\"?\s*=")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return 1
