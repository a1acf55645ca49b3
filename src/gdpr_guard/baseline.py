"""Baselines: fingerprints of accepted findings, so that a scan reports only new ones.

A baseline stores rule, path, resource and fingerprint; never a snippet or a value, so it holds no
secret. Fingerprints carry no line numbers: a finding keeps its place in the baseline when code
moves above it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from gdpr_guard import __version__
from gdpr_guard.errors import ConfigError
from gdpr_guard.finding import Finding, ScanResult, Suppression, SuppressionKind
from gdpr_guard.schema_check import validate

MAX_BASELINE_BYTES = 20_000_000
SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "findings"],
    "properties": {
        "version": {"const": 1},
        "tool": {"type": "string"},
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["rule_id", "path", "fingerprint"],
                "properties": {
                    "rule_id": {"type": "string", "pattern": "^GG-[A-Z]+-[0-9]{3}$"},
                    "path": {"type": "string"},
                    "resource": {"type": ["string", "null"]},
                    "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{16,64}$"},
                },
            },
        },
    },
}


def render(result: ScanResult) -> str:
    """The baseline of a scan: every active finding's identity, sorted."""
    entries = sorted(({"rule_id": f.rule_id, "path": f.location.path, "resource": f.resource,
                       "fingerprint": f.fingerprint} for f in result.active),
                     key=lambda e: (e["path"], e["rule_id"], e["resource"] or "", e["fingerprint"]))
    return json.dumps({"version": 1, "tool": f"gdpr-guard {__version__}", "findings": entries}, indent=2) + "\n"


def load(path: Path) -> frozenset[str]:
    """Fingerprints recorded in a baseline file (ConfigError when it is not one)."""
    try:
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise ConfigError(f"{path}: baseline larger than {MAX_BASELINE_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read baseline ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}: not a gdpr-guard baseline (invalid JSON: {exc})") from None
    validate(data, SCHEMA, f"{path}")
    return frozenset(entry["fingerprint"] for entry in data["findings"])


def apply(findings: Sequence[Finding], fingerprints: frozenset[str], source: str) -> list[Finding]:
    """Mark findings already in the baseline as suppressed (kind `baseline`)."""
    out = []
    for finding in findings:
        if finding.suppression is None and finding.fingerprint in fingerprints:
            accepted = Suppression(SuppressionKind.BASELINE, f"accepted in baseline {source}")
            finding = replace(finding, suppression=accepted)
        out.append(finding)
    return out
