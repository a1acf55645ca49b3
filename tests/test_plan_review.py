"""Terraform plans: `scan plan.json` points at the .tf line, `review --plan` keeps the change under review.

The fixture tests/fixtures/plans/infra/plan.json is written in Terraform's documented JSON output
format (`terraform show -json`) for the configuration beside it: results, orders and
module.analytics.aws_db_instance.warehouse are created, archive is updated, replica is replaced,
reporting is unchanged, and patients_legacy (health data), lab_exports (a lab bucket) and
old_bastion (no personal data) are destroyed. The real checkov runs on it; the rule set is pinned to
GG-ENC-001 so that rules added later do not change these exact sets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from gdpr_guard import plan_review, terraform_plan
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.errors import UsageError
from gdpr_guard.finding import Location
from gdpr_guard.legal_notice import DISCLAIMER
from gdpr_guard.reporters import review as review_report
from gdpr_guard.scan import run_scan

PLANS = FIXTURES / "plans"
INFRA = PLANS / "infra"
PLAN = INFRA / "plan.json"
REL = "tests/fixtures/plans/infra"
PINNED = Config(enable=("GG-ENC-001",))


@pytest.fixture(scope="module")
def review(catalog: Catalog) -> plan_review.Review:
    return plan_review.review(PLAN, REPO, PINNED, catalog)


def test_plan_is_parsed_in_terraforms_format() -> None:
    plan = terraform_plan.load(PLAN)
    assert plan.terraform_version == "1.7.5"
    assert {c.address: c.action for c in plan.changes} == {
        "aws_db_instance.archive": "update",
        "aws_db_instance.orders": "create",
        "aws_db_instance.patients_legacy": "delete",
        "aws_db_instance.replica": "replace",
        "aws_db_instance.reporting": "no-op",
        "aws_db_instance.results": "create",
        "aws_s3_bucket.lab_exports": "delete",
        "aws_security_group.old_bastion": "delete",
        "module.analytics.aws_db_instance.warehouse": "create",
    }
    assert plan.change('aws_db_instance.results[0]') == plan.change("aws_db_instance.results")


def test_not_a_plan_is_a_usage_error(tmp_path: Path) -> None:
    bogus = tmp_path / "state.json"
    bogus.write_text('{"version": 4, "resources": []}', encoding="utf-8")
    with pytest.raises(UsageError, match="not a Terraform plan"):
        terraform_plan.load(bogus)


def test_addresses_map_to_their_tf_blocks_through_module_calls() -> None:
    located = terraform_plan.locate(terraform_plan.load(PLAN), REPO)
    assert located == {
        "aws_db_instance.results": Location(f"{REL}/main.tf", 18, 28),
        "aws_db_instance.orders": Location(f"{REL}/main.tf", 30, 36),
        "aws_db_instance.archive": Location(f"{REL}/main.tf", 38, 44),
        "aws_db_instance.replica": Location(f"{REL}/main.tf", 46, 52),
        "aws_db_instance.reporting": Location(f"{REL}/main.tf", 54, 60),
        "module.analytics.aws_db_instance.warehouse": Location(f"{REL}/modules/analytics/main.tf", 1, 7),
    }  # destroyed resources have no block any more


def test_the_configuration_root_is_found_among_look_alike_directories(tmp_path: Path) -> None:
    # Two environments declare aws_db_instance.results; only prod/ declares everything the plan's
    # configuration lists, so prod/ is the configuration root (checkov's own enrichment, which matches
    # on type.name anywhere under the root, cannot tell them apart).
    for env in ("dev", "prod"):
        (tmp_path / env / "modules" / "analytics").mkdir(parents=True)
    (tmp_path / "dev" / "main.tf").write_text('resource "aws_db_instance" "results" {\n}\n', encoding="utf-8")
    (tmp_path / "prod" / "main.tf").write_text((INFRA / "main.tf").read_text(), encoding="utf-8")
    (tmp_path / "prod" / "modules" / "analytics" / "main.tf").write_text(
        (INFRA / "modules" / "analytics" / "main.tf").read_text(), encoding="utf-8")
    (tmp_path / "plan.json").write_text(PLAN.read_text(), encoding="utf-8")
    located = terraform_plan.locate(terraform_plan.load(tmp_path / "plan.json"), tmp_path)
    assert located["aws_db_instance.results"] == Location("prod/main.tf", 18, 28)
    assert located["module.analytics.aws_db_instance.warehouse"] == Location("prod/modules/analytics/main.tf", 1, 7)


def test_scan_of_a_plan_names_the_address_and_points_at_the_tf_line(catalog: Catalog) -> None:
    result = run_scan([PLAN], REPO, PINNED, catalog)
    assert result.errors == () and result.targets == {"terraform_plan": 1}
    # At the attribute the check read (`storage_encrypted = false`), the resource block as related
    # location: as for a scan of the .tf files themselves.
    assert {(f.rule_id, f.resource, f.location.path, f.location.start_line,
             f.block.start_line if f.block else None, str(f.severity)) for f in result.findings} == {
        ("GG-ENC-001", "aws_db_instance.archive", f"{REL}/main.tf", 43, 38, "high"),
        ("GG-ENC-001", "aws_db_instance.replica", f"{REL}/main.tf", 51, 46, "high"),
        ("GG-ENC-001", "aws_db_instance.reporting", f"{REL}/main.tf", 59, 54, "high"),
        ("GG-ENC-001", "aws_db_instance.results", f"{REL}/main.tf", 23, 18, "critical"),
        ("GG-ENC-001", "module.analytics.aws_db_instance.warehouse", f"{REL}/modules/analytics/main.tf", 6, 1,
         "high"),
    }
    results = next(f for f in result.findings if f.resource == "aws_db_instance.results")
    assert results.data_reason == "tag data_classification=health"
    assert results.snippet.startswith('resource "aws_db_instance" "results" {')


def test_without_the_configuration_findings_stay_in_the_plan(tmp_path: Path, catalog: Catalog) -> None:
    plan = json.loads(PLAN.read_text())
    del plan["configuration"]
    (tmp_path / "plan.json").write_text(json.dumps(plan, indent=2), encoding="utf-8")
    result = run_scan([tmp_path / "plan.json"], tmp_path, PINNED, catalog)
    assert result.errors == ()
    assert {f.location.path for f in result.findings} == {"plan.json"}
    assert len(result.findings) == 5


def test_review_keeps_created_updated_and_replaced_resources(review: plan_review.Review) -> None:
    assert review.result.errors == ()
    assert {(f.rule_id, f.resource, review.actions[f.resource or ""], f.location.path, f.location.start_line)
            for f in review.result.findings} == {
        ("GG-ENC-001", "aws_db_instance.results", "create", f"{REL}/main.tf", 23),
        ("GG-ENC-001", "aws_db_instance.archive", "update", f"{REL}/main.tf", 43),
        ("GG-ENC-001", "aws_db_instance.replica", "replace", f"{REL}/main.tf", 51),
        ("GG-ENC-001", "module.analytics.aws_db_instance.warehouse", "create", f"{REL}/modules/analytics/main.tf", 6),
    }
    assert review.not_reviewed == 1  # aws_db_instance.reporting: unchanged by this plan
    assert review.counts == {"create": 3, "delete": 3, "no-op": 1, "replace": 1, "update": 1}


def test_review_lists_destroyed_resources_that_held_personal_data(review: plan_review.Review) -> None:
    assert [(d.address, d.action, d.category, d.reason) for d in review.destroyed] == [
        ("aws_db_instance.patients_legacy", "delete", "special", "tag data_classification=health"),
        ("aws_s3_bucket.lab_exports", "delete", "personal", 'name matches "lab"'),
    ]  # aws_security_group.old_bastion held no personal data


def test_review_markdown_for_a_pull_request_comment(review: plan_review.Review, catalog: Catalog) -> None:
    text = review_report.markdown(review, catalog)
    assert text.startswith("## gdpr-guard review of a Terraform plan\n\n**❌ findings in the change** · plan "
                           f"`{REL}/plan.json` (Terraform 1.7.5) · 3 create · 1 update · 1 replace · 3 delete · "
                           "1 no-op · fail-on: low\n")
    findings, destroyed = text.split("### Findings in the change")[1].split(
        "### Destroyed resources that held personal data")
    assert "| critical | GG-ENC-001 | `aws_db_instance.results` | create | `" + REL + "/main.tf:23` | " \
           "Database storage of aws_db_instance.results is not encrypted at rest. (special category: health; tag " \
           "data_classification=health) | Art. 32, Art. 32(1)(a), Art. 5(1)(f) · DED-3b (same) |" in findings
    assert "`aws_db_instance.replica` | replace |" in findings
    assert "reporting" not in findings
    assert ("| `aws_db_instance.patients_legacy` | delete | special category: health | "
            "tag data_classification=health |") in destroyed
    assert '| `aws_s3_bucket.lab_exports` | delete | personal data | name matches "lab" |' in destroyed
    assert "old_bastion" not in text
    assert f"\n> {DISCLAIMER}\n" in text  # a pull-request comment is read by people too
    assert "_1 finding(s) on resources this plan does not change are not shown" in destroyed


def _cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gdpr_guard", *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ), timeout=600)


def test_review_command_exit_codes_and_json(tmp_path: Path) -> None:
    config = tmp_path / "pinned.yaml"
    config.write_text("enable: [GG-ENC-001]\n", encoding="utf-8")
    out = tmp_path / "review.json"
    run = _cli("review", "--plan", str(PLAN), "--root", str(REPO), "--config", str(config), "--format", "json",
               "-o", str(out))
    assert run.returncode == 1, run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["status"] == "findings" and data["plan"] == f"{REL}/plan.json"
    assert sorted((f["resource"], f["action"], f["severity"]) for f in data["findings"]) == [
        ("aws_db_instance.archive", "update", "high"),
        ("aws_db_instance.replica", "replace", "high"),
        ("aws_db_instance.results", "create", "critical"),
        ("module.analytics.aws_db_instance.warehouse", "create", "high"),
    ]
    assert [d["address"] for d in data["destroyed_personal_data"]] == [
        "aws_db_instance.patients_legacy", "aws_s3_bucket.lab_exports"]

    markdown = _cli("review", "--plan", "plan.json", "--config", str(config), "--fail-on", "critical", cwd=INFRA)
    assert markdown.returncode == 1  # results holds health data: critical
    assert "`main.tf:23`" in markdown.stdout and "### Destroyed resources that held personal data" in markdown.stdout
    assert _cli("review", "--plan", "plan.json", "--config", str(config), "--exit-zero", cwd=INFRA).returncode == 0

    clean = tmp_path / "clean"
    clean.mkdir()
    plan = json.loads(PLAN.read_text())
    for change in plan["resource_changes"]:
        if change["change"]["actions"] != ["delete"]:
            change["change"]["actions"] = ["no-op"]
    (clean / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    unchanged = _cli("review", "--plan", "plan.json", "--config", str(config), cwd=clean)
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert "No finding on the resources this plan creates, updates or replaces." in unchanged.stdout
    assert "_5 finding(s) on resources this plan does not change are not shown" in unchanged.stdout

    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    assert _cli("review", "--plan", str(tmp_path / "notes.json")).returncode == 2
    assert _cli("review", "--plan", str(PLAN), "--root", str(tmp_path)).returncode == 2  # plan outside the root
