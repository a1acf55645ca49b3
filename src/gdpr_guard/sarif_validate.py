"""Validate a SARIF document against the official 2.1.0 schema shipped with the package."""

from __future__ import annotations

import json

from gdpr_guard import resources
from gdpr_guard.schema_check import error_lines


def problems(sarif_text: str) -> list[str]:
    """Schema violations of a SARIF document (empty when valid)."""
    try:
        document = json.loads(sarif_text)
    except json.JSONDecodeError as exc:
        return [f"not JSON: {exc.msg}"]
    # The OASIS schema (errata01) is written in JSON Schema draft-04.
    return error_lines(document, resources.schema("sarif-schema-2.1.0.json"), draft4=True)
