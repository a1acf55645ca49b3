"""Every semgrep rule, proven by real semgrep on annotated fixtures: exact (rule, line) per file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, annotations, script_fixture_files

from gdpr_guard.finding import ScanResult

FILES = script_fixture_files()


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(REPO / "tests/fixtures/scripts").as_posix() for p in FILES])
def test_script_fixture_exact(path: Path, fixtures_scan: ScanResult) -> None:
    rel = path.relative_to(REPO).as_posix()
    found = {(f.rule_id, f.location.start_line) for f in fixtures_scan.findings if f.location.path == rel}
    expected = annotations(path)
    assert found == expected["ruleid"]
    assert not (found & expected["ok"])


def test_annotation_parser_reads_stacked_annotations(tmp_path: Path) -> None:
    sample = tmp_path / "m.sql"
    sample.write_text("-- ruleid: GG-DEL-101\n-- ok: GG-MIN-101\nINSERT INTO a SELECT x FROM b;\n"
                      "\n# ruleid: GG-CRED-101, GG-CRED-102\nx = 1\n", encoding="utf-8")
    assert annotations(sample) == {"ruleid": {("GG-DEL-101", 3), ("GG-CRED-101", 6), ("GG-CRED-102", 6)},
                                   "ok": {("GG-MIN-101", 3)}}
