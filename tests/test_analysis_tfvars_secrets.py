"""GG-CRED-203: credentials in clear in `.tfvars` files (which checkov does not read unless Terraform loads them
on its own), and GG-CRED-201 tying the same value in a script to the variable file."""

from __future__ import annotations

from pathlib import Path

from gdpr_guard.analyses import ANALYSES, RULES, tfvars_secrets
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.scan import run_scan
from gdpr_guard.targets import discover

FIXTURES = (Path(__file__).parent / "fixtures" / "analyses" / "tfvars_secrets").resolve()


def test_exact_findings() -> None:
    found = {(f.rule_id, f.location.path, f.location.start_line, f.resource)
             for f in tfvars_secrets.analyse(discover([FIXTURES], FIXTURES), {})}
    # dev.tfvars: a placeholder and a reference; prod.tfvars: an ARN, a length and a user name are not secrets
    assert found == {("GG-CRED-203", "infra/prod.tfvars", 3, "var.db_password"),
                     ("GG-CRED-203", "infra/prod.tfvars", 9, "var.reporting.password")}


def test_registered() -> None:
    assert ANALYSES["tfvars_secrets"] is tfvars_secrets.analyse
    assert RULES["tfvars_secrets"] == ("GG-CRED-203",)


def test_scan_reports_the_tfvars_and_ties_the_script_to_it(catalog: Catalog) -> None:
    result = run_scan([FIXTURES], FIXTURES, Config(enable=("GG-CRED-201", "GG-CRED-203")), catalog)
    found = {(f.rule_id, f.location.path, f.location.start_line, f.snippet,
              tuple((r.path, r.start_line) for r in f.related)) for f in result.findings}
    assert found == {
        ("GG-CRED-203", "infra/prod.tfvars", 3, 'db_password     = "****"', ()),
        ("GG-CRED-203", "infra/prod.tfvars", 9, 'password = "****"', ()),
        ("GG-CRED-201", "infra/prod.tfvars", 3, 'db_password     = "****"', (("scripts/load.sh", 2),)),
    }
    assert "Lims#2021" not in repr(result)
