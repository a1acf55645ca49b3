"""Shared fixtures: the real engines run once per session over all rule fixtures."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from gdpr_guard import catalog as catalog_module
from gdpr_guard.catalog import Catalog
from gdpr_guard.config import Config
from gdpr_guard.finding import ScanResult
from gdpr_guard.roles import RoleSettings
from gdpr_guard.scan import run_scan

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
TERRAFORM_FIXTURES = FIXTURES / "terraform"
SCRIPT_FIXTURES = FIXTURES / "scripts"
TODO_MEANING = {"todoruleid": "ok", "todook": "ruleid"}
"""semgrep's convention: `todoruleid` marks a known miss (not reported today), `todook` a known false
positive (reported today); the exact-set tests hold the rule to what it does now."""
ANNOTATION = re.compile(r"^\s*(?:#|--|//|<!--)\s*(ruleid|ok|todoruleid|todook):\s*"
                        r"(GG-[A-Z]+-\d{3}(?:\s*,\s*GG-[A-Z]+-\d{3})*)")



@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pytest -k <rule id>` selects a wrapper analysis's tests too: each test of
    tests/test_analysis_<module>.py answers to the ids of the rules that analysis module reports (its
    catalog `engine_rule`). Runs before pytest's own `-k` deselection (tryfirst)."""
    by_module: dict[str, set[str]] = {}
    for rule in catalog_module.load().rules.values():
        if rule.engine == "gdpr-guard":
            by_module.setdefault(rule.engine_rule.split(".")[0], set()).add(rule.id)
    for item in items:
        stem = Path(str(item.fspath)).stem
        if stem.startswith("test_analysis_"):
            item.extra_keyword_matches.update(by_module.get(stem.removeprefix("test_analysis_"), set()))

@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return catalog_module.load()


@pytest.fixture(scope="session")
def fixtures_scan(catalog: Catalog) -> ScanResult:
    """checkov and semgrep, once, over every rule fixture (wrapper analyses have their own tests).

    Each fixture tree is a project of its own: roles are detected from the paths below it (else every
    fixture would be test code of this repository).
    """
    analyses = tuple(r.id for r in catalog.rules.values() if r.engine == "gdpr-guard")
    config = Config(disable=analyses, roles=FIXTURE_ROLES)
    return run_scan([TERRAFORM_FIXTURES, SCRIPT_FIXTURES], REPO, config, catalog)


@pytest.fixture(scope="session")
def pip_from_wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """pip's environment for the tests that install this project into fresh environments (the built
    wheel, the GitHub Action's install step, pre-commit's hook environment).

    Resolving the dependency closure (checkov, semgrep, boto3...) against the package index costs about as
    much CPU as unpacking it, and each of those tests paid it again. Here it is paid once per session:
    `pip download` (which needs the index, as those installs did) fills a wheelhouse with the closure of
    this checkout and of its build backend, and every later install resolves from it alone. What is
    installed is the same set of distributions; only where pip reads them from changes.
    """
    wheelhouse = tmp_path_factory.mktemp("wheelhouse")
    with (REPO / "pyproject.toml").open("rb") as handle:
        backend = tomllib.load(handle)["build-system"]["requires"]  # pip builds the checkout in isolation
    for requirement in (str(REPO), *backend):
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                        "--dest", str(wheelhouse), requirement], check=True, capture_output=True, timeout=1200)
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse)}


@dataclass(frozen=True)
class ExampleRun:
    """One `gdpr-guard scan examples/lab-migration` writing every report format."""

    code: int
    stderr: str
    reports: dict[str, str]
    """json (stdout), sarif, markdown, html."""
    html: Path


@pytest.fixture(scope="session")
def lab_migration_run(tmp_path_factory: pytest.TempPathFactory) -> ExampleRun:
    """The bundled example scanned once by the console entry; test_example and test_html_report both read it
    (one scan writes all the formats from the same result)."""
    out = tmp_path_factory.mktemp("lab-migration")
    files = {"sarif": out / "r.sarif", "markdown": out / "r.md", "html": out / "report.html"}
    run = subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", "examples/lab-migration", "--format", "json",
                          "--sarif-file", str(files["sarif"]), "--markdown-file", str(files["markdown"]),
                          "--html-file", str(files["html"])], cwd=REPO, capture_output=True, text=True, timeout=900)
    reports = {"json": run.stdout} | {fmt: path.read_text(encoding="utf-8") for fmt, path in files.items()
                                      if path.exists()}
    return ExampleRun(run.returncode, run.stderr, reports, files["html"])


FIXTURE_ROLES = RoleSettings(projects=("tests/fixtures/terraform", "tests/fixtures/scripts"))


def annotations(path: Path) -> dict[str, set[tuple[str, int]]]:
    """`ruleid:` / `ok:` annotations of a script fixture, as (rule, line of the code they precede)."""
    found: dict[str, set[tuple[str, int]]] = {"ruleid": set(), "ok": set()}
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = ANNOTATION.match(line)
        if match:
            kind = TODO_MEANING.get(match.group(1), match.group(1))
            pending += [(kind, rule.strip()) for rule in match.group(2).split(",")]
            continue
        if pending and line.strip():
            for kind, rule in pending:
                found[kind].add((rule, number))
            pending = []
    return found


def terraform_fixture_dirs() -> list[Path]:
    return sorted(p.parent for p in TERRAFORM_FIXTURES.rglob("expected.yaml"))


def script_fixture_files() -> list[Path]:
    return sorted(p for p in SCRIPT_FIXTURES.rglob("*") if p.is_file()
                  and p.suffix in (".py", ".sh", ".sql", ".bash", ".xml", ".yaml"))
