"""GG-CRED-202: one credential feeding several principals of a Terraform module."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from gdpr_guard.analyses import ANALYSES, RULES, shared_terraform_credentials
from gdpr_guard.targets import discover

FIXTURES = Path(__file__).parent / "fixtures" / "analyses" / "shared_terraform_credentials"
SHARED_LITERAL = "Reporting#Shared-2021"


def _run(root: Path = FIXTURES) -> list:
    root = root.resolve()
    return shared_terraform_credentials.analyse(discover([root], root), {})


def test_shared_credentials_exact_findings() -> None:
    found = {(f.rule_id, f.location.path, f.location.start_line, f.resource) for f in _run()}
    assert found == {
        # var.db_password, also through local.admin_password, and in another file of the module
        ("GG-CRED-202", "infra/databases.tf", 20, "aws_db_instance.fail_results"),
        # one literal, directly and through local.reporting_password
        ("GG-CRED-202", "infra/databases.tf", 35, "aws_redshift_cluster.fail_reporting"),
        # random_password.cache.result for two replication groups
        ("GG-CRED-202", "infra/databases.tf", 50, "aws_elasticache_replication_group.fail_cache_a"),
        # two users of one broker
        ("GG-CRED-202", "infra/databases.tf", 98, "aws_mq_broker.fail_queue"),
        # one SSH key (comment and spacing differ) registered for alice and bob
        ("GG-CRED-202", "infra/users.tf", 5, "aws_transfer_ssh_key.fail_alice"),
        # a replica that may exist next to the primary; the regional and global clusters exclude
        # each other (opposite conditions in their counts) and are not reported
        ("GG-CRED-202", "infra/cluster_modes.tf", 25, "aws_rds_cluster.fail_reporting_replica"),
    }


def test_related_locations_and_detail_name_every_other_use() -> None:
    by_resource = {f.resource: f for f in _run()}
    related = {resource: {(r.path, r.start_line) for r in f.related} for resource, f in by_resource.items()}
    assert related == {
        "aws_db_instance.fail_results": {("infra/databases.tf", 29), ("infra/users.tf", 30)},
        "aws_redshift_cluster.fail_reporting": {("infra/databases.tf", 41)},
        "aws_elasticache_replication_group.fail_cache_a": {("infra/databases.tf", 55)},
        "aws_mq_broker.fail_queue": {("infra/databases.tf", 102)},
        "aws_transfer_ssh_key.fail_alice": {("infra/users.tf", 11)},
        "aws_rds_cluster.fail_reporting_replica": {("infra/cluster_modes.tf", 30)},
    }
    results = by_resource["aws_db_instance.fail_results"]
    assert results.detail == ("Also used by aws_rds_cluster.fail_lims (infra/databases.tf:29), "
                              "google_sql_user.fail_reader (infra/users.tf:30). The value comes from var.db_password.")
    assert "aws_elasticache_replication_group.fail_cache_b (infra/databases.tf:55)" in \
        by_resource["aws_elasticache_replication_group.fail_cache_a"].detail
    assert "aws_transfer_ssh_key.fail_bob (infra/users.tf:11)" in by_resource["aws_transfer_ssh_key.fail_alice"].detail
    for finding in by_resource.values():
        assert finding.engine == "gdpr-guard"
        assert all(secret not in finding.detail for secret in finding.secrets)
        assert "Reporting#" not in finding.detail and "AAAAC3" not in finding.detail


def test_literal_values_only_in_secrets() -> None:
    by_resource = {f.resource: f for f in _run()}
    literal = by_resource["aws_redshift_cluster.fail_reporting"]
    assert SHARED_LITERAL in literal.secrets
    assert SHARED_LITERAL not in literal.detail and SHARED_LITERAL not in literal.context
    assert by_resource["aws_db_instance.fail_results"].secrets == ()
    ssh = by_resource["aws_transfer_ssh_key.fail_alice"]
    assert all(any(s in line for s in ssh.secrets) for line in [ssh.snippet])


def test_personal_data_context_and_tags() -> None:
    results = {f.resource: f for f in _run()}["aws_db_instance.fail_results"]
    assert ("data_classification", "health") in results.tags
    assert "lab-results" in results.context and "google_sql_user.fail_reader" in results.context


def test_variables_resolve_per_module() -> None:
    # other/ uses its own var.db_password once and the infra/ literal once: nothing shared there;
    # other/broken.tf does not parse and is skipped without an exception.
    assert all(f.location.path.startswith("infra/") for f in _run())
    assert _run(FIXTURES / "other") == []


def test_registered() -> None:
    assert ANALYSES["shared_terraform_credentials"] is shared_terraform_credentials.analyse
    assert RULES["shared_terraform_credentials"] == ("GG-CRED-202",)


def test_one_principal_and_block_relative_expressions_are_not_shared(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_db_instance" "a" {\n  password = var.p\n}\n'
        'resource "aws_db_instance" "b" {\n  count    = 2\n  password = random_password.x[count.index].result\n}\n'
        'resource "aws_rds_cluster" "c" {\n  count           = 2\n'
        '  master_password = random_password.x[count.index].result\n}\n'
        'resource "aws_db_instance" "d" {\n  password = uuid()\n}\n'
        'resource "aws_db_instance" "e" {\n  password = uuid()\n}\n')
    assert shared_terraform_credentials.analyse(discover([tmp_path], tmp_path), {}) == []


def test_whitespace_is_normalised(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_db_instance" "a" {\n  password = var.creds["lims"]\n}\n'
        'resource "aws_db_instance" "b" {\n  password = var.creds[ "lims" ]\n}\n'
        'resource "aws_db_instance" "c" {\n  password = var.creds["other"]\n}\n')
    found = shared_terraform_credentials.analyse(discover([tmp_path], tmp_path), {})
    assert [(f.resource, [r.start_line for r in f.related]) for f in found] == [("aws_db_instance.a", [5])]


def test_cli_reports_the_shared_credential_masked_in_every_format(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "infra", tmp_path / "infra")
    literal = "Lab-Shared-Pw-2021"
    (tmp_path / "infra" / "a_first.tf").write_text(
        'resource "aws_db_instance" "export_a" {\n  password = "' + literal + '"\n}\n\n'
        'resource "aws_db_instance" "export_b" {\n  password = "' + literal + '"\n}\n')
    base = [sys.executable, "-m", "gdpr_guard", "scan", "infra", "--root", "."]
    run = subprocess.run([*base, "--format", "json", "--sarif-file", "out.sarif", "--markdown-file", "out.md"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert report["errors"] == []
    mine = {(f["location"]["path"], f["location"]["start_line"], f["resource"]): f
            for f in report["findings"] if f["rule_id"] == "GG-CRED-202"}
    assert set(mine) == {
        ("infra/a_first.tf", 2, "aws_db_instance.export_a"),
        ("infra/databases.tf", 20, "aws_db_instance.fail_results"),
        ("infra/databases.tf", 35, "aws_redshift_cluster.fail_reporting"),
        ("infra/databases.tf", 50, "aws_elasticache_replication_group.fail_cache_a"),
        ("infra/databases.tf", 98, "aws_mq_broker.fail_queue"),
        ("infra/users.tf", 5, "aws_transfer_ssh_key.fail_alice"),
        ("infra/cluster_modes.tf", 25, "aws_rds_cluster.fail_reporting_replica"),
    }
    first = mine[("infra/a_first.tf", 2, "aws_db_instance.export_a")]
    assert first["snippet"] == 'password = "****"'
    assert "aws_db_instance.export_b (infra/a_first.tf:6)" in first["message"]
    assert mine[("infra/databases.tf", 20, "aws_db_instance.fail_results")]["severity"] == "critical"  # health tag
    text = subprocess.run([*base, "--format", "text"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, check=False)
    assert "GG-CRED-202" in text.stdout
    sarif = (tmp_path / "out.sarif").read_text(encoding="utf-8")
    markdown = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "GG-CRED-202" in sarif and "GG-CRED-202" in markdown
    for output in (run.stdout, run.stderr, text.stdout, text.stderr, sarif, markdown):
        assert literal not in output
        assert SHARED_LITERAL not in output


def test_services_one_string_variable_chooses_between_are_one_principal() -> None:
    # The Elasticsearch and OpenSearch domains exclude each other through locals comparing one string
    # variable (cloudposse terraform-aws-elasticsearch); the reporting database always exists beside them.
    root = (FIXTURES.parent / "shared_credential_exclusive_services").resolve()
    found = {(f.location.path, f.location.start_line, f.resource)
             for f in shared_terraform_credentials.analyse(discover([root], root), {})}
    assert found == {("main.tf", 25, "aws_db_instance.fail_reporting")}


def test_exclusive_services_alone_share_nothing(tmp_path: Path) -> None:
    source = (FIXTURES.parent / "shared_credential_exclusive_services" / "main.tf").read_text(encoding="utf-8")
    start = source.index('resource "aws_db_instance"')
    end = source.index('resource "aws_elasticsearch_domain"')
    (tmp_path / "main.tf").write_text(source[:start] + source[end:], encoding="utf-8")
    assert shared_terraform_credentials.analyse(discover([tmp_path], tmp_path), {}) == []
