"""Suppressions, baselines, --diff-base and configuration: exact outputs with the real engine."""

from __future__ import annotations

import json
import subprocess
import textwrap
from pathlib import Path

import pytest
from test_cli import gdpr_guard

from gdpr_guard import sarif_validate
from gdpr_guard.legal_notice import DISCLAIMER

COPY = "CREATE TABLE {name} AS SELECT id, code FROM results;\n"
FIX = ("    fix: In the same migration (or a scheduled follow-up one), `DROP` or `TRUNCATE` the source or staging "
       "table once the copy is verified, or document in the migration plan why both must remain.")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(repo), "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def suppressed_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("suppressions")
    (repo / "V1__justified.sql").write_text(
        '-- gdpr-guard: ignore[GG-DEL-101] reason="archive dropped by V9 after audit" until=2999-12-31\n'
        + COPY.format(name="archive_2020"), encoding="utf-8")
    (repo / "V2__no_reason.sql").write_text("-- gdpr-guard: ignore[GG-DEL-101]\n" + COPY.format(name="copy_b"),
                                            encoding="utf-8")
    (repo / "V3__expired.sql").write_text(
        COPY.format(name="copy_c").rstrip("\n")
        + '  -- gdpr-guard: ignore[GG-DEL-101] reason="temporary" until=2021-06-30\n', encoding="utf-8")
    return repo


def test_suppressions_exact_text(suppressed_repo: Path) -> None:
    run = gdpr_guard("scan", ".", cwd=suppressed_repo)
    assert run.returncode == 1
    assert run.stdout == (
        "V2__no_reason.sql:2: GG-DEL-101 [medium] This migration copies data but never drops, truncates or deletes "
        "the source or the copy. (GDPR Art. 5(1)(e), Art. 28(3)(g), Art. 32 · CNIL DED-3c (same), SLI-1 (related))\n"
        f"{FIX}\n"
        "V3__expired.sql:1: GG-DEL-101 [medium] This migration copies data but never drops, truncates or deletes "
        "the source or the copy. (GDPR Art. 5(1)(e), Art. 28(3)(g), Art. 32 · CNIL DED-3c (same), SLI-1 (related))\n"
        f"{FIX}\n"
        "V1__justified.sql:2: GG-DEL-101 suppressed (inline: archive dropped by V9 after audit)\n"
        'notice: V2__no_reason.sql:1: suppression of GG-DEL-101 has no reason="...": not applied\n'
        "notice: V3__expired.sql:1: suppression of GG-DEL-101 expired on 2021-06-30: not applied\n"
        "\n"
        "By GDPR article:\n"
        "  Art. 5(1)(e) (Principles relating to processing of personal data): 2\n"
        "  Art. 28(3)(g) (Processor): 2\n"
        "  Art. 32 (Security of processing): 2\n"
        "\n"
        "gdpr-guard: files by role: 3 migration (BAK, CRED, DEL, ENC, LOG, MIG, MIN, PUB).\n"
        "gdpr-guard: 2 finding(s) (2 medium), 1 suppressed; scanned 3 sql.\n"
        + "\n".join(textwrap.wrap(DISCLAIMER, width=100)) + "\n")


