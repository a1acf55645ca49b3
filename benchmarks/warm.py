#!/usr/bin/env python3
"""Warm mode benchmark: a one-file commit (a `.tf` file, then a `.py` file), median of 5 wall times.

For each staged file, interleaved: `gdpr-guard scan FILE` cold (GDPR_GUARD_WARM=0), the same through the
repository's warm worker (GDPR_GUARD_WARM=require: a run that could not go warm fails instead of being
timed cold), and the engine's own pre-commit hook on that file (checkov's `checkov_diff`: `checkov
--skip-download -f FILE`, all frameworks and built-in checks; semgrep's: `semgrep --disable-version-check
--quiet --skip-unknown-extensions --config policies/semgrep --error --metrics=off FILE`). The worker is
started (and warmed by one scan) before timing, in a private runtime directory, and stopped at the end.
Each warm run's stdout is checked byte for byte against the cold run's.

    python benchmarks/warm.py                                    # examples/lab-migration, 5 runs each
    python benchmarks/warm.py --root /path/to/repo --file main.tf --file app/job.py --out results/warm.md

Run it from the repository root with the virtualenv's interpreter (gdpr-guard, checkov and semgrep in its
bin directory). Other work on the machine inflates wall times: the load average is recorded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ROOT = REPO / "examples" / "lab-migration"
DEFAULT_FILES = ["infra/main.tf", "migration/extract_results.py"]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found next to {sys.executable} or on PATH")
    return found


def timed(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    started = time.perf_counter()
    run = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=900)
    return time.perf_counter() - started, run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="repository to copy and scan")
    parser.add_argument("--file", action="append", help="staged file, relative to --root (repeatable)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, help="write the Markdown table here (default: stdout)")
    args = parser.parse_args()
    files = args.file or DEFAULT_FILES
    gg, checkov, semgrep = tool("gdpr-guard"), tool("checkov"), tool("semgrep")
    with tempfile.TemporaryDirectory(prefix="gg-warm-bench-") as scratch:
        work = Path(scratch)
        root = work / "repo"
        shutil.copytree(args.root, root, ignore=shutil.ignore_patterns(".git"))
        (root / ".git").mkdir()
        runtime = work / "run"
        runtime.mkdir(mode=0o700)
        base = {k: v for k, v in os.environ.items() if not k.startswith("GDPR_GUARD_WARM")}
        base.update(XDG_RUNTIME_DIR=str(runtime), SEMGREP_ENABLE_VERSION_CHECK="0", GDPR_GUARD_WARM_IDLE="600")
        cold_env, warm_env = {**base, "GDPR_GUARD_WARM": "0"}, {**base, "GDPR_GUARD_WARM": "require"}
        load_start = os.getloadavg()[0]
        rows = []
        try:
            for rel in files:
                hook = ([checkov, "--skip-download", "-f", rel] if rel.endswith((".tf", ".tf.json")) else
                        [semgrep, "--disable-version-check", "--quiet", "--skip-unknown-extensions", "--config",
                         str(REPO / "policies" / "semgrep"), "--error", "--metrics=off", rel])
                _, reference = timed([gg, "scan", rel], root, cold_env)
                _, first = timed([gg, "scan", rel], root, warm_env)  # starts (or reuses) the worker, warms it
                if first.returncode == 3 or first.stdout != reference.stdout:
                    sys.exit(f"{rel}: the warm run differs from the cold run or failed:\n{first.stderr.decode()}")
                series: dict[str, list[float]] = {"cold": [], "warm": [], "hook": []}
                for _ in range(args.repeat):
                    commands = (("cold", [gg, "scan", rel], cold_env), ("warm", [gg, "scan", rel], warm_env),
                                ("hook", hook, base))
                    for name, argv, env in commands:
                        seconds, run = timed(argv, root, env)
                        if name == "warm" and (run.returncode, run.stdout) != (reference.returncode, reference.stdout):
                            sys.exit(f"{rel}: a warm run differs from the cold run:\n{run.stderr.decode()}")
                        series[name].append(seconds)
                rows.append((rel, {k: statistics.median(v) for k, v in series.items()}, " ".join(hook[:2])))
                print(f"{rel}: " + ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in series.items()),
                      file=sys.stderr, flush=True)
        finally:
            for lock in (runtime / "gdpr-guard").glob("*.lock"):
                try:
                    os.kill(int(lock.read_text().strip()), signal.SIGTERM)
                except (OSError, ValueError):
                    pass
        load_end = os.getloadavg()[0]
    lines = [f"One-file commit, median of {args.repeat} wall times ({os.cpu_count()} cores; load average "
             f"{load_start:.2f} at start, {load_end:.2f} at end). Warm output checked identical to cold.", "",
             "| staged file | gdpr-guard cold | gdpr-guard warm | engine's own hook | warm / cold | warm / hook |",
             "|---|---|---|---|---|---|"]
    for rel, medians, hook_name in rows:
        lines.append(f"| `{rel}` | {medians['cold']:.2f} s | **{medians['warm']:.2f} s** | {medians['hook']:.2f} s "
                     f"(`{Path(hook_name.split()[0]).name}`) | {medians['warm'] / medians['cold']:.2f} | "
                     f"{medians['warm'] / medians['hook']:.2f} |")
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
