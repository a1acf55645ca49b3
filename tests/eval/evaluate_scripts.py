"""Evaluate the script rules (policies/semgrep) on the labelled evaluation set.

Every file under tests/eval/scripts/ starts with label lines naming the findings it must produce:

    # expect: GG-DEL-102 14        (SQL: -- expect: GG-MIN-105 3)
    # expect: none

The script runs the real semgrep ONCE over every file (explicit paths, offline flags), compares the
(rule, file, line) triples with the labels and prints precision and recall per rule family. It exits
1 when a family is below the threshold (0.95), 2 when semgrep fails or reports an error.

With --fixtures it instead checks the annotated fixtures (`ruleid:` / `ok:` comments) under
tests/fixtures/scripts/ the way the rule tests do, which is handy while writing a rule.

Wrapper analyses (GG-*-2xx: same secret in several files, migration plan checks) are not semgrep
rules and are evaluated by their own unit tests, not here.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "tests" / "eval" / "scripts"
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "scripts"
POLICIES = ROOT / "policies" / "semgrep"
SUFFIXES = (".py", ".sh", ".bash", ".sql")
THRESHOLD = 0.95

EXPECT = re.compile(r"^\s*(?:#|--)\s*expect:\s*(?P<body>.*)$")
ANNOTATION = re.compile(r"^\s*(?:#|--)\s*(?P<kind>ruleid|ok):\s*(?P<ids>GG-[A-Z]+-\d{3}(?:\s*,\s*GG-[A-Z]+-\d{3})*)")
RULE_ID = re.compile(r"GG-[A-Z]+-\d{3}")

Triple = tuple[str, str, int]


def semgrep_bin() -> str:
    here = Path(sys.executable).parent / "semgrep"
    return str(here) if here.exists() else "semgrep"


def run_semgrep(files: list[Path]) -> set[Triple]:
    """Run semgrep once over `files`; return (rule, repo-relative path, line) triples."""
    env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")
    cmd = [semgrep_bin(), "scan", "--metrics=off", "--disable-version-check", "--json", "--quiet",
           "--no-git-ignore", "--config", str(POLICIES), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(2) from None
    if data.get("errors"):
        for err in data["errors"]:
            sys.stderr.write(f"semgrep error: {err.get('type')}: {err.get('message', '')[:300]} "
                             f"{err.get('path', '')}\n")
        raise SystemExit(2)
    found: set[Triple] = set()
    for result in data["results"]:
        match = RULE_ID.search(result["check_id"])
        if not match:
            continue
        path = Path(result["path"])
        if path.is_absolute():
            path = path.relative_to(ROOT)
        found.add((match.group(0), path.as_posix(), result["start"]["line"]))
    return found


def expected_labels(path: Path) -> set[Triple]:
    rel = path.relative_to(ROOT).as_posix()
    labels: set[Triple] = set()
    saw_label = False
    for line in path.read_text(encoding="utf-8").splitlines():
        match = EXPECT.match(line)
        if not match:
            continue
        saw_label = True
        body = match.group("body").strip()
        if body == "none":
            continue
        rule, _, number = body.partition(" ")
        labels.add((rule, rel, int(number)))
    if not saw_label:
        raise SystemExit(f"{rel}: no '# expect:' label")
    return labels


def expected_annotations(path: Path) -> set[Triple]:
    rel = path.relative_to(ROOT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    out: set[Triple] = set()
    for number, line in enumerate(lines, start=1):
        match = ANNOTATION.match(line)
        if match and match.group("kind") == "ruleid":
            # The annotated line is the next line that is not itself an annotation.
            target = number + 1
            while target <= len(lines) and ANNOTATION.match(lines[target - 1]):
                target += 1
            for rule in RULE_ID.findall(match.group("ids")):
                out.add((rule, rel, target))
    return out


def family(rule: str) -> str:
    return rule.split("-")[1]


def files_under(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def report(expected: set[Triple], found: set[Triple], files: list[Path]) -> int:
    families = sorted({family(t[0]) for t in expected | found})
    worst = 1.0
    print(f"{len(files)} files, {len(expected)} expected findings, {len(found)} reported")
    print(f"{'family':8} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for fam in families:
        exp = {t for t in expected if family(t[0]) == fam}
        got = {t for t in found if family(t[0]) == fam}
        tp, fp, fn = len(exp & got), len(got - exp), len(exp - got)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        worst = min(worst, precision, recall)
        print(f"{fam:8} {tp:4} {fp:4} {fn:4} {precision:10.3f} {recall:8.3f}")
    for rule, path, line in sorted(found - expected):
        print(f"  false positive: {rule} {path}:{line}")
    for rule, path, line in sorted(expected - found):
        print(f"  missed:         {rule} {path}:{line}")
    return 0 if worst >= THRESHOLD else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", action="store_true", help="check the annotated rule fixtures instead")
    parser.add_argument("paths", nargs="*", help="files or directories (default: the evaluation set)")
    args = parser.parse_args(argv)
    roots = [Path(p).resolve() for p in args.paths] or [FIXTURE_DIR if args.fixtures else EVAL_DIR]
    files: list[Path] = []
    for root in roots:
        files.extend([root] if root.is_file() else files_under(root))
    labeller = expected_annotations if args.fixtures else expected_labels
    expected: set[Triple] = set()
    for path in files:
        expected |= labeller(path)
    found = run_semgrep(files)
    return report(expected, found, files)


if __name__ == "__main__":
    raise SystemExit(main())
