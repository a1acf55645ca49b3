#!/usr/bin/env python3
"""Benchmark runner: gdpr-guard against bare checkov and semgrep, pair by pair, on one machine.

Needs only the project's own dependencies (Linux /proc for memory sampling). Run from the repository
root with the interpreter of the virtualenv that has gdpr-guard, checkov and semgrep:

    python benchmarks/run.py                      # default: corpus of 100, 200, 400 .tf files (~15 min)
    python benchmarks/run.py --quick              # 20, 40, 80 .tf files, one repetition (~3 min)
    python benchmarks/run.py --sizes 500,1000,2000 --out benchmarks/results/full-2000.md   # ~1 h

Scripts are a quarter of the .tf count (2,000 .tf files come with 500 scripts). What it measures:

* pre-commit case (1, 2, 3 staged files): `gdpr-guard scan <files>` against checkov's `checkov_diff`
  hook (`checkov -f <staged .tf>`: all frameworks, all built-in checks) followed by the semgrep hook
  as semgrep's own pre-commit hook runs it on every staged file (`semgrep --disable-version-check --quiet
  --skip-unknown-extensions --config policies/semgrep --error <staged files>`), one after the other;
* full scan at each size: `gdpr-guard scan .` against `checkov -d .` (all built-in checks, all
  frameworks) and against the bare engines running only our policies (one `checkov -d . --framework
  terraform --external-checks-dir policies/checkov -c <ours>` process, then `semgrep --config
  policies/semgrep .`).

For every run: wall time, CPU time (user+system of the whole process tree), peak memory (the sum of the
proportional set sizes, PSS, of the process tree, sampled every 50 ms), and for gdpr-guard the wrapper's share: the
part of the wall time during which no engine process was running (sampled every 10 ms; the checkov process started
ahead counts from its start: it is importing checkov), and its own CPU time (the gdpr-guard process alone, including
work that overlaps the engines). Runs of a pair are interleaved and the median is kept. The content-hash cache is
off in every gdpr-guard run (cold scans) unless --cache is given, which adds a warm re-scan row.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import corpus as corpus_module  # noqa: E402

ENV = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off",
           CKV_SKIP_PACKAGE_UPDATE_CHECK="true", BC_SKIP_MAPPING="TRUE", LOG_LEVEL="ERROR")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        sys.exit(f"benchmark: {name} not found next to {sys.executable} or on PATH")
    return found


@dataclass
class Sample:
    wall: float
    cpu: float
    peak_mib: float
    engine_wall: float
    returncode: int
    own_cpu: float = 0.0
    """CPU time of the measured process itself, without its children (gdpr-guard: the wrapper's own work)."""

    @property
    def wrapper_share(self) -> float:
        return max(self.wall - self.engine_wall, 0.0) / self.wall if self.wall else 0.0


@dataclass
class Series:
    label: str
    samples: list[Sample] = field(default_factory=list)

    def median(self, attr: str) -> float:
        values = [getattr(s, attr) for s in self.samples]
        return statistics.median(values) if values else float("nan")


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc/<pid>/task/<tid>/children (cheap enough to poll often)."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                with open(f"/proc/{pid}/task/{tid}/children", "rb") as handle:
                    todo += [int(child) for child in handle.read().split()]
            except OSError:
                continue
    return found


def _rss_kib(pid: int) -> int:
    # Proportional set size: pages shared by forked workers (checkov forks per framework) count once
    # in total, not once per process as the plain resident set would.
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def measure(argv: list[str], cwd: Path, stdout_path: Path | None = None) -> Sample:
    """Run argv once; wall, CPU of the whole tree, peak tree RSS, time with a child process alive."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL  # noqa: SIM115 - closed below
    started = time.monotonic()
    process = subprocess.Popen(argv, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.DEVNULL)
    peak = 0
    engine_wall = 0.0
    own_cpu = 0.0
    done = threading.Event()

    def sample() -> None:
        # Every 10 ms: is a child (an engine) running? Every 50 ms: memory of the tree. The interval
        # before a sample counts as engine time when the sample sees a child, so start and end errors
        # (at most one interval each) roughly cancel.
        nonlocal peak, engine_wall, own_cpu
        last = time.monotonic()
        tick = 0
        while not done.is_set():
            pids = _tree(process.pid)
            own_cpu = max(own_cpu, _own_cpu(process.pid))
            if tick % 5 == 0:
                peak = max(peak, sum(_rss_kib(p) for p in pids))
            tick += 1
            now = time.monotonic()
            if len(pids) > 1:
                engine_wall += now - last
            last = now
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    returncode = process.wait()
    wall = time.monotonic() - started
    done.set()
    sampler.join()
    if stdout_path:
        out.close()  # type: ignore[union-attr]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall=wall, cpu=cpu, peak_mib=peak / 1024, engine_wall=min(engine_wall, wall),
                  returncode=returncode, own_cpu=own_cpu)


def _own_cpu(pid: int) -> float:
    """utime + stime of `pid` alone, in seconds (last value seen before it exits: up to 10 ms short)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def interleave(pairs: list[tuple[Series, list[list[str]], Path]], repeat: int) -> None:
    """Run each command list `repeat` times, alternating the series; a list runs its commands in sequence."""
    for _ in range(repeat):
        for series, commands, cwd in pairs:
            total: Sample | None = None
            for argv in commands:
                s = measure(argv, cwd)
                if total is None:
                    total = s
                else:  # sequential commands (a hook after another): times add, memory is the max
                    total = Sample(total.wall + s.wall, total.cpu + s.cpu, max(total.peak_mib, s.peak_mib),
                                   total.engine_wall + s.engine_wall, max(total.returncode, s.returncode),
                                   total.own_cpu + s.own_cpu)
            assert total is not None
            series.samples.append(total)
            print(f"  {series.label:<48} wall {total.wall:7.2f} s  cpu {total.cpu:7.2f} s  "
                  f"peak {total.peak_mib:7.1f} MiB  rc {total.returncode}", flush=True)


def our_checkov_ids() -> list[str]:
    sys.path.insert(0, str(REPO / "src"))
    from gdpr_guard import catalog

    return sorted({r.engine_rule for r in catalog.load().rules.values() if r.engine == "checkov"})


def staged_sets(root: Path) -> list[list[str]]:
    tf = sorted(str(p.relative_to(root)) for p in root.glob("stacks/*/*/main.tf"))
    py = sorted(str(p.relative_to(root)) for p in root.glob("migrations/*/*.py"))
    sql = sorted(str(p.relative_to(root)) for p in root.glob("migrations/*/*.sql"))
    sh = sorted(str(p.relative_to(root)) for p in root.glob("migrations/*/*.sh"))
    mid = len(tf) // 2
    sets = [[tf[mid]]]
    if py:
        sets.append([tf[mid], py[len(py) // 2]])
    if py and (sql or sh):
        sets.append([tf[mid], py[len(py) // 2], (sql or sh)[0]])
    return sets


def fmt_ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", help="comma-separated .tf counts; the largest is the full corpus "
                                        "(default 100,200,400)")
    parser.add_argument("--quick", action="store_true", help="sizes 20,40,80 and one repetition")
    parser.add_argument("--repeat", type=int, help="repetitions of each pre-commit pair (default 3; 1 with --quick)")
    parser.add_argument("--full-repeat", type=int, default=1,
                        help="repetitions of each full-scan pair (default 1; they are long)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/gdpr-guard-bench"), help="where corpora go")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.md")
    parser.add_argument("--json", type=Path, help="also write raw samples as JSON")
    parser.add_argument("--skip-precommit", action="store_true")
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--cache", action="store_true", help="also time a warm re-scan with --cache")
    args = parser.parse_args()
    sizes = [20, 40, 80] if args.quick else [100, 200, 400]
    if args.sizes:
        sizes = sorted(int(s) for s in args.sizes.split(","))
    repeat = args.repeat or (1 if args.quick else 3)
    gg, checkov, semgrep = tool("gdpr-guard"), tool("checkov"), tool("semgrep")
    policies = REPO / "policies"
    ours = ",".join(our_checkov_ids())
    load_start = os.getloadavg()
    args.work.mkdir(parents=True, exist_ok=True)
    corpora = {}
    for size in sizes:
        path = args.work / f"corpus-{size}"
        info = corpus_module.generate(path, size, size // 4, args.seed)
        corpora[size] = (path, info)
        print(f"corpus {size}: {info}", flush=True)
    full = sizes[-1]
    full_root = corpora[full][0]
    gg_scan = [gg, "scan", "--no-cache"] if _has_flag(gg, "--no-cache") else [gg, "scan"]
    precommit_rows = []
    if not args.skip_precommit:
        print(f"pre-commit case on corpus-{full}", flush=True)
        for files in staged_sets(full_root):
            tf = [f for f in files if f.endswith(".tf")]
            ours_series = Series(f"gdpr-guard scan ({len(files)} files)")
            hooks = Series(f"checkov_diff + semgrep hooks ({len(files)} files)")
            hook_cmds = [[checkov, "--skip-download", "-f", *tf],
                         [semgrep, "--disable-version-check", "--quiet", "--skip-unknown-extensions",
                          "--config", str(policies / "semgrep"), "--error", "--metrics=off", *files]]
            interleave([(ours_series, [[*gg_scan, *files]], full_root), (hooks, hook_cmds, full_root)], repeat)
            precommit_rows.append((files, ours_series, hooks))
    full_rows = []
    if not args.skip_full:
        for size in sizes:
            root, info = corpora[size]
            print(f"full scan, corpus-{size} ({info['tf_files']} .tf, {info['scripts']} scripts)", flush=True)
            s_gg = Series(f"gdpr-guard scan . ({size})")
            s_all = Series(f"checkov -d . all checks ({size})")
            s_bare = Series(f"bare checkov, our policies ({size})")
            s_sg = Series(f"bare semgrep, our policies ({size})")
            bare = [[checkov, "-d", ".", "--skip-download", "--framework", "terraform", "-o", "json",
                     "--external-checks-dir", str(policies / "checkov"), "-c", ours]]
            bare_sg = [[semgrep, "scan", "--config", str(policies / "semgrep"), "--metrics=off", "--json", "."]]
            interleave([(s_gg, [[*gg_scan, ".", "-f", "sarif", "-o", str(args.work / "out.sarif")]], root),
                        (s_all, [[checkov, "-d", ".", "--skip-download", "-o", "json"]], root),
                        (s_bare, bare, root), (s_sg, bare_sg, root)], args.full_repeat)
            warm = None
            if args.cache and _has_flag(gg, "--cache"):
                warm = Series(f"gdpr-guard scan . --cache, warm ({size})")
                measure([gg, "scan", "--cache", ".", "-f", "sarif", "-o", str(args.work / "out.sarif")], root)
                interleave([(warm, [[gg, "scan", "--cache", ".", "-f", "sarif", "-o",
                                     str(args.work / "out.sarif")]], root)], 1)
                shutil.rmtree(root / ".gdpr-guard-cache", ignore_errors=True)
            full_rows.append((size, info, s_gg, s_all, s_bare, s_sg, warm))
    load_end = os.getloadavg()
    text = report(sizes, precommit_rows, full_rows, load_start, load_end, repeat, args)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    if args.json:
        raw = {"precommit": [{"files": f, "gdpr_guard": [vars(s) for s in a.samples],
                              "hooks": [vars(s) for s in b.samples]} for f, a, b in precommit_rows],
               "full": [{"size": size, "corpus": info, **{k: [vars(s) for s in v.samples] for k, v in
                         (("gdpr_guard", a), ("checkov_all", b), ("bare_ours", c))}}
                        for size, info, a, b, c, _, _ in full_rows]}
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


def _has_flag(gg: str, flag: str) -> bool:
    help_text = subprocess.run([gg, "scan", "--help"], capture_output=True, text=True, env=ENV).stdout
    return flag in help_text


def _versions() -> str:
    def first_line(argv: list[str]) -> str:
        try:
            done = subprocess.run(argv, capture_output=True, text=True, env=ENV, timeout=120)
            return done.stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "?"
    return (f"gdpr-guard {first_line([tool('gdpr-guard'), '--version']).split()[-1]}, "
            f"checkov {first_line([tool('checkov'), '--version'])}, "
            f"semgrep {first_line([tool('semgrep'), '--version'])}")


def report(sizes, precommit_rows, full_rows, load_start, load_end, repeat, args) -> str:  # type: ignore[no-untyped-def]
    lines = ["# gdpr-guard benchmark", "",
             f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
             f"{_versions()}. Load average at start {load_start[0]:.2f}, at end {load_end[0]:.2f} "
             "(other work on the machine inflates wall times; CPU times are less sensitive).",
             f"Command: `python benchmarks/run.py {' '.join(sys.argv[1:])}`; corpus seed {args.seed}; "
             f"medians of {repeat} (pre-commit) and {args.full_repeat} (full scan) interleaved runs.", ""]
    if precommit_rows:
        lines += ["## Pre-commit case", "",
                  "gdpr-guard on the staged files vs checkov's `checkov_diff` hook (`checkov -f <staged .tf>`, all "
                  "frameworks and built-in checks) then semgrep's hook on every staged file (`semgrep "
                  "--disable-version-check --quiet --skip-unknown-extensions --config policies/semgrep --error "
                  "<staged files>`), run one after the other. Target: ratio <= 0.6. Wrapper share: wall time with no "
                  "engine process alive (target <= 5 %); wrapper CPU: the gdpr-guard process's own CPU time.", "",
                  "| staged files | gdpr-guard wall | hooks wall | **ratio** | gdpr-guard CPU | hooks CPU | "
                  "gdpr-guard peak | hooks peak | wrapper share (wall) | wrapper CPU |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for files, a, b in precommit_rows:
            lines.append(f"| {', '.join(Path(f).name for f in files)} | {a.median('wall'):.2f} s | "
                         f"{b.median('wall'):.2f} s | **{fmt_ratio(a.median('wall'), b.median('wall'))}** | "
                         f"{a.median('cpu'):.2f} s | {b.median('cpu'):.2f} s | {a.median('peak_mib'):.0f} MiB | "
                         f"{b.median('peak_mib'):.0f} MiB | {100 * a.median('wrapper_share'):.1f} % | "
                         f"{a.median('own_cpu'):.2f} s |")
        lines.append("")
    if full_rows:
        lines += ["## Full scan", "",
                  "`gdpr-guard scan . -f sarif -o FILE` vs `checkov -d .` (all built-in checks, all frameworks) and "
                  "vs the bare engines with only our policies (one checkov process `--framework terraform "
                  "--external-checks-dir policies/checkov -c <ours>`, then `semgrep --config policies/semgrep .`). "
                  "Targets: ratio to checkov-all <= 0.5 on the largest corpus; wrapper share <= 5 %; peak memory "
                  "<= 1.5 x checkov alone.", "",
                  "| .tf / scripts | gdpr-guard wall | checkov-all wall | **ratio** | bare checkov + semgrep "
                  "(ours) wall | ratio | gdpr-guard CPU | checkov-all CPU | bare CPU | gdpr-guard peak | "
                  "checkov-all / bare checkov peak | **mem ratio** (to each) | wrapper share (wall) | wrapper CPU |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for _size, info, a, b, c, d, _warm in full_rows:
            bare_wall, bare_cpu = c.median("wall") + d.median("wall"), c.median("cpu") + d.median("cpu")
            lines.append(
                f"| {info['tf_files']} / {info['scripts']} | {a.median('wall'):.1f} s | {b.median('wall'):.1f} s | "
                f"**{fmt_ratio(a.median('wall'), b.median('wall'))}** | {c.median('wall'):.1f} + "
                f"{d.median('wall'):.1f} s | {fmt_ratio(a.median('wall'), bare_wall)} | {a.median('cpu'):.1f} s | "
                f"{b.median('cpu'):.1f} s | {bare_cpu:.1f} s | {a.median('peak_mib'):.0f} MiB | "
                f"{b.median('peak_mib'):.0f} / {c.median('peak_mib'):.0f} MiB | "
                f"**{fmt_ratio(a.median('peak_mib'), b.median('peak_mib'))} / "
                f"{fmt_ratio(a.median('peak_mib'), c.median('peak_mib'))}** | "
                f"{100 * a.median('wrapper_share'):.1f} % | {a.median('own_cpu'):.1f} s |")
        warm_rows = [(size, w) for size, *_, w in full_rows if w is not None]
        if warm_rows:
            lines += ["", "Warm re-scan with `--cache` (nothing changed): " + ", ".join(
                f"{size} .tf: {w.median('wall'):.2f} s" for size, w in warm_rows)]
        if len(full_rows) >= 2:
            base_size, _, base, *_ = full_rows[0]
            lines += ["", "### Growth", "",
                      "| .tf files | x corpus | gdpr-guard wall | x time | checkov-all wall | x time |",
                      "|---|---|---|---|---|---|"]
            for size, info, a, b, *_ in full_rows:
                lines.append(f"| {info['tf_files']} | {size / base_size:.2f} | {a.median('wall'):.1f} s | "
                             f"{fmt_ratio(a.median('wall'), base.median('wall'))} | {b.median('wall'):.1f} s | "
                             f"{fmt_ratio(b.median('wall'), full_rows[0][3].median('wall'))} |")
        lines.append("")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
