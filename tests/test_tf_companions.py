"""Companion resources reached through locals and module outputs, and literals that callers pass.

The fixture directories run these through real checkov (tests/test_rules_terraform.py); here the
refinements run on findings built by hand, so that each case holds whatever checkov's graph links.
"""

from __future__ import annotations

from pathlib import Path

from gdpr_guard import roles
from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.refinements import COMPANION_RULES
from gdpr_guard.targets import Role, discover
from gdpr_guard.tf_companions import COMPANIONS, REQUIRED, settled_by_companions
from gdpr_guard.tf_value_origin import literals_from_callers

BUCKET_MODULE = '''
module "this" {
  source  = "example-org/context/null"
  version = "1.0.0"
}

variable "block" {
  type    = bool
  default = true
}

variable "encrypt" {
  type    = bool
  default = true
}

locals {
  enabled   = module.this.enabled
  bucket_id = join("", aws_s3_bucket.default[*].id)
}

resource "aws_s3_bucket" "default" {
  count  = local.enabled ? 1 : 0
  bucket = "reports"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "default" {
  count  = local.enabled && var.encrypt ? 1 : 0
  bucket = local.bucket_id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "default" {
  count                   = local.enabled ? 1 : 0
  bucket                  = local.bucket_id
  block_public_acls       = var.block
  block_public_policy     = var.block
  ignore_public_acls      = var.block
  restrict_public_buckets = var.block
}
'''


def _finding(rule: str, resource: str, path: str = "main.tf") -> RawFinding:
    return RawFinding(rule_id=rule, location=Location(path, 20, 20), engine="checkov", resource=resource)


def _kept(tmp_path: Path, findings: list[RawFinding]) -> set[tuple[str, str]]:
    targets = discover([tmp_path], tmp_path)
    return {(f.rule_id, f.resource or "") for f in settled_by_companions(findings, targets)}


def test_the_registry_and_its_trigger_agree() -> None:
    assert set(COMPANIONS) | set(REQUIRED) == COMPANION_RULES


def test_companions_through_a_splat_local_settle_the_bucket(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET_MODULE)
    findings = [_finding(rule, "aws_s3_bucket.default") for rule in ("GG-ENC-003", "GG-PUB-003", "GG-LOG-002")]
    assert _kept(tmp_path, findings) == {("GG-LOG-002", "aws_s3_bucket.default")}  # no logging companion


def test_callers_inputs_decide_the_companion(tmp_path: Path) -> None:
    (tmp_path / "modules" / "bucket").mkdir(parents=True)
    (tmp_path / "modules" / "bucket" / "main.tf").write_text(BUCKET_MODULE)
    (tmp_path / "main.tf").write_text(
        'module "open" {\n  source  = "./modules/bucket"\n  block   = false\n  encrypt = false\n}\n'
        'module "closed" {\n  source = "./modules/bucket"\n}\n')
    path = "modules/bucket/main.tf"
    findings = [_finding(rule, f"module.{name}.aws_s3_bucket.default", path)
                for rule in ("GG-ENC-003", "GG-PUB-003") for name in ("open", "closed")]
    # the encryption configuration is never created and the block allows everything for `open`
    assert _kept(tmp_path, findings) == {("GG-ENC-003", "module.open.aws_s3_bucket.default"),
                                         ("GG-PUB-003", "module.open.aws_s3_bucket.default")}


def test_a_log_writer_reaches_its_bucket_through_a_module_output(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "main.tf").write_text(
        'resource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket" "other" {}\n'
        'output "attributes" {\n  value = aws_s3_bucket.logs\n}\n')
    (tmp_path / "main.tf").write_text(
        'module "store" {\n  source = "./store"\n}\n'
        'locals {\n  destination = var.kind == "s3" ? module.store.attributes.arn : var.group_arn\n}\n'
        'resource "aws_flow_log" "main" {\n  log_destination = local.destination\n  vpc_id = "vpc-1"\n}\n')
    findings = [_finding("GG-LOG-002", f"module.store.aws_s3_bucket.{name}", "store/main.tf")
                for name in ("logs", "other")]
    assert _kept(tmp_path, findings) == {("GG-LOG-002", "module.store.aws_s3_bucket.other")}


def test_a_literal_passed_only_by_examples_takes_their_role(tmp_path: Path) -> None:
    (tmp_path / "examples" / "demo").mkdir(parents=True)
    (tmp_path / "main.tf").write_text(
        'variable "password" {\n  type = string\n}\n'
        'resource "google_sql_user" "this" {\n  name     = "app"\n  instance = "db"\n'
        '  password = var.password\n}\n')
    (tmp_path / "examples" / "demo" / "main.tf").write_text(
        'module "db" {\n  source   = "../.."\n  password = "Demo-Passw0rd-77"\n}\n')
    targets = roles.assign(discover([tmp_path], tmp_path), tmp_path)
    raw = RawFinding(rule_id="GG-CRED-002", location=Location("main.tf", 7, 7), engine="checkov",
                     resource="module.db.google_sql_user.this", block=Location("main.tf", 4, 8))
    (found,) = literals_from_callers([raw], targets)
    assert found.role_path == "examples/demo/main.tf"
    assert {t.rel: t.role for t in targets}[found.role_path] is Role.EXAMPLE
    # the module's own literal stays the module's
    (tmp_path / "main.tf").write_text((tmp_path / "main.tf").read_text().replace("var.password", '"Fixed-In-Module-9"'))
    (kept,) = literals_from_callers([raw], roles.assign(discover([tmp_path], tmp_path), tmp_path))
    assert kept.role_path == ""


SERVERS = '''
resource "azurerm_postgresql_server" "named" {
  name = "acme-results"
}

resource "azurerm_postgresql_server" "unnamed" {
  name = "acme-archive"
}

resource "azurerm_postgresql_firewall_rule" "office" {
  server_name      = "acme-results"
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

resource "azurerm_postgresql_firewall_rule" "never" {
  count            = 0
  server_name      = "acme-archive"
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

resource "scaleway_object_bucket" "scans" {
  name = "acme-scans"
}

resource "scaleway_object_bucket" "invoices" {
  name = "acme-invoices"
}

resource "scaleway_object_bucket_server_side_encryption_configuration" "scans" {
  bucket = "fr-par/acme-scans"
}
'''


def test_companions_named_by_the_literal_name_of_their_resource(tmp_path: Path) -> None:
    """A firewall rule that names its server literally makes the server reachable (kept); one that is never
    created does not; an encryption configuration naming the bucket by regional ID settles it (dropped)."""
    (tmp_path / "main.tf").write_text(SERVERS)
    findings = [_finding("GG-PUB-016", "azurerm_postgresql_server.named"),
                _finding("GG-PUB-016", "azurerm_postgresql_server.unnamed"),
                _finding("GG-ENC-052", "scaleway_object_bucket.scans"),
                _finding("GG-ENC-052", "scaleway_object_bucket.invoices")]
    assert _kept(tmp_path, findings) == {("GG-PUB-016", "azurerm_postgresql_server.named"),
                                         ("GG-ENC-052", "scaleway_object_bucket.invoices")}
