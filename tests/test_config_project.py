"""Which configuration a scan reads, and rule ids that do not exist (issue 14, point 5).

Without --config, the nearest `.gdpr-guard.yaml` (or pyproject.toml with [tool.gdpr-guard]) from the scanned
directory upwards wins, up to the repository top (`.git`) or, outside a repository, the scan root.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gdpr_guard import config

ENV = {**os.environ, "GDPR_GUARD_PRESTART": "0"}
SQL = "CREATE USER etl_reader WITH ENCRYPTED PASSWORD 'R3ader#';\n"


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gdpr_guard", *args], cwd=cwd, capture_output=True, text=True,
                          env=ENV, timeout=300)


def _project(root: Path, config_text: str) -> Path:
    project = root / "work" / "project"
    (project / "db").mkdir(parents=True)
    (project / "db" / "V1__users.sql").write_text(SQL, encoding="utf-8")
    (project / ".gdpr-guard.yaml").write_text(config_text, encoding="utf-8")
    return project


def test_a_project_scanned_from_another_directory_uses_its_configuration(tmp_path: Path) -> None:
    project = _project(tmp_path, "disable: [GG-CRED-109]\n")
    run = _cli(["scan", "work/project", "--format", "json"], tmp_path)
    rules = {f["rule_id"] for f in json.loads(run.stdout)["findings"]}
    assert "GG-CRED-109" not in rules and run.stderr == "", run.stderr
    assert config.find_for([project], tmp_path) == project / ".gdpr-guard.yaml"


def test_a_repository_scanned_from_a_sub_directory_uses_the_repository_configuration(tmp_path: Path) -> None:
    project = _project(tmp_path, "disable: [GG-CRED-109]\n")
    (project / ".git").mkdir()
    run = _cli(["scan", ".", "--format", "json"], project / "db")
    assert "GG-CRED-109" not in {f["rule_id"] for f in json.loads(run.stdout)["findings"]}, run.stderr
    # outside a repository, nothing above the scan root is read
    (project / ".git").rmdir()
    assert config.find_for([project / "db"], project / "db") is None


@pytest.mark.parametrize("text, where", [("disable: [GG-MIN-999]\n", "disable: GG-MIN-999"),
                                         ("severity: {GG-DEL-999: low}\n", "severity: GG-DEL-999"),
                                         ("enable: [GG-ENC-001, GG-ENC-998]\n", "enable: GG-ENC-998")])
def test_unknown_rule_ids_are_configuration_errors(tmp_path: Path, text: str, where: str) -> None:
    project = _project(tmp_path, text)
    for args in (["validate"], ["scan", "."], ["validate", ".gdpr-guard.yaml"]):
        run = _cli(args, project)
        assert run.returncode == 2, (args, run.stderr)
        assert f".gdpr-guard.yaml: unknown rule id(s) ({where})" in run.stderr, run.stderr
