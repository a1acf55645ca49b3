"""Generated files: `python -m gdpr_guard.docs` rewrites docs/rules.md and policies/catalog.sha256.

Run it after changing the catalog; tests fail while either is stale. `--check` only compares.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gdpr_guard import catalog, explain, resources


def generated() -> dict[Path, str]:
    """Every generated file of a source checkout and its expected content."""
    checkout = resources.PACKAGE_DIR.parent.parent
    policies = resources.policies_dir()
    text = (policies / "catalog.yaml").read_text(encoding="utf-8")
    loaded = catalog.Catalog(catalog.load().raw, str(policies / "catalog.yaml"))  # full schema check
    return {
        checkout / "docs" / "rules.md": explain.rules_document(loaded),
        policies / catalog.STAMP: catalog.digest(text) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    check = "--check" in (argv if argv is not None else sys.argv[1:])
    stale = []
    for path, content in generated().items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != content:
            stale.append(path)
            if not check:
                path.write_text(content, encoding="utf-8")
    for path in stale:
        sys.stderr.write(f"{'stale' if check else 'updated'}: {path}\n")
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
