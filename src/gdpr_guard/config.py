"""Configuration: defaults, `.gdpr-guard.yaml` or `[tool.gdpr-guard]` in pyproject.toml, CLI overrides."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gdpr_guard import resources, yamlio
from gdpr_guard.errors import ConfigError
from gdpr_guard.finding import Severity
from gdpr_guard.migration_plan import PLAN_NAMES, SCRIPT_GLOBS
from gdpr_guard.roles import RoleSettings
from gdpr_guard.schema_check import validate
from gdpr_guard.targets import Role

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_FILES = (".gdpr-guard.yaml", ".gdpr-guard.yml")
DEFAULT_TAG_KEYS = ("data_classification", "data-classification", "dataclassification", "classification",
                    "personal_data", "personal-data", "gdpr", "pii", "hds", "data_category")
DEFAULT_HEALTH_VALUES = ("health", "medical", "hds", "phi", "patient")
# Extra substrings marking personal data, on top of the built-in vocabulary of personal_data.py (users,
# e-mail, phone, IP address, date of birth, national identifiers, every special category). Words that
# are also code vocabulary (client, user_data, gdpr) would escalate findings that hold no personal data.
DEFAULT_NAME_PATTERNS = ("lab", "customer", "pii", "personal", "employee", "citizen", "subscriber", "patient")
DEFAULT_HEALTH_NAME_PATTERNS: tuple[str, ...] = ()
DEFAULT_GENERIC_ACCOUNTS = ("admin", "administrator", "root", "postgres", "sa", "shared", "team")
# Name fragments of IAM users that are shared accounts (a regex alternation fragment by default).
DEFAULT_SHARED_ACCOUNT_PATTERNS = ("shared", "team", "common", "generic", "group", "everyone", "staff", "ops",
                                   "support", "helpdesk", "admins?", "office", "guest", "dept", "equipe",
                                   "accueil", "secretariat")
# Name words of storage meant to be temporary: migration, export, staging, dump areas.
DEFAULT_MIGRATION_STORAGE_PATTERNS = ("migration", "migrations", "migrate", "migrated", "export", "exports",
                                      "staging", "transfer", "transfers", "dump", "dumps", "tmp", "temp",
                                      "scratch", "extract", "extracts")


@dataclass(frozen=True)
class PersonalData:
    """How gdpr-guard recognises resources and files that hold personal or health data."""

    tag_keys: tuple[str, ...] = DEFAULT_TAG_KEYS
    """Tag keys whose presence (with a truthy value) marks personal data."""
    health_tag_values: tuple[str, ...] = DEFAULT_HEALTH_VALUES
    """Tag values that mark health/genetic data (Art. 9)."""
    name_patterns: tuple[str, ...] = DEFAULT_NAME_PATTERNS
    """Substrings of resource names, table names or paths that mark personal data."""
    health_name_patterns: tuple[str, ...] = DEFAULT_HEALTH_NAME_PATTERNS
    """Substrings that mark health data."""


@dataclass(frozen=True)
class Config:
    """Effective configuration of one run."""

    fail_on: Severity = Severity.LOW
    """Lowest severity that makes the run fail (exit 1)."""
    exclude: tuple[str, ...] = ()
    """Glob patterns (relative paths or path components) never scanned."""
    enable: tuple[str, ...] = ()
    """If non-empty, only these rules run."""
    disable: tuple[str, ...] = ()
    """Rules that never run."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Per-rule severity overrides (applied before personal-data escalation)."""
    personal_data: PersonalData = PersonalData()
    """Personal-data recognition."""
    generic_accounts: tuple[str, ...] = DEFAULT_GENERIC_ACCOUNTS
    """Account names that are shared by nature (Dedalus employees shared accounts)."""
    shared_account_patterns: tuple[str, ...] = DEFAULT_SHARED_ACCOUNT_PATTERNS
    """Substrings of IAM user names that mark a shared/team account."""
    migration_storage_patterns: tuple[str, ...] = DEFAULT_MIGRATION_STORAGE_PATTERNS
    """Words in bucket/storage names that mark migration, export or staging storage."""
    max_expiry_days: int = 30
    """Longest acceptable expiry of migration/export storage."""
    plan_name: str = PLAN_NAMES[0]
    """File name of migration plans."""
    plan_globs: tuple[str, ...] = SCRIPT_GLOBS
    """Where migration scripts live (they need a plan)."""
    baseline: str | None = None
    """Baseline file (relative to the scan root unless absolute)."""
    diff_base: str | None = None
    """Git ref: report only findings on lines changed since its merge base with HEAD."""
    timeout: int = 900
    """Seconds an engine may run before it is killed and the scan fails."""
    jobs: int = 0
    """Engine parallelism (0: one per core)."""
    roles: RoleSettings = RoleSettings()
    """Roles assigned to paths, and rules whose roles are changed."""
    source: str | None = None
    """File the configuration came from, if any."""

    def rule_enabled(self, rule_id: str) -> bool:
        if rule_id in self.disable:
            return False
        return not self.enable or rule_id in self.enable

    def as_analysis_options(self) -> dict[str, Any]:
        """Plain options handed to wrapper analyses."""
        return {
            "generic_accounts": list(self.generic_accounts),
            "shared_account_patterns": list(self.shared_account_patterns),
            "plan_name": self.plan_name,
            "plan_globs": list(self.plan_globs),
            "max_expiry_days": self.max_expiry_days,
        }


