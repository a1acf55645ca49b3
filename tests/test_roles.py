"""File roles: detection from path and content, catalog defaults, configuration, and the scan's accounting."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr_guard import config as config_module
from gdpr_guard import roles
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.errors import ConfigError
from gdpr_guard.finding import OutOfScope, ScanResult
from gdpr_guard.scan import run_scan
from gdpr_guard.targets import Role, discover

ALEMBIC = 'revision = "abc"\ndown_revision = None\n\ndef upgrade():\n    pass\n'
DJANGO = "from django.db import migrations\n\nclass Migration(migrations.Migration):\n    operations = []\n"
BACKUP = "#!/bin/sh\npg_dump -Fc \"$DB\" > /backups/db.dump\n"

CASES = [
    ("app/models.py", "x = 1\n", Role.APPLICATION),
    ("tests/test_api.py", "x = 1\n", Role.TEST),
    ("app/test_views.py", "x = 1\n", Role.TEST),
    ("app/conftest.py", "x = 1\n", Role.TEST),
    ("pkg/fixtures/seed.sql", "select 1;\n", Role.TEST),
    ("alembic/versions/abc_add_users.py", ALEMBIC, Role.MIGRATION),
    ("db/versions/abc_add_users.py", ALEMBIC, Role.MIGRATION),
    ("shop/migrations/0002_orders.py", DJANGO, Role.MIGRATION),
    ("db/V12__copy_patients.sql", "select 1;\n", Role.MIGRATION),
    ("scripts/backup.sh", BACKUP, Role.BACKUP),
    ("scripts/backup_notes.sh", "echo hello\n", Role.APPLICATION),
    ("jobs/nightly.py", "x = 1\n", Role.ETL),
    ("bin/export_patients.sh", "echo x\n", Role.ETL),
    ("infra/main.tf", 'resource "null_resource" "a" {}\n', Role.INFRASTRUCTURE),
    ("infra/test/fixture/main.tf", 'resource "null_resource" "a" {}\n', Role.TEST),
    ("warehouse/models/stg_users.sql", "select * from users\n", Role.DBT),
    ("warehouse/macros/m.sql", "select 1\n", Role.DBT),
    ("examples/complete/main.tf", 'resource "null_resource" "a" {}\n', Role.EXAMPLE),
    ("docs/scripts/build.py", "x = 1\n", Role.EXAMPLE),
    (".devcontainer/setup.sh", "echo x\n", Role.EXAMPLE),
    ("README.yaml", "name: x\n", Role.EXAMPLE),
    # container and environment definitions of a test run are test code; the deployed ones are not
    (".ci/compose.ci.yaml", "services: {}\n", Role.TEST),
    ("deploy/docker-compose.e2e.yml", "services: {}\n", Role.TEST),
    ("config/ci.env", "A=1\n", Role.TEST),
    ("deploy/docker-compose.yml", "services: {}\n", Role.APPLICATION),
    ("config/production.env", "A=1\n", Role.APPLICATION),
    ("ci/release_notes.py", "x = 1\n", Role.APPLICATION),
    # directories and CI workflows named for a kind of test (cds-snc notification-api, k8s mysql backup)
    ("tests_nightly_performance/run_scenarios.sh", "echo x\n", Role.TEST),
    ("tests-simulate-prod-data/generate.py", "x = 1\n", Role.TEST),
    ("testimony/collect.py", "x = 1\n", Role.APPLICATION),
    (".github/workflows/run-pr-tests.yaml", "on: push\n", Role.TEST),
    (".github/workflows/ci.yml", "on: push\n", Role.INFRASTRUCTURE),
]


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    for rel, text, _ in CASES:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "warehouse" / "dbt_project.yml").write_text("name: w\n", encoding="utf-8")
    return tmp_path


def test_roles_from_path_and_content(tree: Path) -> None:
    targets = roles.assign(discover([tree], tree), tree)
    got = {t.rel: t.role for t in targets if t.rel != "warehouse/dbt_project.yml"}
    assert got == {rel: role for rel, _, role in CASES}


def test_configured_paths_win_and_projects_reset_the_path(tree: Path) -> None:
    settings = roles.RoleSettings(paths=(("jobs/**", Role.APPLICATION),), projects=("pkg",))
    targets = {t.rel: t.role for t in roles.assign(discover([tree], tree), tree, settings)}
    assert targets["jobs/nightly.py"] is Role.APPLICATION
    assert targets["pkg/fixtures/seed.sql"] is Role.TEST  # `fixtures` is below the project dir
    settings = roles.RoleSettings(projects=("pkg/fixtures",))
    assert {t.rel: t.role for t in roles.assign(discover([tree], tree), tree, settings)}[
        "pkg/fixtures/seed.sql"] is Role.APPLICATION


def test_catalog_defaults_and_rule_roles(catalog: Catalog) -> None:
    assert Role.TEST not in catalog.rules["GG-CRED-101"].roles
    assert catalog.rules["GG-CRED-101"].roles == tuple(r for r in Role if r not in (Role.TEST, Role.EXAMPLE))
    assert catalog.rules["GG-ENC-001"].roles == tuple(r for r in Role if r is not Role.TEST)
    assert catalog.rules["GG-MIN-105"].roles == (Role.APPLICATION, Role.MIGRATION, Role.ETL, Role.BACKUP,
                                                 Role.EXAMPLE)
    assert catalog.rules["GG-MIN-104"].roles == (Role.APPLICATION, Role.MIGRATION, Role.ETL)


def test_config_changes_a_rule_or_family() -> None:
    config = config_module.from_mapping({"roles": {"paths": {"legacy/**": "migration"},
                                                   "rules": {"CRED": ["application", "test"],
                                                             "GG-CRED-101": ["test"]}}}, "x")
    assert config.roles.paths == (("legacy/**", Role.MIGRATION),)
    assert roles.rule_roles("GG-CRED-101", "CRED", (Role.APPLICATION,), config.roles) == (Role.TEST,)
    assert roles.rule_roles("GG-CRED-105", "CRED", (Role.APPLICATION,), config.roles) == (Role.APPLICATION, Role.TEST)
    assert roles.rule_roles("GG-ENC-101", "ENC", (Role.ETL,), config.roles) == (Role.ETL,)
    with pytest.raises(ConfigError):
        config_module.from_mapping({"roles": {"paths": {"x/**": "tests"}}}, "x")


def test_config_names_the_backup_family_and_its_rules() -> None:
    config = config_module.from_mapping({"roles": {"rules": {"BAK": ["infrastructure"],
                                                             "GG-BAK-004": ["infrastructure", "example"]}}}, "x")
    assert roles.rule_roles("GG-BAK-001", "BAK", (Role.APPLICATION,), config.roles) == (Role.INFRASTRUCTURE,)
    assert roles.rule_roles("GG-BAK-004", "BAK", (Role.APPLICATION,), config.roles) == (Role.INFRASTRUCTURE,
                                                                                       Role.EXAMPLE)
    with pytest.raises(ConfigError):
        config_module.from_mapping({"roles": {"rules": {"BACKUP": ["infrastructure"]}}}, "x")


def test_fixture_scan_counts_what_roles_left_out(fixtures_scan: ScanResult) -> None:
    assert set(fixtures_scan.out_of_scope) == {
        OutOfScope("GG-CRED-101", "test", 1),
        # the demo password an example passes to a module (database_hardcoded_password/), and the test
        # database URL inside the `tests()` function of an entrypoint (container_entrypoint.sh)
        OutOfScope("GG-CRED-002", "example", 1),
        OutOfScope("GG-CRED-108", "test", 1),
        OutOfScope("GG-DEL-102", "test", 1),
        OutOfScope("GG-ENC-101", "test", 1),
        # two dumps in backup_encrypted_stream.sh (its two lookups, `which mysqldump`, run no dump)
        OutOfScope("GG-MIN-104", "backup", 2),
        OutOfScope("GG-MIN-105", "dbt", 1),
    }
    assert fixtures_scan.roles["test"] == 1 and fixtures_scan.roles["dbt"] == 10 and fixtures_scan.roles["backup"] == 1
    assert fixtures_scan.families["test"] == ()
    assert "MIN" not in fixtures_scan.families["dbt"] and "CRED" in fixtures_scan.families["dbt"]


def test_configuration_re_enables_a_rule_for_tests(tmp_path: Path, catalog: Catalog) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_db.py").write_text(
        'import psycopg2\nconn = psycopg2.connect(host="db", user="etl", password="Lab2021!x")\n', encoding="utf-8")
    only = ("GG-CRED-101",)
    default = run_scan([tmp_path], tmp_path, Config(enable=only), catalog)
    assert [(f.rule_id, f.location.path) for f in default.findings] == []
    assert default.out_of_scope == (OutOfScope("GG-CRED-101", "test", 1),)
    settings = roles.RoleSettings(rules={"GG-CRED-101": (Role.TEST,)})
    enabled = run_scan([tmp_path], tmp_path, Config(enable=only, roles=settings), catalog)
    assert [(f.rule_id, f.location.path, f.location.start_line) for f in enabled.findings] == [
        ("GG-CRED-101", "tests/test_db.py", 2)]
    assert enabled.out_of_scope == ()
