"""`--diff-base REF`: keep only findings on lines changed since REF (git), for pull-request gates."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from gdpr_guard.errors import UsageError
from gdpr_guard.finding import Finding

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def changed_lines(root: Path, ref: str) -> dict[str, set[int]]:
    """Lines added or modified since the merge base of REF and HEAD, working tree included."""
    base = _git(root, "merge-base", ref, "HEAD").strip()
    diff = _git(root, "diff", "--no-color", "--no-ext-diff", "--unified=0", "--relative", base, "--", ".")
    changed = parse_diff(diff)
    for rel in _git(root, "ls-files", "--others", "--exclude-standard").splitlines():
        path = root / rel
        if path.is_file():
            changed[rel] = set(range(1, _line_count(path) + 1))
    return changed


def parse_diff(diff: str) -> dict[str, set[int]]:
    """New-side line numbers of every hunk of a unified diff, per file."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:].strip()
            current = None if name == "/dev/null" else changed.setdefault(name.removeprefix("b/"), set())
        elif line.startswith("@@") and current is not None:
            match = HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                current.update(range(start, start + count))
    return changed


def keep_changed(findings: Sequence[Finding], changed: dict[str, set[int]]) -> list[Finding]:
    """Findings whose reported lines, or the Terraform block around them, touch a changed line."""
    out = []
    for finding in findings:
        lines = changed.get(finding.location.path, set())
        places = [finding.location] + ([finding.block] if finding.block else [])
        if any(n in lines for loc in places for n in range(loc.start_line, loc.end_line + 1)):
            out.append(finding)
    return out


def _git(root: Path, *args: str) -> str:
    try:
        run = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)  # noqa: S603,S607
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UsageError(f"--diff-base needs git: {exc}") from None
    if run.returncode != 0:
        raise UsageError(f"--diff-base: git {' '.join(args[:2])} failed: {run.stderr.strip()[:300]}")
    return run.stdout


def _line_count(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for _ in handle)
    except OSError:
        return 0
