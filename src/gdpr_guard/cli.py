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

from gdpr_guard import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_SCAN_ERROR = 0, 1, 2, 3
FORMATS = ("text", "json", "sarif", "markdown")
SEVERITIES = ("low", "medium", "high", "critical")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gdpr-guard",
        description="GDPR policy-as-code checks for Terraform and migration scripts, "
                    "mapped to GDPR articles and CNIL findings.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/configuration error, "
               "3 scan error (engine missing, crashed, timed out, or a target could not be parsed).",
    )
    parser.add_argument("--version", action="version", version=f"gdpr-guard {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = sub.add_parser("scan", help="scan files and directories")
    scan.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    scan.add_argument("--format", "-f", choices=FORMATS, default="text")
    scan.add_argument("--output", "-o", metavar="FILE", help="write the --format report to FILE")
    scan.add_argument("--sarif-file", metavar="FILE", help="also write SARIF to FILE")
    scan.add_argument("--json-file", metavar="FILE", help="also write JSON to FILE")
    scan.add_argument("--markdown-file", metavar="FILE", help="also write Markdown to FILE")
    scan.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run (default low)")
    scan.add_argument("--exit-zero", action="store_true",
                      help="exit 0 even with findings (scan errors still exit 3)")
    scan.add_argument("--config", metavar="FILE", help="configuration file (default: .gdpr-guard.yaml or "
                                                       "[tool.gdpr-guard] in pyproject.toml of the root)")
    scan.add_argument("--root", metavar="DIR", help="repository root: report paths are relative to it "
                                                    "(default: the current directory)")
    scan.add_argument("--timeout", type=int, metavar="SECONDS", help="per-engine timeout (default 900)")
    scan.add_argument("--jobs", type=int, metavar="N", help="engine parallelism (default: cores)")
    scan.add_argument("--baseline", metavar="FILE", help="report only findings not in this baseline")
    scan.add_argument("--diff-base", metavar="REF",
                      help="report only findings on lines changed since REF (git merge base with HEAD)")
    scan.add_argument("--no-suppressed-in-sarif", action="store_true",
                      help="leave suppressed results out of SARIF")
    scan.add_argument("--validate", action="store_true",
                      help="validate the SARIF produced against the official 2.1.0 schema (exit 2 if invalid)")
    scan.add_argument("--shard", metavar="K/N", help="scan only shard K of N (by module directory), "
                                                     "for a CI matrix; combine with `gdpr-guard merge`")
    scan.add_argument("--cache", action=argparse.BooleanOptionalAction, default=False,
                      help="reuse engine results of unchanged files from .gdpr-guard-cache/ (default: off)")

    baseline = sub.add_parser("baseline", help="record today's findings so later scans report only new ones")
    baseline_sub = baseline.add_subparsers(dest="baseline_command", required=True, metavar="ACTION")
    create = baseline_sub.add_parser("create", help="scan and write the baseline")
    create.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    create.add_argument("--output", "-o", metavar="FILE", default=".gdpr-guard-baseline.json")
    create.add_argument("--config", metavar="FILE")
    create.add_argument("--root", metavar="DIR")

    plan = sub.add_parser("plan", help="migration plans: write a skeleton, or validate plans")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True, metavar="ACTION")
    init = plan_sub.add_parser("init", help="write a commented migration-plan.yaml skeleton")
    init.add_argument("directory", nargs="?", default=".", metavar="DIR")
    init.add_argument("--force", action="store_true", help="overwrite an existing plan")
    check = plan_sub.add_parser("check", help="validate migration plans (files, or directories searched)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")

    merge = sub.add_parser("merge", help="merge the SARIF files of shards (--shard) into one run")
    merge.add_argument("sarif", nargs="+", metavar="FILE")
    merge.add_argument("--output", "-o", metavar="FILE", help="write the merged SARIF to FILE (default stdout)")
    sub.add_parser("rules", help="list the rules of the catalog")
    explain = sub.add_parser("explain", help="show a rule's full catalog entry")
    explain.add_argument("rule_id", metavar="RULE_ID")
    validate = sub.add_parser("validate", help="validate the catalog, the configuration and SARIF files")
    validate.add_argument("--config", metavar="FILE")
    validate.add_argument("--sarif", nargs="*", default=[], metavar="FILE", help="SARIF files to check")
    validate.add_argument("files", nargs="*", default=[], metavar="PATH",
                          help="migration plans (migration-plan.yaml, or directories holding them) and "
                               "configuration files (.gdpr-guard.yaml, pyproject.toml) to check")

    review = sub.add_parser("review", help="review a Terraform plan: findings on the resources it creates or "
                                           "updates, and destroyed resources that held personal data")
    review.add_argument("--plan", required=True, metavar="FILE", help="`terraform show -json` output")
    review.add_argument("--root", metavar="DIR", help="repository root holding the .tf files (default: the "
                                                      "current directory); findings point at their .tf line")
    review.add_argument("--format", "-f", choices=("markdown", "json"), default="markdown")
    review.add_argument("--output", "-o", metavar="FILE", help="write the review to FILE")
    review.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run (default low)")
    review.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even with findings (scan errors still exit 3)")
    review.add_argument("--config", metavar="FILE")
    review.add_argument("--timeout", type=int, metavar="SECONDS", help="per-engine timeout (default 900)")
    return parser


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
    sys.stderr.write(f"gdpr-guard: error: {message}\n")


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
    from gdpr_guard import catalog, config, reporters, sarif_validate, scan
    from gdpr_guard.finding import Severity

    root = _scan_root(args)
    cat = catalog.load()
    cfg = config.with_overrides(
        _load_config(root, args.config, args.paths, cat),
        fail_on=Severity.parse(args.fail_on) if args.fail_on else None,
        timeout=args.timeout, jobs=args.jobs, diff_base=args.diff_base,
        baseline=str(Path(args.baseline).resolve()) if args.baseline else None,
    )
    result = scan.run_scan(args.paths, root, cfg, cat, **_scale_options(args, root))
    options = reporters.ReportOptions(fail_on=cfg.fail_on, include_suppressed=not args.no_suppressed_in_sarif)
    # (format, file or None for stdout): the --format report, then every --*-file, once each.
    outputs = list(dict.fromkeys([(args.format, args.output)] + [
        (fmt, path) for fmt, path in (("sarif", args.sarif_file), ("json", args.json_file),
                                      ("markdown", args.markdown_file)) if path]))
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
            sys.stdout.write(rendered[fmt])
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
        sys.stdout.write(merged)
    import json

    return EXIT_OK if json.loads(merged)["runs"][0]["invocations"][0]["executionSuccessful"] else EXIT_SCAN_ERROR


