"""Where the policies and schemas live, installed or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
SCHEMAS_DIR = PACKAGE_DIR / "schemas"


@cache
def policies_dir() -> Path:
    """The policies/ folder: mapped into the wheel as gdpr_guard/policies, or the checkout's own."""
    installed = PACKAGE_DIR / "policies"
    if (installed / "catalog.yaml").is_file():
        return installed
    checkout = PACKAGE_DIR.parent.parent / "policies"
    if (checkout / "catalog.yaml").is_file():
        return checkout
    from gdpr_guard.errors import CatalogError

    raise CatalogError(f"no policies/catalog.yaml in {installed} or {checkout}: the installation is incomplete "
                       f"(reinstall gdpr-guard)")


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in gdpr_guard/schemas/."""
    with (SCHEMAS_DIR / name).open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded
