"""Markdown report of one real-world evaluation run (printed, and optionally committed).

The committed form (`source=None`) names findings by rule, repository, path and line with the
tool's own message, never other people's source lines; the printed form adds a few lines of source
around each unjudged finding so it can be judged on the spot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import matching


@dataclass(frozen=True)
class RepoRun:
    """One repository's scan."""

    name: str
    kind: str
    exit_code: int | None
    seconds: float
    findings: tuple[matching.Finding, ...]
    suppressed: int
    errors: tuple[str, ...]
    targets: dict[str, int]


@dataclass(frozen=True)
class Context:
    """What the report says about how it was made."""

    label: str
    executable: str
    version: str
    judgement_files: tuple[str, ...]
    compared_to: str


LineText = Callable[[str, str, int], str]


def _precision(tally: matching.Tally) -> str:
    value = tally.precision
    return "n/a" if value is None else f"{value:.2f}"


def _tally_table(title: str, groups: dict[str, matching.Tally]) -> list[str]:
    rows = [f"| {title} | findings | TP | FP | debatable | unjudged | precision |", "|---|---|---|---|---|---|---|"]
    for name, t in groups.items():
        rows.append(f"| {name} | {t.total} | {t.tp} | {t.fp} | {t.debatable} | {t.unjudged} | {_precision(t)} |")
    return rows


def _where(f: matching.Finding) -> str:
    return f"{f.repo} `{f.path}:{f.line}`"


def _context(f: matching.Finding, source: LineText, around: int) -> list[str]:
    last = max(f.end_line, f.line)
    lines = []
    for n in range(max(1, f.line - around), last + around + 1):
        text = source(f.repo, f.path, n)
        if not text and n > last:
            break
        marker = ">" if f.line <= n <= last else " "
        lines.append(f"    {marker}{n:5} {text[:160]}")
        if n - f.line > 12 + around:
            lines.append("    ...")
            break
    return lines


