"""semgrep adapter: our rules on an explicit file list, offline; skipped files and errors fail the scan."""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gdpr_guard import policy_params
from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.config import Config
from gdpr_guard.engines import base
from gdpr_guard.engines.common import Engine, EngineOutput, load_json, read_lines, relative
from gdpr_guard.engines.environment import offline_env
from gdpr_guard.errors import EngineError
from gdpr_guard.finding import Location, RawFinding, ScanError
from gdpr_guard.targets import MAX_TARGET_BYTES, Kind, Target

NAME = "semgrep"
OFFLINE_ENV = {
    "SEMGREP_ENABLE_VERSION_CHECK": "0",
    "SEMGREP_SEND_METRICS": "off",
}


def command(binary: str, policy_files: Sequence[Path], targets: Sequence[str], jobs: int,
            extra: Sequence[str] = ()) -> list[str]:
    """The semgrep command line: our policy files, explicit targets, no ignore files of its own.

    `--disable-nosem`: a `# nosemgrep` comment must not hide a finding without a trace; gdpr-guard's own
    suppressions (with a reason) are the way to silence one, and the report names the ignored comment.
    """
    # `--experimental` runs semgrep's OCaml CLI (osemgrep) instead of the Python one: same rules, same
    # JSON (tests/test_engine_parallel.py compares them), but ~0.4 s instead of ~3 s of start-up.
    # GDPR_GUARD_SEMGREP_LEGACY_CLI=1 goes back to the Python CLI.
    cli = [] if os.environ.get("GDPR_GUARD_SEMGREP_LEGACY_CLI") == "1" else ["--experimental"]
    argv = [binary, "scan", *cli, "--json", "--metrics=off", "--disable-version-check", "--no-rewrite-rule-ids",
            "--no-git-ignore", "--disable-nosem", "--max-target-bytes", str(MAX_TARGET_BYTES), "--timeout", "30",
            "--jobs", str(jobs), *extra]
    for policy in policy_files:
        argv += ["--config", str(policy)]
    return argv + ["--", *targets]


def scan(targets: Sequence[Target], rules: Sequence[Rule], catalog: Catalog, root: Path,
         config: Config) -> EngineOutput:
    """One semgrep process over every script target (two when there are shell scripts without a suffix)."""
    binary = base.locate(NAME)
    jobs = config.jobs or max(os.cpu_count() or 1, 1)
    # semgrep knows an extension-less script's language from its shebang only when the file is executable
    # (a script committed without the x bit, or behind `with-contenv`, is skipped). gdpr-guard has already
    # read the shebang: those scripts get their own run, shell rules only, their language forced.
    bare = [t for t in targets if t.kind is Kind.SHELL and not Path(t.rel).suffix]
    output = _run(binary, [t for t in targets if t not in bare], rules, catalog, root, config, jobs)
    shell_rules = [r for r in rules if (r.policy or "").startswith("semgrep/shell/")]
    if bare and shell_rules:
        more = _run(binary, bare, shell_rules, catalog, root, config, jobs, ("--scan-unknown-extensions",))
        output.findings += more.findings
        output.errors += more.errors
        output.version = output.version or more.version
    reported = {e.path for e in output.errors}
    for target in targets:
        if target.kind is Kind.PYTHON and target.rel not in reported:
            problem = python_syntax_problem(target.path)
            if problem is not None:
                output.errors.append(ScanError(NAME, f"{target.rel}: {problem}", target.rel))
    return output


def _run(binary: str, targets: Sequence[Target], rules: Sequence[Rule], catalog: Catalog, root: Path,
         config: Config, jobs: int, extra: Sequence[str] = ()) -> EngineOutput:
    if not targets:
        return EngineOutput()
    rels = [t.rel for t in targets]
    with policy_params.materialised_files(sorted({catalog.policy_path(r) for r in rules}), config) as policies:
        completed = base.run(NAME, command(binary, policies, rels, jobs, extra), cwd=root,
                             env=offline_env(OFFLINE_ENV), timeout=config.timeout)
    if completed.returncode not in (0, 1):
        # semgrep exits 2 when a target has errors but still reports them in JSON; anything else is a crash.
        try:
            output = parse(completed.stdout, catalog, root, rels)
        except EngineError:
            output = EngineOutput()
        if not output.errors:
            raise EngineError(NAME, f"exited with status {completed.returncode}: "
                                    f"{base.last_line(completed.stderr)}", completed.stderr)
        return output
    return parse(completed.stdout, catalog, root, rels)


