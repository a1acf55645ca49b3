"""The README's two set-up commands stay true: CI runs the test command, the run command scans the example."""

from __future__ import annotations

import re

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(python3 -m venv .venv && [^\n]+)\n```", README)


def test_readme_has_exactly_two_setup_commands() -> None:
    assert len(COMMANDS) == 2
    assert COMMANDS[0].endswith("gdpr-guard scan examples/lab-migration")
    assert "pytest" in COMMANDS[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()
