"""Rule refinements that need context an engine cannot see, applied to raw findings by rule id.

REFINEMENTS is a plain registry: rule id -> function(findings of that rule, all targets) -> kept findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any

from gdpr_guard.finding import RawFinding
from gdpr_guard.targets import Kind, Target

Refinement = Callable[[list[RawFinding], Sequence[Target]], list[RawFinding]]
ACCOUNT_BLOCK = "aws_s3_account_public_access_block"
COMPANION_RULES = frozenset({"GG-ENC-003", "GG-PUB-003", "GG-LOG-002", "GG-LOG-007", "GG-LOG-020", "GG-ENC-052",
                             "GG-PUB-016", "GG-PUB-017", "GG-PUB-018", "GG-PUB-019"})
"""Rules a companion resource settles, or (GG-PUB-016..019) must exist for, through a reference, a local,
a module output or the literal name (tf_companions.py)."""
DYNAMIC_RULES = frozenset({"GG-ENC-003"})
"""Rules whose setting a `dynamic` block makes only when its for_each is not empty (tf_dynamic_blocks.py)."""
ACCOUNT_FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")


def account_block_covers_buckets(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-PUB-003: an account-level public access block with all four flags true covers every bucket
    of the configuration (its directory and the modules below it); checkov has no edge to follow."""
    if not findings:
        return findings
    from gdpr_guard.analyses import _hcl  # parses HCL; only needed when there is something to refine

    candidates = [t for t in targets if t.kind is Kind.TERRAFORM and _mentions(t, ACCOUNT_BLOCK)]
    covered = [PurePosixPath(module.directory) for module in _hcl.modules(candidates)
               if any(block.labels[0] == ACCOUNT_BLOCK and all(_true(block.attribute(f)) for f in ACCOUNT_FLAGS)
                      for block in module.blocks("resource"))]
    return [f for f in findings if not any(_within(PurePosixPath(f.location.path).parent, c) for c in covered)]


def _mentions(target: Target, word: str) -> bool:
    try:
        return word in target.path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _within(directory: PurePosixPath, ancestor: PurePosixPath) -> bool:
    return directory == ancestor or ancestor in directory.parents


def _true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _receivers(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    if not findings:
        return findings
    from gdpr_guard.receivers import typed_receivers  # parses Python; only when there is something to refine

    return typed_receivers(findings, targets)


def _copies(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """GG-DEL-102: S3 calls of boto3 clients only, not a storage helper's upload of its own argument, not a
    copy of a package's own directory."""
    if not findings:
        return findings
    from gdpr_guard.package_files import program_copies  # parses Python; only when there is something to refine
    from gdpr_guard.storage_helpers import passed_through

    return program_copies(passed_through(_receivers(findings, targets), targets), targets)


def _sql(name: str) -> Refinement:
    def refine(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
        if not findings:
            return findings
        from gdpr_guard import sql_refinements  # tokenizes SQL; only needed when there is something to refine

        function: Refinement = getattr(sql_refinements, name)
        return function(findings, targets)
    return refine


def _shell(name: str) -> Refinement:
    def refine(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
        if not findings:
            return findings
        from gdpr_guard import shell_refinements  # tokenizes shell; only when there is something to refine

        function: Refinement = getattr(shell_refinements, name)
        return function(findings, targets)
    return refine


def _conditional_literals(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    if not any(t.kind is Kind.TERRAFORM for t in targets):
        return findings
    from gdpr_guard.tf_conditional_literals import conditional_literals  # parses HCL: only with Terraform

    return conditional_literals(findings, targets)


REFINEMENTS: dict[str, Refinement] = {
    "GG-CRED-002": _conditional_literals,
    "GG-PUB-003": account_block_covers_buckets,
    "GG-MIN-101": _sql("python_star_extracts"),
    "GG-ENC-104": _shell("piped_into_encryption"),
    "GG-MIN-104": _shell("dumps_that_run"),
    "GG-DEL-104": _shell("remote_copies_on_ci_runners"),
    "GG-CRED-107": _shell("in_test_functions"),
    "GG-CRED-108": _shell("in_test_functions"),
    "GG-ENC-101": _receivers,
    "GG-DEL-102": _copies,
}


def real_secrets(findings: list[RawFinding]) -> list[RawFinding]:
    """Every credential rule: a finding whose matched values are all placeholders or names is not one."""
    from gdpr_guard.placeholders import is_placeholder

    return [f for f in findings if not (f.rule_id.startswith("GG-CRED-") and f.secrets
                                        and all(is_placeholder(s) for s in f.secrets))]


def apply(findings: list[RawFinding], targets: Sequence[Target]) -> list[RawFinding]:
    """Run each rule's refinement over that rule's findings; other findings pass through."""
    findings = real_secrets(findings)
    if any(f.engine == "checkov" and f.resource for f in findings):
        from gdpr_guard.tf_instances import existing_instances  # parses HCL: only with Terraform findings

        findings = existing_instances(findings, targets)
    if any(f.engine == "checkov" and (f.resource or "").startswith("module.") and f.rule_id.startswith("GG-CRED-")
           for f in findings):
        from gdpr_guard.tf_value_origin import literals_from_callers  # parses HCL: only with such findings

        findings = literals_from_callers(findings, targets)
    if any(f.engine == "checkov" and f.rule_id == "GG-PUB-008" for f in findings):
        from gdpr_guard.tf_neutralised import closed_servers  # parses HCL: only with such findings

        findings = closed_servers(findings, targets)
    if any(f.engine == "checkov" and f.rule_id == "GG-PUB-005" for f in findings):
        from gdpr_guard.tf_endpoint_groups import endpoint_only_groups  # parses HCL: only with such findings

        findings = endpoint_only_groups(findings, targets)
    if any(f.engine == "checkov" and f.rule_id in DYNAMIC_RULES for f in findings):
        from gdpr_guard.tf_dynamic_blocks import generated_blocks  # parses HCL: only with such findings

        findings = generated_blocks(findings, targets)
    if any(f.engine == "checkov" and f.rule_id in COMPANION_RULES for f in findings):
        from gdpr_guard.tf_companions import settled_by_companions  # parses HCL: only with such findings

        findings = settled_by_companions(findings, targets)
    out = [f for f in findings if f.rule_id not in REFINEMENTS]
    for rule_id, refine in REFINEMENTS.items():
        out += refine([f for f in findings if f.rule_id == rule_id], targets)
    return out
