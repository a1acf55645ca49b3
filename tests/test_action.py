"""The composite GitHub Action: its steps run locally, with the GitHub environment emulated.

The install step really creates the action's virtual environment and pip-installs this checkout
(once per session; pip reads the dependencies from the session's wheelhouse, conftest.pip_from_wheelhouse),
then the scan step runs as the runner would run it:
`${{ inputs.* }}` expressions substituted, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
GITHUB_ACTION_PATH and RUNNER_TEMP set.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from gdpr_guard import sarif_validate

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
SCRIPT = (REPO / "hooks" / "github_action.py").read_text(encoding="utf-8")
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
UNENCRYPTED_DB = """\
resource "aws_db_instance" "results" {
  identifier        = "results"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
  storage_encrypted = false
}
"""
COPY_SQL = "INSERT INTO results_copy SELECT id, code FROM results;\n"
# Pinned rule set: rules added later must not change these counts.
CONFIG = "enable: [GG-ENC-001, GG-DEL-101]\n"


def _steps() -> dict[str, dict[str, Any]]:
    return {step.get("id", step["name"]): step for step in ACTION["runs"]["steps"]}


def _run_step(step: dict[str, Any], inputs: dict[str, str], github: dict[str, str],
              extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """One composite step as the runner runs it (bash, inputs substituted, in GITHUB_WORKSPACE)."""
    declared = ACTION["inputs"]

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in declared, f"step uses undeclared input {name}"
        return inputs.get(name, str(declared[name].get("default", "")))

    env = {**os.environ, **github, **(extra_env or {})}
    env.update({k: EXPRESSION.sub(value, str(v)) for k, v in (step.get("env") or {}).items()})
    assert step["shell"] == "bash"
    script = EXPRESSION.sub(value, step["run"])
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=github["GITHUB_WORKSPACE"], env=env, capture_output=True, text=True, timeout=900)


def _outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


@pytest.fixture(scope="session")
def runner_temp(tmp_path_factory: pytest.TempPathFactory, pip_from_wheelhouse: dict[str, str]) -> Path:
    """RUNNER_TEMP after the action's install step ran (a real venv with this checkout pip-installed)."""
    temp = tmp_path_factory.mktemp("runner-temp")
    workspace = tmp_path_factory.mktemp("install-workspace")
    github = {"RUNNER_TEMP": str(temp), "GITHUB_ACTION_PATH": str(REPO), "GITHUB_WORKSPACE": str(workspace)}
    installed = _run_step(_steps()["Install gdpr-guard"], {"python": sys.executable}, github, pip_from_wheelhouse)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert (temp / "gdpr-guard-venv" / "bin" / "gdpr-guard").exists()
    return temp


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    """A repository with one high (GG-ENC-001) and one medium (GG-DEL-101) finding."""
    work = tmp_path / "workspace"
    (work / "infra").mkdir(parents=True)
    (work / "migrations").mkdir()
    (work / "infra" / "db.tf").write_text(UNENCRYPTED_DB, encoding="utf-8")
    (work / "migrations" / "V1__copy.sql").write_text(COPY_SQL, encoding="utf-8")
    (work / ".gdpr-guard.yaml").write_text(CONFIG, encoding="utf-8")
    return work


def _scan(runner_temp: Path, work: Path, inputs: dict[str, str] | None = None,
          extra_env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], dict[str, str], str]:
    out = work.parent / "github"
    out.mkdir(exist_ok=True)
    (out / "output").write_text("", encoding="utf-8")
    (out / "summary.md").write_text("# earlier step\n", encoding="utf-8")
    github = {"RUNNER_TEMP": str(runner_temp), "GITHUB_ACTION_PATH": str(REPO), "GITHUB_WORKSPACE": str(work),
              "GITHUB_OUTPUT": str(out / "output"), "GITHUB_STEP_SUMMARY": str(out / "summary.md")}
    run = _run_step(_steps()["scan"], inputs or {}, github, extra_env)
    return run, _outputs(out / "output"), (out / "summary.md").read_text(encoding="utf-8")


