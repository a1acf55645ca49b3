"""Policy parameters: configuration values reach the rules of both engines."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO
from test_cli import gdpr_guard

from gdpr_guard.config import Config
from gdpr_guard.policy_params import PARAMETERS, materialised_files, substitutions

BUCKET = """resource "aws_s3_bucket" "results" {{
  bucket = "{name}"
}}

resource "aws_s3_bucket_lifecycle_configuration" "results" {{
  bucket = aws_s3_bucket.results.id
  rule {{
    id     = "expire"
    status = "Enabled"
    expiration {{
      days = 60
    }}
  }}
}}
"""


def test_every_parameter_default_appears_in_the_policies() -> None:
    texts = [p.read_text(encoding="utf-8") for p in (REPO / "policies").rglob("*") if p.suffix in (".yaml", ".py")]
    for parameter in PARAMETERS:
        assert any(parameter.default in text for text in texts), parameter.setting


def test_defaults_change_nothing(tmp_path: Path) -> None:
    assert substitutions(Config()) == []
    policy = tmp_path / "p.yaml"
    policy.write_text("x", encoding="utf-8")
    with materialised_files([policy], Config()) as files:
        assert files == [policy]


def _del001(tmp_path: Path) -> list[str]:
    data = json.loads(gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout)
    assert data["errors"] == []
    return [f["resource"] for f in data["findings"] if f["rule_id"] == "GG-DEL-001"]


def test_expiry_and_storage_names_are_configurable(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET.format(name="lims-exports"), encoding="utf-8")
    assert _del001(tmp_path) == ["aws_s3_bucket.results"]
    (tmp_path / ".gdpr-guard.yaml").write_text("max-expiry-days: 90\n", encoding="utf-8")
    assert _del001(tmp_path) == []
    (tmp_path / "main.tf").write_text(BUCKET.format(name="lims-handover"), encoding="utf-8")
    (tmp_path / ".gdpr-guard.yaml").write_text("migration-storage-patterns: [handover]\n", encoding="utf-8")
    assert _del001(tmp_path) == ["aws_s3_bucket.results"]


SCALEWAY_BUCKET = """resource "scaleway_object_bucket" "results" {{
  name = "{name}"

  lifecycle_rule {{
    id      = "expire"
    enabled = true

    expiration {{
      days = 60
    }}
  }}
}}
"""


def _del008(tmp_path: Path) -> list[str]:
    data = json.loads(gdpr_guard("scan", ".", "--format", "json", cwd=tmp_path).stdout)
    assert data["errors"] == []
    return [f["resource"] for f in data["findings"] if f["rule_id"] == "GG-DEL-008"]


def test_the_python_check_of_gg_del_008_reads_the_same_settings(tmp_path: Path) -> None:
    """The settings reach a Python policy too (its texts are rewritten like a YAML policy's)."""
    (tmp_path / "main.tf").write_text(SCALEWAY_BUCKET.format(name="lims-exports"), encoding="utf-8")
    assert _del008(tmp_path) == ["scaleway_object_bucket.results"]
    (tmp_path / ".gdpr-guard.yaml").write_text("max-expiry-days: 90\n", encoding="utf-8")
    assert _del008(tmp_path) == []
    (tmp_path / "main.tf").write_text(SCALEWAY_BUCKET.format(name="lims-handover"), encoding="utf-8")
    (tmp_path / ".gdpr-guard.yaml").write_text("migration-storage-patterns: [handover]\n", encoding="utf-8")
    assert _del008(tmp_path) == ["scaleway_object_bucket.results"]
