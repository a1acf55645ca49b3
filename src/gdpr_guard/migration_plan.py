"""Migration plans: the declared, checked procedure of a data migration.

A `migration-plan.yaml` beside the migration scripts states the controller's instruction, the
systems, the data categories and the fields to move, the encryption in transit and at rest, and the
deletion of the source and of every intermediate copy with a deadline (CNIL SAN-2022-009: Dedalus had
"no specific procedure for data-migration operations").

Library functions for `gdpr-guard plan init [DIR]` (`skeleton`, `write_skeleton`) and
`gdpr-guard plan check [PATHS]` (`check`); the analyses in `gdpr_guard.analyses.migration_plans` use
`load`/`validate` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gdpr_guard import resources, yamlio
from gdpr_guard.errors import ConfigError
from gdpr_guard.schema_check import error_lines

PLAN_NAMES = ("migration-plan.yaml", "migration-plan.yml")
"""File names of a plan; the first is the default `plan_name` of the configuration."""
SCRIPT_GLOBS = ("migrations/**", "**/migrat*/**")
"""Where migration scripts live by default (each needs a plan): the `plan_globs` default."""
def schema() -> dict[str, Any]:
    """The migration-plan JSON Schema shipped with the package."""
    return resources.schema("migration_plan.schema.json")


PLACEHOLDER_WORD = "TODO"
PLACEHOLDER_DATE = "2000-01-01"


def validate(data: Any) -> list[str]:
    """Schema errors and unfilled placeholders of a parsed plan, each `'<json path>: <message>'`; empty when valid.

    A skeleton written by `plan init` has the right shape but declares nothing: every TODO and the
    placeholder date 2000-01-01 must be replaced before the plan counts (it would otherwise silence
    GG-MIG-201 with a procedure nobody wrote).
    """
    return error_lines(data, schema(), formats=True) + placeholders(data)


def placeholders(value: Any, path: str = "$") -> list[str]:
    """Where a plan still holds the skeleton's TODO placeholders or its placeholder date, in document order."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in
                ([f"{path}.{key}: key is still a {PLACEHOLDER_WORD} placeholder"]
                 if PLACEHOLDER_WORD in str(key) else []) + placeholders(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in placeholders(item, f"{path}[{index}]")]
    if isinstance(value, str) and PLACEHOLDER_WORD in value:
        return [f"{path}: still a {PLACEHOLDER_WORD} placeholder ({value[:60]!r})"]
    if str(value) == PLACEHOLDER_DATE:
        return [f"{path}: placeholder date {PLACEHOLDER_DATE}, not a real date"]
    return []


def load(path: Path) -> dict[str, Any]:
    """Read, parse (safe, size-capped, no aliases) and validate a plan.

    Raises ConfigError naming the file and listing every schema error by path.
    """
    data = yamlio.load_file(Path(path))
    errors = validate(data)
    if errors:
        raise ConfigError(f"{path}: invalid migration plan:\n  " + "\n  ".join(errors))
    assert isinstance(data, dict)
    return data


def check(paths: Iterable[str | Path]) -> list[str]:
    """Errors of every plan found in `paths` (plan files, or directories searched recursively).

    Returns one message per problem (`<file>: <json path>: <message>`); empty means all plans are
    valid. A directory without any plan is itself an error.
    """
    problems: list[str] = []
    for given in paths:
        start = Path(given)
        if start.is_dir():
            plans = sorted(p for p in start.rglob("*") if p.name in PLAN_NAMES and p.is_file())
            if not plans:
                problems.append(f"{start}: no {PLAN_NAMES[0]} found")
        elif start.is_file():
            plans = [start]
        else:
            problems.append(f"{start}: no such file or directory")
            continue
        for plan in plans:
            try:
                data = yamlio.load_file(plan)
            except ConfigError as exc:
                problems.append(str(exc))
                continue
            problems.extend(f"{plan}: {err}" for err in validate(data))
    return problems


SKELETON = """\
# Migration plan: the documented procedure of this data migration (checked by gdpr-guard).
# CNIL SAN-2022-009 (Dedalus Biologie): no specific procedure for data-migration operations,
# more data extracted than asked for, no deletion after migration, data stored unencrypted.
# Fill every TODO; `gdpr-guard plan check` validates this file.
version: 1

# Why the data are moved, in one or two sentences.
purpose: "TODO: move the lab results of <client> from <old system> to <new system>"

# The controller's documented instruction that orders the migration (Art. 28(3)(a), 29).
instruction:
  controller: "TODO: laboratory or client name"
  reference: "TODO: ticket, contract amendment or letter reference"
  date: "2000-01-01"                  # TODO: date of the instruction (YYYY-MM-DD)

source:
  system: "TODO: old LIMS"
  location: "TODO: host / database"
destination:
  system: "TODO: new LIMS"
  location: "TODO: host / database / bucket"

data:
  categories: ["TODO: identification", "TODO: lab results"]
  # Art. 9 categories moved: health, genetic, biometric, ... ; [] states that there are none.
  special_categories: [health]
  # Exactly the tables and columns to move: scripts may extract nothing else.
  fields:
    - table: TODO_table
      columns: [TODO_column]

encryption:
  in_transit: {enabled: true, method: "TODO: SFTP / TLS 1.2+ (sslmode=verify-full)"}
  at_rest: {enabled: true, method: "TODO: gpg/age encrypted dumps, SSE-KMS bucket"}

# Deletion of the source and of every intermediate copy, with a deadline (YYYY-MM-DD).
# With delete: false, give a justification instead of a deadline.
deletion:
  source: {delete: true, deadline: "2000-01-01", method: "TODO: DROP/TRUNCATE after sign-off"}
  intermediate_copies:
    delete: true
    deadline: "2000-01-01"
    method: "TODO: temporary directory removed on exit; bucket lifecycle 7 days"
    locations: ["TODO: /srv/exports", "TODO: s3://bucket/prefix"]

owner:
  name: "TODO: person accountable for this migration"
  contact: "TODO: email"
"""


def skeleton() -> str:
    """A commented plan skeleton: it parses, and `plan check` fails until every TODO and date is filled in."""
    return SKELETON


def write_skeleton(directory: str | Path, name: str = PLAN_NAMES[0], force: bool = False) -> Path:
    """Write the skeleton as `directory/name`; refuses to overwrite an existing plan unless forced."""
    target = Path(directory) / name
    if target.exists() and not force:
        raise ConfigError(f"{target}: already exists")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(SKELETON, encoding="utf-8")
    return target
