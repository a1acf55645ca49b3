"""--cache: warm results are byte-identical in every report, corrupt entries are ignored, changes re-scan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gdpr_guard import cache as cache_module
from gdpr_guard import reporters
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.engines import base
from gdpr_guard.finding import ScanResult
from gdpr_guard.scan import run_scan

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


def _reports(result: ScanResult, catalog: Catalog) -> dict[str, str]:
    options = reporters.ReportOptions()
    return {fmt: render(result, catalog, options) for fmt, render in reporters.REPORTERS.items()}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cache") / "repo"
    for name in ("local_module", "s3_personal_data_bucket_without_cmk"):
        shutil.copytree(FIXTURES / "terraform" / name, root / "infra" / name)
    shutil.copytree(FIXTURES / "scripts" / "python", root / "scripts")
    return root


@pytest.fixture(scope="module")
def uncached(tree: Path, catalog: Catalog) -> dict[str, str]:
    return _reports(run_scan([tree], tree, Config(), catalog), catalog)


@pytest.fixture(scope="module")
def cold(tree: Path, catalog: Catalog) -> tuple[dict[str, str], cache_module.Cache]:
    store = cache_module.Cache(tree)
    return _reports(run_scan([tree], tree, Config(), catalog, cache=store), catalog), store


def test_cold_cache_gives_the_uncached_reports(uncached: dict[str, str], cold: tuple[dict[str, str], object]) -> None:
    assert cold[0] == uncached
    assert "GG-" in uncached["sarif"]


def test_warm_cache_runs_no_engine_and_gives_identical_reports(
        tree: Path, catalog: Catalog, uncached: dict[str, str], cold: object, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_engine(*args: object, **kwargs: object) -> None:
        raise AssertionError("an engine ran although every entry was cached")

    monkeypatch.setattr(base, "run", no_engine)
    store = cache_module.Cache(tree)
    warm = _reports(run_scan([tree], tree, Config(), catalog, cache=store), catalog)
    assert warm == uncached
    assert store.hits > 0 and store.misses == 0
    assert (tree / ".gdpr-guard-cache" / ".gitignore").read_text() == "*\n"


@pytest.mark.parametrize("garbage", ["", "{not json", '{"key": "other", "format": 1}', "[]",
                                     '{"key": "%s", "format": 1, "version": "x", "findings": [{"rule_id": 1}], '
                                     '"errors": []}'])
def test_corrupt_entries_are_ignored_never_trusted(tree: Path, catalog: Catalog, uncached: dict[str, str],
                                                    cold: object, garbage: str) -> None:
    entries = sorted((tree / ".gdpr-guard-cache").rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text(garbage.replace("%s", entry.stem) if "%s" in garbage else garbage)
    store = cache_module.Cache(tree)
    again = _reports(run_scan([tree], tree, Config(), catalog, cache=store), catalog)
    assert again == uncached
    assert store.hits == 0
    rewritten = sorted((tree / ".gdpr-guard-cache").rglob("*.json"))
    assert rewritten and all(cache_module.Cache(tree).get(e.stem) is not None for e in rewritten)


def test_a_changed_file_is_scanned_again(tree: Path, catalog: Catalog, cold: object, tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(tree, copy)
    store = cache_module.Cache(copy)
    first = run_scan([copy], copy, Config(), catalog, cache=store)
    module = copy / "infra" / "local_module" / "modules" / "results_db" / "main.tf"
    module.write_text(module.read_text() + '\nresource "aws_db_instance" "added" {\n  storage_encrypted = false\n}\n')
    script = sorted((copy / "scripts").glob("*.py"))[0]
    script.write_text(script.read_text() + '\n\ndef later():\n    return "SELECT * FROM patients"\n')
    store = cache_module.Cache(copy)
    second = run_scan([copy], copy, Config(), catalog, cache=store)
    assert store.misses >= 2
    fresh = run_scan([copy], copy, Config(), catalog)
    assert _reports(second, catalog) == _reports(fresh, catalog)
    assert len(second.findings) > len(first.findings)


def test_keys_change_with_policies_engine_and_config(tree: Path, catalog: Catalog) -> None:
    store = cache_module.Cache(tree)
    rules = list(catalog.rules.values())
    parts = [("content", b"x")]
    key = store.key("semgrep", Config(), rules, parts)
    assert key == cache_module.Cache(tree).key("semgrep", Config(), rules, parts)
    assert key != store.key("checkov", Config(), rules, parts)
    assert key != store.key("semgrep", Config(generic_accounts=("x",)), rules, parts)
    assert key != store.key("semgrep", Config(), rules[1:], parts)
    store._policies = "changed"
    assert key != store.key("semgrep", Config(), rules, parts)
