#!/usr/bin/env python3
"""Benchmark on real module repositories of the real-world manifest (issue 16): the pre-commit case with three
staged-file cases per repository, and the full scan against `checkov -d .`.

Run from the repository root with the virtualenv's interpreter, the corpus prepared by
`benchmarks/realworld/prepare.py` (default `$GDPR_GUARD_CORPUS`, else /work/realworld-corpus):

    python benchmarks/realrepos.py --repeat 5 --out benchmarks/results/realrepos.md
    python benchmarks/realrepos.py --skip-precommit --full --out benchmarks/results/realrepos-full.md

Pre-commit: `gdpr-guard scan --no-cache <file>` against checkov's hook (`checkov --skip-download -f <file>`: all
frameworks, all built-in checks) and semgrep's hook (`semgrep ... --config policies/semgrep --error <file>`), the
three interleaved, each the median of `--repeat` runs. Targets: the root module's file <= 2 x `checkov -f`; a
nested module's file <= 0.6 x both hooks (one after the other); a script <= 0.6 x semgrep's hook (checkov's hook
is given only Terraform). Full scan: `gdpr-guard scan . --no-cache` against `checkov -d .` (all built-in checks),
interleaved; target <= 0.5, peak memory <= 1.5 x. Measurement helpers are run.py's (wall, CPU, PSS peak).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402

CASES: dict[str, list[tuple[str, str]]] = {
    # repository -> (case, staged file); module repositories with examples/, modules/ and tests/
    "aws-ia-vpc": [("root module", "main.tf"), ("nested module", "modules/flow_logs/main.tf"),
                   ("script", "moved_block_rendering/main.py")],
    "avm-storageaccount": [("root module", "main.tf"), ("nested module", "modules/blob_service/main.tf"),
                           ("script", "avm")],
    "tgm-sql-db": [("root module", "modules/postgresql/main.tf"), ("nested module", "modules/backup/main.tf"),
                   ("script", "helpers/migrate4.py")],
    "cloudposse-rds": [("root module", "main.tf"), ("nested module", "examples/complete/main.tf")],
}
"""tgm-sql-db has no root module: each modules/<engine> is one (its examples/ call them); cloudposse-rds has no
nested module or script: its example stack stands in for the nested case."""

FULL = ["tgm-sql-db", "avm-storageaccount", "aws-ia-vpc", "cloudposse-rds"]


def corpus_dir(given: Path | None) -> Path:
    if given:
        return given
    return Path(os.environ.get("GDPR_GUARD_CORPUS") or "/work/realworld-corpus")


def median_sum(*series: run.Series, attr: str = "wall") -> float:
    """Median over repetitions of the summed wall (or CPU) time (hooks run one after the other)."""
    series = tuple(s for s in series if s.samples)
    sums = [sum(getattr(s.samples[i], attr) for s in series) for i in range(min(len(s.samples) for s in series))]
    return statistics.median(sums) if sums else float("nan")


def precommit(corpus: Path, repeat: int, gg_scan: list[str]) -> list[str]:
    checkov, semgrep = run.tool("checkov"), run.tool("semgrep")
    rows = []
    for name, cases in CASES.items():
        root = corpus / name
        for case, rel in cases:
            print(f"{name}: {case} ({rel})", flush=True)
            ours, ck, sg = run.Series("gdpr-guard"), run.Series("checkov -f"), run.Series("semgrep hook")
            sg_cmd = [semgrep, "--disable-version-check", "--quiet", "--skip-unknown-extensions", "--config",
                      str(REPO / "policies" / "semgrep"), "--error", "--metrics=off", rel]
            pairs = [(ours, [[*gg_scan, rel]], root), (sg, [sg_cmd], root)]
            terraform = rel.endswith(".tf")
            if terraform:
                pairs.insert(1, (ck, [[checkov, "--skip-download", "-f", rel]], root))
            run.interleave(pairs, repeat)
            gg = ours.median("wall")
            hooks, hooks_cpu = median_sum(ck, sg), median_sum(ck, sg, attr="cpu")
            if case == "root module":
                target, ratio = "<= 2 x checkov -f", gg / ck.median("wall")
                cpu_ratio = ours.median("cpu") / ck.median("cpu")
            else:
                target, ratio, cpu_ratio = "<= 0.6 x hooks", gg / hooks, ours.median("cpu") / hooks_cpu
            ck_wall = f"{ck.median('wall'):.2f} s" if terraform else "(not run)"
            rows.append(f"| {name} | {case}: `{rel}` | {gg:.2f} s | {ck_wall} | {sg.median('wall'):.2f} s | "
                        f"{hooks:.2f} s | **{ratio:.2f}** ({target}) | {ours.median('cpu'):.2f} s | "
                        f"{cpu_ratio:.2f} | {ours.median('peak_mib'):.0f} MiB |")
    return ["## Pre-commit case on real module repositories", "",
            f"Medians of {repeat} interleaved runs. Ratio: root module file against `checkov -f` alone; nested module "
            "file against both hooks one after the other; script against semgrep's hook alone. CPU ratio: the same "
            "comparison on CPU time of the process trees (less sensitive to the machine's other work).", "",
            "| repository | staged file | gdpr-guard | checkov -f | semgrep hook | hooks | **ratio** (target) | "
            "gdpr-guard CPU | CPU ratio | gdpr-guard peak |", "|---|---|---|---|---|---|---|---|---|---|", *rows, ""]


def full(corpus: Path, repeat: int, gg_scan: list[str], work: Path, names: list[str]) -> list[str]:
    checkov = run.tool("checkov")
    rows = []
    for name in names:
        root = corpus / name
        print(f"{name}: full scan", flush=True)
        ours, ck = run.Series("gdpr-guard scan ."), run.Series("checkov -d .")
        run.interleave([(ours, [[*gg_scan, ".", "-f", "sarif", "-o", str(work / f"{name}.sarif")]], root),
                        (ck, [[checkov, "-d", ".", "--skip-download", "-o", "json"]], root)], repeat)
        rows.append(f"| {name} | {ours.median('wall'):.1f} s | {ck.median('wall'):.1f} s | "
                    f"**{ours.median('wall') / ck.median('wall'):.2f}** | {ours.median('cpu'):.1f} s | "
                    f"{ck.median('cpu'):.1f} s | {ours.median('peak_mib'):.0f} / {ck.median('peak_mib'):.0f} MiB | "
                    f"**{ours.median('peak_mib') / ck.median('peak_mib'):.2f}** | {ours.median('own_cpu'):.1f} s |")
    return ["## Full scan of real module repositories", "",
            f"`gdpr-guard scan . --no-cache -f sarif` against `checkov -d .` (all built-in checks, all frameworks); "
            f"medians of {repeat} interleaved runs. Targets: ratio <= 0.5, memory <= 1.5 x.", "",
            "| repository | gdpr-guard | checkov -d | **ratio** | gdpr-guard CPU | checkov CPU | peak (ours / checkov) "
            "| **mem ratio** | wrapper CPU |", "|---|---|---|---|---|---|---|---|---|", *rows, ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--full", action="store_true", help="also the full scans (long: minutes per repository)")
    parser.add_argument("--full-repeat", type=int, default=1)
    parser.add_argument("--full-repos", default=",".join(FULL), help="comma-separated manifest names")
    parser.add_argument("--skip-precommit", action="store_true")
    parser.add_argument("--work", type=Path, default=Path("/tmp/gdpr-guard-bench"))
    parser.add_argument("--out", type=Path, default=HERE / "results" / "realrepos.md")
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    gg = run.tool("gdpr-guard")
    gg_scan = [gg, "scan", "--no-cache"] if run._has_flag(gg, "--no-cache") else [gg, "scan"]
    args.work.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()
    lines: list[str] = []
    if not args.skip_precommit:
        lines += precommit(corpus, args.repeat, gg_scan)
    if args.full:
        lines += full(corpus, args.full_repeat, gg_scan, args.work, args.full_repos.split(","))
    load_end = os.getloadavg()
    head = ["# gdpr-guard on real module repositories", "",
            f"Machine: {os.cpu_count()} cores; {run._versions()}. Load average at start {load_start[0]:.2f}, at end "
            f"{load_end[0]:.2f} (the machine was shared: wall times are inflated, ratios come from interleaved runs).",
            f"Command: `python benchmarks/realrepos.py {' '.join(sys.argv[1:])}`; corpus {corpus.name}/ at the "
            "manifest's pinned commits.", ""]
    text = "\n".join(head + lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