def test_action_declares_the_inputs_and_outputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs, outputs = set(ACTION["inputs"]), set(ACTION["outputs"])
    assert {"paths", "fail-on", "config", "baseline", "changed-files-only", "sarif-file", "json-file",
            "markdown-file"} <= inputs
    assert {"findings", "critical", "high", "medium", "low", "sarif-file", "exit-code"} <= outputs
    for name, output in ACTION["outputs"].items():
        assert output["value"] == f"${{{{ steps.scan.outputs.{name} }}}}"
        assert output.get("description")
    scan = _steps()["scan"]
    passed = {k.removeprefix("INPUT_").lower().replace("_", "-") for k in scan["env"]}
    read = set(re.findall(r'_(?:input|flag)\("([\w-]+)"', SCRIPT))
    assert read == passed, "every input the script reads is passed by action.yml, and no other"
    for key, expression in scan["env"].items():  # inputs reach the script as env, never as shell code
        assert expression == f"${{{{ inputs.{key.removeprefix('INPUT_').lower().replace('_', '-')} }}}}"
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], "no expression is interpolated into a shell script"


@pytest.mark.slow
def test_scan_writes_sarif_summary_and_counts_and_fails_on_findings(runner_temp: Path, workspace: Path) -> None:
    run, outputs, summary = _scan(runner_temp, workspace, {"sarif-file": "reports/gg.sarif"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "infra/db.tf:6: GG-ENC-001 [high]" in run.stdout and "migrations/V1__copy.sql:1: GG-DEL-101" in run.stdout
    assert "::error title=gdpr-guard::2 finding(s)" in run.stderr
    assert {k: outputs[k] for k in ("findings", "critical", "high", "medium", "low", "suppressed", "status",
                                    "exit-code")} == {"findings": "2", "critical": "0", "high": "1", "medium": "1",
                                                      "low": "0", "suppressed": "0", "status": "findings",
                                                      "exit-code": "1"}
    sarif = workspace / "reports" / "gg.sarif"
    assert outputs["sarif-file"] == str(sarif)
    assert sarif_validate.problems(sarif.read_text(encoding="utf-8")) == []
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results) \
        == [("GG-DEL-101", "migrations/V1__copy.sql"), ("GG-ENC-001", "infra/db.tf")]
    assert summary.startswith("# earlier step\n## gdpr-guard report\n")  # appended, not overwritten
    assert summary.removeprefix("# earlier step\n") == (workspace / "gdpr-guard.md").read_text(encoding="utf-8") + "\n"
    assert "| high | GG-ENC-001 |" in summary
    assert "Not legal advice." in summary  # the notice reaches the job summary
    # inline annotations with file and line, most severe first; outputs are exactly those declared
    assert run.stdout.splitlines()[-2:] == [
        "::error file=infra/db.tf,line=6,endLine=6,title=GG-ENC-001 [high]::Database storage of "
        "aws_db_instance.results is not encrypted at rest. (a risk signal, not a finding of infringement; "
        "gdpr-guard explain GG-ENC-001)",
        "::warning file=migrations/V1__copy.sql,line=1,endLine=1,title=GG-DEL-101 [medium]::This migration "
        "copies data but never drops, truncates or deletes the source or the copy. (a risk signal, not a "
        "finding of infringement; gdpr-guard explain GG-DEL-101)"]
    assert set(outputs) == set(ACTION["outputs"])
    assert outputs["annotations"] == "2" and outputs["errors"] == "0"
    assert (workspace / "gdpr-guard.html").is_file() and outputs["html-file"] == str(workspace / "gdpr-guard.html")


@pytest.mark.slow
def test_fail_on_threshold_passes_below_it(runner_temp: Path, workspace: Path) -> None:
    run, outputs, summary = _scan(runner_temp, workspace, {"fail-on": "critical"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert (outputs["findings"], outputs["high"], outputs["exit-code"]) == ("2", "1", "0")
    assert "fail-on: critical" in summary


@pytest.mark.slow
def test_scan_error_always_fails(runner_temp: Path, workspace: Path) -> None:
    # checkov: the workspace's SQL is read by gdpr-guard's own SQL engine, so semgrep has nothing to run on
    run, outputs, summary = _scan(runner_temp, workspace, {"fail-on": "critical"},
                                  {"GDPR_GUARD_CHECKOV": str(workspace / "no-such-checkov")})
    assert run.returncode == 3
    assert (outputs["status"], outputs["exit-code"]) == ("error", "3")
    assert "### Scan errors" in summary and "checkov: not found at" in summary
    assert "::error title=gdpr-guard::the scan failed (exit code 3)" in run.stderr


@pytest.mark.slow
def test_bad_input_is_a_usage_error(runner_temp: Path, workspace: Path) -> None:
    run, outputs, _ = _scan(runner_temp, workspace, {"fail-on": "sometimes"})
    assert run.returncode == 2
    assert outputs == {"status": "error", "exit-code": "2"}
    assert "::error title=gdpr-guard::fail-on must be one of low, medium, high, critical" in run.stderr


@pytest.mark.slow
def test_baseline_input_reports_only_new_findings(runner_temp: Path, workspace: Path) -> None:
    gdpr_guard = runner_temp / "gdpr-guard-venv" / "bin" / "gdpr-guard"
    created = subprocess.run([str(gdpr_guard), "baseline", "create", "-o", "baseline.json"], cwd=workspace,
                             capture_output=True, text=True, timeout=600)
    assert created.returncode == 0, created.stderr
    run, outputs, _ = _scan(runner_temp, workspace, {"baseline": "baseline.json"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert (outputs["findings"], outputs["suppressed"], outputs["exit-code"]) == ("0", "2", "0")


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.slow
def test_changed_files_only_reports_the_pull_request_lines(runner_temp: Path, workspace: Path) -> None:
    # main holds the SQL finding; the pull request adds the unencrypted database.
    (workspace / "infra" / "db.tf").unlink()
    _git("init", "-q", "-b", "main", cwd=workspace)
    _git("add", ".gdpr-guard.yaml", "migrations/V1__copy.sql", cwd=workspace)
    _git("commit", "-q", "-m", "base", cwd=workspace)
    _git("update-ref", "refs/remotes/origin/main", "HEAD", cwd=workspace)  # as actions/checkout fetch-depth 0
    _git("checkout", "-q", "-b", "feature", cwd=workspace)
    (workspace / "infra" / "db.tf").write_text(UNENCRYPTED_DB, encoding="utf-8")
    _git("add", "infra/db.tf", cwd=workspace)
    _git("commit", "-q", "-m", "database", cwd=workspace)

    run, outputs, _ = _scan(runner_temp, workspace, {"changed-files-only": "true"}, {"GITHUB_BASE_REF": "main"})
    assert "--diff-base origin/main" in run.stdout
    assert run.returncode == 1, run.stdout + run.stderr
    assert (outputs["findings"], outputs["high"], outputs["medium"]) == ("1", "1", "0")

    run, outputs, _ = _scan(runner_temp, workspace, {"changed-files-only": "true"}, {"GITHUB_BASE_REF": ""})
    assert run.returncode == 2 and "changed-files-only needs a pull request" in run.stderr


def _hook() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("github_action", REPO / "hooks" / "github_action.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_annotations_are_bounded_as_github_bounds_them(tmp_path: Path) -> None:
    """At most 9 errors (one is kept for the verdict) and 10 warnings per step, most severe first, escaped,
    and a notice counting the rest."""
    def finding(i: int, severity: str) -> dict[str, Any]:
        return {"rule_id": "GG-ENC-001", "severity": severity, "message": f"m{i}: 100%, a,b\nnext",
                "location": {"path": f"infra/{i:02d},x.tf", "start_line": i, "end_line": i + 1},
                "suppression": None}

    findings = [finding(i, "critical" if i < 4 else "high" if i < 12 else "low") for i in range(30)]
    findings.append({**finding(99, "critical"), "suppression": {"kind": "inline"}})
    report = tmp_path / "r.json"
    report.write_text(json.dumps({"findings": findings}), encoding="utf-8")
    lines = _hook().annotation_lines(report)
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 9 and len(warnings) == 10 and len(lines) == 20
    assert [e.split(",")[0] for e in errors[:4]] == [f"::error file=infra/{i:02d}%2Cx.tf" for i in range(4)]
    assert errors[0] == ("::error file=infra/00%2Cx.tf,line=0,endLine=1,title=GG-ENC-001 [critical]::m0: 100%25, "
                         "a,b%0Anext (a risk signal, not a finding of infringement; gdpr-guard explain GG-ENC-001)")
    assert lines[-1].startswith("::notice title=gdpr-guard::11 more finding(s) not annotated")
    assert "99" not in "".join(lines)  # suppressed findings are not annotated
