"""`python -m gdpr_guard.docs` prints docs/rules.md from the catalog."""

from __future__ import annotations

import sys

from gdpr_guard import catalog, explain


def main() -> int:
    sys.stdout.write(explain.rules_document(catalog.load()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
