"""The GitHub Action's scan step (action.yml runs it with the action's own Python environment).

Reads the action inputs from INPUT_* environment variables (set by action.yml, never interpolated
into shell code), runs `gdpr-guard scan` in $GITHUB_WORKSPACE writing SARIF, JSON, Markdown and HTML,
appends the Markdown report to $GITHUB_STEP_SUMMARY, annotates the findings inline (`::error` for
critical and high, `::warning` for medium and low, with file and line: pull requests from forks, which
cannot upload SARIF, still see them), writes the finding counts to $GITHUB_OUTPUT and exits with the
scan's exit code: 0 clean, 1 findings at or above fail-on, 2 usage or configuration error, 3 scan error
(never passes).

Standard library only, so that it can be tested with the GitHub environment emulated.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

SEVERITIES = ("critical", "high", "medium", "low")
TRUE = frozenset({"true", "yes", "1", "on"})
EXIT_USAGE = 2
# GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job
# (actions/toolkit docs/problem-matchers.md, "Limitations"). One error is kept for the run's verdict and
# one notice for what was left out, so no annotation we print is dropped by GitHub.
MAX_ERRORS = 9
MAX_WARNINGS = 10
ORDER = {s: i for i, s in enumerate(("critical", "high", "medium", "low"))}


def _input(name: str, default: str = "") -> str:
    return os.environ.get("INPUT_" + name.upper().replace("-", "_"), default).strip()


def _flag(name: str, default: str = "false") -> bool:
    return _input(name, default).lower() in TRUE


def _paths(value: str) -> list[str]:
    if "\n" in value:
        return [line.strip() for line in value.splitlines() if line.strip()]
    return shlex.split(value) or ["."]


def _fail(message: str) -> int:
    sys.stderr.write(f"::error title=gdpr-guard::{message}\n")
    return EXIT_USAGE


def command(workspace: Path) -> list[str] | str:
    """The gdpr-guard command line from the inputs, or an error message."""
    fail_on = _input("fail-on", "low").lower()
    if fail_on not in SEVERITIES:
        return f"fail-on must be one of {', '.join(reversed(SEVERITIES))}, not {fail_on!r}"
    argv = [sys.executable, "-m", "gdpr_guard", "scan", *_paths(_input("paths", ".")),
            "--format", "text", "--fail-on", fail_on, "--root", str(workspace),
            "--sarif-file", _input("sarif-file", "gdpr-guard.sarif"),
            "--json-file", _input("json-file", "gdpr-guard.json"),
            "--markdown-file", _input("markdown-file", "gdpr-guard.md")]
    if _input("html-file", "gdpr-guard.html"):
        argv += ["--html-file", _input("html-file", "gdpr-guard.html")]
    if _input("config"):
        argv += ["--config", _input("config")]
    if _input("baseline"):
        argv += ["--baseline", _input("baseline")]
    if _flag("changed-files-only"):
        base = _input("diff-base")
        if not base and os.environ.get("GITHUB_BASE_REF"):
            base = "origin/" + os.environ["GITHUB_BASE_REF"]
        if not base:
            return ("changed-files-only needs a pull request (GITHUB_BASE_REF) or the diff-base input; "
                    "check out with fetch-depth: 0 so that the base commit is available")
        argv += ["--diff-base", base]
    return argv


def counts(json_file: Path) -> dict[str, str]:
    """Outputs read from the JSON report; empty when it was not written (usage error)."""
    try:
        report = json.loads(json_file.read_text(encoding="utf-8"))
        summary = report["summary"]
        out = {"findings": str(int(summary["findings"])), "suppressed": str(int(summary["suppressed"])),
               "status": str(report["status"]), "errors": str(int(summary.get("errors", 0)))}
        out.update({s: str(int(summary["by_severity"].get(s, 0))) for s in SEVERITIES})
        return out
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation_lines(json_file: Path) -> list[str]:
    """Workflow commands for the active findings, most severe first, bounded as GitHub bounds them; a
    final notice says how many were not annotated and where the full list is."""
    try:
        findings = json.loads(json_file.read_text(encoding="utf-8"))["findings"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    active = sorted((f for f in findings if not f.get("suppression")),
                    key=lambda f: (ORDER.get(f["severity"], 9), f["location"]["path"], f["location"]["start_line"],
                                   f["rule_id"]))
    lines: list[str] = []
    budget = {"error": MAX_ERRORS, "warning": MAX_WARNINGS}
    for finding in active:
        kind = "error" if finding["severity"] in ("critical", "high") else "warning"
        if budget[kind] == 0:
            continue
        budget[kind] -= 1
        loc = finding["location"]
        title = f"{finding['rule_id']} [{finding['severity']}]"
        lines.append(f"::{kind} file={_property(loc['path'])},line={loc['start_line']},"
                     f"endLine={loc.get('end_line') or loc['start_line']},title={_property(title)}::"
                     + _data(finding["message"] + " (a risk signal, not a finding of infringement; "
                             "gdpr-guard explain " + finding["rule_id"] + ")"))
    left = len(active) - len(lines)
    if left:
        lines.append(f"::notice title=gdpr-guard::{left} more finding(s) not annotated (GitHub shows 10 "
                     "annotations of each kind per step); all are in the job summary and the SARIF, JSON "
                     "and HTML reports")
    return lines


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)


def main() -> int:
    workspace = Path(os.environ.get("GITHUB_WORKSPACE") or os.getcwd()).resolve()
    argv = command(workspace)
    if isinstance(argv, str):
        code = _fail(argv)
        outputs = {"status": "error", "exit-code": str(code)}
        _append(os.environ.get("GITHUB_OUTPUT"), "".join(f"{k}={v}\n" for k, v in outputs.items()))
        return code
    sys.stdout.write("gdpr-guard: " + " ".join(shlex.quote(a) for a in argv[3:]) + "\n")
    sys.stdout.flush()
    code = subprocess.run(argv, cwd=workspace, check=False).returncode
    files = {name: workspace / _input(name, default) for name, default in
             (("sarif-file", "gdpr-guard.sarif"), ("json-file", "gdpr-guard.json"),
              ("markdown-file", "gdpr-guard.md"), ("html-file", "gdpr-guard.html")) if _input(name, default)}
    outputs = {"findings": "0", **{s: "0" for s in SEVERITIES}, "suppressed": "0", "errors": "0",
               "status": "error"}
    json_file = files.get("json-file", workspace / "gdpr-guard.json")
    outputs.update(counts(json_file))
    outputs.update({name: str(path) for name, path in files.items() if path.is_file()})
    outputs["exit-code"] = str(code)
    annotated = annotation_lines(json_file) if _flag("annotations", "true") else []
    for line in annotated:
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    outputs["annotations"] = str(sum(1 for line in annotated if not line.startswith("::notice")))
    _append(os.environ.get("GITHUB_OUTPUT"), "".join(f"{k}={v}\n" for k, v in outputs.items()))
    if _flag("step-summary", "true"):
        markdown = files.get("markdown-file")
        if markdown is not None and markdown.is_file():
            _append(os.environ.get("GITHUB_STEP_SUMMARY"), markdown.read_text(encoding="utf-8") + "\n")
        else:
            _append(os.environ.get("GITHUB_STEP_SUMMARY"),
                    f"## gdpr-guard report\n\n**❌ gdpr-guard could not run** (exit code {code}); see the job log.\n\n"
                    "> Not legal advice: a clean or failed scan says nothing about compliance.\n\n")
    if code == 1:
        sys.stderr.write(f"::error title=gdpr-guard::{outputs['findings']} finding(s); the run fails at "
                         f"fail-on {_input('fail-on', 'low')}\n")
    elif code >= 2:
        sys.stderr.write(f"::error title=gdpr-guard::the scan failed (exit code {code}); "
                         "its result cannot be trusted\n")
    return code


if __name__ == "__main__":
    sys.exit(main())
