"""actionlint and zizmor (offline, regular persona) find nothing in the shipped workflows, action.yml and the
README's workflow snippets; and both do fail on a workflow with the mistakes they are here to catch.

The linters come with the `test` extra (pinned), so `.ci/run` installs and runs them; a missing linter
fails these tests rather than skipping them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from workflow_snippets import is_workflow, readme_yaml_snippets, shipped_workflows

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name if (BIN / name).exists() else shutil.which(name)
    assert path, f"{name} is not installed: pip install -e '.[test]'"
    return str(path)


@pytest.fixture(scope="module")
def checked_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tree holding every workflow to lint (README snippets written out as files) and action.yml."""
    tree = tmp_path_factory.mktemp("workflows")
    workflows = tree / ".github" / "workflows"
    workflows.mkdir(parents=True)
    for path in shipped_workflows():
        shutil.copy(path, workflows / path.name)
    for index, snippet in enumerate(readme_yaml_snippets()):
        if is_workflow(yaml.safe_load(snippet)):
            (workflows / f"readme-{index}.yml").write_text(snippet, encoding="utf-8")
    shutil.copy(REPO / "action.yml", tree / "action.yml")
    return tree


def _actionlint(tree: Path) -> subprocess.CompletedProcess[str]:
    files = sorted(str(p) for p in (tree / ".github" / "workflows").glob("*.yml"))
    return subprocess.run([_tool("actionlint"), "-no-color", "-shellcheck", _tool("shellcheck"), "-pyflakes=", *files],
                          cwd=tree, capture_output=True, text=True, timeout=300)


def _zizmor(*targets: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_tool("zizmor"), "--offline", "--no-progress", "--format", "json",
                           *(str(t) for t in targets)], capture_output=True, text=True, timeout=300)


def test_the_tree_holds_every_workflow(checked_tree: Path) -> None:
    names = sorted(p.name for p in (checked_tree / ".github" / "workflows").iterdir())
    assert names == ["ci.yml", "readme-2.yml", "readme-3.yml", "release.yml"]


def test_actionlint_finds_nothing(checked_tree: Path) -> None:
    run = _actionlint(checked_tree)
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_zizmor_finds_nothing(checked_tree: Path) -> None:
    run = _zizmor(checked_tree / ".github" / "workflows", checked_tree / "action.yml")
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout) == []


UNSAFE = """\
name: unsafe
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
      - run: echo ${{ matrix.nope }}
"""


def test_both_linters_catch_an_unsafe_workflow(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "unsafe.yml").write_text(UNSAFE, encoding="utf-8")
    linted = _actionlint(tmp_path)
    assert linted.returncode == 1 and "matrix" in linted.stdout
    audited = _zizmor(workflows)
    found = {item["ident"] for item in json.loads(audited.stdout)}
    assert {"unpinned-uses", "artipacked", "template-injection", "dangerous-triggers"} <= found
    assert audited.returncode != 0


def test_actionlint_reads_action_yml_through_a_local_use(tmp_path: Path) -> None:
    """actionlint lints workflows, not action metadata: a workflow using `./` makes it load action.yml and
    check the inputs given to it (a misspelt input is an error)."""
    inputs = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))["inputs"]
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, timeout=60)  # actionlint's project root
    shutil.copy(REPO / "action.yml", tmp_path / "action.yml")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    for name, extra in (("every-input.yml", ""), ("misspelt.yml", "          pathz: .\n")):
        given = "".join(f"          {key}: {json.dumps(str(spec.get('default', '')))}\n"
                        for key, spec in sorted(inputs.items()))
        (workflows / name).write_text(
            "name: t\non: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - id: scan\n        uses: ./\n        with:\n" + given + extra
            + "      - run: echo \"$STATUS\"\n        env:\n          STATUS: ${{ steps.scan.outputs.status }}\n",
            encoding="utf-8")
    def lint(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([_tool("actionlint"), "-no-color", "-shellcheck=", "-pyflakes=", str(workflows / name)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300)

    clean = lint("every-input.yml")
    assert (clean.returncode, clean.stdout) == (0, "")
    wrong = lint("misspelt.yml")
    assert wrong.returncode == 1 and 'input "pathz" is not defined in action "gdpr-guard"' in wrong.stdout