def render(context: Context, runs: Sequence[RepoRun], evaluation: matching.Evaluation,
           diff: matching.RunDiff | None, source: LineText | None, around: int) -> str:
    """The whole report as Markdown."""
    out = [f"# {context.label}", ""]
    out.append(f"gdpr-guard: `{context.version or '?'}`; judgements: {', '.join(context.judgement_files) or 'none'}; "
               "precision = TP / (TP + FP), debatable and unjudged findings left out.")
    out.append("")
    matches = evaluation.matches
    by_kind = {k: [m for m in matches if _kind(runs, m.finding.repo) == k] for k in ("terraform", "scripts")}
    overall = {"all": matching.total(matches)}
    overall.update({k: matching.total(v) for k, v in by_kind.items()})
    out += ["## Overall", ""] + _tally_table("corpus", overall) + [""]
    errored = {r.name for r in runs if r.errors}
    gone = [j for j in evaluation.disappeared if j.repo not in errored]
    out.append(f"At a glance: {sum(1 for j in gone if j.verdict == 'TP')} judged TP lost, "
               f"{sum(1 for j in gone if j.verdict == 'FP')} judged FP gone, "
               f"{sum(1 for m in matches if m.judgement is None)} unjudged, scan errors in "
               f"{', '.join(sorted(errored)) or 'no repository'}.")
    out.append("")
    families = matching.tallies(matches, "family")
    out += ["## Per family", ""] + _tally_table("family", families) + [""]
    out += ["## Per rule", ""] + _tally_table("rule", matching.tallies(matches, "rule")) + [""]

    out += ["## Per repository", "",
            "| repository | kind | files scanned | findings | TP | FP | debatable | unjudged | precision "
            "| suppressed | exit | seconds |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    per_repo = matching.tallies(matches, "repo")
    for run in runs:
        t = per_repo.get(run.name, matching.Tally())
        files = sum(v for k, v in run.targets.items() if k != "other")
        exit_text = "-" if run.exit_code is None else str(run.exit_code)
        out.append(f"| {run.name} | {run.kind} | {files} | {t.total} | {t.tp} | {t.fp} | {t.debatable} | "
                   f"{t.unjudged} | {_precision(t)} | {run.suppressed} | {exit_text} | {run.seconds:.0f} |")
    out.append(f"\nTotal scan time: {sum(r.seconds for r in runs):.0f} s (one `--jobs 1` scan per repository).")
    out.append("")

    failed = [r for r in runs if r.errors]
    out += ["## Scan errors", ""]
    if failed:
        out.append("These repositories were NOT fully scanned (exit code 3 or no report): their figures "
                   "are incomplete, and their vanished judged findings are listed as unknown, not lost.")
        out.append("")
        for run in failed:
            for err in run.errors:
                out.append(f"- **{run.name}**: {err}")
    else:
        out.append("None.")
    out.append("")

    errored = {r.name for r in failed}
    lost = [j for j in evaluation.disappeared if j.verdict == "TP" and j.repo not in errored]
    fixed = [j for j in evaluation.disappeared if j.verdict == "FP" and j.repo not in errored]
    other = [j for j in evaluation.disappeared if j.verdict == "debatable" and j.repo not in errored]
    unknown = [j for j in evaluation.disappeared if j.repo in errored]
    out += [f"## Judged findings that disappeared: {len(lost)} TP lost, {len(fixed)} FP gone, "
            f"{len(other)} debatable gone, {len(unknown)} unknown (scan error)", ""]
    for title, items in (("Lost true positives (check each one!)", lost), ("Unknown (repository scan failed)", unknown),
                         ("Debatable gone", other), ("False positives gone", fixed)):
        if not items:
            continue
        out.append(f"### {title}")
        out.append("")
        for j in items:
            out.append(f"- {j.rule} {j.repo} `{j.path}:{j.line}` ({j.verdict}): {j.reason}")
        out.append("")

    out += _verdict_lists(matches)

    moved = [m for m in matches if m.how in ("resource", "nearby")]
    if moved:
        out += [f"## Judgements matched tolerantly ({len(moved)})", ""]
        for m in moved:
            assert m.judgement is not None
            out.append(f"- {m.finding.rule} {_where(m.finding)} <- judged at line {m.judgement.line} "
                       f"({m.how}, {m.judgement.verdict})")
        out.append("")
    if evaluation.duplicates:
        out += [f"## Duplicate judgements ignored ({len(evaluation.duplicates)})", ""]
        out += [f"- {j.rule} {j.repo} `{j.path}:{j.line}` in {j.source}" for j in evaluation.duplicates]
        out.append("")

    unjudged = [m.finding for m in matches if m.judgement is None]
    out += [f"## Unjudged findings ({len(unjudged)})", ""]
    for f in unjudged:
        out.append(f"- {f.rule} [{f.severity}] {_where(f)}{' ' + f.resource if f.resource else ''}: {f.message}")
        if source is not None:
            out += ["", *_context(f, source, around), ""]
    out.append("")

    out += ["## Changes since the previous run", ""]
    if diff is None:
        out.append("No previous run to compare with.")
    else:
        out.append(f"Compared with `{context.compared_to}`: {len(diff.new)} new, {len(diff.gone)} gone, "
                   f"{len(diff.moved)} moved to another line.")
        out.append("")
        for title, changed in (("New", diff.new), ("Gone", diff.gone)):
            if changed:
                out += [f"### {title}", ""] + [f"- {c.rule} {_where(c)}: {c.message}" for c in changed] + [""]
        if diff.moved:
            out += ["### Moved", ""]
            out += [f"- {a.rule} {a.repo} `{a.path}`: line {a.line} -> {b.line}" for a, b in diff.moved] + [""]
    return "\n".join(out).rstrip() + "\n"


PATTERN_LIST_LIMIT = 150


def pattern(reason: str) -> str:
    """The `[tag]` a judgement reason starts with (how false positives are grouped), or `-`."""
    if reason.startswith("[") and "]" in reason:
        return reason[1:reason.index("]")]
    return "-"


def _verdict_lists(matches: Sequence[matching.Match]) -> list[str]:
    """True positives and debatable findings in full; false positives grouped by pattern."""
    out: list[str] = []
    for verdict, title in (("TP", "True positives"), ("debatable", "Debatable")):
        items = [m for m in matches if m.judgement is not None and m.judgement.verdict == verdict]
        out += [f"## {title} ({len(items)})", ""]
        out += [f"- {m.finding.rule} {_where(m.finding)}: {m.judgement.reason}" for m in items if m.judgement]
        out.append("")
    groups: dict[str, list[matching.Match]] = {}
    for m in matches:
        if m.judgement is not None and m.judgement.verdict == "FP":
            groups.setdefault(pattern(m.judgement.reason), []).append(m)
    total = sum(len(v) for v in groups.values())
    out += [f"## False positives by pattern ({total})", "",
            "| pattern | findings | rules | repositories |", "|---|---|---|---|"]
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for name, items in ranked:
        rules = ", ".join(f"{r} ({n})" for r, n in sorted(_count(m.finding.rule for m in items).items()))
        repos = ", ".join(f"{r} ({n})" for r, n in sorted(_count(m.finding.repo for m in items).items()))
        out.append(f"| {name} | {len(items)} | {rules} | {repos} |")
    out.append("")
    for name, items in ranked:
        out += [f"### {name} ({len(items)})", ""]
        for m in items[:PATTERN_LIST_LIMIT]:
            assert m.judgement is not None
            out.append(f"- {m.finding.rule} {_where(m.finding)}: {m.judgement.reason}")
        if len(items) > PATTERN_LIST_LIMIT:
            out.append(f"- ... and {len(items) - PATTERN_LIST_LIMIT} more (see the judgement files)")
        out.append("")
    return out


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _kind(runs: Sequence[RepoRun], name: str) -> str:
    for run in runs:
        if run.name == name:
            return run.kind
    return "?"
