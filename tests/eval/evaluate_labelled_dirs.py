#!/usr/bin/env python3
"""Precision and recall of gdpr-guard (the real wrapper) on directories of labelled Terraform cases.

Each case is a directory whose .tf files carry label comments, one per expected finding
(`# expect: GG-ENC-022 aws_athena_database.results`) or `# expect: none`. ONE scan runs over all
cases; reported (rule, case, resource) triples are compared with the labels, per family. A finding
of a rule outside `--rules` (a comma-separated list of id prefixes) is ignored, so that a set written
for some rules is not scored on the others.

    python tests/eval/evaluate_labelled_dirs.py tests/eval/breadth [--rules GG-ENC,GG-LOG] [--verbose]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
from pathlib import Path


def expected(case: Path) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for tf in sorted(case.rglob("*.tf")):
        for line in tf.read_text(encoding="utf-8").splitlines():
            text = line.strip()
            if text.startswith("# expect:"):
                parts = text.removeprefix("# expect:").split()
                if parts and parts[0] != "none":
                    out.add((parts[0], parts[1]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--rules", default="GG-")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    prefixes = tuple(p.strip() for p in args.rules.split(","))
    root = args.directory.resolve()
    cases = sorted(p for p in root.iterdir() if p.is_dir() and any(p.rglob("*.tf")))
    with tempfile.TemporaryDirectory(prefix="gg-eval-") as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", *map(str, cases), "--root", str(root),
                        "--no-cache", "--format", "json", "-o", str(out), "--exit-zero"], check=True, cwd=root)
        report = json.loads(out.read_text(encoding="utf-8"))
    if report["errors"]:
        print("scan errors:", report["errors"])
    found: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
    for f in report["findings"]:
        if f["rule_id"].startswith(prefixes):
            found[f["location"]["path"].split("/")[0]].add((f["rule_id"], f.get("resource") or ""))
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for case in cases:
        want = {w for w in expected(case) if w[0].startswith(prefixes)}
        got = found.get(case.name, set())
        for rule, resource in want | got:
            kind = "tp" if (rule, resource) in want and (rule, resource) in got else (
                "fn" if (rule, resource) in want else "fp")
            counts[rule.split("-")[1]][kind] += 1
            if args.verbose and kind != "tp":
                print(f"  {kind} {case.name}: {rule} {resource}")
    total: collections.Counter[str] = collections.Counter()
    print(f"{len(cases)} cases")
    for family, c in sorted(counts.items()):
        total.update(c)
        print(_line(family, c))
    print(_line("all", total))
    return 0


def _line(name: str, c: collections.Counter[str]) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return f"{name:4} TP {c['tp']:3} FP {c['fp']:3} FN {c['fn']:3}  precision {p:.3f}  recall {r:.3f}"


if __name__ == "__main__":
    raise SystemExit(main())
