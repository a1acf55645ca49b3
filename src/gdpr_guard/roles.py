"""File roles: what a target is FOR (application, test, migration, ...), from its path and content.

A rule applies to the roles the catalog gives it (`roles:`, or its family's default); the configuration
can assign roles to paths and change the roles a rule applies to. Nothing is dropped silently: the scan
counts the findings a rule's scope left out, per rule and role, and every report shows them.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from gdpr_guard.targets import Kind, Role, Target

ALL_ROLES = tuple(Role)
TEST_DIRS = frozenset({"test", "tests", "testing", "__tests__", "spec", "specs", "fixtures", "testdata",
                       "test_data", "test-data", "mocks", "__mocks__", "conftest"})
MIGRATION_DIRS = frozenset({"migrations", "migration", "migrate", "alembic", "flyway", "liquibase",
                            "changelog", "changelogs", "schema_migrations", "db_migrations"})
ETL_DIRS = frozenset({"etl", "elt", "export", "exports", "extract", "extracts", "dags", "airflow", "pipelines",
                      "jobs"})
EXAMPLE_DIRS = frozenset({"examples", "example", "samples", "sample", "demo", "demos", "docs", "doc",
                          ".devcontainer"})
TEST_ENV_WORDS = frozenset({"ci", "test", "tests", "testing", "e2e", "cypress", "playwright"})
"""Words that mark a container or environment definition as the throwaway setup of a test run."""
ENV_FILE_WORDS = frozenset({"compose", "env"})
DBT_DIRS = frozenset({"models", "snapshots", "analyses", "analysis", "macros", "seeds"})
FLYWAY = re.compile(r"^[vur]\d+(?:[._]\d+)*__.+\.sql$")
DUMP_TOOLS = re.compile(r"\b(?:pg_dump|pg_dumpall|pg_basebackup|mysqldump|mariadb-dump|mongodump|xtrabackup|"
                        r"mariabackup|pgbackrest|wal-g|barman|sqlcmd\s+.*BACKUP\s+DATABASE)\b")
ALEMBIC = re.compile(r"^(?:down_)?revision\s*[:=]", re.MULTILINE)
DJANGO = re.compile(r"\bclass\s+Migration\s*\(\s*migrations\.Migration\s*\)")
HEAD_BYTES = 65_536


@dataclass(frozen=True)
class RoleSettings:
    """What the configuration says about roles (`roles:` in `.gdpr-guard.yaml`)."""

    paths: tuple[tuple[str, Role], ...] = ()
    """(glob, role): files matching the glob get the role, first match wins, before any detection."""
    projects: tuple[str, ...] = ()
    """Globs of directories that are projects of their own: roles are detected from paths below them."""
    rules: Mapping[str, tuple[Role, ...]] = field(default_factory=dict)
    """Rule id or family -> the roles it applies to, replacing the catalog's."""


@dataclass(frozen=True)
class Verdict:
    """A role and why the file has it."""

    role: Role
    reason: str


def assign(targets: Sequence[Target], root: Path, settings: RoleSettings = RoleSettings()) -> list[Target]:
    """The targets with their roles set."""
    dbt_roots = _dbt_projects(targets, root)
    return [replace(t, role=detect(t, settings, dbt_roots).role) for t in targets]


