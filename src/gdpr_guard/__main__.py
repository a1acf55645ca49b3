"""`python -m gdpr_guard` runs the CLI."""

from gdpr_guard.cli import main

raise SystemExit(main())
