"""checkov adapter: only the checks the catalog maps (our policies, chosen built-ins), offline; parse
errors fail the scan."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from gdpr_guard import policy_params, prestart, resources, tf_json, tf_regions
from gdpr_guard.analyses import _hcl
from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.config import Config
from gdpr_guard.engines import base, checkov_connections, checkov_narrow, checkov_units, module_findings
from gdpr_guard.engines.common import Engine, EngineOutput, load_json, relative
from gdpr_guard.errors import EngineError
from gdpr_guard.finding import Location, RawFinding, ScanError
from gdpr_guard.targets import Kind, Target

NAME = "checkov"
BROKEN_CHECK = re.compile(r"Cannot load external check '([^']+)'")
CRASHED_CHECK = re.compile(r"Failed to run check (\S+) on (\S+)")
OFFLINE_ENV = prestart.CHECKOV_ENV
HIDDEN_PARSE_ERRORS = "checkov could not parse some Terraform files (it did not say which)"


def command(binary: str, rules: Sequence[Rule], *, directory: Path | None = None,
            files: Sequence[Path] = (), skip: Sequence[str] = (), plan: bool = False,
            checks_dir: Path | None = None, json_files: bool = False) -> list[str]:
    """The checkov command line for one run (`checks_dir`: our policies, default the shipped ones;
    `json_files`: the directories hold `.tf.json` files, which only checkov's terraform_json runner reads)."""
    frameworks = ["terraform_plan"] if plan else ["terraform", "terraform_json"] if json_files else ["terraform"]
    argv = [binary, "-o", "json", "--quiet", "--skip-download",
            "--external-checks-dir", str(checks_dir or resources.policies_dir() / "checkov"),
            "-c", ",".join(r.engine_rule for r in rules),
            "--framework", *frameworks]
    if plan:
        argv += ["--repo-root-for-plan-enrichment", str(directory)] if directory else []
        for file in files:
            argv += ["-f", str(file)]
    else:
        # `--directory=` (one word) on purpose: checkov loads a `.checkov.yaml` from a directory given
        # as `-d DIR`, which would let the scanned repository skip our checks or soften failures.
        argv += [f"--directory={directory}"]
        for pattern in skip:
            argv += ["--skip-path", pattern]
    return argv


def scan(targets: Sequence[Target], rules: Sequence[Rule], catalog: Catalog, root: Path,
         config: Config) -> EngineOutput:
    """Scan Terraform directories and plan files.

    Each directory holding Terraform targets is evaluated with the local modules it calls, not with its
    sub-directories (checkov_units), and, when only some of its files are targets, with the files of it they
    need only (checkov_narrow); the directories go into up to `jobs` groups (one checkov process each,
    run concurrently); plan files are one more process. Results are the same whatever the split
    (tests/test_engine_parallel.py proves it on the fixtures). The runs go through the checkov
    worker the console script started ahead (gdpr_guard/prestart.py) when there is one.
    """
    binary = base.locate(NAME)
    wanted = {t.rel for t in targets}
    tf = [t for t in targets if t.kind is Kind.TERRAFORM]
    plans = [t for t in targets if t.kind is Kind.TERRAFORM_PLAN]
    jobs = config.jobs or max(os.cpu_count() or 1, 1)
    worker = prestart.claim(binary)
    try:
        with contextlib.ExitStack() as stack:
            checks = stack.enter_context(policy_params.materialised_dir(resources.policies_dir() / "checkov", config))
            runs: list[tuple[list[str], bool]] = []  # (argv, is the plan run)
            if tf:
                groups = checkov_units.groups((t.path.parent for t in tf), jobs)
                for group, reads in zip(groups, _plans(groups, tf, rules, checks), strict=True):
                    skipped = [f for unit in group for f in reads[unit].skip]
                    runs.append((terraform_command(binary, rules, group, checks, skipped), False))
            if plans:
                # No --repo-root-for-plan-enrichment: checkov matches `type.name` anywhere under the root
                # with the module path dropped (and keeps the plan as file_abs_path with the .tf lines);
                # terraform_plan.relocate maps each resource address to its .tf block exactly.
                runs.append((command(binary, rules, files=[t.path for t in plans], plan=True, checks_dir=checks),
                             True))
            # A neutral working directory and HOME: checkov also reads .checkov.yaml from both.
            neutral = worker.workdir if worker else Path(stack.enter_context(
                tempfile.TemporaryDirectory(prefix="gdpr-guard-checkov-")))
            runner = _Runner(prestart.checkov_env(neutral), neutral, config.timeout, catalog, root, worker)
            parsed_runs = runner.all([argv for argv, _ in runs], jobs)
    finally:
        if worker is not None:
            worker.close()
    output = EngineOutput()
    for (_, is_plan_run), parsed in zip(runs, parsed_runs, strict=True):
        output.version = parsed.version or output.version
        if is_plan_run:
            output.findings += _relocate([f for f in parsed.findings if f.location.path in wanted], plans, root)
        else:
            output.findings += module_findings.keep(parsed.findings, wanted, tf, root, config.exclude, output.errors)
        output.errors += [e for e in parsed.errors if e.path is None or e.path in wanted]
    # One process reports a finding of a module instance once; groups that share a module report it
    # once each: identical findings are one finding, whatever the split (tests/test_same_answer.py).
    output.findings = list(dict.fromkeys(output.findings))
    return output


class _Runner:
    """Runs checkov command lines (all of them through the worker started ahead, if any) and parses each
    output as soon as its process ends, while the others still run."""

    def __init__(self, env: dict[str, str], cwd: Path, timeout: float, catalog: Catalog, root: Path,
                 worker: prestart.Worker | None) -> None:
        self.env, self.cwd, self.timeout, self.catalog, self.root = env, cwd, timeout, catalog, root
        self.worker = worker

    def all(self, runs: Sequence[list[str]], jobs: int) -> list[EngineOutput]:
        """Outputs in the order of `runs`, at most `jobs` processes at a time; the first error in that order wins."""
        if self.worker is not None and (len(runs) == 1 or prestart.FORKS):
            waves = -(-len(runs) // max(jobs, 1))  # each process keeps its own timeout, as below
            return self.worker.run_many(runs, jobs, self.timeout * waves, self._finish)
        if len(runs) <= 1 or jobs <= 1:
            return [self._one(argv, index) for index, argv in enumerate(runs)]
        with ThreadPoolExecutor(max_workers=min(jobs, len(runs))) as pool:
            futures = [pool.submit(self._one, argv, index) for index, argv in enumerate(runs)]
            return [f.result() for f in futures]

    def _one(self, argv: list[str], index: int) -> EngineOutput:
        if index == 0 and self.worker is not None:  # where the worker must not fork: it runs the first one
            return self.worker.run_many([argv], 1, self.timeout, self._finish)[0]
        return self._finish(argv, self._run(argv))

    def _run(self, argv: Sequence[str]) -> base.Completed:
        return base.run(NAME, prestart.direct_argv(argv), cwd=self.cwd, env=self.env, timeout=self.timeout)

    def _finish(self, argv: Sequence[str], completed: base.Completed) -> EngineOutput:
        parsed = self._parse(completed)
        if any(e.message == HIDDEN_PARSE_ERRORS for e in parsed.errors):
            # `--quiet` keeps passed checks out of the JSON (a third of its size) but also the names of
            # unparseable files: run again without it to say which (an error path, so rarely taken).
            parsed = self._parse(self._run([a for a in argv if a != "--quiet"]))
        return parsed

    def _parse(self, completed: base.Completed) -> EngineOutput:
        if completed.returncode not in (0, 1) or (completed.returncode == 1 and not completed.stdout.strip()):
            # 1 is "failed checks", but also what Python exits with on a traceback (then with no report)
            raise EngineError(NAME, f"exited with status {completed.returncode}: "
                                    f"{base.last_line(completed.stderr)}", completed.stderr)
        broken = BROKEN_CHECK.search(completed.stderr)
        if broken:
            # checkov logs a policy that fails to import and scans on without it: a rule that silently
            # never runs would pass everything it should catch.
            raise EngineError(NAME, f"our policy {broken.group(1)} could not be loaded", completed.stderr)
        crashed = CRASHED_CHECK.search(completed.stderr)
        if crashed:
            # A check that raises is logged and skipped for that resource: its findings there are unknown.
            raise EngineError(NAME, f"check {crashed.group(1)} crashed on {crashed.group(2)}", completed.stderr)
        return parse(completed.stdout, self.catalog, self.root)


def _relocate(findings: list[RawFinding], plans: Sequence[Target], root: Path) -> list[RawFinding]:
    """Plan findings pointed at the .tf block of their resource when the root holds it (terraform_plan)."""
    from gdpr_guard import terraform_plan

    out: list[RawFinding] = []
    for plan in plans:
        out += terraform_plan.relocate([f for f in findings if f.location.path == plan.rel], plan.path, root)
    return out


def terraform_command(binary: str, rules: Sequence[Rule], dirs: Sequence[Path],
                      checks_dir: Path | None = None, files_skipped: Sequence[Path] = ()) -> list[str]:
    """One checkov process over some module directories: their own files and the local modules they call
    (checkov_units: never their sub-directories' other stacks), less `files_skipped` (checkov_narrow)."""
    directory, skip = checkov_units.scan_root(dirs)
    skip += [checkov_units.exact(f) for f in sorted(files_skipped)]
    json_files = any(p.is_file() for d in dirs for p in d.glob("*.tf.json"))
    return command(binary, rules, directory=directory, skip=skip, checks_dir=checks_dir, json_files=json_files)


def _plans(groups: Sequence[Sequence[Path]], tf: Sequence[Target], rules: Sequence[Rule],
           checks: Path) -> list[dict[Path, checkov_narrow.Plan]]:
    """Per group, what checkov reads of each unit: a pre-commit run's staged files and what they need
    (checkov_narrow); everything when a staged file lies in a module evaluated only through its callers."""
    staged: dict[Path, list[Path]] = {}
    for target in tf:
        staged.setdefault(target.path.parent.resolve(), []).append(target.path)
    everything = [{unit: checkov_narrow.EVERYTHING for unit in group} for group in groups]
    if not set(staged) <= {unit for group in groups for unit in group}:
        return everything
    if all(checkov_narrow.all_staged(unit, staged[unit]) for group in groups for unit in group):
        return everything  # a full scan: no need to read the connection checks
    types = checkov_connections.connection_types([r.engine_rule for r in rules], checks)
    plans = checkov_narrow.plan_all({unit: staged[unit] for group in groups for unit in group}, types)
    return [{unit: plans[unit] for unit in group} for group in groups]


def parse(stdout: str, catalog: Catalog, root: Path) -> EngineOutput:
    """checkov's JSON (one report, a list of reports, or a bare summary) into raw findings.

    Engine output is untrusted: any shape we do not expect is an EngineError, never a traceback.
    """
    try:
        return _parse(stdout, catalog, root)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        raise EngineError(NAME, f"unexpected JSON: {type(exc).__name__}: {str(exc)[:120]}") from None


def _parse(stdout: str, catalog: Catalog, root: Path) -> EngineOutput:
    data = load_json(NAME, stdout)
    reports = data if isinstance(data, list) else [data]
    if not reports:
        raise EngineError(NAME, "unexpected JSON: an empty list of reports")
    output = EngineOutput()
    for report in reports:
        if not isinstance(report, dict):
            raise EngineError(NAME, "unexpected JSON: a report is not an object")
        summary = report.get("summary", report)
        if isinstance(summary, dict):
            output.version = str(summary.get("checkov_version", output.version))
        results = report.get("results")
        if results is None:
            if "passed" in report and "failed" in report:  # a bare summary: nothing was evaluated
                if _count(report.get("parsing_errors")) > 0:
                    output.errors.append(ScanError(NAME, HIDDEN_PARSE_ERRORS))
                continue
            raise EngineError(NAME, "unexpected JSON: no results and no summary")
        if not isinstance(results, dict):
            raise EngineError(NAME, "unexpected JSON: results is not an object")
        listed = results.get("parsing_errors", []) or []
        for path in listed:
            rel = relative(path, root) or str(path)
            where = _hcl.parse_error(str(path if Path(str(path)).is_absolute() else root / str(path)))
            output.errors.append(ScanError(NAME, f"{rel}: could not be parsed as Terraform"
                                                 + (f" ({where})" if where else ""), rel))
        if not listed and isinstance(summary, dict) and _count(summary.get("parsing_errors")) > 0:
            output.errors.append(ScanError(NAME, HIDDEN_PARSE_ERRORS))
        for item in results.get("failed_checks", []) or []:
            finding = _finding(item, catalog, root)
            if finding is not None:
                output.findings.append(finding)
    return output


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _finding(item: dict[str, Any], catalog: Catalog, root: Path) -> RawFinding | None:
    if not isinstance(item, dict):
        raise EngineError(NAME, "unexpected JSON: a failed check is not an object")
    rule = catalog.by_engine(NAME, str(item.get("check_id")))
    if rule is None:
        return None
    path = item.get("file_abs_path") or item.get("file_path") or ""
    rel = relative(path, root) or module_findings.outside(path, root, str(item.get("resource") or ""))
    if rel is None:
        return None
    lines = item.get("file_line_range") or [1, 1]
    try:
        start, end = int(lines[0]), int(lines[1])
    except (TypeError, ValueError, IndexError):
        start = end = 1
    code = item.get("code_block") or []
    snippet = "".join(str(line[1]) for line in code if isinstance(line, list) and len(line) == 2)
    tags = item.get("entity_tags") or {}
    resource = str(item.get("resource") or "")
    if resource and "." not in resource and snippet.lstrip().startswith("module "):
        resource = "module." + resource  # checkov names a module call by its bare name
    if resource.startswith("resource.") and str(path).endswith(".tf.json"):
        resource = tf_json.address(str(path), resource, start)  # terraform_json drops a Python check's type
    block = Location(rel, max(start, 1), max(end, start, 1))
    attribute = _attribute(path, block, item.get("check_result"))
    plan_keys = () if str(path).endswith((".tf", ".tf.json")) else _keys(item.get("check_result"))
    return RawFinding(
        rule_id=rule.id,
        location=attribute or block,
        block=block if attribute else None,
        engine=NAME,
        resource=resource or None,
        snippet=snippet.rstrip("\n"),
        context=resource + "\n" + snippet,
        tags=tuple(sorted((str(k), str(v)) for k, v in tags.items())) if isinstance(tags, dict) else (),
        evaluated_keys=plan_keys,
    )


def _keys(check_result: Any) -> tuple[str, ...]:
    """checkov's `evaluated_keys` of a result (attribute paths such as `ingress/[0]/cidr_blocks`)."""
    keys = check_result.get("evaluated_keys") if isinstance(check_result, dict) else None
    return tuple(str(k) for k in keys) if isinstance(keys, list) else ()


def _attribute(path: str, block: Location, check_result: Any) -> Location | None:
    """The attribute or nested block the check evaluated, for a finding in a `.tf` file (tf_regions)."""
    keys = _keys(check_result)
    if not keys or not str(path).endswith(".tf"):
        return None
    return tf_regions.narrow(Path(path), block, keys)


ENGINE = Engine(name=NAME, kinds=frozenset({Kind.TERRAFORM, Kind.TERRAFORM_PLAN}), scan=scan)
