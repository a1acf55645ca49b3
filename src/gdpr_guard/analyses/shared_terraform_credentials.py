"""GG-CRED-202: one credential used by several principals in a Terraform module.

Dedalus employees shared accounts; in Terraform the same mistake is one `var.db_password`,
`local.x`, `random_password.x.result` or literal feeding the master password of two databases, or
one SSH public key registered for several SFTP/IAM users. Within each module directory (where
`var.`/`local.` resolve), the password-like arguments of every resource and the keys of
`aws_transfer_ssh_key` / `aws_iam_user_ssh_key` are compared:

* expressions by their text after whitespace normalisation, a `local.x` that is only another
  expression or literal being replaced by it first; expressions relative to the block (`each.`,
  `count.`, `self.`) and calls that return a new value each time (`uuid()`, `bcrypt()`) are never
  compared across blocks;
* literals by keyed BLAKE2b hashes with a random per-run key (like GG-CRED-201); SSH keys by their
  type and key material, without the comment.

One finding per shared credential, at its first use (path, line), with every other use in
`related` and named in `detail`; literal values only in RawFinding.secrets, which the pipeline masks.
Secret stores (`kubernetes_secret`, `aws_secretsmanager_secret_version`, ...) are not principals:
holding a copy of the credential is their job.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.targets import Target
from gdpr_guard.tf_expr import Scope, never_together

RULE_ID = "GG-CRED-202"
PASSWORD_ATTRIBUTES = frozenset({
    "password", "master_password", "admin_password", "administrator_login_password",
    "administrator_password", "admin_user_password", "master_user_password", "root_password",
    "auth_token",
})
SSH_KEY_RESOURCES: dict[str, tuple[str, str]] = {
    # resource type: (key argument, argument naming the user the key is registered for)
    "aws_transfer_ssh_key": ("body", "user_name"),
    "aws_iam_user_ssh_key": ("public_key", "username"),
}
NOT_PRINCIPALS = frozenset({
    "kubernetes_secret", "kubernetes_secret_v1", "aws_secretsmanager_secret_version", "aws_ssm_parameter",
    "azurerm_key_vault_secret", "google_secret_manager_secret_version", "random_password",
    "vault_generic_secret", "vault_kv_secret_v2", "helm_release",
})
# Every PASSWORD_ATTRIBUTES name contains "password" or is auth_token; the SSH key resources by type.
_MENTIONS_CREDENTIALS = re.compile(r"password|auth_token|" + "|".join(SSH_KEY_RESOURCES))
_DEFINES_LOCALS = re.compile(r"(?m)^\s*locals\s*\{")
_BLOCK_RELATIVE = re.compile(r"(?<![\w.])(?:each|count|self)\.")
_VOLATILE = re.compile(r"\b(?:uuid|uuidv5|bcrypt|timestamp)\(")
_LOCAL = re.compile(r"\$\{\s*local\.([A-Za-z_][\w-]*)\s*\}")
_REFERENCE = re.compile(r"\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*|\[[^\]\s]*\])+)\s*\}")
_INTERPOLATION = re.compile(r"\$\{.*?\}|%\{.*?\}", re.S)


@dataclass(frozen=True)
class _Use:
    path: str
    line: int
    address: str
    principal: tuple[str, ...]
    snippet: str
    names: tuple[str, ...]
    tags: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Credential:
    identity: tuple[str, ...]
    """What is compared: (module dir, kind, expression text or keyed digest)."""
    source: str | None
    """The reference the value comes from (`var.db_password`), printable; None for literals."""
    secrets: tuple[str, ...]


def analyse(targets: list[Target], config: dict[str, Any]) -> list[RawFinding]:
    """One finding per credential that two or more principals of one module use, at its first use."""
    key = os.urandom(32)
    uses: dict[tuple[str, ...], list[_Use]] = defaultdict(list)
    credentials: dict[tuple[str, ...], _Credential] = {}
    secrets: dict[tuple[str, ...], list[str]] = defaultdict(list)
    counts: dict[tuple[str, str], Any] = {}
    scopes: dict[tuple[str, str], Scope] = {}
    for module in _hcl.modules(targets, relevant=_MENTIONS_CREDENTIALS, context=_DEFINES_LOCALS):
        local_values = module.locals()
        scope = Scope(locals=local_values)  # what a count's `local.` names are defined as
        for block in module.blocks("resource"):
            rtype = block.labels[0]
            if rtype in NOT_PRINCIPALS:
                continue
            counts[(block.file.rel, block.address)] = block.body.get("count")
            scopes[(block.file.rel, block.address)] = scope
            for credential, use in _block_uses(module.directory, block, local_values, key):
                credentials.setdefault(credential.identity, credential)
                secrets[credential.identity] += credential.secrets
                uses[credential.identity].append(use)
    findings = [_finding(credentials[identity], found, secrets[identity]) for identity, found in uses.items()
                if len({u.principal for u in found}) >= 2 and _may_coexist(found, counts, scopes)]
    return sorted(findings, key=lambda f: (f.location, f.resource or ""))


def _may_coexist(found: list[_Use], counts: dict[tuple[str, str], Any], scopes: dict[tuple[str, str], Scope]) -> bool:
    """Two of the principals can exist together: blocks whose `count`s exclude each other (a regional
    cluster or a global one, `x ? 1 : 0` against `x ? 0 : 1`; an Elasticsearch or an OpenSearch domain
    chosen by one string variable) are one principal at a time."""
    for i, first in enumerate(found):
        for second in found[i + 1:]:
            if first.principal == second.principal:
                continue
            a, b = counts.get((first.path, first.address)), counts.get((second.path, second.address))
            scope = scopes.get((first.path, first.address), Scope())
            if a is None or b is None or not never_together(a, b, scope):
                return True
    return False


def _block_uses(directory: str, block: _hcl.Block, local_values: dict[str, Any],
                key: bytes) -> list[tuple[_Credential, _Use]]:
    rtype = block.labels[0]
    names = tuple(block.names())
    tags = block.tags()
    if rtype in SSH_KEY_RESOURCES:
        argument, user_argument = SSH_KEY_RESOURCES[rtype]
        credential = _credential(directory, "ssh", block.attribute(argument), local_values, key)
        if credential is None:
            return []
        user = block.attribute(user_argument)
        principal = ("user", _hcl.normalise(user)) if isinstance(user, str) else ("resource", block.address)
        line = block.attribute_line(argument)
        return [(credential, _Use(block.file.rel, line, block.address, principal,
                                  _snippet(block, line, credential), names, tags))]
    out: list[tuple[_Credential, _Use]] = []
    seen: dict[str, int] = defaultdict(int)
    for path, attribute, value in _password_arguments(block.body, ""):
        occurrence = seen[attribute]
        seen[attribute] += 1
        credential = _credential(directory, "password", value, local_values, key)
        if credential is None:
            continue
        line = block.attribute_line(attribute, occurrence)
        out.append((credential, _Use(block.file.rel, line, block.address, ("resource", block.address, path),
                                     _snippet(block, line, credential), names, tags)))
    return out


def _password_arguments(body: dict[str, Any], prefix: str) -> list[tuple[str, str, Any]]:
    """(path, argument name, value) of password-like arguments, nested blocks included, maps not."""
    found: list[tuple[str, str, Any]] = []
    for name, value in body.items():
        if name.startswith("__") or not isinstance(value, list):
            continue
        if name in PASSWORD_ATTRIBUTES and len(value) == 1 and isinstance(value[0], str):
            found.append((prefix + name, name, value[0]))
            continue
        for index, item in enumerate(value):
            if _is_block(item):
                found += _password_arguments(item, f"{prefix}{name}[{index}].")
    return found


def _is_block(item: Any) -> bool:
    """hcl2 wraps every argument of a nested block in a list; a map (`data = {...}`) has bare values."""
    if not isinstance(item, dict):
        return False
    values = [v for k, v in item.items() if not str(k).startswith("__")]
    return bool(values) and all(isinstance(v, list) for v in values)


def _credential(directory: str, kind: str, value: Any, local_values: dict[str, Any],
                key: bytes) -> _Credential | None:
    for _ in range(10):  # local.a = local.b = var.c
        if not isinstance(value, str):
            return None
        match = _LOCAL.fullmatch(value.strip())
        if not match or match.group(1) not in local_values:
            break
        value = local_values[match.group(1)]
    if not isinstance(value, str) or not value.strip():
        return None
    if "${" not in value and "%{" not in value:
        material = value
        if kind == "ssh":
            fields = value.split()
            material = " ".join(fields[:2]) if len(fields) >= 2 else value.strip()
        digest = hashlib.blake2b(material.encode("utf-8"), key=key, digest_size=32).hexdigest()
        return _Credential((directory, kind, "literal", digest), None, (value, material))
    text = _hcl.normalise(value)
    if _BLOCK_RELATIVE.search(text) or _VOLATILE.search(text):
        return None
    reference = _REFERENCE.fullmatch(text)
    literal_parts = tuple(p.strip() for p in _INTERPOLATION.split(value) if len(p.strip()) >= 3)
    return _Credential((directory, kind, "expression", text), reference.group(1) if reference else None,
                       literal_parts)


def _snippet(block: _hcl.Block, line: int, credential: _Credential) -> str:
    text = block.file.lines[line - 1].strip() if 0 < line <= len(block.file.lines) else ""
    # Masking replaces values of 3+ characters; never show a shorter literal.
    if any(0 < len(s) < 3 for s in credential.secrets):
        return ""
    return text


def _finding(credential: _Credential, found: list[_Use], secrets: list[str]) -> RawFinding:
    ordered = sorted(set(found), key=lambda u: (u.path, u.line, u.address, u.principal))
    first, others = ordered[0], ordered[1:]
    kind = credential.identity[1]
    also = ", ".join(f"{u.address} ({u.path}:{u.line})" for u in others)
    detail = f"Also used by {also}."
    if kind == "ssh":
        detail = f"The same SSH public key is also registered by {also}."
    if credential.source:
        detail += f" The value comes from {credential.source}."
    elif credential.identity[2] == "literal" and kind != "ssh":
        detail += " The value is a literal written in the configuration."
    names: list[str] = []
    tags: list[tuple[str, str]] = []
    for use in ordered:
        names += [n for n in use.names if n not in names]
        tags += [t for t in use.tags if t not in tags]
    return RawFinding(
        rule_id=RULE_ID,
        location=Location(first.path, first.line, first.line),
        engine="gdpr-guard",
        resource=first.address,
        snippet=first.snippet,
        secrets=tuple(dict.fromkeys(secrets)),
        detail=detail,
        related=tuple(dict.fromkeys(Location(u.path, u.line, u.line) for u in others
                                    if (u.path, u.line) != (first.path, first.line))),
        context="\n".join(names),
        tags=tuple(tags),
    )
