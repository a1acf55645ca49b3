"""Evaluate the script rules (policies/semgrep) on the independent holdout set.

The holdout scripts under tests/eval/holdout/scripts/ were written from the rule descriptions only
(`gdpr-guard rules`, `gdpr-guard explain`, docs/rules.md), without reading the rules, the fixtures or
the tuning set in tests/eval/scripts/. Labels use the same format as the tuning set:

    # expect: GG-DEL-102 14        (SQL: -- expect: GG-MIN-105 3)
    # expect: none

The comparison is the one of tests/eval/evaluate_scripts.py (semgrep run once over explicit paths,
offline flags, exact (rule, file, line) triples, precision and recall per family, every mismatch
listed); this module only changes the default directory. Exit status: 0 when every family reaches
the threshold (0.95), 1 otherwise, 2 when semgrep fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import evaluate_scripts as base  # noqa: E402

HOLDOUT_DIR = HERE / "scripts"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files or directories (default: the holdout scripts)")
    args = parser.parse_args(argv)
    roots = [Path(p).resolve() for p in args.paths] or [HOLDOUT_DIR]
    files: list[Path] = []
    for root in roots:
        files.extend([root] if root.is_file() else base.files_under(root))
    expected: set[base.Triple] = set()
    for path in files:
        expected |= base.expected_labels(path)
    found = base.run_semgrep(files)
    return base.report(expected, found, files)


if __name__ == "__main__":
    raise SystemExit(main())
