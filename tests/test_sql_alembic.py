"""Alembic revision chains: what a revision file names, and the order `alembic upgrade` runs them in."""

from __future__ import annotations

from gdpr_guard.sql.alembic import ranks, revision_of


def test_revision_of_reads_module_level_constants() -> None:
    assert revision_of('revision = "b2"\ndown_revision = "a1"\n') == ("b2", ("a1",))
    assert revision_of("revision: str = 'a1'\ndown_revision = None\n") == ("a1", ())
    assert revision_of('revision = "m"\ndown_revision = ("b2", "c3")\n') == ("m", ("b2", "c3"))
    assert revision_of('revision = make()\ndown_revision = "a1"\n') is None
    assert revision_of('def f():\n    revision = "x"\n    down_revision = "y"\n') is None
    assert revision_of('revision = "x"\n') is None
    assert revision_of("revision = 'x'\ndown_revision = 'y\n") is None  # does not parse


def test_ranks_follow_the_chain_not_the_file_names() -> None:
    files = {"0aa_drop.py": ("d2", ("c1",)), "f1_copy.py": ("c1", ("b0",)), "b0_base.py": ("b0", ()),
             "merge.py": ("m", ("d2", "x9")), "x9_branch.py": ("x9", ("b0",))}
    order = ranks(files)
    assert order == {"b0_base.py": 0, "f1_copy.py": 1, "x9_branch.py": 1, "0aa_drop.py": 2, "merge.py": 3}


def test_ranks_survive_a_cycle_and_a_missing_parent() -> None:
    order = ranks({"a.py": ("a", ("b",)), "b.py": ("b", ("a",)), "c.py": ("c", ("gone",))})
    assert order["c.py"] == 0
    assert {order["a.py"], order["b.py"]} == {0, 1}
