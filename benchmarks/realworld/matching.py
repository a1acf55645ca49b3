"""Pure logic of every evaluation: judgements (the one label format), matching findings to them, precision.

The real-world corpus (benchmarks/realworld/evaluate.py) and the in-repository evaluation sets
(benchmarks/compare.py, tests/eval/*/labels.csv) both use it. No I/O beyond reading/writing judgement
CSV text, no engine: `tests/test_realworld_eval.py` runs this on tiny in-memory data in CI.

A judgement is one CSV row `rule,repo,path,line,verdict,reason,resource`. Verdicts: `TP` (a finding
that must be reported), `FP` (one that is reported but should not be), `debatable`, and `FN` (a finding
that should be reported and is not: a known miss of a labelled set). A judgement at line 0 names a
Terraform resource wherever it is reported: in that file, or anywhere below the path when the path
ends with `/` (a case directory of a labelled set).

Matching (each finding gets at most one judgement; the passes run in this order, so an exact match
always wins):

1. exact: same (rule, repo, path, line) and, for Terraform, the same resource address (a judgement
   with an empty `resource` covers every finding of its rule on that line: findings of one rule on
   one line share a verdict; judgements of several module instances reported at one line are told
   apart by their resource);
2. resource: same (rule, repo, path) and the same non-empty Terraform resource address at another
   line, so a rule that moves its reported line inside the block (first line of the block -> the
   attribute's line) keeps its judgement;
3. nearby: same (rule, repo, path), a judgement of no other resource, the judged line within
   `TOLERANCE` lines of the finding, and the same normalised source text (whitespace collapsed) at
   the judged line as at one of the finding's reported lines (start to end). The text is read from
   the corpus, which is pinned, so the judged line's text never changes.

Passes 2 and 3 use each judgement once.
Anything else is unjudged. Judgements left without a finding are "disappeared": a disappeared TP is
a lost true positive, a disappeared FP a fixed false positive.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields

VERDICTS = ("TP", "FP", "debatable", "FN")
COLUMNS = ("rule", "repo", "path", "line", "verdict", "reason", "resource")
REQUIRED = COLUMNS[:6]
TOLERANCE = 3


@dataclass(frozen=True, order=True)
class Finding:
    """One active finding of one repository (what the matcher and the report need)."""

    repo: str
    path: str
    line: int
    rule: str
    end_line: int = 0
    resource: str = ""
    message: str = ""
    severity: str = ""
    fingerprint: str = ""

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.rule, self.repo, self.path, self.line)


@dataclass(frozen=True, order=True)
class Judgement:
    """One hand verdict on a finding."""

    rule: str
    repo: str
    path: str
    line: int
    verdict: str
    reason: str
    resource: str = ""
    source: str = ""
    """File the judgement came from (for messages)."""

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.rule, self.repo, self.path, self.line)


@dataclass(frozen=True)
class Match:
    """A finding and its judgement (None when unjudged), with how they were matched."""

    finding: Finding
    judgement: Judgement | None
    how: str  # exact | resource | nearby | unjudged


@dataclass(frozen=True)
class Tally:
    """Verdict counts of one rule, family or repository in one run against the judgements (both evaluations:
    the real-world report shows the reported findings, compare.py also the misses)."""

    tp: int = 0
    """Reported findings judged TP; a known miss (`FN` judgement) reported again counts here too (it is a
    true positive; compare.py asks for the label to be changed)."""
    fp: int = 0
    debatable: int = 0
    unjudged: int = 0
    fn: int = 0
    """Judged findings not reported: `TP` judgements left without a finding (lost) and `FN` judgements (known
    misses); counted only when the caller passes the evaluation's disappeared judgements."""

    @property
    def total(self) -> int:
        """Findings reported."""
        return self.tp + self.fp + self.debatable + self.unjudged

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP); debatable and unjudged findings are left out; None when nothing counts."""
        judged = self.tp + self.fp
        return self.tp / judged if judged else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN); None when nothing counts."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(frozen=True)
class Evaluation:
    """Result of matching one run against the judgements."""

    matches: tuple[Match, ...]
    disappeared: tuple[Judgement, ...]
    duplicates: tuple[Judgement, ...] = field(default=())


def family(rule: str) -> str:
    """`GG-DEL-102` -> `DEL`."""
    parts = rule.split("-")
    return parts[1] if len(parts) >= 3 else rule


def normalise(text: str) -> str:
    """Source text compared by the nearby pass: whitespace collapsed, ends stripped."""
    return " ".join(text.split())


class JudgementError(ValueError):
    """A judgement file that cannot be used."""


def parse_judgements(text: str, source: str = "") -> list[Judgement]:
    """Judgements from CSV text (header row; `resource` column optional)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
    if missing:
        raise JudgementError(f"{source}: missing columns {', '.join(missing)}")
    found: list[Judgement] = []
    for number, row in enumerate(reader, 2):
        if not any((value or "").strip() for value in row.values()):
            continue
        verdict = (row["verdict"] or "").strip()
        if verdict not in VERDICTS:
            raise JudgementError(f"{source}:{number}: verdict must be one of {', '.join(VERDICTS)}")
        try:
            line = int(row["line"])
        except (TypeError, ValueError):
            raise JudgementError(f"{source}:{number}: line must be an integer") from None
        found.append(Judgement(rule=row["rule"].strip(), repo=row["repo"].strip(),
                               path=row["path"].strip(), line=line, verdict=verdict,
                               reason=(row["reason"] or "").strip(),
                               resource=(row.get("resource") or "").strip(), source=source))
    return found


