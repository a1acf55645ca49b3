"""A firewall rule found in a scanned plan opens the Azure server it names (GG-PUB-016..019 on plans).

tests/fixtures/plans/azure_firewall/plan.json is written by hand in Terraform's documented JSON output
format (no azurerm provider offline); its main.tf is the source it was planned from (var.env = "prod").
Only the plan is scanned: the .tf file is not a target, so the links come from the plan alone.
"""

from __future__ import annotations

from conftest import FIXTURES, REPO

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.scan import run_scan

CASE = FIXTURES / "plans" / "azure_firewall"
RULES = Config(enable=("GG-PUB-016", "GG-PUB-017"))


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
