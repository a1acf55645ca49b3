"""What checkov reads of a staged root module file's directory (engines/checkov_narrow.py), on
tests/fixtures/narrow_scope: main.tf reads a local of locals.tf, its bucket is joined by a graph connection to
the public access block of access.tf, it calls ./modules/db (encryption off); other.tf calls the same module
and unused.tf declares a variable nobody reads; stacks/live calls ./modules/db under other.tf's name, encrypted.
Staged alone, main.tf is evaluated without other.tf and unused.tf, and gives exactly the full scan's findings
on main.tf and on the module it calls.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.engines import checkov_connections, checkov_narrow, checkov_units
from gdpr_guard.scan import run_scan

STAGED_DB = ("GG-ENC-001", "main.tf", "aws_db_instance.staged_db")
BUCKET = {("GG-ENC-003", "main.tf", "aws_s3_bucket.staged"), ("GG-LOG-002", "main.tf", "aws_s3_bucket.staged")}
REPORTS = ("GG-ENC-001", "modules/db/main.tf", "module.reports.aws_db_instance.this")
ARCHIVE = ("GG-ENC-001", "modules/db/main.tf", "module.archive.aws_db_instance.this")
PUBLIC = ("GG-PUB-003", "main.tf", "aws_s3_bucket.staged")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("narrow") / "repo"
    shutil.copytree(FIXTURES / "narrow_scope", root)
    return root.resolve()


def _found(repo: Path, catalog: Catalog, *paths: str) -> set[tuple[str, str, str]]:
    result = run_scan([repo / p for p in paths], repo, Config(jobs=1), catalog)
    assert not result.errors, result.errors
    return {(f.rule_id, f.location.path, f.resource or "") for f in result.findings}


def _types(catalog: Catalog) -> frozenset[str] | None:
    from gdpr_guard import resources

    return checkov_connections.connection_types(
        [r.engine_rule for r in catalog.rules.values() if r.engine == "checkov"], resources.policies_dir() / "checkov")


def test_the_connection_types_come_from_the_enabled_checks(catalog: Catalog) -> None:
    types = _types(catalog)
    assert types is not None
    assert {"aws_s3_bucket", "aws_s3_bucket_public_access_block", "aws_vpc", "aws_flow_log"} <= types
    assert "aws_db_instance" not in types  # its checks read its own attributes only
    assert checkov_connections.connection_types(["CKV2_NO_SUCH_CHECK"], FIXTURES) is None  # unknown graph check


def test_a_staged_root_file_leaves_out_the_files_it_does_not_need(repo: Path, catalog: Catalog) -> None:
    plan = checkov_narrow.plan(repo, [repo / "main.tf"], _types(catalog))
    assert sorted(p.name for p in plan.skip) == ["other.tf", "unused.tf"]


def test_nothing_is_left_out_when_every_file_is_staged_or_the_checks_are_unknown(repo: Path, catalog: Catalog) -> None:
    everything = sorted(repo.glob("*.tf"))
    assert checkov_narrow.plan(repo, everything, _types(catalog)) == checkov_narrow.EVERYTHING
    assert checkov_narrow.plan(repo, [repo / "main.tf"], None) == checkov_narrow.EVERYTHING


def test_without_the_connection_partner_the_staged_bucket_has_no_access_block(repo: Path) -> None:
    # access.tf is kept only because main.tf's bucket is of a type a check joins by a connection
    plan = checkov_narrow.plan(repo, [repo / "main.tf"], frozenset())
    assert sorted(p.name for p in plan.skip) == ["access.tf", "other.tf", "unused.tf"]


def test_the_staged_root_file_gets_the_full_scans_findings(repo: Path, catalog: Catalog) -> None:
    staged = _found(repo, catalog, "main.tf")
    assert staged == {STAGED_DB, REPORTS} | BUCKET  # no PUB-003: access.tf was read, with locals.tf
    full = _found(repo, catalog, ".")
    assert full == {STAGED_DB, REPORTS, ARCHIVE} | BUCKET
    assert staged == {f for f in full if f != ARCHIVE}  # module "archive" is called from other.tf only


def test_reading_main_tf_alone_would_change_its_findings(repo: Path, catalog: Catalog,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # what the kept files are for: without locals.tf and access.tf, checkov misses the unencrypted database
    # (local.encrypt_db unresolved) and reports the bucket as not covered by a public access block
    alone = checkov_narrow.Plan(skip=tuple(sorted(p for p in repo.glob("*.tf") if p.name != "main.tf")))
    monkeypatch.setattr(checkov_narrow, "plan_all", lambda staged, types: {u: alone for u in staged})
    assert _found(repo, catalog, "main.tf") == {REPORTS, PUBLIC} | BUCKET


def test_a_staged_file_of_a_called_module_is_evaluated_with_its_own_defaults(repo: Path, catalog: Catalog) -> None:
    # issue 16: modules/db encrypts nothing by default; staged alone it is a root, not one of its callers' instances
    assert _found(repo, catalog, "modules/db/main.tf") == {("GG-ENC-001", "modules/db/main.tf", "aws_db_instance.this")}


def test_a_staged_file_calling_a_module_reports_that_instance_only(repo: Path, catalog: Catalog) -> None:
    assert _found(repo, catalog, "other.tf") == {ARCHIVE}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_units_plan_does_not_depend_on_the_other_units_or_the_split(repo: Path, catalog: Catalog, jobs: int,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # stacks/live calls module "archive" (encrypted), as other.tf does (not): checkov's address module.archive.*
    # does not say which root an instance came from, so each root's reading must not depend on the other's
    monkeypatch.setattr(checkov_units, "MIN_SPLIT_BYTES", 0)  # jobs 2: the two roots in two processes
    assert len(checkov_units.groups([repo, repo / "stacks/live"], jobs)) == jobs
    plans = checkov_narrow.plan_all({repo: [repo / "main.tf"], repo / "stacks/live": [repo / "stacks/live/main.tf"]},
                                    _types(catalog))
    assert sorted(p.name for p in plans[repo].skip) == ["other.tf", "unused.tf"]
    assert plans[repo / "stacks/live"] == checkov_narrow.EVERYTHING
    result = run_scan([repo / "main.tf", repo / "stacks/live/main.tf"], repo, Config(jobs=jobs), catalog)
    assert not result.errors
    assert {(f.rule_id, f.location.path, f.resource or "") for f in result.findings} == {STAGED_DB, REPORTS} | BUCKET


def test_a_module_call_in_a_kept_file_is_evaluated_with_its_inputs(tmp_path: Path, catalog: Catalog) -> None:
    # main.tf reads local.db_name, whose file also calls module "side" with an input from inputs.tf: checkov
    # evaluates that call, so inputs.tf is read too and module.side is reported as the full scan does
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "narrow_scope", root)
    (root / "locals.tf").write_text((root / "locals.tf").read_text(encoding="utf-8") + """
module "side" {
  source    = "./modules/db"
  name      = "side"
  encrypted = local.side_encrypted
}
""", encoding="utf-8")
    (root / "inputs.tf").write_text("locals {\n  side_encrypted = false\n}\n", encoding="utf-8")
    plan = checkov_narrow.plan(root, [root / "main.tf"], _types(catalog))
    assert sorted(p.name for p in plan.skip) == ["other.tf", "unused.tf"]
    side = ("GG-ENC-001", "modules/db/main.tf", "module.side.aws_db_instance.this")
    assert _found(root, catalog, "main.tf") == {STAGED_DB, REPORTS, side} | BUCKET
