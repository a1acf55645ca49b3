"""Rules that relate resources, on a scanned plan alone (the .tf files are not targets).

- tests/fixtures/plans/azure_firewall/plan.json, written by hand in Terraform's documented JSON output
  format (no azurerm provider offline), planned from its main.tf with var.env = "prod": a firewall rule
  opens the Azure server it names (GG-PUB-016..019).
- tests/fixtures/plans/s3_lifecycle/plan.json, made by terraform 1.11.4 with the hashicorp/aws 5.100.0
  provider offline from its main.tf (see provider.tf): a lifecycle configuration settles a migration
  bucket only with an enabled rule that expires every object (GG-DEL-001).
"""

from __future__ import annotations

from conftest import FIXTURES, REPO

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.scan import run_scan

CASE = FIXTURES / "plans" / "azure_firewall"
RULES = Config(enable=("GG-PUB-016", "GG-PUB-017"))
LIFECYCLE = FIXTURES / "plans" / "s3_lifecycle"


def test_plan_links_firewall_rules_by_planned_name_and_by_reference(catalog: Catalog) -> None:
    result = run_scan([CASE / "plan.json"], REPO, RULES, catalog)
    assert result.errors == () and result.targets == {"terraform_plan": 1}
    # results: the rule's planned server_name is the server's planned name ("${var.env}-results-psql");
    # billing: the rule's server_name refers to the server (unknown name at plan time in general);
    # archive: public network access on, no rule: Azure's firewall admits nobody.
    assert {(f.rule_id, f.resource, f.location.path) for f in result.findings} == {
        ("GG-PUB-016", "azurerm_postgresql_server.results", "tests/fixtures/plans/azure_firewall/main.tf"),
        ("GG-PUB-017", "azurerm_mysql_flexible_server.billing", "tests/fixtures/plans/azure_firewall/main.tf"),
    }


def test_plan_lifecycle_rules_limited_to_some_objects_do_not_expire_the_bucket(catalog: Catalog) -> None:
    result = run_scan([LIFECYCLE / "plan.json"], REPO, Config(enable=("GG-DEL-001",)), catalog)
    assert result.errors == () and result.targets == {"terraform_plan": 1}
    # Linked by the configuration's reference to the bucket; pass_*: one enabled rule covers every object
    # (no filter, `filter {}`, an empty prefix, a legacy inline rule without prefix).
    assert {(f.rule_id, f.resource) for f in result.findings} == {
        ("GG-DEL-001", "aws_s3_bucket.fail_prefix_only"),
        ("GG-DEL-001", "aws_s3_bucket.fail_tag_only"),
        ("GG-DEL-001", "aws_s3_bucket.fail_legacy_prefix"),
        ("GG-DEL-001", "aws_s3_bucket.fail_disabled"),
    }
