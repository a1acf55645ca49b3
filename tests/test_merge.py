"""gdpr-guard merge: shard SARIF files become one valid run equal to the unsharded scan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gdpr_guard import merge, reporters, sarif_validate, shard
from gdpr_guard.catalog import Catalog
from gdpr_guard.cli import main
from gdpr_guard.config import Config
from gdpr_guard.errors import UsageError
from gdpr_guard.scan import run_scan

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("merge") / "repo"
    for name in ("local_module", "s3_personal_data_bucket_without_cmk", "rds_storage_unencrypted",
                 "s3_bucket_public_acl"):
        shutil.copytree(FIXTURES / "terraform" / name, root / "infra" / name)
    for name in ("python", "sql"):
        shutil.copytree(FIXTURES / "scripts" / name, root / "scripts" / name)
    return root


@pytest.fixture(scope="module")
def sarifs(tree: Path, catalog: Catalog) -> dict[str, str]:
    options = reporters.ReportOptions()
    out = {"all": reporters.REPORTERS["sarif"](run_scan([tree], tree, Config(), catalog), catalog, options)}
    for k in (1, 2):
        result = run_scan([tree], tree, Config(), catalog, shard=shard.Spec(k, 2))
        out[f"{k}/2"] = reporters.REPORTERS["sarif"](result, catalog, options)
    return out


def _results(text: str) -> list[tuple[str, str, int, str]]:
    run = json.loads(text)["runs"][0]
    return sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["locations"][0]["physicalLocation"]["region"]["startLine"],
                   json.dumps(r.get("partialFingerprints"), sort_keys=True)) for r in run["results"])


def _check_indices(text: str) -> None:
    run = json.loads(text)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    taxonomies = run["taxonomies"]
    assert len({r["id"] for r in rules}) == len(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        for taxon in result.get("taxa", []):
            component = taxonomies[taxon["toolComponent"]["index"]]
            assert component["name"] == taxon["toolComponent"]["name"]
            assert component["taxa"][taxon["index"]]["id"] == taxon["id"]
    for rule in rules:
        for rel in rule.get("relationships", []):
            target = rel["target"]
            assert taxonomies[target["toolComponent"]["index"]]["taxa"][target["index"]]["id"] == target["id"]


def test_merged_shards_equal_the_unsharded_scan(sarifs: dict[str, str]) -> None:
    merged = merge.merge([sarifs["1/2"], sarifs["2/2"]])
    assert sarif_validate.problems(merged) == []
    assert _results(merged) == _results(sarifs["all"])
    assert _results(sarifs["all"]), "the tree must produce findings"
    _check_indices(merged)
    run = json.loads(merged)["runs"][0]
    assert [i["executionSuccessful"] for i in run["invocations"]] == [True]
    # each shard's notices are kept (SQL statements its share of files held that no dialect reads)
    assert {n["level"] for i in run["invocations"] for n in i.get("toolExecutionNotifications", [])} <= {"warning"}
    assert run["properties"]["targets"] == json.loads(sarifs["all"])["runs"][0]["properties"]["targets"]
    unsharded = json.loads(sarifs["all"])["runs"][0]["properties"]
    assert run["properties"]["roles"] == unsharded["roles"]
    assert run["properties"]["outOfScope"] == unsharded["outOfScope"]
    assert merge.merge([sarifs["2/2"], sarifs["1/2"]]) == merged, "order of inputs does not matter"


def test_merging_a_file_twice_keeps_each_result_once(sarifs: dict[str, str]) -> None:
    merged = merge.merge([sarifs["all"], sarifs["all"]])
    assert _results(merged) == _results(sarifs["all"])


def test_rules_are_deduplicated_and_results_reindexed(sarifs: dict[str, str]) -> None:
    doc = json.loads(sarifs["all"])
    run = doc["runs"][0]
    keep = {r["ruleId"] for r in run["results"]}
    # a shard whose rule list holds only what it reported, in reverse order: indices must be rebuilt
    rules = [r for r in run["tool"]["driver"]["rules"] if r["id"] in keep][::-1]
    position = {r["id"]: i for i, r in enumerate(rules)}
    run["tool"]["driver"]["rules"] = rules
    for result in run["results"]:
        result["ruleIndex"] = position[result["ruleId"]]
    gdpr = run["taxonomies"][0]
    gdpr["taxa"] = gdpr["taxa"][::-1]
    merged = merge.merge([json.dumps(doc), sarifs["1/2"]])
    assert sarif_validate.problems(merged) == []
    _check_indices(merged)
    assert _results(merged) == _results(sarifs["all"])


def test_a_failed_shard_fails_the_merged_run(sarifs: dict[str, str]) -> None:
    doc = json.loads(sarifs["2/2"])
    doc["runs"][0]["invocations"] = [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "checkov: timed out after 900 s and was stopped"},
         "descriptor": {"id": "scan-error/checkov"}}]}]
    merged = json.loads(merge.merge([sarifs["1/2"], json.dumps(doc)]))
    invocation = merged["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("checkov: timed out")


def test_merge_command_writes_valid_sarif_and_exit_codes(sarifs: dict[str, str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.sarif", tmp_path / "b.sarif"
    a.write_text(sarifs["1/2"])
    b.write_text(sarifs["2/2"])
    out = tmp_path / "merged.sarif"
    assert main(["merge", str(a), str(b), "-o", str(out)]) == 0
    assert sarif_validate.problems(out.read_text()) == []
    failed = json.loads(sarifs["2/2"])
    failed["runs"][0]["invocations"] = [{"executionSuccessful": False}]
    b.write_text(json.dumps(failed))
    assert main(["merge", str(a), str(b), "-o", str(out)]) == 3
    b.write_text("not json")
    assert main(["merge", str(a), str(b), "-o", str(out)]) == 2


def test_merge_rejects_what_is_not_sarif() -> None:
    with pytest.raises(UsageError):
        merge.merge(['{"version": "2.0.0", "runs": []}'])
    with pytest.raises(UsageError):
        merge.merge(['{"version": "2.1.0", "runs": []}'])
