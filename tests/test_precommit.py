"""The pre-commit hooks, installed by pre-commit itself from this repository, gate real `git commit`s.

pre-commit clones the hook repository at a commit and pip-installs it (with checkov and semgrep) into
its own environment: that happens once per test session (a shared PRE_COMMIT_HOME), pip reading the
dependencies from the session's wheelhouse (conftest.pip_from_wheelhouse). The hook repository is this
checkout at HEAD when the working tree is clean (CI), otherwise a committed snapshot of the working
tree, so the tests always exercise the code under test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}

UNENCRYPTED_DB = """\
resource "aws_db_instance" "results" {
  identifier        = "results"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 20
  storage_encrypted = %s
}
"""
GOOD_SCRIPT = """\
import csv


def export(rows, path):
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
"""
# The tests pin the rule set: rules added later must not change what these commits show.
CONFIG = "fail-on: low\nenable: [GG-ENC-001]\n"


def _git(*args: str, cwd: Path, env: dict[str, str] | None = None,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=check,
                          env={**os.environ, **GIT_IDENTITY, **(env or {})}, timeout=900)


def _snapshot(tmp: Path) -> tuple[Path, str]:
    """(repository, commit) holding exactly the current working tree of the checkout."""
    dirty = _git("status", "--porcelain", cwd=REPO).stdout.strip()
    if not dirty:
        return REPO, _git("rev-parse", "HEAD", cwd=REPO).stdout.strip()
    snapshot = tmp / "hook-repo"
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).stdout
    for rel in filter(None, listed.split("\0")):
        source = REPO / rel
        if source.is_file():
            (snapshot / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / rel)
    _git("init", "-q", cwd=snapshot)
    _git("add", "--all", cwd=snapshot)
    _git("commit", "-q", "--no-verify", "-m", "snapshot of the working tree", cwd=snapshot)
    return snapshot, _git("rev-parse", "HEAD", cwd=snapshot).stdout.strip()


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(hook repository, rev, PRE_COMMIT_HOME) shared by every test: one pre-commit install per session."""
    tmp = tmp_path_factory.mktemp("pre-commit")
    repo, rev = _snapshot(tmp)
    return repo, rev, tmp / "home"


@pytest.fixture()
def user_repo(tmp_path: Path, hook_source: tuple[Path, str, Path],
              pip_from_wheelhouse: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A throwaway repository whose .pre-commit-config.yaml uses the hooks, with the git hook installed."""
    repo, rev, home = hook_source
    work = tmp_path / "user-repo"
    work.mkdir()
    env = {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "SKIP": "", **pip_from_wheelhouse}
    _git("init", "-q", "-b", "main", cwd=work)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: gdpr-guard\n"
        "      - id: gdpr-guard-validate\n", encoding="utf-8")
    installed = subprocess.run([*PRE_COMMIT, "install"], cwd=work, capture_output=True, text=True,
                               env={**os.environ, **env}, timeout=120)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return work, env


def _commit(work: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return _git("commit", "-m", message, cwd=work, env=env, check=False)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_commit_refused_on_a_finding_and_accepted_once_fixed(user_repo: tuple[Path, dict[str, str]]) -> None:
    work, env = user_repo
    _write(work / "infra" / "db.tf", UNENCRYPTED_DB % "false")
    _write(work / "scripts" / "export.py", GOOD_SCRIPT)
    _write(work / ".gdpr-guard.yaml", CONFIG)
    _git("add", ".pre-commit-config.yaml", ".gdpr-guard.yaml", "infra/db.tf", "scripts/export.py", cwd=work)

    refused = _commit(work, env, "add the results database")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "gdpr-guard (GDPR checks)" in output and "Failed" in output
    assert "infra/db.tf:6: GG-ENC-001 [high] Database storage of aws_db_instance.results is not encrypted " \
           "at rest." in output
    assert "scripts/export.py" not in output  # the good file has no finding
    assert "gdpr-guard validate (catalog, configuration, migration plans)" in output
    assert _git("rev-parse", "--verify", "-q", "HEAD", cwd=work, check=False).returncode != 0  # nothing committed

    _write(work / "infra" / "db.tf", UNENCRYPTED_DB % "true")
    _git("add", "infra/db.tf", cwd=work)
    accepted = _commit(work, env, "add the results database, encrypted")
    hook_output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, hook_output
    assert "gdpr-guard (GDPR checks)" in hook_output and "Passed" in hook_output
    assert _git("ls-files", cwd=work).stdout.split() == [".gdpr-guard.yaml", ".pre-commit-config.yaml",
                                                         "infra/db.tf", "scripts/export.py"]


def test_staged_tf_is_checked_with_its_module_but_only_its_findings_reported(
        user_repo: tuple[Path, dict[str, str]]) -> None:
    work, env = user_repo
    # Already committed (before the hook existed): the variable default the staged file depends on, and
    # a legacy unencrypted database in a sibling file that is not part of this commit.
    _write(work / "infra" / "variables.tf", 'variable "encrypt_storage" {\n  type    = bool\n  default = false\n}\n')
    _write(work / "infra" / "legacy.tf", UNENCRYPTED_DB.replace('"results"', '"legacy"') % "false")
    _write(work / ".gdpr-guard.yaml", CONFIG)
    _git("add", ".pre-commit-config.yaml", ".gdpr-guard.yaml", "infra/variables.tf", "infra/legacy.tf", cwd=work)
    _git("commit", "-q", "--no-verify", "-m", "existing module", cwd=work)

    # Only db.tf is staged; its storage_encrypted comes from the unstaged sibling's variable default.
    _write(work / "infra" / "db.tf", UNENCRYPTED_DB % "var.encrypt_storage")
    _git("add", "infra/db.tf", cwd=work)
    refused = _commit(work, env, "results database")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    # storage_encrypted resolved through variables.tf, which is not staged
    assert "infra/db.tf:6: GG-ENC-001 [high] Database storage of aws_db_instance.results" in output
    assert "legacy" not in output  # the sibling's own finding is not the commit's business

    _write(work / "infra" / "variables.tf", 'variable "encrypt_storage" {\n  type    = bool\n  default = true\n}\n')
    _git("add", "infra/variables.tf", cwd=work)
    accepted = _commit(work, env, "results database, encrypted by default")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_validate_hook_refuses_an_invalid_migration_plan(user_repo: tuple[Path, dict[str, str]]) -> None:
    work, env = user_repo
    plan = work / "migrations" / "migration-plan.yaml"
    _write(plan, "version: 1\ninstruction: {controller: Lab}\n")
    _git("add", ".pre-commit-config.yaml", "migrations/migration-plan.yaml", cwd=work)
    refused = _commit(work, env, "migration plan")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "gdpr-guard validate (catalog, configuration, migration plans)" in output
    assert "migrations/migration-plan.yaml: $: 'owner' is a required property" in output

    good = REPO / "tests" / "fixtures" / "analyses" / "migration_plans" / "good" / "migrations" / "migration-plan.yaml"
    _write(plan, good.read_text(encoding="utf-8"))
    _git("add", "migrations/migration-plan.yaml", cwd=work)
    accepted = _commit(work, env, "migration plan, complete")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
