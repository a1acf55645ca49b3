"""The same answer whatever the split: --jobs 1, 2, 4 and the merged SARIF of 2 or 3 shards report exactly the
findings of one process, on a repository whose roots share local modules (tests/fixtures/same_answer: a module
called from five roots, twice under the same instance name, once through another module, and with its own
insecure defaults that no process may evaluate on their own). Findings of a module outside the scan root
are reported at the call, never dropped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from gdpr_guard import merge, reporters
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.engines import checkov_units
from gdpr_guard.scan import run_scan
from gdpr_guard.shard import Spec

REPO_FIXTURE = FIXTURES / "same_answer"
OPTIONS = reporters.ReportOptions()


def _results(sarif: str) -> set[tuple[Any, ...]]:
    run = json.loads(sarif)["runs"][0]
    assert run["invocations"][0]["executionSuccessful"], run["invocations"]
    out = set()
    for result in run["results"]:
        location = result["locations"][0]
        logical = location.get("logicalLocations") or [{}]
        out.add((result["ruleId"], location["physicalLocation"]["artifactLocation"]["uri"],
                 location["physicalLocation"]["region"]["startLine"], logical[0].get("fullyQualifiedName"),
                 result["partialFingerprints"]["gdprGuard/v1"], result["properties"]["severity"],
                 result["message"]["text"]))
    return out


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("same") / "repo"
    shutil.copytree(REPO_FIXTURE, root)
    return root


@pytest.fixture(scope="module")
def single(repo: Path, catalog: Catalog) -> set[tuple[Any, ...]]:
    result = run_scan([repo], repo, Config(jobs=1), catalog)
    return _results(reporters.REPORTERS["sarif"](result, catalog, OPTIONS))


def test_one_process_reports_each_module_instance_once(single: set[tuple[Any, ...]]) -> None:
    enc = {(path, resource) for rule, path, _, resource, *_ in single if rule == "GG-ENC-001"}
    # lab/prod and lab/dev both call it `module.db`: one finding; crm's instance is encrypted; the module's
    # own default (unencrypted, no caller) is never evaluated on its own.
    assert enc == {("modules/db/main.tf", "module.db.aws_db_instance.this"),
                   ("modules/db/main.tf", "module.invoices_db.aws_db_instance.this"),
                   ("modules/db/main.tf", "module.app.module.store.aws_db_instance.this")}


@pytest.mark.parametrize("jobs", [2, 4])
def test_jobs_do_not_change_the_findings(jobs: int, repo: Path, catalog: Catalog, single: set[tuple[Any, ...]],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checkov_units, "MIN_SPLIT_BYTES", 0)  # split the small fixture as a large repository
    result = run_scan([repo], repo, Config(jobs=jobs), catalog)
    assert _results(reporters.REPORTERS["sarif"](result, catalog, OPTIONS)) == single


@pytest.mark.parametrize("total", [2, 3])
def test_merged_shards_equal_one_process(total: int, repo: Path, catalog: Catalog,
                                         single: set[tuple[Any, ...]]) -> None:
    documents = []
    for index in range(1, total + 1):
        result = run_scan([repo], repo, Config(jobs=1), catalog, shard=Spec(index, total))
        documents.append(reporters.REPORTERS["sarif"](result, catalog, OPTIONS))
    assert _results(merge.merge(documents)) == single


def test_a_module_outside_the_scan_root_is_reported_at_the_call(repo: Path) -> None:
    live = repo / "stacks" / "billing" / "dr"
    run = subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", ".", "--format", "json"], cwd=live,
                         capture_output=True, text=True, env={**os.environ}, timeout=300)
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["findings"]
    enc = [f for f in findings if f["rule_id"] == "GG-ENC-001"]
    assert [(f["location"]["path"], f["location"]["start_line"], f["resource"]) for f in enc] == [
        ("main.tf", 1, "module.invoices_db.aws_db_instance.this")]
    # at the attribute that fails (`storage_encrypted = var.encrypted`, line 14), the block starting at line 10
    assert "(In module ../../../modules/db/main.tf:14, outside the scan root.)" in enc[0]["message"]


def test_a_module_under_the_root_is_reported_at_its_file_when_only_the_caller_is_scanned(
        repo: Path, catalog: Catalog) -> None:
    result = run_scan([repo / "stacks" / "billing"], repo, Config(jobs=1), catalog)
    assert {(f.rule_id, f.location.path, f.resource) for f in result.findings if f.rule_id == "GG-ENC-001"} == {
        ("GG-ENC-001", "modules/db/main.tf", "module.invoices_db.aws_db_instance.this")}
