"""Rescan the real-world corpus, match findings to hand judgements, report precision and changes.

    python benchmarks/realworld/evaluate.py [--gdpr-guard PATH] [--corpus DIR] [--repos a,b]
        [--judgements FILE ...] [--write results/latest.md] [--reuse] [--out DIR]

One `gdpr-guard scan . --format json --jobs 1 --exit-zero` per repository (run inside the
repository's folder of the corpus that `prepare.py` built; `--jobs 1` because engine parallelism
can change what is reported, see issue 14). Exit code 3 (scan error) is recorded and shown next to
that repository, never read as "no findings"; its vanished judged findings are listed as unknown,
not as lost.

Raw outputs and the run's findings are kept in `--out` (default `<corpus>/.realworld-out/<slug of
the gdpr-guard executable>/`, so runs of different branches do not overwrite each other's
"previous run"); `--reuse` re-reads those outputs instead of scanning again (to re-judge or
re-render without spending CPU). `--compare FILE` diffs against another run's `last-run.json`
(e.g. main's) instead of this executable's previous run; the rules whose findings or verdicts changed
are then listed with benchmarks/compare.py's per-rule table. Matching: see matching.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import compare  # noqa: E402
import matching  # noqa: E402
import report  # noqa: E402
from prepare import STAMP, Entry, default_corpus, load_manifest  # noqa: E402

SCAN_TIMEOUT = 3600


def _slug(executable: Path) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", str(executable).strip("/")) or "gdpr-guard"


def scan_repo(exe: str, entry: Entry, repo_dir: Path, out: Path) -> report.RepoRun:
    """Scan one repository, keep its raw output, and read it back."""
    raw_path = out / "scans" / f"{entry.name}.json"
    meta_path = out / "scans" / f"{entry.name}.meta.json"
    raw_path.parent.mkdir(parents=True, exist_ok=True)
    command = [exe, "scan", ".", "--root", ".", "--format", "json", "--output", str(raw_path),
               "--jobs", "1", "--exit-zero"]
    if raw_path.exists():
        raw_path.unlink()
    started = time.monotonic()
    try:
        done = subprocess.run(command, cwd=repo_dir, capture_output=True, text=True, timeout=SCAN_TIMEOUT,
                              env={**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0"})
        code, stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired:
        code, stderr = -1, f"timed out after {SCAN_TIMEOUT} s"
    seconds = time.monotonic() - started
    meta = {"exit_code": code, "seconds": round(seconds, 1), "stderr_tail": stderr[-2000:],
            "command": command}
    meta_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return load_repo(entry, out)


def load_repo(entry: Entry, out: Path) -> report.RepoRun:
    """Read one repository's saved scan (raw JSON + meta) into a RepoRun."""
    raw_path = out / "scans" / f"{entry.name}.json"
    meta_path = out / "scans" / f"{entry.name}.meta.json"
    if not meta_path.exists():
        return report.RepoRun(entry.name, entry.kind, None, 0.0, (), 0, ("no saved scan (run without --reuse)",), {})
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    errors: list[str] = []
    code = meta["exit_code"]
    stderr = meta["stderr_tail"].strip()
    try:
        document = json.loads(raw_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        errors.append(f"exit code {code}, no readable JSON report ({exc})" + (f": {stderr.splitlines()[-1]}"
                                                                              if stderr else ""))
        return report.RepoRun(entry.name, entry.kind, code, meta["seconds"], (), 0, tuple(errors), {})
    for err in document.get("errors", []):
        errors.append(f"{err.get('source', '?')}: {err.get('message', '')}".strip())
    if code not in (0, 1) and not errors:
        errors.append(f"exit code {code}" + (f": {stderr.splitlines()[-1]}" if stderr else ""))
    found, suppressed = compare.findings_of(document, entry.name)
    targets = document.get("summary", {}).get("targets", {})
    return report.RepoRun(entry.name, entry.kind, code, meta["seconds"], tuple(found), suppressed,
                          tuple(errors), dict(sorted(targets.items())))


class SourceLines:
    """Line text of corpus files, read once each (for nearby matching and reader context)."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.cache: dict[tuple[str, str], list[str]] = {}

    def lines(self, repo: str, path: str) -> list[str]:
        key = (repo, path)
        if key not in self.cache:
            try:
                text = (self.corpus / repo / path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self.cache[key] = text.splitlines()
        return self.cache[key]

    def __call__(self, repo: str, path: str, line: int) -> str:
        lines = self.lines(repo, path)
        return lines[line - 1] if 1 <= line <= len(lines) else ""


def load_judgements(paths: list[Path]) -> list[matching.Judgement]:
    found: list[matching.Judgement] = []
    for path in paths:
        found.extend(matching.parse_judgements(path.read_text(encoding="utf-8"), source=path.name))
    return found


def _finding_to_json(f: matching.Finding) -> dict[str, object]:
    return {"repo": f.repo, "path": f.path, "line": f.line, "end_line": f.end_line, "rule": f.rule,
            "resource": f.resource, "message": f.message, "severity": f.severity,
            "fingerprint": f.fingerprint}


def read_run(path: Path) -> list[matching.Finding]:
    """Findings of a saved `last-run.json`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [matching.Finding(**raw) for raw in data["findings"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gdpr-guard", dest="exe", default=None, help="executable (default: on PATH)")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus built by prepare.py (default as "
                        "prepare.py: $GDPR_GUARD_CORPUS, /work/realworld-corpus, benchmarks/realworld/corpus/)")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.yaml")
    parser.add_argument("--repos", help="comma-separated manifest names (default: all)")
    parser.add_argument("--judgements", type=Path, action="append",
                        help="judgement CSV, repeatable (default: every judgements/*.csv beside this script)")
    parser.add_argument("--out", type=Path, help="where raw outputs and last-run.json go")
    parser.add_argument("--reuse", action="store_true", help="re-read the saved outputs, do not scan")
    parser.add_argument("--compare", type=Path, help="last-run.json of another run to diff against")
    parser.add_argument("--write", type=Path, help="also write the Markdown summary to this file")
    parser.add_argument("--label", default="", help="title of the Markdown summary")
    parser.add_argument("--context", type=int, default=2, help="source lines shown around unjudged findings")
    args = parser.parse_args(argv)

    exe = args.exe or shutil.which("gdpr-guard")
    if exe and os.sep in exe:
        exe = str(Path(exe).absolute())  # the scan runs inside each repository's folder
    if not exe and not args.reuse:
        raise SystemExit("gdpr-guard not found: pass --gdpr-guard PATH")
    corpus: Path = (args.corpus or default_corpus()).resolve()
    out: Path = args.out or corpus / ".realworld-out" / _slug(Path(exe or "gdpr-guard").absolute())
    out.mkdir(parents=True, exist_ok=True)
    entries = load_manifest(args.manifest)
    if args.repos:
        wanted = set(args.repos.split(","))
        unknown = wanted - {e.name for e in entries}
        if unknown:
            raise SystemExit(f"unknown repositories: {', '.join(sorted(unknown))}")
        entries = [e for e in entries if e.name in wanted]
    judgement_files = args.judgements or sorted((HERE / "judgements").glob("*.csv"))

    runs: list[report.RepoRun] = []
    for entry in entries:
        repo_dir = corpus / entry.name
        if not (repo_dir / STAMP).is_file():
            runs.append(report.RepoRun(entry.name, entry.kind, None, 0.0, (), 0,
                                       ("not in the corpus: run prepare.py first",), {}))
            continue
        if args.reuse:
            runs.append(load_repo(entry, out))
        else:
            print(f"scanning {entry.name} ...", file=sys.stderr, flush=True)
            runs.append(scan_repo(exe or "gdpr-guard", entry, repo_dir, out))

    names = {e.name for e in entries}
    judgements = [j for j in load_judgements(judgement_files) if j.repo in names]
    source = SourceLines(corpus)
    findings = [f for run in runs for f in run.findings]
    evaluation = matching.match(findings, judgements, line_text=source)

    previous_path = args.compare or out / "last-run.json"
    previous = None
    if previous_path.exists():
        previous = [f for f in read_run(previous_path) if f.repo in names]
    diff = matching.diff_runs(previous, findings) if previous is not None else None

    version = ""
    if exe:
        try:
            version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            version = ""
    context = report.Context(label=args.label or "Real-world evaluation", executable=str(exe or ""),
                             version=version, judgement_files=tuple(p.name for p in judgement_files),
                             compared_to=str(previous_path) if previous is not None else "")
    print(report.render(context, runs, evaluation, diff, source, args.context))
    if previous is not None:  # per rule, as the in-repository sets are compared (benchmarks/compare.py)
        before = matching.match(previous, judgements, line_text=source)
        print(f"\nPer rule, {previous_path} → this run:\n")
        print(compare.render_changes(compare.rule_changes(before, evaluation)))
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(report.render(context, runs, evaluation, diff, None, 0), encoding="utf-8")
    # Repositories left out by --repos keep their findings of the previous run.
    last = out / "last-run.json"
    kept = [f for f in read_run(last) if f.repo not in names] if last.exists() else []
    (out / "last-run.json").write_text(json.dumps(
        {"executable": str(exe), "version": version,
         "findings": [_finding_to_json(f) for f in sorted(kept + findings)]}, indent=1) + "\n", encoding="utf-8")
    (out / "unjudged.csv").write_text(matching.format_judgements(
        matching.Judgement(m.finding.rule, m.finding.repo, m.finding.path, m.finding.line, "",
                           "TODO " + m.finding.message[:120], m.finding.resource)
        for m in evaluation.matches if m.judgement is None),
        encoding="utf-8")
    print(f"\nraw outputs and last-run.json in {out}; unjudged template: {out / 'unjudged.csv'}",
          file=sys.stderr)
    return 3 if any(run.errors for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
