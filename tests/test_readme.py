"""The README stays true: two set-up commands (CI runs the test one), and YAML snippets that are valid, complete
workflows pinned and hardened like the ones the repository ships."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from conftest import REPO
from workflow_snippets import FULL_SHA, REPOSITORY, is_workflow, readme_yaml_snippets, shipped_workflows, uses_lines

from gdpr_guard import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(python3 -m venv .venv && [^\n]+)\n```", README)


def test_readme_has_exactly_two_setup_commands() -> None:
    assert len(COMMANDS) == 2
    assert COMMANDS[0].endswith("gdpr-guard scan examples/lab-migration")
    assert "pytest" in COMMANDS[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()


# --- The README's YAML snippets (issue 17): valid, complete, pinned, and hardened like the shipped workflows.

def _workflows() -> list[tuple[str, str]]:
    """(name, text) of every workflow the README shows and every workflow the repository ships."""
    shown = [(f"README snippet {i}", s) for i, s in enumerate(readme_yaml_snippets())
             if is_workflow(yaml.safe_load(s))]
    return shown + [(p.relative_to(REPO).as_posix(), p.read_text(encoding="utf-8")) for p in shipped_workflows()]


def test_every_yaml_snippet_parses_and_the_readme_shows_two_workflows() -> None:
    snippets = readme_yaml_snippets()
    documents = [yaml.safe_load(s) for s in snippets]
    assert all(isinstance(d, dict) for d in documents)
    assert sum(is_workflow(d) for d in documents) == 2
    assert {p.name for p in shipped_workflows()} == {"ci.yml", "release.yml"}


@pytest.mark.parametrize(("name", "text"), _workflows(), ids=[n for n, _ in _workflows()])
def test_workflow_is_complete_and_hardened(name: str, text: str) -> None:
    document = yaml.safe_load(text)
    triggers = document.get("on", document.get(True))  # YAML 1.1 reads the key `on` as true
    assert document.get("name") and triggers and document.get("jobs"), name
    assert document.get("permissions") == {}, "no permission at the workflow level; each job asks for its own"
    assert document.get("concurrency"), name
    for job_id, job in document["jobs"].items():
        assert "permissions" in job, (name, job_id)
        assert job.get("name"), (name, job_id)
        for step in job.get("steps", []):
            assert "${{" not in step.get("run", ""), (name, job_id, "expand expressions through env:")
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False, (name, job_id)


@pytest.mark.parametrize(("name", "text"), _workflows(), ids=[n for n, _ in _workflows()])
def test_actions_are_pinned_by_commit_hash_with_the_version_in_a_comment(name: str, text: str) -> None:
    for reference, comment in uses_lines(text):
        action, _, ref = reference.partition("@")
        if action == REPOSITORY:
            # This repository's own release: a tag the README tells how to turn into a hash.
            assert ref == f"v{__version__}" and "zizmor: ignore[unpinned-uses]" in comment, reference
            continue
        assert FULL_SHA.match(ref), reference
        assert re.match(r"v\d+\.\d+\.\d+$", comment), (reference, comment)


def test_precommit_snippet_names_this_repository_and_release() -> None:
    config = next(d for d in map(yaml.safe_load, readme_yaml_snippets()) if "repos" in d)
    (repo,) = config["repos"]
    assert repo["repo"] == f"https://github.com/{REPOSITORY}"
    assert repo["rev"] == f"v{__version__}"
    hooks = {h["id"] for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for h in repo["hooks"]} <= hooks


def test_no_placeholder_and_one_repository_name() -> None:
    assert "<org>" not in README
    named = set(re.findall(r"github\.com/([\w.-]+/gdpr-guard)\b", README))
    assert named == {REPOSITORY}
    urls = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert {u.split("github.com/")[1].split("/")[0] + "/" + u.split("github.com/")[1].split("/")[1]
            for u in urls.values()} == {REPOSITORY}
    assert set(re.findall(r"gdpr-guard==([\w.]+)", README)) == {__version__}


def test_changelog_has_a_section_for_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - ", changelog, re.M)


# --- The README's Layout section names every package and top-level module of src/gdpr_guard (issue 18).

def test_layout_names_every_package_and_module() -> None:
    layout = README.split("## Layout", 1)[1].split("\n## ", 1)[0]
    source = REPO / "src" / "gdpr_guard"
    packages = [p.name + "/" for p in source.iterdir() if (p / "__init__.py").is_file() or p.name == "schemas"]
    modules = [p.name for p in source.glob("*.py") if p.name != "__init__.py"]
    assert packages and modules
    assert [name for name in sorted(packages + modules) if name not in layout] == []
