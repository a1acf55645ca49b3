#!/usr/bin/env python3
"""Precision and recall of the Terraform rule pack on the labelled snippets of tests/eval/terraform.

Each `<family>_<short_name>.tf` starts with label comments, one per expected finding
(`# expect: GG-ENC-003 aws_s3_bucket.results`) or a single `# expect: none`. The script runs checkov
ONCE (each snippet is copied into its own directory so that snippets stay independent Terraform
modules), maps checkov ids to our ids through the catalog's `engine_rule`, and compares the
(rule, file, resource) triples per family. Exit status 1 when a family is below --threshold.

It does not use the gdpr-guard wrapper on purpose; the two wrapper behaviours the rules depend on are
approximated below in clearly marked functions that the wrapper's own code can later replace:
  * `holds_personal_data` - rules with `personal_data: only` are reported only for personal data;
  * `account_block_covers_buckets` - GG-PUB-003 is dropped in a module that declares an
    aws_s3_account_public_access_block.

    python tests/eval/evaluate.py [--checkov /path/to/checkov] [--threshold 0.95] [--verbose]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "tests" / "eval" / "terraform"
CATALOG = ROOT / "policies" / "catalog.yaml"
POLICIES = ROOT / "policies" / "checkov"
LABEL = re.compile(r"^#\s*expect:\s*(?P<rest>.+?)\s*$")
FAMILIES = ("enc", "pub", "log", "cred", "del")


# --- wrapper approximations (swap in gdpr_guard's classifier / post-filters later) -------------
PERSONAL_TAG_KEYS = {"data_classification", "personal_data", "gdpr", "pii", "hds"}
PERSONAL_NAME = re.compile(r"(?i)(patient|medical|health|lab|hds|customer|pii|personal)")


def holds_personal_data(check: dict) -> bool:
    """Approximation of the wrapper's classifier: a personal-data tag key, or a personal-data word in
    the resource address or in a name-like argument of the resource."""
    tags = check.get("entity_tags") or {}
    if any(str(key).lower() in PERSONAL_TAG_KEYS for key in tags):
        return True
    if PERSONAL_NAME.search(check.get("resource", "")):
        return True
    for _, line in check.get("code_block") or []:
        match = re.match(r'\s*(name|bucket|bucket_prefix|identifier|cluster_identifier|domain_name|'
                         r'db_instance_identifier|db_snapshot_identifier|db_cluster_identifier|'
                         r'db_cluster_snapshot_identifier)\s*=\s*"([^"]*)"', line)
        if match and PERSONAL_NAME.search(match.group(2)):
            return True
    return False


def account_block_covers_buckets(module_dir: Path) -> bool:
    """GG-PUB-003 exemption: the module declares an account-level S3 public access block."""
    return any('resource "aws_s3_account_public_access_block"' in f.read_text()
               for f in module_dir.glob("*.tf"))
# ------------------------------------------------------------------------------------------------


def load_catalog() -> tuple[dict[str, str], set[str]]:
    catalog = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    engine_to_id: dict[str, str] = {}
    only: set[str] = set()
    for rule in catalog["rules"]:
        if rule["engine"] != "checkov":
            continue
        engine_to_id[rule["engine_rule"]] = rule["id"]
        if rule["personal_data"] == "only":
            only.add(rule["id"])
    return engine_to_id, only


def read_labels(path: Path) -> set[tuple[str, str]]:
    labels: set[tuple[str, str]] = set()
    saw_none = False
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LABEL.match(line)
        if not match:
            if line.strip() and not line.startswith("#"):
                break
            continue
        rest = match.group("rest")
        if rest == "none":
            saw_none = True
            continue
        rule, resource = rest.split()
        labels.add((rule, resource))
    if saw_none and labels:
        raise SystemExit(f"{path.name}: '# expect: none' mixed with findings")
    if not saw_none and not labels:
        raise SystemExit(f"{path.name}: no '# expect:' label")
    return labels


def run_checkov(checkov: str, workdir: Path, ids: list[str]) -> list[dict]:
    command = [checkov, "-d", str(workdir), "--external-checks-dir", str(POLICIES), "-c", ",".join(ids),
               "--skip-download", "-o", "json", "--framework", "terraform", "--quiet"]
    env = dict(os.environ, BC_SKIP_MAPPING="TRUE", CHECKOV_RUN_SCA_PACKAGE_SCAN_V2="false")
    proc = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"checkov failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout) if proc.stdout.strip() else {}
    reports = data if isinstance(data, list) else [data]
    failed: list[dict] = []
    for report in reports:
        summary = report.get("summary", {})
        if summary.get("parsing_errors"):
            raise SystemExit(f"checkov parsing errors: {report.get('results', {}).get('parsing_errors')}")
        failed.extend(report.get("results", {}).get("failed_checks", []))
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_checkov = shutil.which("checkov") or str(Path(sys.executable).with_name("checkov"))
    parser.add_argument("--checkov", default=default_checkov)
    parser.add_argument("--threshold", type=float, default=0.95)
    parser.add_argument("--verbose", action="store_true", help="list every snippet's findings")
    args = parser.parse_args()

    engine_to_id, only = load_catalog()
    snippets = sorted(EVAL_DIR.glob("*.tf"))
    expected: set[tuple[str, str, str]] = set()
    for path in snippets:
        family = path.name.split("_", 1)[0]
        if family not in FAMILIES:
            raise SystemExit(f"{path.name}: file name must start with one of {FAMILIES}")
        expected |= {(rule, path.name, resource) for rule, resource in read_labels(path)}

    with tempfile.TemporaryDirectory(prefix="gg-eval-") as tmp:
        work = Path(tmp)
        for path in snippets:
            module = work / path.stem
            module.mkdir()
            shutil.copy(path, module / "main.tf")
        failed = run_checkov(args.checkov, work, sorted(engine_to_id))
        reported: set[tuple[str, str, str]] = set()
        for check in failed:
            rule = engine_to_id.get(check["check_id"])
            if rule is None:
                continue
            module_name = Path(check["file_path"]).parent.name
            if rule in only and not holds_personal_data(check):
                continue
            if rule == "GG-PUB-003" and account_block_covers_buckets(work / module_name):
                continue
            reported.add((rule, module_name + ".tf", check["resource"]))

    per_family: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    snippet_family = {p.name: p.name.split("_", 1)[0] for p in snippets}
    for triple in expected | reported:
        family = snippet_family[triple[1]]
        key = "tp" if triple in expected and triple in reported else "fn" if triple in expected else "fp"
        per_family[family][key] += 1

    print(f"{len(snippets)} snippets, {len(expected)} expected findings, {len(reported)} reported\n")
    print(f"{'family':<7}{'snippets':>9}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
    worst = 1.0
    for family in FAMILIES:
        counts = per_family[family]
        n = sum(1 for f in snippet_family.values() if f == family)
        tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        worst = min(worst, precision, recall)
        print(f"{family:<7}{n:>9}{tp:>5}{fp:>5}{fn:>5}{precision:>11.3f}{recall:>8.3f}")
    mismatches = sorted((reported - expected) | (expected - reported), key=lambda t: (t[1], t[0]))
    if mismatches:
        print("\nmismatches:")
        for rule, file, resource in mismatches:
            kind = "unexpected" if (rule, file, resource) in reported else "missed"
            print(f"  {kind:<10} {file}: {rule} {resource}")
    if args.verbose:
        print("\nreported:")
        for rule, file, resource in sorted(reported, key=lambda t: (t[1], t[0])):
            print(f"  {file}: {rule} {resource}")
    if worst < args.threshold:
        print(f"\nFAIL: a family is below {args.threshold}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
