#!/usr/bin/env python3
"""Precision and recall of gdpr-guard on the holdout set (tests/eval/holdout), through the real CLI.

The holdout set was written from the rule descriptions only (`gdpr-guard rules` / `explain`,
docs/rules.md), without reading the policies, the fixtures or tests/eval/terraform, to measure how the
rules generalise. It has two parts:

  terraform/<family>_<name>/main.tf   one snippet per directory (each its own Terraform module, since
                                      checkov merges a directory), starting with label comments:
                                        # expect: GG-ENC-003 aws_s3_bucket.results
                                        # expect: none
                                      compared at (rule, snippet, resource) level;
  scripts/**.{py,sh,bash,sql}         labels as in tests/eval/evaluate_scripts.py, naming a line:
                                        # expect: GG-DEL-102 14      -- expect: GG-MIN-105 3
                                      compared at (rule, file, line) level.

`gdpr-guard scan` runs ONCE over the holdout directory (JSON report, --exit-zero). Every finding counts,
including wrapper analyses (GG-CRED-006, GG-CRED-202, ...) and personal-data filtering, exactly as a
user would see them. Exit 1 when a rule family (per part) is below --threshold (default 0.95), 2 when
the scan fails.

    python tests/eval/holdout/evaluate_holdout.py [--threshold 0.95] [--verbose] [--gdpr-guard PATH]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
HOLDOUT = Path(__file__).resolve().parent
TF_DIR = HOLDOUT / "terraform"
SCRIPTS_DIR = HOLDOUT / "scripts"
SCRIPT_SUFFIXES = (".py", ".sh", ".bash", ".sql")
TF_LABEL = re.compile(r"^#\s*expect:\s*(?P<rest>.+?)\s*$")
SCRIPT_LABEL = re.compile(r"^\s*(?:#|--)\s*expect:\s*(?P<body>.*)$")
RULE = re.compile(r"^GG-[A-Z]+-\d{3}$")

Triple = tuple[str, str, str]  # (rule, file relative to the part's directory, resource or line)


def tf_labels(path: Path, tf_dir: Path = TF_DIR) -> set[Triple]:
    rel = path.relative_to(tf_dir).as_posix()
    labels: set[Triple] = set()
    saw_none = False
    for line in path.read_text(encoding="utf-8").splitlines():
        match = TF_LABEL.match(line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break
            continue
        rest = match.group("rest")
        if rest == "none":
            saw_none = True
            continue
        parts = rest.split()
        if len(parts) != 2 or not RULE.match(parts[0]):
            raise SystemExit(f"{rel}: malformed label {line!r}")
        labels.add((parts[0], rel, parts[1]))
    if saw_none and labels:
        raise SystemExit(f"{rel}: '# expect: none' mixed with findings")
    if not saw_none and not labels:
        raise SystemExit(f"{rel}: no '# expect:' label")
    return labels


def script_labels(path: Path, scripts_dir: Path = SCRIPTS_DIR) -> set[Triple]:
    rel = path.relative_to(scripts_dir).as_posix()
    labels: set[Triple] = set()
    saw = False
    for line in path.read_text(encoding="utf-8").splitlines():
        match = SCRIPT_LABEL.match(line)
        if not match:
            continue
        saw = True
        body = match.group("body").strip()
        if body == "none":
            continue
        rule, _, number = body.partition(" ")
        labels.add((rule, rel, str(int(number))))
    if not saw:
        raise SystemExit(f"scripts/{rel}: no 'expect:' label")
    return labels


# The script labels leave out the cross-file analyses (a corpus of independent snippets reuses values
# across files on purpose): same secret in several files and the migration-plan checks.
UNLABELLED = ["GG-CRED-201", "GG-MIG-201", "GG-MIG-202", "GG-MIG-203", "GG-MIG-204"]


def run_scan(gdpr_guard: str, target: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "gdpr-guard.yaml"
        # The set is a project of its own: file roles are detected from the paths below it, not from
        # this repository's tests/ folder (which would make every file test code).
        projects = ", ".join(f'"{(target / part).relative_to(ROOT).as_posix()}"' for part in ("terraform", "scripts"))
        config.write_text("disable: [" + ", ".join(UNLABELLED) + "]\n"
                          + "roles: {projects: [" + projects + "]}\n", encoding="utf-8")
        command = [gdpr_guard, "scan", str(target), "--format", "json", "--exit-zero", "--no-cache",
                   "--root", str(ROOT), "--config", str(config)]
        proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(2) from None
    if proc.returncode != 0 or report.get("summary", {}).get("errors"):
        sys.stderr.write(json.dumps(report.get("errors", report.get("summary")), indent=1)[:4000] + "\n")
        sys.stderr.write(proc.stderr[-2000:])
        raise SystemExit(2)
    return report["findings"]


def family(rule: str) -> str:
    return rule.split("-")[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_bin = shutil.which("gdpr-guard") or str(Path(sys.executable).with_name("gdpr-guard"))
    parser.add_argument("--gdpr-guard", default=default_bin)
    parser.add_argument("--threshold", type=float, default=0.95)
    parser.add_argument("--verbose", action="store_true", help="list every reported finding")
    parser.add_argument("--set", type=Path, default=HOLDOUT, metavar="DIR",
                        help="a holdout set with the same layout (default: this one; tests/eval/holdout3 is another)")
    args = parser.parse_args(argv)
    holdout = args.set.resolve()
    tf_dir, scripts_dir = holdout / "terraform", holdout / "scripts"

    parts: dict[str, tuple[Path, set[Triple]]] = {}
    n_files: dict[str, int] = {}
    if tf_dir.is_dir():
        snippets = sorted(tf_dir.glob("*/*.tf"))
        for path in snippets:
            if "_" not in path.parent.name:
                raise SystemExit(f"{path}: directory must be named <family>_<name>")
        n_files["terraform"] = sum(1 for p in snippets if p.name == "main.tf")
        parts["terraform"] = (tf_dir, set().union(*(tf_labels(p, tf_dir) for p in snippets if p.name == "main.tf"))
                              if snippets else set())
    if scripts_dir.is_dir():
        scripts = sorted(p for p in scripts_dir.rglob("*") if p.is_file() and p.suffix in SCRIPT_SUFFIXES)
        n_files["scripts"] = len(scripts)
        parts["scripts"] = (scripts_dir, set().union(*(script_labels(p, scripts_dir) for p in scripts))
                            if scripts else set())
    if not parts:
        raise SystemExit("nothing to evaluate")
    for name, (base, expected) in list(parts.items()):
        # Labels of the cross-file analyses the scan turns off (below) cannot be evaluated here.
        ignored = {t for t in expected if t[0] in UNLABELLED}
        if ignored:
            print(f"{name}: {len(ignored)} label(s) of {', '.join(sorted({t[0] for t in ignored}))} not evaluated")
            parts[name] = (base, expected - ignored)

    findings = run_scan(args.gdpr_guard, holdout)
    reported: dict[str, set[Triple]] = collections.defaultdict(set)
    for finding in findings:
        path = (ROOT / finding["location"]["path"]).resolve()
        for name, (base, _) in parts.items():
            if path.is_relative_to(base):
                rel = path.relative_to(base).as_posix()
                if name == "terraform":
                    reported[name].add((finding["rule_id"], rel, finding.get("resource") or "?"))
                else:
                    reported[name].add((finding["rule_id"], rel, str(finding["location"]["start_line"])))
                break

    worst = 1.0
    for name, (_base, expected) in parts.items():
        got = reported[name]
        print(f"== {name}: {n_files[name]} files, {len(expected)} expected findings, {len(got)} reported")
        print(f"{'family':<7}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
        for fam in sorted({family(t[0]) for t in expected | got}):
            exp = {t for t in expected if family(t[0]) == fam}
            rep = {t for t in got if family(t[0]) == fam}
            tp, fp, fn = len(exp & rep), len(rep - exp), len(exp - rep)
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            worst = min(worst, precision, recall)
            print(f"{fam:<7}{tp:>5}{fp:>5}{fn:>5}{precision:>11.3f}{recall:>8.3f}")
        tp, fp, fn = len(expected & got), len(got - expected), len(expected - got)
        print(f"{'all':<7}{tp:>5}{fp:>5}{fn:>5}"
              f"{(tp / (tp + fp) if tp + fp else 1.0):>11.3f}{(tp / (tp + fn) if tp + fn else 1.0):>8.3f}")
        mismatches = sorted((got - expected) | (expected - got), key=lambda t: (t[1], t[0], t[2]))
        if mismatches:
            print("mismatches:")
            for triple in mismatches:
                kind = "unexpected" if triple in got else "missed"
                print(f"  {kind:<10} {name}/{triple[1]}: {triple[0]} {triple[2]}")
        if args.verbose:
            print("reported:")
            for rule, file, where in sorted(got, key=lambda t: (t[1], t[0])):
                print(f"  {name}/{file}: {rule} {where}")
        print()
    if worst < args.threshold:
        print(f"FAIL: a family is below {args.threshold}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
