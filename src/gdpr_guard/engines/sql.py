"""The SQL engine: gdpr-guard's own SQL analysis (`gdpr_guard.sql`), run like the other engines.

It reads `.sql` files, Liquibase changelogs, the SQL of Python database calls and of shell database
clients, with sqlglot. A changelog that cannot be read is a scan error.
Statements no dialect could read are listed as a notice (and judged by the lexer-level checks).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.config import Config
from gdpr_guard.engines.common import Engine, EngineOutput
from gdpr_guard.finding import ScanError
from gdpr_guard.targets import Kind, Target

NAME = "sql"
SHOWN = 20
"""At most this many unread statements are named in the notice (all are counted)."""


def scan(targets: Sequence[Target], rules: Sequence[Rule], catalog: Catalog, root: Path,
         config: Config) -> EngineOutput:
    from importlib.metadata import version

    from gdpr_guard.sql.analysis import analyse

    result = analyse(targets, root, [r.engine_rule for r in rules], config.generic_accounts,
                     lambda table: _personal(table, config))
    output = EngineOutput(findings=result.findings, version=f"sqlglot {version('sqlglot')}")
    output.errors += [ScanError(NAME, f"{path}: {why}", path) for path, why in result.unreadable]
    if result.unread:
        places = ", ".join(f"{path}:{line}" for path, line in result.unread[:SHOWN])
        more = f" and {len(result.unread) - SHOWN} more" if len(result.unread) > SHOWN else ""
        output.notices.append(f"SQL: {len(result.unread)} statement(s) no SQL dialect could read were checked "
                              f"with the simpler token rules: {places}{more}")
    return output


def _personal(table: str, config: Config) -> bool:
    from gdpr_guard import personal_data
    from gdpr_guard.finding import Location, RawFinding

    probe = RawFinding(rule_id="", location=Location("", 1, 1), engine=NAME, resource=table, context=table)
    return personal_data.classify(probe, config.personal_data) is not None


ENGINE = Engine(name=NAME, kinds=frozenset({Kind.SQL, Kind.PYTHON, Kind.SHELL, Kind.CHANGELOG}), scan=scan)
