"""Does a finding concern personal data or a special category, and how far does that raise its severity?

Escalation rests on GDPR Art. 32(1)-(2) and recital 76: the nature of the data weighs on the severity of
the risk. Art. 9(1) and Art. 10 only say which data are special. See docs/legal-notes.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from gdpr_guard.catalog import PersonalDataMode
from gdpr_guard.config import PersonalData
from gdpr_guard.finding import DataCategory, RawFinding, Severity

FALSY = frozenset({"", "false", "no", "none", "0", "n/a", "na", "public", "non-personal", "nonpersonal",
                   "anonymous", "anonymised", "anonymized"})
"""Tag values that say the data is not personal: the owner's statement wins over names."""
LEVELS = frozenset({"internal", "confidential", "restricted", "secret", "top-secret", "top_secret"})
"""Sensitivity levels: they say how secret the data is, not whether it is about people (names decide)."""

TAG_ONLY_SPECIAL = frozenset({"special", "sensitive"})
"""Tag values that declare a special category without naming it (too common as words in names)."""

PERSONAL = DataCategory.PERSONAL
SPECIAL = DataCategory.SPECIAL

# Special categories: every Art. 9(1) category, Art. 10 data and national identifiers. Each label lists
# the words (whole identifier words; `_`-joined for phrases) that name it in tags and in names.
SPECIAL_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("special category: health", ("health", "healthdata", "medical", "medic", "clinical", "clinic", "diagnosis",
                                  "diagnoses", "hds", "phi", "ehr", "emr", "hiv", "prescription",
                                  "prescriptions", "lab_result", "lab_results", "labresult", "labresults",
                                  "biology", "biologie", "biological", "clinics", "pathology")),
    ("special category: genetic data", ("genetic", "genetics", "genomic", "genome", "dna")),
    ("special category: biometric data", ("biometric", "biometrics")),
    ("special category: racial or ethnic origin", ("racial", "ethnic", "ethnicity", "racial_or_ethnic_origin")),
    ("special category: political opinions", ("political", "political_opinions")),
    ("special category: religious or philosophical beliefs", ("religion", "religious", "philosophical",
                                                               "religious_beliefs")),
    ("special category: trade-union membership", ("trade_union", "trade_union_membership", "union_membership")),
    ("special category: sex life or sexual orientation", ("sex_life", "sexual", "sexual_orientation",
                                                          "sex_life_or_orientation")),
    ("criminal-offence data (Art. 10)", ("criminal", "conviction", "convictions", "offence", "offences",
                                          "offense", "offenses", "criminal_record")),
    ("national identifier", ("nir", "ssn", "social_security", "social_security_number", "national_id",
                             "national_identifier", "numero_secu")),
    ("special category (unspecified)", ("special_category", "special_categories", "art9", "article9")),
)
# Personal data: words naming people (anywhere) and columns that hold data about them (see _classify_names).
PEOPLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("personal data: users", ("users", "user_accounts", "user_account", "user_profile", "user_profiles",
                              "end_users", "app_users")),
    ("personal data: patients", ("patient", "patients")),
    ("personal data: employees", ("employee", "employees", "payroll", "salaries", "personnel")),
    ("personal data: customers", ("customer", "customers", "subscriber", "subscribers", "citizen", "citizens")),
    ("personal data", ("pii", "personal", "personal_data", "gdpr_data", "rgpd")),
)
COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("personal data: e-mail address", ("email", "emails", "e_mail", "email_address", "email_addresses",
                                       "mail_address", "courriel")),
    ("personal data: phone number", ("phone", "phones", "phone_number", "telephone", "mobile_number", "msisdn")),
    ("personal data: IP address", ("ip_address", "ip_addresses", "ip_addr", "ipaddress", "client_ip",
                                   "remote_addr", "remote_ip", "source_ip", "user_ip")),
    ("personal data: date of birth", ("date_of_birth", "dob", "birth_date", "birthdate", "birthday",
                                      "date_naissance")),
    ("personal data: name or postal address", ("first_name", "last_name", "full_name", "surname",
                                               "postal_address", "home_address", "street_address")),
)
# Words that name software, not people's data: a `health` followed by one of these is a probe or a score.
_SETTINGS = frozenset({"setting", "settings", "config", "configuration", "configurations"})
TECHNICAL_AFTER = {"health": frozenset({"check", "checks", "score", "scores", "probe", "probes", "status",
                                        "endpoint", "monitor", "monitoring", "threshold", "grace", "state"}),
                   # the settings of a payroll or HR module (pay periods, account heads), not pay slips
                   "payroll": _SETTINGS, "personnel": _SETTINGS}
# ... and a `health` after one of these is the state of a system or an account (`account_health`).
TECHNICAL_BEFORE = {"health": frozenset({"account", "service", "system", "cluster", "node", "app", "server",
                                         "pod", "host", "instance", "deployment", "customer", "pipeline"}),
                    # IAM principals and ACL grantees (`allUsers`, `allAuthenticatedUsers`, `AuthenticatedUsers`)
                    # name everyone on the Internet, not a table of users.
                    "users": frozenset({"all", "authenticated"})}
TECHNICAL_WORDS = frozenset({"healthcheck", "healthchecks", "healthy", "healthz", "unhealthy", "diagnostic",
                             "diagnostics", "labels", "label"})
