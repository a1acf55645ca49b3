"""The data model every engine, analysis and reporter shares: severities, locations, findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered severities; the catalog names them in lower case."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    def raised(self, steps: int = 1) -> Severity:
        return Severity(min(int(self) + steps, int(Severity.CRITICAL)))

    def __str__(self) -> str:
        return self.name.lower()


class TextEnum(str, enum.Enum):
    """A closed set of names: equal to, serialised as and printed as its plain string value."""

    def __str__(self) -> str:
        return str(self.value)


class DataCategory(TextEnum):
    """What kind of personal data a finding touches."""

    PERSONAL = "personal"
    SPECIAL = "special"
    """Art. 9(1) special categories, Art. 10 data and national identifiers."""


class SuppressionKind(TextEnum):
    """Where a suppression comes from."""

    INLINE = "inline"
    """A justified comment next to the code."""
    BASELINE = "baseline"
    """An entry of the accepted-findings baseline file."""


@dataclass(frozen=True, order=True)
class Location:
    """A place in a scanned file."""

    path: str
    """Path relative to the scan root, with forward slashes."""
    start_line: int
    """1-based first line."""
    end_line: int
    """1-based last line (inclusive)."""
    start_column: int | None = None
    """1-based first column, when the engine knows it."""
    end_column: int | None = None
    """1-based column just past the end, when the engine knows it."""


@dataclass(frozen=True)
class RawFinding:
    """What an engine or analysis reports, keyed by OUR rule id, before the catalog is applied."""

    rule_id: str
    """gdpr-guard rule id (GG-<FAMILY>-<NNN>)."""
    location: Location
    """Where the problem is."""
    engine: str
    """`checkov`, `semgrep` or `gdpr-guard` (a wrapper analysis)."""
    resource: str | None = None
    """Terraform resource address (`aws_db_instance.results`), or None for scripts."""
    snippet: str = ""
    """Source text of the finding, NOT yet masked: the pipeline masks it before anything keeps it."""
    secrets: tuple[str, ...] = ()
    """Credential values the engine matched; masked wherever they appear in any output."""
    detail: str = ""
    """Extra sentence appended to the catalog message (e.g. which locations share a secret)."""
    related: tuple[Location, ...] = ()
    """Other locations of the same problem (a secret reused in several files)."""
    context: str = ""
    """Text used to decide whether personal data is involved (resource name, tags, table names)."""
    tags: tuple[tuple[str, str], ...] = ()
    """Terraform tags of the resource, as (key, value) pairs."""
    block: Location | None = None
    """The whole Terraform block, when `location` is narrower (the attribute or nested block that fails)."""
    weak_evidence: str = ""
    """Why the evidence is weak (a name pattern, an unresolved value); empty when the rule's evidence holds."""
    evaluated_keys: tuple[str, ...] = ()
    """The attributes a checkov check read, for a plan finding until it is moved to its `.tf` block
    (terraform_plan.relocate narrows it there); empty everywhere else."""
    role_path: str = ""
    """The file whose role decides the rule's scope, when not the finding's own: the calling configuration
    that writes the literal a module instance receives (an example's value is example data)."""
    role: str = ""
    """The role of the code the finding is in when narrower than its file's (a `tests()` function of an
    entrypoint script is test code); wins over the file's role for the rule's scope."""


@dataclass(frozen=True)
class Finding:
    """A reported problem: a raw finding mapped through the catalog, masked and classified."""

    rule_id: str
    """gdpr-guard rule id."""
    location: Location
    """Where the problem is."""
    severity: Severity
    """Effective severity after personal-data escalation and config overrides."""
    message: str
    """One-line message, masked."""
    engine: str
    """Engine or analysis that found it."""
    resource: str | None = None
    """Terraform resource address, if any."""
    snippet: str = ""
    """Masked source text."""
    related: tuple[Location, ...] = ()
    """Other locations of the same problem."""
    data_category: DataCategory | None = None
    """`personal` or `special` (Art. 9(1), Art. 10, national identifiers) when the target holds such data."""
    data_reason: str | None = None
    """Why the target was classified (`tag data_classification=health`, `name matches patient`)."""
    data_label: str | None = None
    """What was detected (`special category: health`, `personal data: e-mail address`)."""
    weak_evidence: str | None = None
    """Why the evidence is weak, or None: a weak finding is never raised to critical on that evidence."""
    fingerprint: str = ""
    """Stable identity: rule + path + resource or normalised snippet; no line numbers."""
    suppression: Suppression | None = None
    """The justified inline suppression or baseline entry that silences it, if any."""
    block: Location | None = None
    """The whole Terraform block, when `location` is narrower (the attribute or nested block that fails)."""

    @property
    def confidence(self) -> str:
        """`low` when the evidence is weak (see `weak_evidence`), else `high`."""
        return "low" if self.weak_evidence else "high"


@dataclass(frozen=True)
class Suppression:
    """Why a finding is not counted: an inline justification or a baseline entry."""

    kind: SuppressionKind
    reason: str
    """The justification written next to the code, or `baseline`."""
    until: str | None = None
    """ISO date after which the suppression stops applying."""
    location: Location | None = None
    """Where the suppression comment is."""


@dataclass(frozen=True)
class ScanError:
    """Something that kept the scan from looking everywhere; any one makes the run exit 3."""

    source: str
    """`checkov`, `semgrep`, `gdpr-guard` or the analysis that failed."""
    message: str
    """One line naming the file (when known) and the cause, masked."""
    path: str | None = None
    """The target concerned, relative to the scan root, when known."""


@dataclass(frozen=True, order=True)
class OutOfScope:
    """Findings a rule's roles left out: counted, never dropped silently."""

    rule_id: str
    """The rule."""
    role: str
    """The role of the files the findings were in (`test`, `dbt`, ...)."""
    count: int
    """How many findings."""


@dataclass(frozen=True)
class ScanResult:
    """Everything the reporters need, already sorted deterministically."""

    root: str
    """Absolute scan root (never printed in SARIF; URIs are relative to it)."""
    findings: tuple[Finding, ...]
    """Reported findings, suppressed ones included (see `Finding.suppression`)."""
    errors: tuple[ScanError, ...] = ()
    """Scan errors; non-empty means the run could not look everywhere."""
    notices: tuple[str, ...] = ()
    """Non-fatal remarks (invalid or expired suppressions, skipped files)."""
    targets: dict[str, int] = field(default_factory=dict)
    """Number of targets scanned per kind (`terraform`, `python`, ...)."""
    engines: dict[str, str] = field(default_factory=dict)
    """Engine name -> version actually run."""
    roles: dict[str, int] = field(default_factory=dict)
    """Number of targets per file role (`application`, `test`, ...)."""
    families: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Role -> rule families applied to files of that role (roles present in the scan only)."""
    out_of_scope: tuple[OutOfScope, ...] = ()
    """Findings not reported because their rule does not apply to the file's role."""

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that count: not suppressed."""
        return tuple(f for f in self.findings if f.suppression is None)
