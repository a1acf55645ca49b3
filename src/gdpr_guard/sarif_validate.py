"""Validate a SARIF document against the official 2.1.0 schema shipped with the package."""

from __future__ import annotations

import json

from gdpr_guard import resources


def problems(sarif_text: str) -> list[str]:
    """Schema violations of a SARIF document (empty when valid)."""
    try:
        document = json.loads(sarif_text)
    except json.JSONDecodeError as exc:
        return [f"not JSON: {exc.msg}"]
    import jsonschema  # only when validating (~70 ms of imports)

    # The OASIS schema (errata01) is written in JSON Schema draft-04.
    validator = jsonschema.Draft4Validator(resources.schema("sarif-schema-2.1.0.json"))
    return sorted({f"{'/'.join(str(p) for p in e.absolute_path) or '(top level)'}: {e.message[:200]}"
                   for e in validator.iter_errors(document)})
