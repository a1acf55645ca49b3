"""Same input, byte-identical SARIF and JSON: whatever the order of the paths and PYTHONHASHSEED."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES


def _scan(repo: Path, out: Path, paths: list[str], seed: str) -> dict[str, bytes]:
    subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", *paths, "--format", "sarif", "-o", str(out / "r.sarif"),
                    "--json-file", str(out / "r.json")],
                   cwd=repo, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=600)
    return {name: (out / name).read_bytes() for name in ("r.sarif", "r.json")}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("determinism") / "repo"
    shutil.copytree(FIXTURES / "secrets", repo)  # CRED findings, GG-CRED-201 across files, Terraform
    shutil.copytree(FIXTURES / "analyses" / "migration_plans" / "broken_promises", repo / "plans")
    return repo


def test_byte_identical_across_path_order_and_hash_seed(repo: Path, tmp_path: Path) -> None:
    first = _scan(repo, tmp_path / "a", ["etl", "bin", "db", "infra", ".env", "plans"], "0")
    second = _scan(repo, tmp_path / "b", ["plans", ".env", "infra", "db", "bin", "etl"], "4242")
    third = _scan(repo, tmp_path / "c", ["infra", "etl", "plans", "bin", ".env", "db", "etl"], "random")
    assert b'"GG-CRED-201"' in first["r.json"] and b'"GG-CRED-002"' in first["r.json"]
    assert first == second == third
    assert str(tmp_path).encode() not in first["r.sarif"]  # no absolute paths, no temp dirs
