"""Real-world evaluation harness (benchmarks/realworld/matching.py): matching and precision logic.

Runs on tiny in-memory data, without the corpus or any engine.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_SPEC = importlib.util.spec_from_file_location("realworld_matching", REPO / "benchmarks" / "realworld" / "matching.py")
assert _SPEC is not None and _SPEC.loader is not None
m = importlib.util.module_from_spec(_SPEC)
sys.modules["realworld_matching"] = m
_SPEC.loader.exec_module(m)

CSV = """rule,repo,path,line,verdict,reason,resource
GG-ENC-001,infra,main.tf,10,TP,bucket not encrypted,aws_s3_bucket.logs
GG-CRED-103,app,tests/test_login.py,5,FP,test password
GG-MIN-105,dbt,models/orders.sql,20,debatable,star over a source
GG-DEL-102,app,jobs/export.py,30,TP,export without deletion
"""

SOURCE = {
    ("app", "jobs/export.py"): ["x"] * 29 + ["s3.upload_file(path, bucket, key)", "y",
                                             "s3.upload_file(path, bucket, key)"],
    ("dbt", "models/orders.sql"): ["--"] * 19 + ["select *", "from orders", "--", "select *"],
}


def line_text(repo: str, path: str, line: int) -> str:
    lines = SOURCE.get((repo, path), [])
    return lines[line - 1] if 1 <= line <= len(lines) else ""


def finding(rule: str, repo: str, path: str, line: int, **kw: object) -> object:
    return m.Finding(repo=repo, path=path, line=line, rule=rule, **kw)


def judged() -> list[object]:
    return m.parse_judgements(CSV, source="test.csv")


def verdicts(evaluation: object) -> set[tuple[str, str, int, str | None, str]]:
    return {(x.finding.rule, x.finding.path, x.finding.line, x.judgement.verdict if x.judgement else None, x.how)
            for x in evaluation.matches}


def test_exact_match_and_unjudged() -> None:
    findings = [finding("GG-CRED-103", "app", "tests/test_login.py", 5),
                finding("GG-CRED-103", "app", "tests/test_login.py", 9)]
    evaluation = m.match(findings, judged(), line_text)
    assert verdicts(evaluation) == {("GG-CRED-103", "tests/test_login.py", 5, "FP", "exact"),
                                    ("GG-CRED-103", "tests/test_login.py", 9, None, "unjudged")}
    assert {(j.rule, j.line) for j in evaluation.disappeared} == {
        ("GG-ENC-001", 10), ("GG-MIN-105", 20), ("GG-DEL-102", 30)}


def test_terraform_finding_moved_to_attribute_line_keeps_judgement_by_resource() -> None:
    moved = finding("GG-ENC-001", "infra", "main.tf", 17, resource="aws_s3_bucket.logs")
    other = finding("GG-ENC-001", "infra", "main.tf", 40, resource="aws_s3_bucket.data")
    evaluation = m.match([moved, other], judged(), line_text)
    assert verdicts(evaluation) == {("GG-ENC-001", "main.tf", 17, "TP", "resource"),
                                    ("GG-ENC-001", "main.tf", 40, None, "unjudged")}


def test_nearby_match_needs_the_same_source_text() -> None:
    same_text = finding("GG-DEL-102", "app", "jobs/export.py", 32)  # identical line two lines below
    evaluation = m.match([same_text], judged(), line_text)
    assert verdicts(evaluation) == {("GG-DEL-102", "jobs/export.py", 32, "TP", "nearby")}
    other_text = finding("GG-DEL-102", "app", "jobs/export.py", 31)  # "y": not the judged statement
    evaluation = m.match([other_text], judged(), line_text)
    assert verdicts(evaluation) == {("GG-DEL-102", "jobs/export.py", 31, None, "unjudged")}
    too_far = finding("GG-MIN-105", "dbt", "models/orders.sql", 20 + m.TOLERANCE + 1)
    assert verdicts(m.match([too_far], judged(), lambda r, p, n: "select *")) == {
        ("GG-MIN-105", "models/orders.sql", 24, None, "unjudged")}


def test_exact_wins_and_a_judgement_is_used_once() -> None:
    exact = finding("GG-DEL-102", "app", "jobs/export.py", 30)
    twin = finding("GG-DEL-102", "app", "jobs/export.py", 32)
    evaluation = m.match([twin, exact], judged(), line_text)
    assert verdicts(evaluation) == {("GG-DEL-102", "jobs/export.py", 30, "TP", "exact"),
                                    ("GG-DEL-102", "jobs/export.py", 32, None, "unjudged")}


def test_findings_on_the_same_line_share_the_exact_judgement() -> None:
    twice = [finding("GG-CRED-103", "app", "tests/test_login.py", 5, end_line=5),
             finding("GG-CRED-103", "app", "tests/test_login.py", 5, end_line=6)]
    evaluation = m.match(twice, judged(), line_text)
    assert [(x.how, x.judgement.verdict if x.judgement else None) for x in evaluation.matches] == [
        ("exact", "FP"), ("exact", "FP")]


def test_module_instances_at_one_line_are_told_apart_by_resource() -> None:
    judgements = [m.Judgement("GG-ENC-001", "infra", "main.tf", 10, "TP", "real", "module.a.aws_rds_cluster.x"),
                  m.Judgement("GG-ENC-001", "infra", "main.tf", 10, "FP", "count = 0", "module.b.aws_rds_cluster.x")]
    findings = [finding("GG-ENC-001", "infra", "main.tf", 10, resource="module.a.aws_rds_cluster.x"),
                finding("GG-ENC-001", "infra", "main.tf", 10, resource="module.b.aws_rds_cluster.x"),
                finding("GG-ENC-001", "infra", "main.tf", 10, resource="module.c.aws_rds_cluster.x")]
    evaluation = m.match(findings, judgements)
    assert [(x.finding.resource, x.judgement.verdict if x.judgement else None, x.how) for x in evaluation.matches] == [
        ("module.a.aws_rds_cluster.x", "TP", "exact"), ("module.b.aws_rds_cluster.x", "FP", "exact"),
        ("module.c.aws_rds_cluster.x", None, "unjudged")]
    assert evaluation.disappeared == ()


def test_other_rule_or_repo_never_matches() -> None:
    findings = [finding("GG-DEL-101", "app", "jobs/export.py", 30),
                finding("GG-DEL-102", "other", "jobs/export.py", 30)]
    assert {x.how for x in m.match(findings, judged(), line_text).matches} == {"unjudged"}


def test_precision_per_rule_and_family() -> None:
    findings = [finding("GG-CRED-103", "app", "tests/test_login.py", 5),
                finding("GG-DEL-102", "app", "jobs/export.py", 30),
                finding("GG-MIN-105", "dbt", "models/orders.sql", 20),
                finding("GG-MIN-105", "dbt", "models/orders.sql", 99)]
    evaluation = m.match(findings, judged(), line_text)
    by_rule = m.tallies(evaluation.matches, "rule")
    assert by_rule == {"GG-CRED-103": m.Tally(fp=1), "GG-DEL-102": m.Tally(tp=1),
                       "GG-MIN-105": m.Tally(debatable=1, unjudged=1)}
    assert [by_rule[r].precision for r in sorted(by_rule)] == [0.0, 1.0, None]
    by_family = m.tallies(evaluation.matches, "family")
    assert list(by_family) == ["CRED", "DEL", "MIN"]
    overall = m.total(evaluation.matches)
    assert (overall.tp, overall.fp, overall.debatable, overall.unjudged, overall.precision) == (1, 1, 1, 1, 0.5)
    # compare.py also counts the judged findings no longer reported (the GG-ENC-001 TP) as misses
    assert m.tallies(evaluation.matches, "rule", evaluation.disappeared)["GG-ENC-001"] == m.Tally(fn=1)
    with_misses = m.total(evaluation.matches, evaluation.disappeared)
    assert with_misses == m.Tally(tp=1, fp=1, debatable=1, unjudged=1, fn=1)
    assert (with_misses.total, with_misses.recall) == (4, 0.5)


def test_judgement_csv_round_trip_and_errors() -> None:
    items = judged()
    assert m.parse_judgements(m.format_judgements(items)) == [
        m.Judgement(j.rule, j.repo, j.path, j.line, j.verdict, j.reason, j.resource) for j in sorted(
            items, key=lambda j: (j.repo, j.path, j.line, j.rule))]
    with pytest.raises(m.JudgementError, match="verdict"):
        m.parse_judgements("rule,repo,path,line,verdict,reason\nGG-X-001,a,b,1,maybe,?\n")
    with pytest.raises(m.JudgementError, match="missing columns"):
        m.parse_judgements("rule,repo,path,verdict\n")


def test_duplicate_judgement_first_file_wins() -> None:
    first = m.Judgement("GG-A-001", "r", "p", 1, "TP", "first", source="a.csv")
    second = m.Judgement("GG-A-001", "r", "p", 1, "FP", "second", source="b.csv")
    evaluation = m.match([finding("GG-A-001", "r", "p", 1)], [first, second])
    assert evaluation.matches[0].judgement == first
    assert evaluation.duplicates == (second,)


def test_run_diff_new_gone_moved() -> None:
    before = [finding("GG-A-001", "r", "p", 1, fingerprint="f1"), finding("GG-A-001", "r", "p", 5, fingerprint="f2"),
              finding("GG-B-001", "r", "q", 3, fingerprint="f3")]
    after = [finding("GG-A-001", "r", "p", 1, fingerprint="f1"), finding("GG-A-001", "r", "p", 8, fingerprint="f2"),
             finding("GG-C-001", "r", "q", 4, fingerprint="f4")]
    diff = m.diff_runs(before, after)
    assert [(f.rule, f.line) for f in diff.new] == [("GG-C-001", 4)]
    assert [(f.rule, f.line) for f in diff.gone] == [("GG-B-001", 3)]
    assert [(a.line, b.line) for a, b in diff.moved] == [(5, 8)]
