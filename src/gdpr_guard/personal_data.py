"""Does a finding concern personal or health data? Decides escalation and `personal_data: only` rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath

from gdpr_guard.config import PersonalData
from gdpr_guard.finding import RawFinding

FALSY = frozenset({"", "false", "no", "none", "0", "n/a", "na", "public", "non-personal", "nonpersonal",
                   "anonymous", "anonymised", "anonymized"})


@dataclass(frozen=True)
class Classification:
    """What kind of data a target holds and why we think so."""

    category: str
    """`personal` or `health`."""
    reason: str
    """Human-readable evidence: `tag data_classification=health`, `name matches "patient"`."""


def classify(raw: RawFinding, settings: PersonalData) -> Classification | None:
    """Classify from tags first (explicit), then from names in the resource, path or snippet."""
    personal: Classification | None = None
    for key, value in raw.tags:
        k, v = key.lower(), value.strip().lower()
        if k not in settings.tag_keys or v in FALSY:
            continue
        evidence = f"tag {key}={value}"
        if k == "hds" or any(h in v for h in settings.health_tag_values):
            return Classification("health", evidence)
        personal = personal or Classification("personal", evidence)
    if personal is not None:
        return personal
    # Names of the resource, of the file itself and in the matched code; not the directories, which
    # would classify a whole repository (`lab-platform/...`) at once.
    file_name = "" if raw.resource else PurePosixPath(raw.location.path).name
    text = "\n".join(filter(None, [raw.resource or "", file_name, raw.context])).lower()
    health = _first_match(text, settings.health_name_patterns)
    if health:
        return Classification("health", f'name matches "{health}"')
    name = _first_match(text, settings.name_patterns)
    if name:
        return Classification("personal", f'name matches "{name}"')
    return None


def _first_match(text: str, patterns: tuple[str, ...]) -> str | None:
    for pattern in patterns:
        if pattern in text and _word_start(pattern).search(text):  # the substring test spares most regexes
            return pattern
    return None


@cache
def _word_start(pattern: str) -> re.Pattern[str]:
    # `lab` matches lab, labs, lab_results, LabResults but not collaborator
    return re.compile(r"(?<![a-z])" + re.escape(pattern))