def format_judgements(judgements: Iterable[Judgement]) -> str:
    """CSV text of judgements, sorted, with the header (the inverse of `parse_judgements`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for j in sorted(judgements, key=lambda j: (j.repo, j.path, j.line, j.rule)):
        writer.writerow((j.rule, j.repo, j.path, j.line, j.verdict, j.reason, j.resource))
    return out.getvalue()


LineText = Callable[[str, str, int], str]
"""(repo, path, line) -> the source text of that line ("" when unknown)."""


def _no_text(_repo: str, _path: str, _line: int) -> str:
    return ""


def match(findings: Sequence[Finding], judgements: Sequence[Judgement],
          line_text: LineText = _no_text, tolerance: int = TOLERANCE) -> Evaluation:
    """Match findings to judgements (see the module docstring for the passes)."""
    unique: dict[tuple[str, str, str, int, str], Judgement] = {}
    duplicates: list[Judgement] = []
    for judgement in judgements:
        ident = (*judgement.key, judgement.resource)
        if ident in unique:
            duplicates.append(judgement)  # the first file given wins
            continue
        unique[ident] = judgement
    by_key: dict[tuple[str, str, str, int], list[Judgement]] = {}
    for judgement in unique.values():
        by_key.setdefault(judgement.key, []).append(judgement)
    used: set[Judgement] = set()
    ordered = sorted(findings)
    chosen: dict[Finding, tuple[Judgement, str]] = {}
    for finding in ordered:
        candidates = by_key.get(finding.key, [])
        exact = next((j for j in candidates if j.resource == finding.resource), None) or next(
            (j for j in candidates if not j.resource), None)
        if exact is not None:  # findings of one rule on one line (and resource) share its verdict
            chosen[finding] = (exact, "exact")
            used.add(exact)
    for finding in ordered:  # line 0: the resource anywhere in the file or below the directory
        if finding in chosen or not finding.resource:
            continue
        placed = next((j for j in unique.values() if j.line == 0 and j.rule == finding.rule
                       and j.repo == finding.repo and j.resource == finding.resource
                       and (j.path == finding.path or (j.path.endswith("/") and finding.path.startswith(j.path)))),
                      None)
        if placed is not None:
            chosen[finding] = (placed, "exact")
            used.add(placed)
    for finding in ordered:
        if finding in chosen or not finding.resource:
            continue
        same = sorted((abs(j.line - finding.line), j) for j in unique.values() if j not in used
                      and j.key[:3] == finding.key[:3] and j.resource == finding.resource)
        if same:
            chosen[finding] = (same[0][1], "resource")
            used.add(same[0][1])
    for finding in ordered:
        if finding in chosen:
            continue
        near = sorted((abs(j.line - finding.line), j) for j in unique.values() if j not in used
                      and j.key[:3] == finding.key[:3] and abs(j.line - finding.line) <= tolerance
                      and j.resource in ("", finding.resource))
        for _distance, judgement in near:
            if _same_text(finding, judgement.line, line_text):
                chosen[finding] = (judgement, "nearby")
                used.add(judgement)
                break
    matches = tuple(Match(f, chosen[f][0], chosen[f][1]) if f in chosen else Match(f, None, "unjudged")
                    for f in ordered)
    disappeared = tuple(sorted(j for j in unique.values() if j not in used))
    return Evaluation(matches=matches, disappeared=disappeared, duplicates=tuple(duplicates))


def _same_text(finding: Finding, judged_line: int, line_text: LineText) -> bool:
    judged = normalise(line_text(finding.repo, finding.path, judged_line))
    if not judged:
        return False
    last = max(finding.end_line, finding.line)
    return any(normalise(line_text(finding.repo, finding.path, n)) == judged
               for n in range(finding.line, last + 1))


_COUNTED_AS = {"TP": "tp", "FN": "tp", "FP": "fp", "debatable": "debatable"}
GROUPS: dict[str, Callable[[str, str], str]] = {
    "rule": lambda rule, repo: rule, "family": lambda rule, repo: family(rule), "repo": lambda rule, repo: repo}
"""How verdicts are grouped (the arguments are a finding's or judgement's rule and repository): by rule id,
rule family or repository (a labelled set's folder)."""


def tallies(matches: Iterable[Match], by: str, missed: Iterable[Judgement] = ()) -> dict[str, Tally]:
    """Verdict counts grouped `by` a key of GROUPS, sorted by group; `missed`: judgements left without a
    finding (Evaluation.disappeared), whose TP and FN verdicts count as `fn`."""
    group = GROUPS[by]
    counts: dict[str, Counter[str]] = {}
    for m in matches:
        verdict = _COUNTED_AS.get(m.judgement.verdict, "unjudged") if m.judgement else "unjudged"
        counts.setdefault(group(m.finding.rule, m.finding.repo), Counter())[verdict] += 1
    for j in missed:
        if j.verdict in ("TP", "FN"):
            counts.setdefault(group(j.rule, j.repo), Counter())["fn"] += 1
    return {key: Tally(**c) for key, c in sorted(counts.items())}


def total(matches: Iterable[Match], missed: Iterable[Judgement] = ()) -> Tally:
    """Verdict counts over every match (and `missed`, as in `tallies`)."""
    groups = tallies(matches, "rule", missed).values()
    return Tally(**{f.name: sum(getattr(t, f.name) for t in groups) for f in fields(Tally)})


@dataclass(frozen=True)
class RunDiff:
    """What changed between two runs, compared by (repo, rule, path, fingerprint)."""

    new: tuple[Finding, ...]
    gone: tuple[Finding, ...]
    moved: tuple[tuple[Finding, Finding], ...]
    """(before, after) pairs of the same finding reported at another line."""


def _identity(f: Finding) -> tuple[str, str, str, str]:
    return (f.repo, f.rule, f.path, f.fingerprint or f"line:{f.line}")


def diff_runs(before: Sequence[Finding], after: Sequence[Finding]) -> RunDiff:
    """Findings new in `after`, gone from `before`, and moved (same identity, other line)."""
    old = Counter(_identity(f) for f in before)
    new = Counter(_identity(f) for f in after)
    old_by: dict[tuple[str, str, str, str], list[Finding]] = {}
    for f in sorted(before):
        old_by.setdefault(_identity(f), []).append(f)
    new_by: dict[tuple[str, str, str, str], list[Finding]] = {}
    for f in sorted(after):
        new_by.setdefault(_identity(f), []).append(f)
    added: list[Finding] = []
    gone: list[Finding] = []
    moved: list[tuple[Finding, Finding]] = []
    for ident in sorted(set(old) | set(new)):
        was, now = old_by.get(ident, []), new_by.get(ident, [])
        was_lines = Counter(f.line for f in was)
        now_lines = Counter(f.line for f in now)
        common = was_lines & now_lines
        was_rest = [f for f in was if not _take(common, f.line)]
        common = was_lines & now_lines
        now_rest = [f for f in now if not _take(common, f.line)]
        pairs = min(len(was_rest), len(now_rest))
        moved.extend(zip(was_rest[:pairs], now_rest[:pairs], strict=True))
        gone.extend(was_rest[pairs:])
        added.extend(now_rest[pairs:])
    return RunDiff(new=tuple(sorted(added)), gone=tuple(sorted(gone)), moved=tuple(moved))


def _take(counter: Counter[int], line: int) -> bool:
    """Consume one `line` from `counter` if there is one left (a finding kept at its line)."""
    if counter[line] > 0:
        counter[line] -= 1
        return True
    return False
