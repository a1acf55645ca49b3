"""--shard K/N: deterministic, every target in exactly one shard, module directories kept whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gdpr_guard import shard
from gdpr_guard.errors import UsageError
from gdpr_guard.targets import discover

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    corpus.generate(root / "repo", 120, 30, seed=3)
    return root / "repo"


@pytest.mark.parametrize("total", [1, 2, 3, 5])
def test_every_target_is_in_exactly_one_shard(tree: Path, total: int) -> None:
    targets = discover([tree], tree)
    shards = [shard.select(targets, shard.Spec(k, total)) for k in range(1, total + 1)]
    flat = [t.rel for s in shards for t in s]
    assert sorted(flat) == sorted(t.rel for t in targets)
    assert len(flat) == len(set(flat))
    if total > 1:
        assert sum(1 for s in shards if s) > 1, "a corpus of many module directories should spread"


def test_a_module_directory_is_never_split(tree: Path) -> None:
    targets = discover([tree], tree)
    units = shard.terraform_units(targets)
    owners = shard.module_owners(targets)
    for k in (1, 2, 3):
        for t in shard.select(targets, shard.Spec(k, 3)):
            unit = shard.unit_of(t, units, owners)
            assert shard.shard_of(unit, 3) == k
    nested = [t for t in targets if t.rel.startswith("stacks/")]
    by_unit: dict[str, set[int]] = {}
    for t in nested:
        unit = shard.unit_of(t, units, owners)
        by_unit.setdefault(unit, set()).add(shard.shard_of(unit, 3))
    assert all(len(v) == 1 for v in by_unit.values())


def test_assignment_is_stable_across_processes(tree: Path) -> None:
    code = ("import sys; from gdpr_guard import shard; "
            "print([shard.shard_of(u, 4) for u in sys.argv[1:]])")
    units = ["stacks/lab/results-prod", "modules/bucket-000", "migrations/results"]
    outputs = {subprocess.run([sys.executable, "-c", code, *units], capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed}, check=True).stdout for seed in ("1", "2")}
    assert len(outputs) == 1
    assert outputs.pop().strip() == str([shard.shard_of(u, 4) for u in units])


def test_nested_terraform_directories_follow_their_ancestor(tmp_path: Path) -> None:
    for rel in ("infra/app/main.tf", "infra/app/sub/extra.tf", "infra/app/sub/run.sh", "tools/x.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("#!/bin/sh\n" if rel.endswith(".sh") else "\n")
    targets = discover([tmp_path], tmp_path)
    units = shard.terraform_units(targets)
    assert units == ["infra/app"]
    assert {shard.unit_of(t, units) for t in targets} == {"infra/app", "tools"}


@pytest.mark.parametrize("text", ["0/2", "3/2", "a/b", "1", "1/0", "1/2/3"])
def test_bad_shard_specs_are_usage_errors(text: str) -> None:
    with pytest.raises(UsageError):
        shard.parse(text)


def test_only_the_first_shard_runs_cross_file_analyses() -> None:
    assert shard.parse("1/3").runs_analyses and not shard.parse("2/3").runs_analyses
