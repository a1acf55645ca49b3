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
"""Tag values that say the data is not personal: the owner's statement wins over names."""
LEVELS = frozenset({"internal", "confidential", "restricted", "secret", "top-secret", "top_secret"})
"""Sensitivity levels: they say how secret the data is, not whether it is about people (names decide)."""
# Configuration vocabulary that contains a name pattern without naming data: `labels` ("lab"),
# `health_check` ("health"), `customer_managed_key` ("customer").
# Only the words themselves go, not the rest of an identifier: `healthcheck_patient_exports` still names
# patients.
TECHNICAL = re.compile(r"(?<![a-z])(?:labels?|health_?checks?|healthy_threshold|"
                       r"customer_(?:managed|master|owned|gateway))")


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
    declared_not_personal = False
    for key, value in raw.tags:
        k, v = key.lower(), value.strip().lower()
        if k not in settings.tag_keys or v in LEVELS:
            continue
        if v in FALSY:
            declared_not_personal = True
            continue
        evidence = f"tag {key}={value}"
        if k == "hds" or any(h in v for h in settings.health_tag_values):
            return Classification("health", evidence)
        personal = personal or Classification("personal", evidence)
    if personal is not None or declared_not_personal:
        return personal
    # Names of the resource, of the file itself and in the matched code; not the directories, which
    # would classify a whole repository (`lab-platform/...`) at once.
    file_name = "" if raw.resource else PurePosixPath(raw.location.path).name
    text = TECHNICAL.sub(" ", "\n".join(filter(None, [raw.resource or "", file_name, raw.context])).lower())
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
