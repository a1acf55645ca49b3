"""Command line: parse arguments, call the library, print, and decide the exit code (only here)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gdpr_guard.arguments import FORMATS, SEVERITIES, build_parser

__all__ = ["FORMATS", "SEVERITIES", "build_parser", "main"]
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_SCAN_ERROR = 0, 1, 2, 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from gdpr_guard import prestart  # the console script (launch.py) may have started a checkov worker

    previous = _stop_engines_on_signals()
    try:
        return _run(args, parser)
    finally:
        prestart.discard()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop_engines_on_signals() -> dict[int, Any]:
    """On Ctrl-C or SIGTERM, kill the engines first: they run in sessions of their own (so a timeout can
    kill their whole tree) and would otherwise finish their scan before gdpr-guard could exit."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def stop(signum: int, frame: object) -> None:
        from gdpr_guard import prestart
        from gdpr_guard.engines import base

        base.stop_all()
        prestart.stop_all()
        raise KeyboardInterrupt

    return {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from gdpr_guard.errors import ConfigError, GdprGuardError, UsageError

    try:
        if args.command == "scan":
            return _scan(args)
        if args.command == "baseline":
            return _baseline_create(args)
        if args.command == "plan":
            return _plan(args)
        if args.command == "merge":
            return _merge(args)
        if args.command == "rules":
            return _rules()
        if args.command == "explain":
            return _explain(args.rule_id)
        if args.command == "validate":
            return _validate(args)
        if args.command == "review":
            return _review(args)
    except (UsageError, ConfigError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except GdprGuardError as exc:
        _error(str(exc))
        return EXIT_SCAN_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_SCAN_ERROR
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


def _error(message: str) -> None:
    from gdpr_guard import console

    console.error(message)


def _out(text: str) -> None:
    from gdpr_guard import console

    console.out(text)


def _scan_root(args: argparse.Namespace) -> Path:
    if args.root:
        return Path(args.root).resolve()
    cwd = Path.cwd().resolve()
    given = [Path(p).resolve() for p in args.paths]
    if all(p == cwd or cwd in p.parents for p in given):
        return cwd
    dirs = [p if p.is_dir() else p.parent for p in given]
    return Path(os.path.commonpath([str(d) for d in dirs]))


def _load_config(root: Path, explicit: str | None, paths: Sequence[str] = (".",),  # type: ignore[no-untyped-def]
                 catalog: Any = None):
    """--config FILE, else the nearest configuration of the scanned paths (config.find_for); rule ids checked."""
    from gdpr_guard import catalog as catalog_module
    from gdpr_guard import config

    path = Path(explicit) if explicit else config.find_for(paths, root)
    if explicit and not path.is_file():  # type: ignore[union-attr]
        from gdpr_guard.errors import UsageError
        raise UsageError(f"{explicit}: no such configuration file")
    loaded = config.load(path)
    config.check_rule_ids(loaded, (catalog or catalog_module.load()).rules)
    return loaded


def _scan(args: argparse.Namespace) -> int:
    from gdpr_guard import catalog, config, console, reporters, sarif_validate, scan
    from gdpr_guard.finding import Severity

    root = _scan_root(args)
    cat = catalog.load()
    cfg = config.with_overrides(
        _load_config(root, args.config, args.paths, cat),
        fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
        timeout=args.timeout, jobs=args.jobs, diff_base=args.diff_base,
        baseline=str(Path(args.baseline).resolve()) if args.baseline else None,
    )
    progress = console.Progress()
    try:
        result = scan.run_scan(args.paths, root, cfg, cat, progress=progress.update, **_scale_options(args, root))
    finally:
        progress.done()
    options = reporters.ReportOptions(fail_on=cfg.fail_on, include_suppressed=not args.no_suppressed_in_sarif)
    # (format, file or None for stdout): the --format report, then every --*-file, once each.
    outputs = list(dict.fromkeys([(args.format, args.output)] + [
        (fmt, path) for fmt, path in (("sarif", args.sarif_file), ("json", args.json_file),
                                      ("markdown", args.markdown_file), ("html", args.html_file)) if path]))
    rendered = {fmt: reporters.REPORTERS[fmt](result, cat, options) for fmt, _ in outputs}
    if args.validate:
        sarif = rendered.get("sarif") or reporters.REPORTERS["sarif"](result, cat, options)
        problems = sarif_validate.problems(sarif)
        if problems:
            _error("SARIF output does not validate:\n  " + "\n  ".join(problems))
            return EXIT_USAGE
    for fmt, path in outputs:
        if path:
            _write(path, rendered[fmt])
        else:
            _out(rendered[fmt])
    if args.output:  # the report went to a file: CI logs still get one line
        sys.stderr.write(console.summary(result, args.output))
    if result.errors:
        # Also on stderr, whatever the format: CI logs keep stderr when reports go to files or stdout is piped.
        for error in result.errors:
            _error(error.message)
        return EXIT_SCAN_ERROR
    failing = [f for f in result.active if f.severity >= cfg.fail_on]
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _scale_options(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    """--shard and --cache as run_scan keyword arguments."""
    options: dict[str, Any] = {}
    if args.shard:
        from gdpr_guard import shard

        options["shard"] = shard.parse(args.shard)
    if args.cache:
        from gdpr_guard.cache import Cache

        options["cache"] = Cache(root)
    return options


def _merge(args: argparse.Namespace) -> int:
    from gdpr_guard import merge, sarif_validate
    from gdpr_guard.errors import UsageError

    texts = []
    for path in args.sarif:
        try:
            texts.append(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise UsageError(f"{path}: cannot read ({exc.strerror})") from None
    merged = merge.merge(texts, args.sarif)
    problems = sarif_validate.problems(merged)
    if problems:
        _error("merged SARIF does not validate:\n  " + "\n  ".join(problems))
        return EXIT_USAGE
    if args.output:
        _write(args.output, merged)
    else:
        _out(merged)
    import json

    return EXIT_OK if json.loads(merged)["runs"][0]["invocations"][0]["executionSuccessful"] else EXIT_SCAN_ERROR


def _write(path: str, text: str) -> None:
    from gdpr_guard.errors import GdprGuardError

    target = Path(path)
    try:
        if target.parent and not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:  # no report is no pass: exit 3, like any scan that could not finish
        raise GdprGuardError(f"{path}: cannot write the report ({exc.strerror or exc})") from None


def _baseline_create(args: argparse.Namespace) -> int:
    from gdpr_guard import baseline, catalog, scan

    root = _scan_root(args)
    cat = catalog.load()
    result = scan.run_scan(args.paths, root, _load_config(root, args.config, args.paths, cat), cat)
    if result.errors:
        for error in result.errors:
            _error(error.message)
        _error("baseline not written: the scan is incomplete")
        return EXIT_SCAN_ERROR
    _write(args.output, baseline.render(result))
    _out(f"gdpr-guard: baseline of {len(result.active)} finding(s) written to {args.output}\n")
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    from gdpr_guard import migration_plan

    if args.plan_command == "init":
        written = migration_plan.write_skeleton(args.directory, force=args.force)
        _out(f"gdpr-guard: wrote {written}; fill in every TODO, then run `gdpr-guard plan check`\n")
        return EXIT_OK
    problems = migration_plan.check(args.paths)
    for problem in problems:
        _error(problem)
    if not problems:
        _out("gdpr-guard: migration plans are valid\n")
    return EXIT_USAGE if problems else EXIT_OK


def _rules() -> int:
    from gdpr_guard import catalog

    cat = catalog.load()
    rows = [("ID", "SEVERITY", "ENGINE", "GDPR", "CNIL", "TITLE")]
    rows += [(r.id, str(r.severity), r.engine, r.articles_label, r.cnil_label, r.title)
             for r in sorted(cat.rules.values(), key=lambda r: r.id)]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    _out("".join("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5] + "\n"
                 for row in rows))
    return EXIT_OK


def _explain(rule_id: str) -> int:
    from gdpr_guard import catalog, explain
    from gdpr_guard.errors import UsageError

    rule = catalog.load().get(rule_id.upper())
    if rule is None:
        raise UsageError(f"unknown rule {rule_id}; `gdpr-guard rules` lists them")
    _out(explain.text(rule))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from gdpr_guard import catalog, sarif_validate

    cat = catalog.load()
    _load_config(Path.cwd(), args.config, catalog=cat)
    sarif_files = [*args.sarif, *(f for f in args.files if _is_sarif(f))]
    status = _validate_files([f for f in args.files if f not in sarif_files])
    for path in sarif_files:
        problems = sarif_validate.problems(_read_input(path))
        for problem in problems:
            _error(f"{path}: {problem}")
        status = EXIT_USAGE if problems else status
    if status == EXIT_OK:
        _out(f"gdpr-guard: catalog ({len(cat.rules)} rules) and configuration are valid\n")
    return status


def _read_input(path: str) -> str:
    from gdpr_guard.errors import UsageError

    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        cause = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise UsageError(f"{path}: cannot read ({cause})") from None


def _is_sarif(path: str) -> bool:
    """A SARIF file given to `validate`: by its name, or a JSON document that says it is SARIF."""
    if path.endswith(".sarif"):
        return True
    if not path.endswith(".json"):
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return '"runs"' in head and ("sarif" in head.lower() or '"2.1.0"' in head)


def _validate_files(paths: Sequence[str]) -> int:
    """Configuration files and migration plans given to `validate` (the pre-commit hook passes them)."""
    from gdpr_guard import config, migration_plan
    from gdpr_guard.errors import ConfigError

    status = EXIT_OK
    plans = []
    for name in paths:
        path = Path(name)
        if path.name in config.CONFIG_FILES or path.name == "pyproject.toml":
            try:
                from gdpr_guard import catalog

                config.check_rule_ids(config.load(path), catalog.load().rules)
            except ConfigError as exc:
                _error(str(exc))
                status = EXIT_USAGE
        else:
            plans.append(path)
    for problem in migration_plan.check(plans) if plans else []:
        _error(problem)
        status = EXIT_USAGE
    if plans and status == EXIT_OK:
        _out(f"gdpr-guard: {len(plans)} migration plan path(s) valid\n")
    return status


def _review(args: argparse.Namespace) -> int:
    from gdpr_guard import catalog, config, plan_review
    from gdpr_guard.finding import Severity
    from gdpr_guard.reporters import review as review_report

    root = Path(args.root).resolve() if args.root else Path.cwd().resolve()
    cat = catalog.load()
    cfg = config.with_overrides(_load_config(root, args.config, catalog=cat),
                                fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
                                timeout=args.timeout)
    review = plan_review.review(args.plan, root, cfg, cat)
    render = review_report.to_json if args.format == "json" else review_report.markdown
    text = render(review, cat, cfg.fail_on)
    if args.output:
        _write(args.output, text)
    else:
        _out(text)
    if review.result.errors:
        for error in review.result.errors:
            _error(error.message)
        return EXIT_SCAN_ERROR
    return EXIT_FINDINGS if plan_review.failing(review, cfg.fail_on) and not args.exit_zero else EXIT_OK
