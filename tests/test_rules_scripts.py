"""Every semgrep rule, proven by real semgrep on annotated fixtures: exact (rule, line) per file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, annotations, script_fixture_files

from gdpr_guard.finding import ScanResult

FILES = script_fixture_files()


def _name(path: Path) -> str:
    return path.relative_to(REPO / "tests/fixtures/scripts").as_posix()


CASES = sorted({(rule, path) for path in FILES for kind in ("ruleid", "ok") for rule, _ in annotations(path)[kind]})


@pytest.mark.parametrize(("rule_id", "path"), CASES, ids=[f"{rule}/{_name(path)}" for rule, path in CASES])
def test_script_fixture_exact(rule_id: str, path: Path, fixtures_scan: ScanResult) -> None:
    """One rule in one file (ids start with the rule id: `pytest -k GG-MIN-105` selects them)."""
    rel = path.relative_to(REPO).as_posix()
    found = {f.location.start_line for f in fixtures_scan.findings if f.location.path == rel and f.rule_id == rule_id}
    expected = annotations(path)
    assert found == {line for rule, line in expected["ruleid"] if rule == rule_id}
    assert not (found & {line for rule, line in expected["ok"] if rule == rule_id})


@pytest.mark.parametrize("path", FILES, ids=[_name(p) for p in FILES])
def test_script_fixture_reports_only_annotated_rules(path: Path, fixtures_scan: ScanResult) -> None:
    rel = path.relative_to(REPO).as_posix()
    found = {(f.rule_id, f.location.start_line) for f in fixtures_scan.findings if f.location.path == rel}
    assert found == annotations(path)["ruleid"]


def _script_rule_ids() -> list[str]:
    return sorted({rule for path in FILES for kind in ("ruleid", "ok") for rule, _ in annotations(path)[kind]})


@pytest.mark.parametrize("rule_id", _script_rule_ids())
def test_script_rule_exact(rule_id: str, fixtures_scan: ScanResult) -> None:
    """One rule across every script fixture: `pytest -k GG-MIN-105` runs exactly that rule's cases."""
    found = {(f.location.path, f.location.start_line) for f in fixtures_scan.findings
             if f.rule_id == rule_id and f.location.path.startswith("tests/fixtures/scripts/")}
    expected = {(path.relative_to(REPO).as_posix(), line) for path in FILES
                for rule, line in annotations(path)["ruleid"] if rule == rule_id}
    assert found == expected


def test_annotation_parser_reads_stacked_annotations(tmp_path: Path) -> None:
    sample = tmp_path / "m.sql"
    sample.write_text("-- ruleid: GG-DEL-101\n-- ok: GG-MIN-101\nINSERT INTO a SELECT x FROM b;\n"
                      "\n# ruleid: GG-CRED-101, GG-CRED-102\nx = 1\n", encoding="utf-8")
    assert annotations(sample) == {"ruleid": {("GG-DEL-101", 3), ("GG-CRED-101", 6), ("GG-CRED-102", 6)},
                                   "ok": {("GG-MIN-101", 3)}}


def test_annotation_parser_reads_todo_markers_as_semgrep_does(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text("# todoruleid: GG-CRED-105\nA = 1\n# todook: GG-CRED-105\nB = 2\n", encoding="utf-8")
    assert annotations(sample) == {"ruleid": {("GG-CRED-105", 4)}, "ok": {("GG-CRED-105", 2)}}