def _write(path: str, text: str) -> None:
    target = Path(path)
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


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
    sys.stdout.write(f"gdpr-guard: baseline of {len(result.active)} finding(s) written to {args.output}\n")
    return EXIT_OK


def _plan(args: argparse.Namespace) -> int:
    from gdpr_guard import migration_plan

    if args.plan_command == "init":
        written = migration_plan.write_skeleton(args.directory, force=args.force)
        sys.stdout.write(f"gdpr-guard: wrote {written}; fill in every TODO, then run `gdpr-guard plan check`\n")
        return EXIT_OK
    problems = migration_plan.check(args.paths)
    for problem in problems:
        _error(problem)
    if not problems:
        sys.stdout.write("gdpr-guard: migration plans are valid\n")
    return EXIT_USAGE if problems else EXIT_OK


def _rules() -> int:
    from gdpr_guard import catalog

    cat = catalog.load()
    rows = [("ID", "SEVERITY", "ENGINE", "GDPR", "CNIL", "TITLE")]
    rows += [(r.id, str(r.severity), r.engine, r.articles_label, r.cnil_label, r.title)
             for r in sorted(cat.rules.values(), key=lambda r: r.id)]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        sys.stdout.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5] + "\n")
    return EXIT_OK


def _explain(rule_id: str) -> int:
    from gdpr_guard import catalog, explain
    from gdpr_guard.errors import UsageError

    rule = catalog.load().get(rule_id.upper())
    if rule is None:
        raise UsageError(f"unknown rule {rule_id}; `gdpr-guard rules` lists them")
    sys.stdout.write(explain.text(rule))
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from gdpr_guard import catalog, sarif_validate

    cat = catalog.load()
    _load_config(Path.cwd(), args.config, catalog=cat)
    status = _validate_files(args.files)
    for path in args.sarif:
        problems = sarif_validate.problems(Path(path).read_text(encoding="utf-8"))
        for problem in problems:
            _error(f"{path}: {problem}")
        status = EXIT_USAGE if problems else status
    if status == EXIT_OK:
        sys.stdout.write(f"gdpr-guard: catalog ({len(cat.rules)} rules) and configuration are valid\n")
    return status


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
        sys.stdout.write(f"gdpr-guard: {len(plans)} migration plan path(s) valid\n")
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
        sys.stdout.write(text)
    if review.result.errors:
        for error in review.result.errors:
            _error(error.message)
        return EXIT_SCAN_ERROR
    return EXIT_FINDINGS if plan_review.failing(review, cfg.fail_on) and not args.exit_zero else EXIT_OK
