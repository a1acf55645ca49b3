"""The evaluation tool (benchmarks/compare.py) on the in-repository evaluation sets, and its logic.

The first test runs the real gdpr-guard (both engines) once over every set of tests/eval/ and requires
every label to hold: each finding judged, each TP label reported, no known miss (FN) found again.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("evaluation_compare", REPO / "benchmarks" / "compare.py")
assert _SPEC is not None and _SPEC.loader is not None
compare = importlib.util.module_from_spec(_SPEC)
sys.modules["evaluation_compare"] = compare
_SPEC.loader.exec_module(compare)
matching = compare.matching


def test_every_label_of_the_evaluation_sets_holds() -> None:
    set_dirs = compare.sets()
    assert {d.name for d in set_dirs} == {"breadth", "holdout", "holdout3", "scripts", "terraform"}
    evaluation = matching.match(compare.scan(set_dirs, REPO / "src"), compare.labels(set_dirs))
    assert compare.problems(evaluation) == []


def _f(rule: str, path: str, line: int, resource: str = "") -> object:
    return matching.Finding(repo="set", path=path, line=line, rule=rule, resource=resource)


def _j(rule: str, path: str, line: int, verdict: str = "TP", resource: str = "") -> object:
    return matching.Judgement(rule, "set", path, line, verdict, "why", resource)


def test_a_line_0_label_covers_its_resource_below_a_case_directory() -> None:
    findings = [_f("GG-ENC-001", "case/main.tf", 4, "aws_db_instance.a"),
                _f("GG-ENC-001", "case/modules/db/main.tf", 9, "aws_db_instance.b"),
                _f("GG-ENC-001", "other/main.tf", 4, "aws_db_instance.a")]
    labels = [_j("GG-ENC-001", "case/", 0, resource="aws_db_instance.a"),
              _j("GG-ENC-001", "case/", 0, resource="aws_db_instance.c")]
    evaluation = matching.match(findings, labels)
    assert compare.problems(evaluation) == [
        "unjudged: GG-ENC-001 set/case/modules/db/main.tf:9 aws_db_instance.b",
        "unjudged: GG-ENC-001 set/other/main.tf:4 aws_db_instance.a",
        "labelled TP but not reported: GG-ENC-001 set/case/:0 aws_db_instance.c"]


def test_known_misses_and_false_positives_must_stay_true() -> None:
    findings = [_f("GG-MIN-105", "a.sql", 3), _f("GG-CRED-109", "a.sql", 5)]
    labels = [_j("GG-MIN-105", "a.sql", 3, "FN"), _j("GG-CRED-109", "a.sql", 5, "FP"),
              _j("GG-DEL-101", "a.sql", 2, "FN"), _j("GG-DEL-101", "b.sql", 2, "FP")]
    evaluation = matching.match(findings, labels)
    assert compare.problems(evaluation) == [
        "labelled FN but reported (relabel TP): GG-MIN-105 set/a.sql:3",
        "labelled FP but not reported: GG-DEL-101 set/b.sql:2"]
    by_family = compare.verdicts(evaluation, by="family")
    assert by_family == {"CRED": matching.Tally(fp=1), "DEL": matching.Tally(fn=1),
                         "MIN": matching.Tally(tp=1)}
    assert compare.render_verdicts(evaluation).splitlines()[-1].split() == [
        "all", "1", "1", "1", "0", "0", "0.500", "0.500"]


def test_rule_changes_between_a_baseline_and_a_candidate() -> None:
    labels = [_j("GG-DEL-101", "a.sql", 2), _j("GG-MIN-105", "a.sql", 3, "FP")]
    before = matching.match([_f("GG-MIN-105", "a.sql", 3), _f("GG-ENC-101", "x.py", 1)], labels)
    after = matching.match([_f("GG-DEL-101", "a.sql", 2), _f("GG-ENC-101", "x.py", 1)], labels)
    changes = compare.rule_changes(before, after)
    assert changes == [
        compare.RuleChange("GG-DEL-101", matching.Tally(fn=1), matching.Tally(tp=1), new=1, gone=0),
        compare.RuleChange("GG-MIN-105", matching.Tally(fp=1), matching.Tally(), new=0, gone=1)]
    assert compare.render_changes(changes).splitlines()[2] == "| GG-DEL-101 | 1 | 0 | 0 → 1 | 0 → 0 | 1 → 0 | 0 |"


def test_one_scan_report_is_split_by_set() -> None:
    document = {"findings": [
        {"rule_id": "GG-ENC-001", "location": {"path": "holdout/terraform/x/main.tf", "start_line": 2},
         "resource": "aws_db_instance.a"},
        {"rule_id": "GG-DEL-101", "location": {"path": "scripts/sql/V1.sql", "start_line": 1},
         "suppression": {"kind": "inline"}}]}
    found, suppressed = compare.findings_of(document)
    assert [(f.repo, f.path, f.rule) for f in found] == [("holdout", "terraform/x/main.tf", "GG-ENC-001")]
    assert suppressed == 1