def find_config_file(root: Path) -> Path | None:
    """The first config file in `root`: .gdpr-guard.yaml, else a pyproject.toml with [tool.gdpr-guard]."""
    for name in CONFIG_FILES:
        if (root / name).is_file():
            return root / name
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and "[tool.gdpr-guard" in pyproject.read_text(encoding="utf-8", errors="replace"):
        return pyproject
    return None


def find_for(paths: Sequence[str | Path], root: Path) -> Path | None:
    """The configuration file of a scan without `--config`: the nearest one from the scanned directory (the
    common directory of `paths`) upwards, up to the repository top (the directory holding `.git`), or up to
    the scan root outside a repository; else none (defaults).

    So `gdpr-guard scan /path/to/project` run from elsewhere reads the project's file, and a scan from a
    sub-directory of a repository reads the repository's.
    """
    given = [Path(p).resolve() for p in paths] or [root.resolve()]
    start = Path(os.path.commonpath([str(p if p.is_dir() else p.parent) for p in given]))
    chain = [start, *start.parents]
    top = next((d for d in chain if (d / ".git").exists()), None)
    if top is None:
        top = root.resolve() if root.resolve() in chain else start
    for directory in chain[:chain.index(top) + 1]:
        found = find_config_file(directory)
        if found is not None:
            return found
    return None


def check_rule_ids(config: Config, known: Iterable[str]) -> None:
    """Raise ConfigError (naming the file) if `enable`, `disable` or `severity` name a rule that does not exist:
    a typo there would silently keep a rule on, or leave its severity unchanged."""
    ids = set(known)
    problems = [f"{key}: {rule}" for key, rules in (("enable", config.enable), ("disable", config.disable),
                                                    ("severity", tuple(config.severity))) for rule in rules
                if rule not in ids]
    if problems:
        raise ConfigError(f"{config.source or 'configuration'}: unknown rule id(s) ({'; '.join(problems)}); "
                          f"`gdpr-guard rules` lists them")


def load(path: Path | None) -> Config:
    """Configuration from `path` (None: defaults)."""
    if path is None:
        return Config()
    if path.name == "pyproject.toml":
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle).get("tool", {}).get("gdpr-guard", {})
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    else:
        data = yamlio.load_file(path)
        if data is None:
            data = {}
    return from_mapping(data, str(path))


def from_mapping(data: Any, source: str) -> Config:
    """Validate a mapping against the config schema and build a Config."""
    validate(data, resources.schema("config.schema.json"), source)
    personal = data.get("personal-data", {})
    defaults = PersonalData()
    plan = data.get("migration-plan", {})
    return Config(
        fail_on=Severity.parse(data.get("fail-on", "low")),
        exclude=tuple(data.get("exclude", ())),
        enable=tuple(data.get("enable", ())),
        disable=tuple(data.get("disable", ())),
        severity={k: Severity.parse(v) for k, v in data.get("severity", {}).items()},
        personal_data=PersonalData(
            tag_keys=_lower(personal.get("tag-keys", defaults.tag_keys)),
            health_tag_values=_lower(personal.get("health-tag-values", defaults.health_tag_values)),
            name_patterns=_lower(personal.get("name-patterns", defaults.name_patterns)),
            health_name_patterns=_lower(personal.get("health-name-patterns", defaults.health_name_patterns)),
        ),
        generic_accounts=_lower(data.get("generic-accounts", DEFAULT_GENERIC_ACCOUNTS)),
        shared_account_patterns=_lower(data.get("shared-account-patterns", DEFAULT_SHARED_ACCOUNT_PATTERNS)),
        migration_storage_patterns=_lower(data.get("migration-storage-patterns",
                                                   DEFAULT_MIGRATION_STORAGE_PATTERNS)),
        max_expiry_days=data.get("max-expiry-days", 30),
        plan_name=plan.get("name", PLAN_NAMES[0]),
        plan_globs=tuple(plan.get("globs", SCRIPT_GLOBS)),
        baseline=data.get("baseline"),
        timeout=data.get("timeout", 900),
        jobs=data.get("jobs", 0),
        roles=_role_settings(data.get("roles", {})),
        source=source,
    )


def with_overrides(config: Config, **changes: Any) -> Config:
    """A copy with the CLI's explicit values (None means: keep the file's or the default)."""
    return replace(config, **{k: v for k, v in changes.items() if v is not None})


def _role_settings(data: dict[str, Any]) -> RoleSettings:
    return RoleSettings(
        paths=tuple((glob, Role(role)) for glob, role in data.get("paths", {}).items()),
        projects=tuple(data.get("projects", ())),
        rules={key: tuple(r for r in Role if r.value in set(names)) for key, names in data.get("rules", {}).items()},
    )


def _lower(values: Any) -> tuple[str, ...]:
    return tuple(str(v).lower() for v in values)
