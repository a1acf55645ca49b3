"""The evaluation tool: gdpr-guard's findings on labelled sets, and a baseline revision against the candidate.

    python benchmarks/compare.py [--sets terraform,holdout] [--baseline REV] [--verbose]

The in-repository evaluation sets are the folders of tests/eval/ that hold a `labels.csv`: judgements
in the one label format of benchmarks/realworld/matching.py (`rule,repo,path,line,verdict,reason,
resource`, `repo` = the set's folder). ONE `gdpr-guard scan` of the candidate (this checkout, run with
this interpreter) covers every set. Every finding must be judged: a `TP` label must be reported, an `FN`
label (a known miss) must not, an `FP` label is a known false positive that is still reported; any
other finding is unjudged. Precision and recall are printed per rule family.

With `--baseline REV` the sets are also scanned by revision REV (its `src/` and `policies/` exported
with `git archive`), and the two runs are compared per rule, as ruff's ecosystem check does: each
side's TP/FP/FN and the findings new in the candidate or gone from it.
benchmarks/realworld/evaluate.py reads its reports and diffs its runs per rule with this module too.

The sets are collections of independent cases, so the scan leaves out the analyses that relate files
(same secret in several files, migration plans): see `CROSS_FILE`.

Exit status: 0 when the candidate's findings are exactly what the labels say, 1 otherwise, 3 when a
scan fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS_DIR = ROOT / "tests" / "eval"
LABELS = "labels.csv"
CROSS_FILE = ("GG-CRED-201", "GG-MIG-201", "GG-MIG-202", "GG-MIG-203", "GG-MIG-204")
"""Rules of the analyses that relate files: the cases of a set reuse values on purpose."""

sys.path.insert(0, str(ROOT / "benchmarks" / "realworld"))

import matching  # noqa: E402


class ScanFailed(RuntimeError):
    """A scan that did not produce a complete report."""


def sets(names: Iterable[str] | None = None, base: Path = SETS_DIR) -> list[Path]:
    """The labelled sets (folders with a labels.csv), all or those named."""
    found = sorted(p.parent for p in base.glob(f"*/{LABELS}"))
    if names is None:
        return found
    wanted = set(names)
    unknown = wanted - {p.name for p in found}
    if unknown:
        raise SystemExit(f"unknown evaluation sets: {', '.join(sorted(unknown))}")
    return [p for p in found if p.name in wanted]


def labels(set_dirs: Sequence[Path]) -> list[matching.Judgement]:
    """The judgements of every set (each row's `repo` must be its set's name), but those of `CROSS_FILE`."""
    out: list[matching.Judgement] = []
    for set_dir in set_dirs:
        for judgement in matching.parse_judgements((set_dir / LABELS).read_text(encoding="utf-8"),
                                                   source=f"{set_dir.name}/{LABELS}"):
            if judgement.repo != set_dir.name:
                raise matching.JudgementError(f"{set_dir.name}/{LABELS}: repo {judgement.repo!r} is not the set")
            if judgement.rule not in CROSS_FILE:  # kept in the file as what a reader expects; not scanned here
                out.append(judgement)
    return out


def findings_of(document: dict[str, Any], repo: str | None = None) -> tuple[list[matching.Finding], int]:
    """Active findings of a gdpr-guard JSON report, and how many were suppressed.

    `repo` names the repository of every finding; None takes it from the first part of each path (one
    scan over several sets, rooted at their parent).
    """
    found: list[matching.Finding] = []
    suppressed = 0
    for raw in document.get("findings", []):
        if raw.get("suppression"):
            suppressed += 1
            continue
        loc = raw["location"]
        owner, path = (repo, loc["path"]) if repo is not None else loc["path"].split("/", 1)
        found.append(matching.Finding(
            repo=owner, path=path, line=int(loc.get("start_line") or 0), rule=raw["rule_id"],
            end_line=int(loc.get("end_line") or loc.get("start_line") or 0),
            resource=raw.get("resource") or "", message=raw.get("message", ""),
            severity=raw.get("severity", ""), fingerprint=raw.get("fingerprint", "")))
    return sorted(found), suppressed


def scan(set_dirs: Sequence[Path], src: Path, python: str = sys.executable) -> list[matching.Finding]:
    """Findings of the gdpr-guard in `src` (a checkout's src/, beside its policies/) on the sets."""
    base = set_dirs[0].parent
    # Each set, and its terraform/ and scripts/ parts, is a project of its own: roles come from the
    # paths below it, not from this repository's tests/ folder (which would make every case test code).
    projects = sorted({d.name for d in set_dirs} | {f"{d.name}/{part}" for d in set_dirs
                                                     for part in ("terraform", "scripts") if (d / part).is_dir()})
    with tempfile.TemporaryDirectory(prefix="gg-compare-") as scratch:
        config, out = Path(scratch) / "config.yaml", Path(scratch) / "report.json"
        config.write_text(json.dumps({"disable": list(CROSS_FILE), "roles": {"projects": projects}}) + "\n",
                          encoding="utf-8")
        command = [python, "-m", "gdpr_guard", "scan", *(d.name for d in set_dirs), "--root", ".",
                   "--format", "json", "--output", str(out), "--exit-zero", "--no-cache", "--config", str(config)]
        env = {**os.environ, "PYTHONPATH": str(src), "SEMGREP_ENABLE_VERSION_CHECK": "0"}
        done = subprocess.run(command, cwd=base, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0 or not out.is_file():
            raise ScanFailed(f"exit code {done.returncode}: {done.stderr[-2000:]}")
        document = json.loads(out.read_text(encoding="utf-8"))
    if document.get("errors"):
        raise ScanFailed("; ".join(str(e.get("message", e)) for e in document["errors"])[:2000])
    return findings_of(document)[0]


def export(revision: str, into: Path) -> Path:
    """`src/` and `policies/` of a git revision of this checkout, extracted into `into`; returns its src/."""
    archive = subprocess.run(["git", "archive", "--format=tar", revision, "src", "policies"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    with tempfile.TemporaryFile() as handle:
        handle.write(archive)
        handle.seek(0)
        with tarfile.open(fileobj=handle) as tar:
            tar.extractall(into, filter="data")
    return into / "src"


def verdicts(evaluation: matching.Evaluation, by: str = "rule") -> dict[str, matching.Tally]:
    """Verdicts per rule (or per family with `by="family"`), sorted, misses (labels not reported) included."""
    return matching.tallies(evaluation.matches, by, evaluation.disappeared)


def problems(evaluation: matching.Evaluation) -> list[str]:
    """Where the findings and the labels disagree (empty when every label holds)."""
    out = [f"unjudged: {_where(m.finding)}" for m in evaluation.matches if m.judgement is None]
    out += [f"labelled FN but reported (relabel TP): {_where(m.finding)}" for m in evaluation.matches
            if m.judgement is not None and m.judgement.verdict == "FN"]
    out += [f"labelled {j.verdict} but not reported: {j.rule} {j.repo}/{j.path}:{j.line} {j.resource}".rstrip()
            for j in evaluation.disappeared if j.verdict in ("TP", "FP")]
    out += [f"judged twice: {j.rule} {j.repo}/{j.path}:{j.line}" for j in evaluation.duplicates]
    return out


@dataclass(frozen=True)
class RuleChange:
    """One rule in the baseline and in the candidate."""

    rule: str
    before: matching.Tally
    after: matching.Tally
    new: int
    gone: int


def rule_changes(before: matching.Evaluation, after: matching.Evaluation) -> list[RuleChange]:
    """Per rule, the verdicts of both runs and the findings new and gone; only rules that changed."""
    diff = matching.diff_runs([m.finding for m in before.matches], [m.finding for m in after.matches])
    new, gone = Counter(f.rule for f in diff.new), Counter(f.rule for f in diff.gone)
    old, now = verdicts(before), verdicts(after)
    changes = [RuleChange(rule, old.get(rule, matching.Tally()), now.get(rule, matching.Tally()), new[rule], gone[rule])
               for rule in sorted(set(old) | set(now))]
    return [c for c in changes if c.new or c.gone or c.before != c.after]


def render_changes(changes: Sequence[RuleChange]) -> str:
    """Markdown table of the rules whose findings changed between two runs."""
    if not changes:
        return "No rule changed between the two runs.\n"
    rows = ["| rule | new | gone | TP before → after | FP before → after | FN before → after | unjudged after |",
            "|---|---|---|---|---|---|---|"]
    rows += [f"| {c.rule} | {c.new} | {c.gone} | {c.before.tp} → {c.after.tp} | {c.before.fp} → {c.after.fp} | "
             f"{c.before.fn} → {c.after.fn} | {c.after.unjudged} |" for c in changes]
    return "\n".join(rows) + "\n"


def render_verdicts(evaluation: matching.Evaluation, by: str = "family") -> str:
    """Plain-text table of verdicts, precision and recall per group, with the total."""
    groups = verdicts(evaluation, by)
    total = matching.total(evaluation.matches, evaluation.disappeared)
    lines = [f"{'':<12}{'TP':>5}{'FP':>5}{'FN':>5}{'debatable':>10}{'unjudged':>9}{'precision':>11}{'recall':>8}"]
    for name, v in [*groups.items(), ("all", total)]:
        lines.append(f"{name:<12}{v.tp:>5}{v.fp:>5}{v.fn:>5}{v.debatable:>10}{v.unjudged:>9}"
                     f"{_ratio(v.precision):>11}{_ratio(v.recall):>8}")
    return "\n".join(lines) + "\n"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _where(f: matching.Finding) -> str:
    return f"{f.rule} {f.repo}/{f.path}:{f.line}" + (f" {f.resource}" if f.resource else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", help="comma-separated set names (default: every folder of tests/eval with labels)")
    parser.add_argument("--baseline", metavar="REV", help="git revision to compare the candidate with, per rule")
    parser.add_argument("--verbose", action="store_true", help="also list every finding with its verdict")
    args = parser.parse_args(argv)
    set_dirs = sets(args.sets.split(",") if args.sets else None)
    judgements = labels(set_dirs)
    try:
        candidate = matching.match(scan(set_dirs, ROOT / "src"), judgements)
        baseline = None
        if args.baseline:
            with tempfile.TemporaryDirectory(prefix="gg-baseline-") as tmp:
                baseline = matching.match(scan(set_dirs, export(args.baseline, Path(tmp))), judgements)
    except ScanFailed as exc:
        print(f"scan failed: {exc}", file=sys.stderr)
        return 3
    print(f"{len(set_dirs)} set(s): {', '.join(d.name for d in set_dirs)}; {len(judgements)} labels; "
          f"{len(candidate.matches)} findings\n")
    print(render_verdicts(candidate))
    if baseline is not None:
        print(f"Per rule, {args.baseline} → candidate:\n")
        print(render_changes(rule_changes(baseline, candidate)))
    if args.verbose:
        for m in candidate.matches:
            print(f"  {m.judgement.verdict if m.judgement else 'unjudged':<9} {_where(m.finding)}")
    found = problems(candidate)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
