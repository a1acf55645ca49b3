"""GG-CRED-006: an `aws_iam_access_key` secret published through a Terraform output.

An output returning `aws_iam_access_key.<name>.secret` (or `ses_smtp_password_v4`, or the whole
resource object) hands a long-lived key to everyone who can run `terraform output` or read the
state, usually to paste it into a CI system or a colleague's laptop: a shared credential.
`sensitive = true` is not enough: it only hides the value from the plan/apply display, while
`terraform output -json` / `-raw` print it and the state keeps it in clear; it is reported anyway
and the detail says so. Not reported: `encrypted_secret` / `encrypted_ses_smtp_password_v4`
(PGP-encrypted), and any reference to a key declared in the module with `pgp_key` set (the provider
then leaves `secret` empty). Outputs are matched per module directory.
"""

from __future__ import annotations

import re
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.targets import Target

RULE_ID = "GG-CRED-006"
SECRET_ATTRIBUTES = ("secret", "ses_smtp_password_v4", "ses_smtp_password")
_NAME = r"([A-Za-z_][\w-]*)"
_INDEX = r"(?:\[[^\]]*\])*(?:\.\*)?"
_ATTRIBUTE_REF = re.compile(r"(?<![\w.])aws_iam_access_key\." + _NAME + _INDEX + r"\.("
                            + "|".join(SECRET_ATTRIBUTES) + r")(?![\w-])")
_ANY_REF = re.compile(r"(?<![\w.])aws_iam_access_key\." + _NAME + r"(?P<rest>" + _INDEX + r"(?:\.[\w*-]+)?)")
_MENTIONS_KEYS = re.compile(r"\baws_iam_access_key\b")
_FOR = re.compile(r"\bfor\s+[\w\s,]+\bin\b")
_SECRET_IN_FOR = re.compile(r"(?:\.|\[\s*\")(?:" + "|".join(SECRET_ATTRIBUTES) + r")(?![\w-])")


def analyse(targets: list[Target], config: dict[str, Any]) -> list[RawFinding]:
    """One finding per output that returns an unencrypted access-key secret, at the output block."""
    findings: list[RawFinding] = []
    for module in _hcl.modules(targets, relevant=_MENTIONS_KEYS):
        keys = {block.labels[1]: block for block in module.blocks("resource")
                if block.labels[0] == "aws_iam_access_key"}
        for output in module.blocks("output"):
            exposed = _exposed(output.body.get("value"), keys)
            if not exposed:
                continue
            findings.append(_finding(output, exposed, keys))
    return sorted(findings, key=lambda f: (f.location, f.resource or ""))


def _exposed(value: Any, keys: dict[str, _hcl.Block]) -> list[str]:
    """`aws_iam_access_key.<name>.<attr>` references of `value` that carry a clear-text secret."""
    found: list[str] = []
    for text in _hcl.walk_strings(value):
        for match in _ATTRIBUTE_REF.finditer(text):
            found.append(f"aws_iam_access_key.{match.group(1)}.{match.group(2)}")
        for match in _ANY_REF.finditer(text):
            rest = match.group("rest")
            if re.search(r"\.[\w-]+$", rest) and not rest.endswith(".*"):
                continue  # an attribute: reported above when it is a secret one
            # The whole object (`aws_iam_access_key.ci`, `values(aws_iam_access_key.ci)`) carries `secret`;
            # inside a `for` expression only if the loop reads a secret attribute.
            if _FOR.search(text) and not _SECRET_IN_FOR.search(text):
                continue
            found.append(f"aws_iam_access_key.{match.group(1)}")
    return [ref for ref in dict.fromkeys(found) if not _encrypted(ref.split(".")[1], keys)]


def _encrypted(name: str, keys: dict[str, _hcl.Block]) -> bool:
    block = keys.get(name)
    if block is None:
        return False
    pgp = block.attribute("pgp_key")
    return isinstance(pgp, str) and pgp.strip() != ""


def _finding(output: _hcl.Block, exposed: list[str], keys: dict[str, _hcl.Block]) -> RawFinding:
    described = [ref if ref.count(".") == 2 else f"{ref} (the whole resource, secret included)" for ref in exposed]
    detail = "It returns " + ", ".join(described) + "."
    if output.attribute("sensitive") is True:
        detail += (" `sensitive = true` only hides it from the plan output: `terraform output -json` and"
                   " the state still hold it in clear.")
    names = [output.address]
    tags: list[tuple[str, str]] = []
    for ref in exposed:
        block = keys.get(ref.split(".")[1])
        names.append(ref)
        if block is not None:
            names += block.names()
            tags += [t for t in block.tags() if t not in tags]
    line = output.start
    snippet = output.file.lines[line - 1].strip() if 0 < line <= len(output.file.lines) else ""
    return RawFinding(
        rule_id=RULE_ID,
        location=Location(output.file.rel, line, output.end),
        engine="gdpr-guard",
        resource=output.address,
        snippet=snippet,
        detail=detail,
        context="\n".join(dict.fromkeys(names)),
        tags=tuple(tags),
    )
