#!/usr/bin/env python3
"""Precision and recall of the rules backed by checkov's built-in checks, on checkov's own test examples.

checkov's repository keeps, for many checks, a directory `tests/terraform/checks/resource/<cloud>/
example_<CheckClass>/` and a test `test_<CheckClass>.py` that lists the resources the check must pass
(`passing_resources`) and fail (`failing_resources`). This script copies each example of a check our
catalog maps into its own directory, runs ONE gdpr-guard scan (the real wrapper: catalog, personal-data
behaviour, refinements) over them, and compares, per family, the (rule, resource) pairs reported with
checkov's own labels. Nothing of checkov's is copied into this repository: point it at a checkout.

    python tests/eval/evaluate_checkov_examples.py /path/to/checkov-checkout [--verbose]

Rules with `personal_data: only` are listed apart: checkov's examples say nothing about personal data.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def check_classes() -> dict[str, str]:
    """checkov check id -> class name (the name its test example directory uses)."""
    from checkov.terraform.checks.data.registry import data_registry
    from checkov.terraform.checks.resource.registry import resource_registry

    out: dict[str, str] = {}
    for registry in (resource_registry, data_registry):
        for checks in registry.checks.values():
            for check in checks:
                out.setdefault(check.id, type(check).__module__.rsplit(".", 1)[-1])
    return out


def labels(test_file: Path) -> tuple[set[str], set[str]] | None:
    """(passing, failing) resource sets assigned in a checkov test module, read with `ast`."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("passing_resources", "failing_resources") and isinstance(node.value, ast.Set):
                found[name] = {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    if "failing_resources" not in found:
        return None
    return found.get("passing_resources", set()), found["failing_resources"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkov_repo", type=Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from gdpr_guard import catalog as catalog_module

    catalog = catalog_module.load()
    classes = check_classes()
    tests = args.checkov_repo / "tests" / "terraform" / "checks" / "resource"
    work = Path(tempfile.mkdtemp(prefix="gg-ckv-eval-"))
    cases: dict[str, tuple[set[str], set[str]]] = {}
    skipped: list[str] = []
    try:
        for rule in sorted(catalog.rules.values(), key=lambda r: r.id):
            if not rule.builtin:
                continue
            name = classes.get(rule.engine_rule)
            example = next(tests.glob(f"*/example_{name}"), None) if name else None
            test = next(tests.glob(f"*/test_{name}.py"), None) if name else None
            expected = labels(test) if test else None
            if example is None or expected is None:
                skipped.append(f"{rule.id} ({rule.engine_rule}): no example directory with labels")
                continue
            if rule.personal_data == "only":
                skipped.append(f"{rule.id} ({rule.engine_rule}): personal_data only")
                continue
            shutil.copytree(example, work / rule.id)
            cases[rule.id] = expected
        out = work.parent / (work.name + "-report.json")
        subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", str(work), "--root", str(work), "--no-cache",
                        "--format", "json", "-o", str(out), "--exit-zero"], check=True, cwd=work)
        report = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    if report["errors"]:
        print("scan errors:", report["errors"])
    found = {(f["location"]["path"].split("/")[0], f["rule_id"], f["resource"]) for f in report["findings"]}
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for rule_id, (passing, failing) in sorted(cases.items()):
        family = rule_id.split("-")[1]
        reported = {res for d, r, res in found if d == rule_id and r == rule_id}
        for res in failing:
            counts[family]["tp" if res in reported else "fn"] += 1
            if args.verbose and res not in reported:
                print(f"  missed {rule_id} {res}")
        for res in reported - failing:
            counts[family]["fp"] += 1
            if args.verbose:
                print(f"  extra  {rule_id} {res}" + ("" if res in passing else " (unlabelled)"))
    shutil.rmtree(work, ignore_errors=True)
    print(f"{len(cases)} rules evaluated on checkov's examples; skipped: {len(skipped)}")
    for line in skipped:
        print("  skipped", line)
    total: collections.Counter[str] = collections.Counter()
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
