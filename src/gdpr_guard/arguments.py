"""The command line's grammar: every command, option and default (cli.py runs them)."""

from __future__ import annotations

import argparse

from gdpr_guard import __version__

FORMATS = ("text", "json", "sarif", "markdown", "html")
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
    scan.add_argument("--html-file", metavar="FILE", help="also write the self-contained HTML report to FILE")
    scan.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that fails the run (default low)")
    scan.add_argument("--exit-zero", action="store_true",
                      help="exit 0 even with findings (scan errors still exit 3)")
    scan.add_argument("--config", metavar="FILE", help="configuration file (default: .gdpr-guard.yaml or "
                                                       "[tool.gdpr-guard] in pyproject.toml of the root)")
    scan.add_argument("--root", metavar="DIR", help="repository root: report paths are relative to it "
                                                    "(default: the current directory)")
    scan.add_argument("--timeout", type=_positive, metavar="SECONDS", help="per-engine timeout (default 900)")
    scan.add_argument("--jobs", type=_positive, metavar="N", help="engine parallelism (default: cores)")
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
    scan.add_argument("--warm", action="store_true",
                      help="run through this repository's warm worker, started by the first such scan (same "
                           "results, engines imported once; also GDPR_GUARD_WARM=1; see README)")

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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return value
