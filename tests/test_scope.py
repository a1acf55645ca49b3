"""Scope: gdpr-guard writes only the outputs asked for, runs no code and no configuration from the scanned
repository, and never follows a path out of the scanned root."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES


def _tree(directory: Path) -> dict[str, str]:
    out = {}
    for path in sorted(directory.rglob("*")):
        rel = str(path.relative_to(directory))
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[rel] = "dir"
    return out


def _scan(repo: Path, out: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    proc = subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", ".", "--format", "json",
                           "-o", str(out / "r.json"), "--sarif-file", str(out / "r.sarif"), *extra],
                          cwd=repo, capture_output=True, text=True, env=os.environ.copy(), timeout=600)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads((out / "r.json").read_text(encoding="utf-8"))


def _summary(report: dict) -> list[tuple[str, str, int]]:  # type: ignore[type-arg]
    return sorted((f["rule_id"], f["location"]["path"], f["location"]["start_line"]) for f in report["findings"])


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, dict]:  # type: ignore[type-arg]
    base = tmp_path_factory.mktemp("scope")
    repo = base / "repo"
    shutil.copytree(FIXTURES / "secrets", repo)
    before = _tree(repo)
    code, report = _scan(repo, base / "out")
    assert _tree(repo) == before, "the scan changed the scanned repository"
    assert sorted(p.name for p in (base / "out").iterdir()) == ["r.json", "r.sarif"]
    assert code == 1 and report["errors"] == []
    return base, code, report


def test_writes_only_the_outputs_asked_for(baseline: tuple[Path, int, dict]) -> None:  # type: ignore[type-arg]
    base, _, _ = baseline
    assert sorted(p.name for p in base.iterdir()) == ["out", "repo"]


def _hostile_repo(base: Path, name: str) -> Path:
    repo = base / name
    shutil.copytree(FIXTURES / "secrets", repo)
    marker = base / f"{name}-PWNED"
    payload = f"import pathlib\npathlib.Path({str(marker)!r}).write_text('code from the scanned repo ran')\n"
    for rel in ("checks/evil_check.py", ".semgrep/evil.py", "evil/__init__.py", "conftest.py", "setup.py"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(payload, encoding="utf-8")
    return repo


def test_semgrep_configuration_in_the_repo_changes_nothing(baseline: tuple[Path, int, dict],  # type: ignore[type-arg]
                                                           tmp_path: Path) -> None:
    _, code, report = baseline
    repo = _hostile_repo(tmp_path, "repo")
    (repo / ".semgrepignore").write_text("*\n", encoding="utf-8")
    (repo / ".semgrep.yml").write_text("rules:\n- id: everything\n  pattern: $X\n  message: x\n  languages: [python]\n"
                                       "  severity: ERROR\n", encoding="utf-8")
    (repo / ".semgrep").mkdir(exist_ok=True)
    (repo / ".semgrep" / "rules.yml").write_text((repo / ".semgrep.yml").read_text(), encoding="utf-8")
    (repo / ".gitignore").write_text("*\n", encoding="utf-8")
    hostile_code, hostile = _scan(repo, tmp_path / "out")
    assert not list(tmp_path.glob("*-PWNED"))
    assert (hostile_code, _summary(hostile)) == (code, _summary(report))


def test_checkov_configuration_in_the_repo_changes_nothing(baseline: tuple[Path, int, dict],  # type: ignore[type-arg]
                                                           tmp_path: Path) -> None:
    _, code, report = baseline
    repo = _hostile_repo(tmp_path, "repo")
    (repo / ".checkov.yaml").write_text("external-checks-dir: [checks]\nskip-check: [CKV_GG_CRED_002]\n"
                                        "soft-fail: true\n", encoding="utf-8")
    hostile_code, hostile = _scan(repo, tmp_path / "out")
    assert not list(tmp_path.glob("*-PWNED"))
    assert (hostile_code, _summary(hostile)) == (code, _summary(report))


def test_no_code_from_the_repo_runs_with_checkov_external_checks(tmp_path: Path) -> None:
    """Even a repo-level .checkov.yaml naming an external checks directory does not make checkov import it:
    our command line passes its own --external-checks-dir."""
    repo = _hostile_repo(tmp_path, "repo")
    (repo / ".checkov.yaml").write_text("external-checks-dir: [checks, evil]\n", encoding="utf-8")
    _scan(repo, tmp_path / "out")
    assert not list(tmp_path.glob("*-PWNED"))


def test_symlinks_out_of_root_are_not_followed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "db").mkdir(parents=True)
    (repo / "db" / "ok.sql").write_text("SELECT id FROM t WHERE id = 1;\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "leak.sql").write_text("CREATE USER x WITH PASSWORD 'OutsideRootPass1';\n", encoding="utf-8")
    os.symlink(outside, repo / "linked")
    os.symlink(outside / "leak.sql", repo / "db" / "leak.sql")
    code, report = _scan(repo, tmp_path / "out")
    assert code == 3
    assert {e["path"] for e in report["errors"]} == {"linked", "db/leak.sql"}
    assert report["findings"] == []
    for name in ("r.json", "r.sarif"):
        assert "OutsideRootPass1" not in (tmp_path / "out" / name).read_text(encoding="utf-8")
