"""Parallel engine runs give exactly the results of one process; the fast semgrep CLI matches the legacy one."""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.engines import checkov, checkov_units, semgrep
from gdpr_guard.engines.common import EngineOutput
from gdpr_guard.targets import Kind, discover

REPO = Path(__file__).resolve().parents[1]
TERRAFORM = REPO / "tests" / "fixtures" / "terraform"
SCRIPTS = REPO / "tests" / "fixtures" / "scripts"


def _key(output: EngineOutput) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    findings = sorted((f.rule_id, f.location, f.resource or "", f.snippet, f.tags, f.secrets) for f in output.findings)
    errors = sorted((e.source, e.message, e.path or "") for e in output.errors)
    return findings, errors


def _engine_scan(engine: object, paths: list[Path], catalog: Catalog, config: Config) -> EngineOutput:
    name = engine.NAME  # type: ignore[attr-defined]
    kinds = engine.ENGINE.kinds  # type: ignore[attr-defined]
    targets = [t for t in discover(paths, REPO) if t.kind in kinds]
    rules = [r for r in catalog.rules.values() if r.engine == name]
    return engine.scan(targets, rules, catalog, REPO, config)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def checkov_single(catalog: Catalog) -> EngineOutput:
    return _engine_scan(checkov, [TERRAFORM], catalog, Config(jobs=1))


@pytest.fixture()
def always_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixtures are small; make the engine split them as it would split a large repository."""
    monkeypatch.setattr(checkov_units, "MIN_SPLIT_BYTES", 0)


@pytest.mark.usefixtures("always_split")
def test_checkov_split_by_module_directory_matches_one_process(catalog: Catalog, checkov_single: EngineOutput) -> None:
    parallel = _engine_scan(checkov, [TERRAFORM], catalog, Config(jobs=3))
    assert checkov_single.findings, "the fixtures must produce findings for the comparison to mean anything"
    assert _key(parallel) == _key(checkov_single)
    assert parallel.version == checkov_single.version


@pytest.mark.usefixtures("always_split")
def test_checkov_split_of_a_few_staged_files_matches_one_process(catalog: Catalog) -> None:
    files = sorted(TERRAFORM.rglob("*.tf"))[:3] + [TERRAFORM / "local_module" / "modules" / "results_db" / "main.tf"]
    single = _engine_scan(checkov, files, catalog, Config(jobs=1))
    parallel = _engine_scan(checkov, files, catalog, Config(jobs=2))
    assert _key(parallel) == _key(single)


def test_osemgrep_matches_the_python_cli(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _engine_scan(semgrep, [SCRIPTS], catalog, Config(jobs=2))
    monkeypatch.setenv("GDPR_GUARD_SEMGREP_LEGACY_CLI", "1")
    legacy = _engine_scan(semgrep, [SCRIPTS], catalog, Config(jobs=2))
    assert fast.findings
    assert _key(fast) == _key(legacy)


def test_semgrep_uses_the_fast_cli_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GDPR_GUARD_SEMGREP_LEGACY_CLI", raising=False)
    assert "--experimental" in semgrep.command("semgrep", [], ["a.py"], 2)
    monkeypatch.setenv("GDPR_GUARD_SEMGREP_LEGACY_CLI", "1")
    assert "--experimental" not in semgrep.command("semgrep", [], ["a.py"], 2)


def test_every_directory_is_its_own_unit(tmp_path: Path) -> None:
    for rel in ("envs/prod", "envs/prod/nested", "envs/dev", "modules/db"):
        (tmp_path / rel).mkdir(parents=True)
        (tmp_path / rel / "main.tf").write_text('resource "null_resource" "x" {}\n')
    units = checkov_units.units([tmp_path / "envs/prod/nested", tmp_path / "envs/prod", tmp_path / "modules/db",
                                 tmp_path / "envs/dev", tmp_path / "envs/prod"])
    assert units == [tmp_path / "envs/dev", tmp_path / "envs/prod", tmp_path / "envs/prod/nested",
                     tmp_path / "modules/db"]


@pytest.mark.usefixtures("always_split")
@pytest.mark.parametrize("groups", [1, 2, 3, 8])
def test_partition_places_every_unit_in_exactly_one_group(tmp_path: Path, groups: int) -> None:
    units = []
    for i in range(7):
        unit = tmp_path / f"m{i}"
        unit.mkdir()
        (unit / "main.tf").write_text("#" * (100 * (i % 3 + 1)))
        units.append(unit)
    parts = checkov_units.partition(units, groups)
    assert len(parts) == min(groups, len(units))
    assert sorted(u for p in parts for u in p) == sorted(units)
    assert parts == checkov_units.partition(list(reversed(units)), groups)
    assert all(parts)


def test_small_scans_stay_in_one_checkov_process(tmp_path: Path) -> None:
    units = []
    for i in range(4):
        (tmp_path / f"m{i}").mkdir()
        (tmp_path / f"m{i}" / "main.tf").write_text("#" * 1000)
        units.append(tmp_path / f"m{i}")
    assert checkov_units.partition(units, 2) == [units]


def test_a_unit_and_a_module_it_calls_never_share_a_process(tmp_path: Path) -> None:
    # checkov never evaluates on its own a directory that another directory of the same process calls
    files = {"main.tf": 'module "db" {\n  source = "./modules/db"\n}\n',
             "modules/db/main.tf": 'resource "null_resource" "db" {}\n',
             "examples/basic/main.tf": 'module "root" {\n  source = "../.."\n}\n',
             "other/main.tf": 'resource "null_resource" "other" {}\n'}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    dirs = [(tmp_path / rel).parent for rel in files]
    parts = checkov_units.groups(dirs, 1)
    # modules/db is called from outside its tree (by the root): evaluated through its callers only. The root,
    # called only from its own examples/, is a unit of its own, never in the process of the example calling it.
    assert sorted(u for p in parts for u in p) == sorted([tmp_path, tmp_path / "examples/basic", tmp_path / "other"])
    assert not any({tmp_path, tmp_path / "examples/basic"} <= set(p) for p in parts)
    assert len(parts) == 2


def test_only_engines_with_targets_are_listed_for_kinds() -> None:
    assert Kind.TERRAFORM in checkov.ENGINE.kinds and Kind.PYTHON in semgrep.ENGINE.kinds


@pytest.mark.usefixtures("always_split")
def test_examples_calling_the_root_are_spread_over_the_jobs(tmp_path: Path) -> None:
    # each example instantiates the root and its module (the cost), and may not share the root's process: they
    # get `jobs` groups of their own instead of queueing in the one group left beside the root's
    files = {"main.tf": 'module "db" {\n  source = "./modules/db"\n}\n' + "#" * 4000,
             "modules/db/main.tf": 'resource "null_resource" "db" {}\n' + "#" * 4000}
    files |= {f"examples/e{i}/main.tf": 'module "root" {\n  source = "../.."\n}\n' for i in range(4)}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    parts = checkov_units.groups([(tmp_path / rel).parent for rel in files], 2)
    examples = [tmp_path / f"examples/e{i}" for i in range(4)]
    assert sorted(parts) == sorted([[tmp_path], examples[0::2], examples[1::2]])
