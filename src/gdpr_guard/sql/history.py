"""A versioned history table seeded from the table it versions: designed storage, not a copy left behind.

Applications that version their records (`<table>_history` or `<table>_versions` tables the application
writes on every change, as SQLAlchemy-Continuum and hand-written versioning do) keep the history table
beside the table it versions, and the migration that creates it seeds it with every current row
(`INSERT INTO services_history SELECT * FROM services`, no WHERE). Those rows stay on purpose, under the
application's retention rules: GG-DEL-101 (a migration copy never deleted, CNIL SAN-2022-009) does not
apply. An archive, backup, snapshot or export copy (`patients_archive`, `patients_backup`,
`patients_2024`) is still a copy, and so is a "history" table filled from another table than its own or
with the rows a WHERE selects (`INSERT INTO orders_history SELECT * FROM orders WHERE closed_at < ...`
archives old orders: a copy, and a move when they are deleted).
"""

from __future__ import annotations

from collections.abc import Collection

SUFFIXES = ("_history", "_histories", "_version", "_versions")
"""How a versioned history table is named after the table it versions."""


def versioned_history(target: str, sources: Collection[str], every_row: bool) -> bool:
    """`target` is the history table of the one table the statement reads (singular or plural name), and
    the statement copies `every_row` of it."""
    if not every_row or len(sources) != 1:
        return False
    source = next(iter(sources))
    stems = {target[: -len(s)] for s in SUFFIXES if target.endswith(s) and len(target) > len(s)}
    return bool(stems & _forms(source))


def _forms(name: str) -> set[str]:
    """The table name in singular and plural (`notifications` versions as `notification_history`)."""
    forms = {name, name + "s"}
    if name.endswith("es"):
        forms.add(name[:-2])
    if name.endswith("s"):
        forms.add(name[:-1])
    return forms