# `customer_managed_key` and friends are key-management vocabulary, not customers.
TECHNICAL_PHRASES = (("customer", "managed"), ("customer", "master"), ("customer", "owned"),
                     ("customer", "gateway"))

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Classification:
    """What kind of data a target holds and why we think so."""

    category: DataCategory
    reason: str
    """Human-readable evidence: `tag data_classification=health`, `name matches "patients"`."""
    label: str = "personal data"
    """What was detected: `special category: health`, `personal data: e-mail address`."""
    weak: bool = False
    """True when only a name pattern says so (no tag): such evidence never raises a finding to critical."""


def escalate(severity: Severity, data: Classification | None, mode: PersonalDataMode) -> Severity:
    """Severity after the personal-data steps of the catalog's `personal_data` mode.

    `escalate` and `possible`: +1 for personal data, +2 for a special category. `only` (the rule already
    assumes personal data): +1 for a special category. A rule whose own severity is low reaches at most high, and weak
    (name-only) evidence never reaches critical; a severity is never lowered.
    """
    if data is None or mode is PersonalDataMode.NONE:
        return severity
    steps = (2 if data.category is DataCategory.SPECIAL else 1) - (1 if mode is PersonalDataMode.ONLY else 0)
    if steps <= 0:
        return severity
    cap = Severity.HIGH if severity == Severity.LOW or data.weak else Severity.CRITICAL
    return max(severity, min(severity.raised(steps), cap))


def declared_not_personal(raw: RawFinding, settings: PersonalData) -> bool:
    """The resource carries a personal-data tag key whose value says the data is not personal.

    Asked when `classify` found no personal data (a personal tag or name would have won): the owner's
    explicit statement silences `possible` rules; unknown data keeps its base-severity finding.
    """
    return any(key.lower() in settings.tag_keys and value.strip().lower() in FALSY for key, value in raw.tags)


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
        special = _tag_special(k, v, settings)
        if special:
            return Classification(SPECIAL, evidence, special)
        personal = personal or Classification(PERSONAL, evidence, _people_label(_words(v)) or "personal data")
    if personal is not None or declared_not_personal:
        return personal
    return _classify_names(raw, settings)


def _tag_special(key: str, value: str, settings: PersonalData) -> str | None:
    found = _special_label(_words(value))
    if found:
        return found[0]
    if value in TAG_ONLY_SPECIAL:
        return "special category (unspecified)"
    words = _words(value)
    if key == "hds" or value in settings.health_tag_values or any(h in words for h in settings.health_tag_values):
        return "special category: health"
    return None


def _classify_names(raw: RawFinding, settings: PersonalData) -> Classification | None:
    # Names of the resource, of the file itself and in the matched code; not the directories, which
    # would classify a whole repository (`lab-platform/...`) at once. Column words (e-mail, phone, IP)
    # are read in a Terraform finding's address only: in resource code they are configuration
    # attributes (`ip_address`, notification `email`), in scripts they are the columns moved.
    file_name = "" if raw.resource else PurePosixPath(raw.location.path).name
    text = "\n".join(filter(None, [raw.resource or "", file_name, raw.context]))
    words = _words(text)
    column_words = _words(raw.resource) if raw.resource else words
    found = _special_label(words)
    if found:
        return Classification(SPECIAL, f'name matches "{found[1]}"', found[0], weak=True)
    lowered = " ".join(words)
    extra = _first_pattern(lowered, settings.health_name_patterns)
    if extra:
        return Classification(SPECIAL, f'name matches "{extra}"', "special category: health", weak=True)
    for label_words in (PEOPLE_WORDS, COLUMN_WORDS):
        source = words if label_words is PEOPLE_WORDS else column_words
        hit = _match(source, label_words)
        if hit:
            return Classification(PERSONAL, f'name matches "{hit[1]}"', hit[0], weak=True)
    extra = _first_pattern(lowered, settings.name_patterns)
    if extra:
        return Classification(PERSONAL, f'name matches "{extra}"', "personal data", weak=True)
    return None


def _special_label(words: list[str]) -> tuple[str, str] | None:
    return _match(words, SPECIAL_WORDS)


def _people_label(words: list[str]) -> str | None:
    hit = _match(words, PEOPLE_WORDS + COLUMN_WORDS)
    return hit[0] if hit else None


def _words(text: str | None) -> list[str]:
    """Identifier words, lower case, with configuration vocabulary removed (`health_check`, `labels`)."""
    if not text:
        return []
    words = _WORD.findall(_CAMEL.sub("_", text).lower())
    out: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        if (word in TECHNICAL_WORDS or following in TECHNICAL_AFTER.get(word, ())
                or before in TECHNICAL_BEFORE.get(word, ())):
            continue
        if (word, following) in TECHNICAL_PHRASES:
            continue
        out.append(word)
    return out


def _match(words: list[str], vocabulary: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, str] | None:
    """First (label, phrase) whose phrase occurs as consecutive words; phrases are `_`-joined words."""
    joined = "_" + "_".join(words) + "_"
    for label, phrases in vocabulary:
        for phrase in phrases:
            if f"_{phrase}_" in joined:
                return label, phrase
    return None


def _first_pattern(text: str, patterns: tuple[str, ...]) -> str | None:
    # configured patterns: a word that starts with the pattern (`lab` matches lab, labs, lab_results)
    for pattern in patterns:
        if re.search(r"(?<![a-z0-9])" + re.escape(pattern), text):
            return pattern
    return None