def python_syntax_problem(path: Path) -> str | None:
    """Why `path` does not parse as Python with this interpreter, or None.

    semgrep only parses a file some rule's keywords occur in, so a syntax error elsewhere would pass
    silently; gdpr-guard parses each Python target itself. A file written for a newer Python than the
    one running gdpr-guard is reported too (fail closed): run gdpr-guard with that Python.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"cannot read ({exc.strerror})"
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    try:
        compile(data, str(path), "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        where = f" at line {exc.lineno}" if exc.lineno else ""
        return f"does not parse as Python {version}{where}: {exc.msg}"
    except (ValueError, RecursionError, MemoryError) as exc:
        return f"does not parse as Python {version}: {type(exc).__name__}: {str(exc)[:120]}"
    return None


def parse(stdout: str, catalog: Catalog, root: Path, expected: Sequence[str] = ()) -> EngineOutput:
    """semgrep's JSON into raw findings; errors and targets it did not scan become scan errors.

    Engine output is untrusted: any shape we do not expect is an EngineError, never a traceback.
    """
    try:
        return _parse(stdout, catalog, root, expected)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as exc:
        raise EngineError(NAME, f"unexpected JSON: {type(exc).__name__}: {str(exc)[:120]}") from None


def _parse(stdout: str, catalog: Catalog, root: Path, expected: Sequence[str] = ()) -> EngineOutput:
    data = load_json(NAME, stdout)
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise EngineError(NAME, "unexpected JSON: no results list")
    output = EngineOutput(version=str(data.get("version", "")))
    errors = data.get("errors") or []
    if not isinstance(errors, list):
        raise EngineError(NAME, "unexpected JSON: errors is not a list")
    for error in errors:
        output.errors.append(_error(error))
    paths = data.get("paths")
    scanned = paths.get("scanned") if isinstance(paths, dict) else None
    if expected and not isinstance(scanned, list):
        raise EngineError(NAME, "unexpected JSON: no list of scanned paths")
    if expected and isinstance(scanned, list):
        seen = {Path(p).as_posix() for p in scanned}
        for rel in expected:
            if rel not in seen:
                output.errors.append(ScanError(NAME, f"{rel}: semgrep did not scan this file", rel))
    for item in data["results"]:
        finding = _finding(item, catalog, root)
        if finding is not None:
            output.findings.append(finding)
    return output


def _error(error: Any) -> ScanError:
    if not isinstance(error, dict):
        return ScanError(NAME, "semgrep reported an error it could not describe")
    path = error.get("path")
    kind = str(error.get("type", "error"))
    if isinstance(error.get("type"), list):
        kind = str(error["type"][0])
    # semgrep's messages run over several lines ("Syntax error at line x.py:2:\n `(` was unexpected"):
    # one line of all of them, not the first alone, which ends on a colon and says nothing.
    message = " ".join(str(error.get("message", "")).split())
    text = f"{path}: {kind}" if path else kind
    if message:
        text += f": {message[:300]}"
    return ScanError(NAME, text, str(path) if path else None)


def _finding(item: Any, catalog: Catalog, root: Path) -> RawFinding | None:
    if not isinstance(item, dict):
        raise EngineError(NAME, "unexpected JSON: a result is not an object")
    rule = catalog.by_engine(NAME, str(item.get("check_id")))
    if rule is None:
        return None
    try:
        rel = Path(str(item["path"])).as_posix()
        start, end = item["start"], item["end"]
        location = Location(rel, int(start["line"]), int(end["line"]), int(start["col"]), int(end["col"]))
        span = (int(start["offset"]), int(end["offset"]))
    except (KeyError, TypeError, ValueError):
        raise EngineError(NAME, "unexpected JSON: a result has no usable location") from None
    if relative(root / rel, root) is None:
        return None  # never read a file outside the scanned root, whatever the engine says
    snippet = read_lines(root, rel, location.start_line, location.end_line)
    secrets: tuple[str, ...] = ()
    if rule.region_is_secret:
        matched = _matched_text(root / rel, span)
        secrets = (matched,) if matched else ()
    return RawFinding(rule_id=rule.id, location=location, engine=NAME, snippet=snippet,
                      secrets=secrets, context=snippet)


def _matched_text(path: Path, span: tuple[int, int]) -> str:
    # semgrep's offsets count bytes; the focused region of a credential rule is the secret itself.
    try:
        with path.open("rb") as handle:
            handle.seek(span[0])
            return handle.read(max(span[1] - span[0], 0)).decode("utf-8", "replace").strip("'\"")
    except OSError:
        return ""


ENGINE = Engine(name=NAME, kinds=frozenset({Kind.PYTHON, Kind.SHELL}), scan=scan)  # SQL: engines/sql.py
