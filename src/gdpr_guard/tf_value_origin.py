"""Where a module instance's literal comes from: a literal that only examples or tests pass in is theirs.

A reusable module declares `password = var.master_password`; checkov renders each instance with the
value its caller passes, so the literal `password1` of `examples/complete/fixtures.tfvars` is reported
on the module's own `main.tf`, an infrastructure file. The problem (a credential written in the
configuration) is in the example, whose role the credential rules do not cover. For the rules whose
evidence is a literal value, a finding on a module instance takes the role of its callers when every
configuration that creates the instance is an example or a test, and the module file itself does not
write the value. The finding is not dropped here: the role decides its scope, and a scope that leaves
it out shows it in the summary like any other.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import replace

from gdpr_guard.analyses import _hcl
from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Role, Target
from gdpr_guard.tf_expr import references
from gdpr_guard.tf_instances import callers

LITERAL_RULES = frozenset({"GG-CRED-001", "GG-CRED-002", "GG-CRED-003", "GG-CRED-004", "GG-CRED-008"})
"""Rules whose finding is a literal value written in the configuration."""
CALLER_ROLES = frozenset({Role.EXAMPLE, Role.TEST})
RELEVANT = re.compile(r"\bmodule\s+\"")


def literals_from_callers(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Give module-instance findings of LITERAL_RULES the role of their callers when those are all
    examples or tests and the literal is not written in the module itself."""
    concerned = [f for f in findings if f.rule_id in LITERAL_RULES and (f.resource or "").startswith("module.")]
    if not concerned:
        return findings
    tf = [t for t in targets if t.rel.endswith(".tf")]
    # Parse the callers (files with module calls) and the modules the findings are in, not every file.
    own = {posixpath.dirname(f.location.path) for f in concerned}
    calls = {f.rel for m in _hcl.modules(tf, RELEVANT) for f in m.files}
    modules = {m.directory: m for m in _hcl.modules([t for t in tf if t.rel in calls
                                                    or posixpath.dirname(t.rel) in own])}
    files: dict[str, list[Target]] = {}
    for target in tf:
        files.setdefault(posixpath.dirname(target.rel), []).append(target)
    out = []
    for finding in findings:
        origin = _caller_file(finding, modules, files) if finding in concerned else None
        out.append(replace(finding, role_path=origin) if origin else finding)
    return out


def _caller_file(finding: RawFinding, modules: dict[str, _hcl.Module], files: dict[str, list[Target]]) -> str:
    assert finding.resource is not None
    directory = posixpath.dirname(finding.location.path)
    if not _from_inputs(finding, files.get(directory, [])):
        return ""  # the module writes the literal itself: its own problem
    starts = sorted(set(callers(finding.resource, directory, modules)))
    roots = [sorted(files.get(start, []), key=lambda t: t.rel) for start in starts]
    if not roots or not all(r and r[0].role in CALLER_ROLES for r in roots):
        return ""
    return roots[0][0].rel


def _from_inputs(finding: RawFinding, targets: list[Target]) -> bool:
    """The reported attribute's value is an expression over the module's inputs (`var.`, `local.`,
    `each.`), not a literal of the module's own."""
    target = next((t for t in targets if t.rel == finding.location.path), None)
    if target is None or finding.block is None or finding.location == finding.block:
        return False  # not narrowed to the attribute: which value is meant is unknown
    try:
        lines = target.path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    text = " ".join(lines[finding.location.start_line - 1:finding.location.end_line])
    _, _, value = text.partition("=")
    return any(ref[0] in ("var", "local", "each") for ref in references(value))
