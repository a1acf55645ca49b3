"""The release artefacts: `python -m build` makes a wheel and an sdist; the wheel carries every policy, the
catalog and the schemas (pre-commit installs it), and installed alone in a clean virtual environment it
scans the bundled example (exit 1, the golden findings) and validates its catalog."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

from gdpr_guard import __version__

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    return out


def test_build_makes_one_wheel_and_one_sdist_of_this_version(dist: Path) -> None:
    assert sorted(p.name for p in dist.iterdir()) == [f"gdpr_guard-{__version__}-py3-none-any.whl",
                                                      f"gdpr_guard-{__version__}.tar.gz"]


def test_wheel_contains_policies_and_schemas(dist: Path) -> None:
    wheel = next(dist.glob("gdpr_guard-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"gdpr_guard-{__version__}.dist-info/METADATA").decode()
    policies = {p.relative_to(REPO).as_posix() for p in (REPO / "policies").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    missing = {p for p in policies if f"gdpr_guard/{p}" not in names}
    assert missing == set()
    assert "gdpr_guard/policies/catalog.yaml" in names
    for schema in ("catalog.schema.json", "config.schema.json", "sarif-schema-2.1.0.json"):
        assert f"gdpr_guard/schemas/{schema}" in names
    assert "Project-URL: Source, https://github.com/gdpr-guard/gdpr-guard" in metadata.splitlines()


def test_sdist_carries_the_sources_tests_and_changelog(dist: Path) -> None:
    sdist = next(dist.glob("gdpr_guard-*.tar.gz"))
    prefix = f"gdpr_guard-{__version__}/"
    with tarfile.open(sdist) as archive:
        names = {n.removeprefix(prefix) for n in archive.getnames()}
    assert {"pyproject.toml", "README.md", "CHANGELOG.md", "policies/catalog.yaml", "src/gdpr_guard/cli.py",
            "tests/test_wheel.py", "examples/lab-migration/infra/main.tf"} <= names


def test_built_wheel_runs_in_a_clean_virtualenv(dist: Path, tmp_path: Path,
                                                 pip_from_wheelhouse: dict[str, str]) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    wheel = next(dist.glob("gdpr_guard-*.whl"))
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True, timeout=1200, env={**os.environ, **pip_from_wheelhouse})
    # Outside the checkout: the policies must come from the installed wheel.
    work = tmp_path / "work"
    shutil.copytree(REPO / "examples" / "lab-migration", work / "examples" / "lab-migration")
    # as in this repository: the example is a project of its own (its files keep their roles there)
    shutil.copy(REPO / ".gdpr-guard.yaml", work / ".gdpr-guard.yaml")
    scan = subprocess.run([str(venv / "bin" / "gdpr-guard"), "scan", "examples/lab-migration", "--format", "json"],
                          cwd=work, capture_output=True, text=True, timeout=900)
    assert scan.returncode == 1, scan.stderr
    data = json.loads(scan.stdout)
    assert data["errors"] == []
    found = sorted(f"{f['rule_id']} {f['location']['path']}:{f['location']['start_line']}"
                   + (f" {f['resource']}" if f["resource"] else "") for f in data["findings"])
    golden = (REPO / "tests" / "golden" / "lab-migration.findings.txt").read_text(encoding="utf-8").splitlines()
    assert found == golden
    validate = subprocess.run([str(venv / "bin" / "gdpr-guard"), "validate"], cwd=work, capture_output=True,
                              text=True, timeout=300)
    assert validate.returncode == 0, validate.stdout + validate.stderr
