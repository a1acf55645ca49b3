"""Stable finding identities for SARIF partialFingerprints and baselines: no line numbers."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from gdpr_guard.finding import Finding

_SPACE = re.compile(r"\s+")


def base_key(finding: Finding) -> str:
    """rule + path + resource address, or the whitespace-normalised (masked) snippet."""
    anchor = finding.resource or _SPACE.sub(" ", finding.snippet).strip()
    return "\x1f".join((finding.rule_id, finding.location.path, anchor))


def assign(findings: Sequence[Finding]) -> list[tuple[Finding, str]]:
    """Pair each finding (already in report order) with its fingerprint.

    Identical keys (the same line twice in a file) get an occurrence number in file order, so
    moving code does not change them while duplicates stay distinct.
    """
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        key = base_key(finding)
        seen[key] += 1
        digest = hashlib.sha256(f"{key}\x1f{seen[key]}".encode()).hexdigest()[:32]
        out.append((finding, digest))
    return out
