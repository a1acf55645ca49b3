"""What checkov evaluates for a staged file (engines/checkov_units.py), on a module repository (tests/fixtures/
module_scope: a root module calling ./modules/store with encryption off, an example stack calling the root,
a test fixture): the staged file's directory and the local modules it calls, never the examples or tests below
it; a full scan evaluates every directory the same way (but a module called from outside its tree only through
its callers), so each finding of the staged root file is a full-scan finding.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.engines import checkov, checkov_units
from gdpr_guard.scan import run_scan

ROOT_DB = ("GG-ENC-001", "main.tf", "aws_db_instance.root_db")
STORE_FROM_ROOT = ("GG-ENC-001", "modules/store/main.tf", "module.store.aws_db_instance.this")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scope") / "repo"
    shutil.copytree(FIXTURES / "module_scope", root)
    return root


def _found(repo: Path, catalog: Catalog, *paths: str) -> set[tuple[str, str, str]]:
    result = run_scan([repo / p for p in paths], repo, Config(jobs=1), catalog)
    assert not result.errors, result.errors
    return {(f.rule_id, f.location.path, f.resource or "") for f in result.findings}


def test_a_staged_root_file_sees_its_local_module_and_not_the_examples(repo: Path, catalog: Catalog) -> None:
    # the example's own database and the example's instance of the root (module.root.*) are not evaluated
    assert _found(repo, catalog, "main.tf") == {ROOT_DB, STORE_FROM_ROOT}


def test_a_staged_nested_module_file_is_evaluated_with_its_own_defaults(repo: Path, catalog: Catalog) -> None:
    # modules/store encrypts by default; only its caller turns encryption off
    assert _found(repo, catalog, "modules/store/main.tf") == set()


def test_a_staged_example_sees_the_root_module_it_calls(repo: Path, catalog: Catalog) -> None:
    assert _found(repo, catalog, "examples/complete/main.tf") == {
        ("GG-ENC-001", "examples/complete/main.tf", "aws_db_instance.example_db"),
        ("GG-ENC-001", "main.tf", "module.root.aws_db_instance.root_db"),
        ("GG-ENC-001", "modules/store/main.tf", "module.root.module.store.aws_db_instance.this")}


def test_a_full_scan_is_the_union_of_every_directory_evaluated_the_same_way(repo: Path, catalog: Catalog) -> None:
    full = _found(repo, catalog, ".")
    assert full == {ROOT_DB, STORE_FROM_ROOT,
                    ("GG-ENC-001", "examples/complete/main.tf", "aws_db_instance.example_db"),
                    ("GG-ENC-001", "main.tf", "module.root.aws_db_instance.root_db"),
                    ("GG-ENC-001", "modules/store/main.tf", "module.root.module.store.aws_db_instance.this")}
    assert _found(repo, catalog, "main.tf") <= full


def test_the_root_run_skips_every_sub_directory_by_its_exact_path(repo: Path, catalog: Catalog) -> None:
    rules = [r for r in catalog.rules.values() if r.engine == "checkov"]
    argv = checkov.terraform_command("checkov", rules, [repo])
    skips = [argv[i + 1] for i, a in enumerate(argv) if a == "--skip-path"]
    assert f"--directory={repo.resolve()}" in argv
    for sub in ("examples", "modules", "tests"):
        assert checkov_units.exact(repo.resolve() / sub) in skips


def test_the_root_and_the_example_calling_it_run_in_different_processes(repo: Path) -> None:
    dirs = [repo, repo / "examples/complete", repo / "modules/store", repo / "tests/fixture"]
    parts = checkov_units.groups(dirs, 1)
    # modules/store is called by the root, from outside its own tree: evaluated through the root only
    assert sorted(u for p in parts for u in p) == sorted(d.resolve() for d in dirs if d.name != "store")
    for group in parts:
        assert not ({repo.resolve(), (repo / "examples/complete").resolve()} <= set(group))