def detect(target: Target, settings: RoleSettings = RoleSettings(),
           dbt_roots: frozenset[str] = frozenset()) -> Verdict:
    """Role of one target: configuration first, then the path, then the content."""
    for pattern, role in settings.paths:
        if _glob(target.rel, pattern):
            return Verdict(role, f"configured path {pattern}")
    rel = _below_project(target.rel, settings.projects)
    parts = [p.lower() for p in PurePosixPath(rel).parts]
    name, dirs = parts[-1], parts[:-1]
    if target.kind in (Kind.TERRAFORM, Kind.TERRAFORM_PLAN) or name.endswith(".tfvars"):
        if any(_test_dir(d) for d in dirs):
            return Verdict(Role.TEST, "in a test directory")
        if any(d in EXAMPLE_DIRS for d in dirs):
            return Verdict(Role.EXAMPLE, "in an examples directory")
        return Verdict(Role.INFRASTRUCTURE, "Terraform")
    if _is_test(name, dirs):
        return Verdict(Role.TEST, "test file or directory")
    if any(d in EXAMPLE_DIRS for d in dirs) or name.startswith("readme."):
        return Verdict(Role.EXAMPLE, "example, documentation or local-development setup")
    if target.kind is Kind.CHANGELOG:
        return Verdict(Role.MIGRATION, "Liquibase changelog")
    if target.kind in (Kind.OTHER, Kind.MIGRATION_PLAN):
        if ".github" in dirs or name.endswith(".tfvars"):
            return Verdict(Role.INFRASTRUCTURE, "CI or Terraform configuration")
        return Verdict(Role.APPLICATION, "default")
    head = _head(target.path) if target.kind in (Kind.PYTHON, Kind.SHELL, Kind.SQL) else ""
    in_dbt = any(target.rel.startswith(r + "/") or r == "" for r in dbt_roots)
    if in_dbt and name.endswith((".sql", ".py")) and any(d in DBT_DIRS for d in dirs):
        return Verdict(Role.DBT, "dbt model (dbt_project.yml above)")
    if FLYWAY.match(name) or any(d in MIGRATION_DIRS for d in dirs) or "changelog" in name:
        return Verdict(Role.MIGRATION, "migration directory or versioned migration name")
    if target.kind is Kind.PYTHON and (DJANGO.search(head) or (ALEMBIC.search(head) and "def upgrade" in head)):
        return Verdict(Role.MIGRATION, "Alembic or Django migration")
    if "backup" in rel.lower() and DUMP_TOOLS.search(head):
        return Verdict(Role.BACKUP, "backup tool calling a database dump program")
    stem = name.rsplit(".", 1)[0]
    if any(d in ETL_DIRS for d in dirs) or any(w in stem for w in ("export", "extract", "etl")):
        return Verdict(Role.ETL, "export or ETL job")
    return Verdict(Role.APPLICATION, "default")


def _is_test(name: str, dirs: list[str]) -> bool:
    if any(_test_dir(d) for d in dirs):
        return True
    stem = name.rsplit(".", 1)[0]
    if (name == "conftest.py" or stem.startswith("test_") or stem.endswith(("_test", "_tests", "_spec"))
            or stem == "tests"):
        return True
    # `compose.ci.yaml`, `docker-compose.e2e.yml`, `.env.test`: the services and credentials of a test run;
    # a CI workflow named for tests (`run-pr-tests.yaml`, `e2e.yml`) starts the throwaway services of one
    words = set(re.split(r"[._-]+", name))
    workflow = dirs[-2:] == [".github", "workflows"]
    if workflow:
        return bool(words & TEST_ENV_WORDS - {"ci"})
    return bool(words & ENV_FILE_WORDS) and bool(words & TEST_ENV_WORDS)


def _test_dir(directory: str) -> bool:
    """A test directory, also one named for a kind of test (`tests_nightly_performance`, `test-harness`)."""
    return directory in TEST_DIRS or re.split(r"[_-]", directory, maxsplit=1)[0] in ("test", "tests")


def _below_project(rel: str, projects: tuple[str, ...]) -> str:
    parts = rel.split("/")
    best = rel
    for depth in range(len(parts) - 1, 0, -1):
        prefix = "/".join(parts[:depth])
        if any(fnmatch.fnmatchcase(prefix, p.rstrip("/")) for p in projects):
            best = "/".join(parts[depth:])
            break
    return best


def _glob(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if pattern.endswith("/**"):
        base = pattern[:-3]
        return rel.startswith(base + "/") or fnmatch.fnmatchcase(rel, pattern)
    return fnmatch.fnmatchcase(rel, pattern)


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _dbt_projects(targets: Sequence[Target], root: Path) -> frozenset[str]:
    """Directories (relative to root) holding a dbt_project.yml above some target."""
    found: set[str] = set()
    seen: set[str] = set()
    for target in targets:
        parent = PurePosixPath(target.rel).parent
        for directory in (parent, *parent.parents):
            key = directory.as_posix()
            key = "" if key == "." else key
            if key in seen:
                break
            seen.add(key)
            if (root / key / "dbt_project.yml").is_file():
                found.add(key)
    return frozenset(found)


def rule_roles(rule_id: str, family: str, catalog_roles: tuple[Role, ...],
               settings: RoleSettings = RoleSettings()) -> tuple[Role, ...]:
    """Roles a rule applies to: the configuration's (by rule id, then family), else the catalog's."""
    configured = settings.rules.get(rule_id, settings.rules.get(family))
    return catalog_roles if configured is None else configured