def test_suppressions_in_json_markdown_and_sarif(suppressed_repo: Path, tmp_path: Path) -> None:
    run = gdpr_guard("scan", ".", "--format", "json", "--sarif-file", str(tmp_path / "r.sarif"),
                     "--markdown-file", str(tmp_path / "r.md"), cwd=suppressed_repo)
    data = json.loads(run.stdout)
    suppressed = [f for f in data["findings"] if f["suppression"]]
    assert [(f["location"]["path"], f["suppression"]) for f in suppressed] == [(
        "V1__justified.sql",
        {"kind": "inline", "reason": "archive dropped by V9 after audit", "until": "2999-12-31",
         "location": {"path": "V1__justified.sql", "start_line": 1, "end_line": 1, "start_column": None,
                      "end_column": None}})]
    assert data["summary"]["suppressed"] == 1 and data["summary"]["findings"] == 2
    markdown = (tmp_path / "r.md").read_text()
    assert ("| GG-DEL-101 | `V1__justified.sql:2` | inline | archive dropped by V9 after audit | 2999-12-31 |"
            in markdown)
    sarif_text = (tmp_path / "r.sarif").read_text()
    assert sarif_validate.problems(sarif_text) == []
    results = json.loads(sarif_text)["runs"][0]["results"]
    assert [r["suppressions"] for r in results if "suppressions" in r] == [
        [{"kind": "inSource", "status": "accepted", "justification": "archive dropped by V9 after audit"}]]
    hidden = gdpr_guard("scan", ".", "--format", "sarif", "--no-suppressed-in-sarif", cwd=suppressed_repo)
    assert len(json.loads(hidden.stdout)["runs"][0]["results"]) == 2


def test_terraform_block_suppression(tmp_path: Path) -> None:
    (tmp_path / "db.tf").write_text(
        'resource "aws_db_instance" "legacy" {\n'
        '  # gdpr-guard: ignore[GG-ENC-001, GG-LOG-003] reason="decommissioned 2027-01, holds no data" '
        'until=2999-01-01\n'
        '  engine = "postgres"\n}\n', encoding="utf-8")
    run = gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path)
    data = json.loads(run.stdout)
    suppressed = {(f["rule_id"], f["resource"], f["suppression"]["reason"])
                  for f in data["findings"] if f["suppression"]}
    assert suppressed == {("GG-ENC-001", "aws_db_instance.legacy", "decommissioned 2027-01, holds no data"),
                          ("GG-LOG-003", "aws_db_instance.legacy", "decommissioned 2027-01, holds no data")}
    active = {f["rule_id"] for f in data["findings"] if not f["suppression"]}
    assert "GG-ENC-001" not in active and "GG-LOG-003" not in active and active
    assert run.returncode == 1


