"""SQL refinements read from code the engines matched: Python 2 strings, stars inside subqueries."""

from __future__ import annotations

from pathlib import Path

from gdpr_guard.finding import Location, RawFinding
from gdpr_guard.sql_refinements import python_star_extracts
from gdpr_guard.targets import discover

PY2 = '''def error_query(conditions):
    print "building the error query"
    return ("SELECT * FROM stl_load_errors "
            "WHERE {conditions}").format(conditions=conditions)


def export_query(table):
    return "SELECT * FROM %s" % table
'''


def test_python2_query_strings_are_read_with_tokenize(tmp_path: Path) -> None:
    (tmp_path / "errors.py").write_text(PY2, encoding="utf-8")
    lines = PY2.splitlines()
    findings = [RawFinding("GG-MIN-101", Location("errors.py", n, end), "semgrep",
                           snippet="\n".join(lines[n - 1:end])) for n, end in ((3, 4), (8, 8))]
    kept = python_star_extracts(findings, discover([tmp_path], tmp_path))
    assert [f.location.start_line for f in kept] == [8]
