"""`python -m gdpr_guard` runs the CLI (through the console script's launcher)."""

from gdpr_guard.launch import main

raise SystemExit(main())