def test_baseline_reports_only_new_findings_and_survives_moved_lines(tmp_path: Path) -> None:
    migration = tmp_path / "V1__copy.sql"
    migration.write_text(COPY.format(name="old_copy"), encoding="utf-8")
    created = gdpr_guard("baseline", "create", ".", "-o", "baseline.json", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    assert created.stdout == "gdpr-guard: baseline of 1 finding(s) written to baseline.json\n"
    stored = json.loads((tmp_path / "baseline.json").read_text())
    assert [(e["rule_id"], e["path"]) for e in stored["findings"]] == [("GG-DEL-101", "V1__copy.sql")]
    assert "results" not in json.dumps(stored["findings"][0]) or "SELECT" not in json.dumps(stored)
    migration.write_text("-- moved down by a new header\n\n" + COPY.format(name="old_copy")
                         + COPY.format(name="new_copy"), encoding="utf-8")
    run = gdpr_guard("scan", ".", "--baseline", "baseline.json", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stdout.splitlines()[0].startswith("V1__copy.sql:4: GG-DEL-101 [medium]")
    assert run.stdout.splitlines()[1] == FIX
    # the baseline as the repository knows it, never the machine's absolute path (it reaches SARIF)
    assert run.stdout.splitlines()[2] == "V1__copy.sql:3: GG-DEL-101 suppressed (baseline: accepted in baseline " \
        + "baseline.json)"


def test_invalid_baseline_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "V1.sql").write_text("SELECT 1;\n", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"version": 2, "findings": [{"rule_id": "x"}]}', encoding="utf-8")
    run = gdpr_guard("scan", ".", "--baseline", "b.json", cwd=tmp_path)
    assert run.returncode == 2
    assert "b.json: 4 schema error(s):" in run.stderr
    assert "$.findings[0]: 'path' is a required property" in run.stderr
    assert "$.findings[0]: 'fingerprint' is a required property" in run.stderr
    assert "$.version: 1 was expected" in run.stderr


def test_diff_base_reports_only_changed_lines(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "V1__copy.sql").write_text(COPY.format(name="old_copy"), encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    with (tmp_path / "V1__copy.sql").open("a", encoding="utf-8") as handle:
        handle.write(COPY.format(name="new_copy"))
    (tmp_path / "V2__new.sql").write_text(COPY.format(name="another"), encoding="utf-8")
    run = gdpr_guard("scan", ".", "--diff-base", "main", "--format", "json", cwd=tmp_path)
    data = json.loads(run.stdout)
    assert sorted((f["location"]["path"], f["location"]["start_line"]) for f in data["findings"]) == [
        ("V1__copy.sql", 2), ("V2__new.sql", 1)]
    assert data["notices"] == ["1 finding(s) on lines not changed since main are not reported (--diff-base)"]
    assert gdpr_guard("scan", ".", "--diff-base", "no-such-ref", cwd=tmp_path).returncode == 2


def test_config_file_and_cli_override(tmp_path: Path) -> None:
    (tmp_path / "V1.sql").write_text(COPY.format(name="c"), encoding="utf-8")
    (tmp_path / ".gdpr-guard.yaml").write_text("fail-on: high\n", encoding="utf-8")
    assert gdpr_guard("scan", ".", cwd=tmp_path).returncode == 0
    assert gdpr_guard("scan", ".", "--fail-on", "low", cwd=tmp_path).returncode == 1
    (tmp_path / ".gdpr-guard.yaml").write_text("disable: [GG-DEL-101]\n", encoding="utf-8")
    assert gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout.count('"rule_id"') == 0
    (tmp_path / ".gdpr-guard.yaml").unlink()
    (tmp_path / "pyproject.toml").write_text('[tool.gdpr-guard]\nseverity = {"GG-DEL-101" = "critical"}\n',
                                             encoding="utf-8")
    data = json.loads(gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout)
    assert [f["severity"] for f in data["findings"]] == ["critical"]


def test_config_errors_exact_output(tmp_path: Path) -> None:
    (tmp_path / ".gdpr-guard.yaml").write_text(
        "fail-on: sometimes\nexclude: legacy\nseverity: {GG-DEL-101: urgent}\nunknown: 1\n", encoding="utf-8")
    run = gdpr_guard("scan", ".", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    config = tmp_path / ".gdpr-guard.yaml"
    assert run.stderr == (
        f"gdpr-guard: error: {config}: 4 schema error(s):\n"
        "  $.exclude: 'legacy' is not of type 'array'\n"
        "  $.fail-on: 'sometimes' is not one of ['low', 'medium', 'high', 'critical']\n"
        "  $.severity.GG-DEL-101: 'urgent' is not one of ['low', 'medium', 'high', 'critical']\n"
        "  $: Additional properties are not allowed ('unknown' was unexpected)\n")
    config.write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    run = gdpr_guard("scan", ".", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == f"gdpr-guard: error: {config}: YAML aliases are not allowed (line 2)\n"


def test_generic_accounts_setting_reaches_the_semgrep_rules(tmp_path: Path) -> None:
    (tmp_path / "etl.py").write_text(
        "import os\nimport psycopg2\n\n"
        'a = psycopg2.connect(host="db", user="etl_bot", password=os.environ["A"])\n'
        'b = psycopg2.connect(host="db", user="admin", password=os.environ["B"])\n', encoding="utf-8")

    def lines() -> list[int]:
        data = json.loads(gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout)
        return [f["location"]["start_line"] for f in data["findings"] if f["rule_id"] == "GG-CRED-106"]

    assert lines() == [5]
    (tmp_path / ".gdpr-guard.yaml").write_text("generic-accounts: [etl_bot]\n", encoding="utf-8")
    assert lines() == [4]
