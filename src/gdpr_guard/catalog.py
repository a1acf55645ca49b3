"""The rule catalog: load policies/catalog.yaml, validate it, and answer questions about rules."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from gdpr_guard import resources
from gdpr_guard.errors import CatalogError
from gdpr_guard.finding import Severity, TextEnum
from gdpr_guard.legal_notice import NO_PRECEDENT
from gdpr_guard.schema_check import validate
from gdpr_guard.targets import Role

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
BUILTIN_CHECK = re.compile(r"^CKV2?_(AWS|AZURE|GCP)_[0-9]+$")
"""Ids of checkov's own checks a rule may be backed by (ours are CKV_GG_* / CKV2_GG_*)."""
MAX_CATALOG_BYTES = 5_000_000
FAMILIES_WITHOUT_PRECEDENT = frozenset({"BAK"})
"""Families whose rules may cite no CNIL finding: no CNIL sanction in our sources concerns availability
(backups and restore), so those rules rest on our reading of Art. 32(1)(b)-(c) alone (docs/legal-notes.md)."""


@dataclass(frozen=True)
class Article:
    """One GDPR article (or paragraph) a rule maps to."""

    article: str
    """Article number, e.g. `32`."""
    paragraph: str | None
    """Paragraph and point, e.g. `1(a)`, or None for the article as a whole."""
    basis: str
    """`cnil` (the CNIL tied the finding to it) or `interpretation` (our own reading)."""
    title: str
    """Article title."""

    @property
    def label(self) -> str:
        """`Art. 32(1)(a)` style label."""
        if not self.paragraph:
            return f"Art. {self.article}"
        number, _, point = self.paragraph.partition("(")
        return f"Art. {self.article}({number})" + (f"({point}" if point else "")

    @property
    def tag(self) -> str:
        """Tag used in SARIF and taxonomies: `gdpr/art-32`."""
        return f"gdpr/art-{self.article}"


@dataclass(frozen=True)
class CnilFinding:
    """A CNIL finding a rule echoes."""

    id: str
    """Catalog id, e.g. `DED-3b`."""
    decision: str
    """Deliberation number, e.g. `SAN-2022-009`."""
    organisation: str
    """Who was sanctioned."""
    date: str
    """Date of the decision."""
    article: str
    """Article the CNIL found breached."""
    text: str
    """Short English paraphrase of the finding."""
    french: str | None
    """Key phrase of the decision, where recorded."""
    url: str | None = None
    """Where the decision can be read (Légifrance), when a source gives it."""
    match: str = "analogy"
    """In a rule: `same` when the rule detects the failing the CNIL found, `analogy` for a related precedent."""

    @property
    def same(self) -> bool:
        """The rule's facts are the CNIL's: "same failing as"; otherwise a related precedent."""
        return self.match == "same"

    @property
    def relation(self) -> str:
        """`same failing as` or `related precedent`, the wording every output uses."""
        return "same failing as" if self.same else "related precedent"


class Engine(TextEnum):
    """What runs a rule."""

    CHECKOV = "checkov"
    SEMGREP = "semgrep"
    SQL = "sql"
    """gdpr-guard's SQL engine (gdpr_guard.sql, on sqlglot)."""
    GDPR_GUARD = "gdpr-guard"
    """One of the wrapper's own analyses (gdpr_guard.analyses)."""


class PersonalDataMode(TextEnum):
    """How personal data in the flagged resource changes a rule's findings (see personal_data.escalate)."""

    ESCALATE = "escalate"
    """Personal data raises the severity one step, a special category two."""
    POSSIBLE = "possible"
    """As `escalate`, and a resource declared not personal is not reported."""
    ONLY = "only"
    """The rule concerns personal data only: reported only when some is found; a special category +1."""
    NONE = "none"
    """Personal data does not change the finding."""


@dataclass(frozen=True)
class Rule:
    """One catalog entry."""

    id: str
    title: str
    family: str
    severity: Severity
    precision: str
    engine: Engine
    engine_rule: str
    policy: str | None
    """Our policy file under policies/; None when one of checkov's built-in checks backs the rule."""
    personal_data: PersonalDataMode
    gdpr: tuple[Article, ...]
    cnil: tuple[CnilFinding, ...]
    message: str
    rationale: str
    remediation: str
    example_fail: str
    example_fix: str
    references: tuple[tuple[str, str | None], ...]
    aliases: tuple[str, ...] = ()
    region_is_secret: bool = False
    engine_note: str = ""
    """Why this engine check backs the rule (the built-in chosen, or why a custom policy)."""

    @property
    def builtin(self) -> bool:
        """Backed by one of checkov's own checks rather than a policy of ours."""
        return self.policy is None
    roles: tuple[Role, ...] = tuple(Role)
    """File roles the rule applies to (its own `roles`, else its family's default)."""
    evidence: str = "code"
    """`name` when the rule recognises its subject by a name pattern: its findings are weak evidence."""

    @property
    def articles_label(self) -> str:
        """`Art. 32(1)(a), Art. 5(1)(f)`."""
        return ", ".join(a.label for a in self.gdpr)

    @property
    def cnil_label(self) -> str:
        """`DED-3b (same), BRI-1 (related)`, or `no CNIL precedent` for a rule that cites none."""
        if not self.cnil:
            return NO_PRECEDENT
        return ", ".join(f"{c.id} ({'same' if c.same else 'related'})" for c in self.cnil)

    @property
    def tags(self) -> tuple[str, ...]:
        """SARIF/GitHub tags: security, gdpr, gdpr/art-N, cnil/ID, family."""
        tags = ["security", "gdpr", f"family/{self.family.lower()}"]
        tags += sorted({a.tag for a in self.gdpr}, key=lambda t: int(t.rsplit("-", 1)[1]))
        tags += [f"cnil/{c.id}" for c in self.cnil]
        return tuple(tags)


class Catalog:
    """All rules, indexed by our id and by engine rule id."""

    def __init__(self, data: dict[str, Any], source: str, *, schema_checked: bool = False) -> None:
        if not schema_checked:
            validate(data, resources.schema("catalog.schema.json"), source, CatalogError)
        self.source = source
        self.raw = data
        self.articles: dict[str, str] = {k: v["title"] for k, v in data["gdpr_articles"].items()}
        self.decisions: dict[str, dict[str, Any]] = data["decisions"]
        self.findings: dict[str, CnilFinding] = {
            key: self._cnil_finding(key, value) for key, value in data["cnil_findings"].items()
        }
        self.role_defaults: dict[str, tuple[Role, ...]] = {
            key: _roles(value) for key, value in data["role_defaults"].items()}
        rules = [self._rule(entry) for entry in data["rules"]]
        self.rules: dict[str, Rule] = {}
        for rule in rules:
            if rule.id in self.rules:
                raise CatalogError(f"{source}: rule {rule.id} is defined twice")
            self.rules[rule.id] = rule
        self._by_engine: dict[tuple[str, str], Rule] = {}
        for rule in rules:
            key = (rule.engine, rule.engine_rule)
            if key in self._by_engine:
                raise CatalogError(f"{source}: {rule.engine} rule {rule.engine_rule} is mapped twice")
            self._by_engine[key] = rule

    def _cnil_finding(self, key: str, value: dict[str, Any]) -> CnilFinding:
        decision = self.decisions.get(value["decision"])
        if decision is None:
            raise CatalogError(f"{self.source}: cnil_findings/{key}: unknown decision {value['decision']}")
        return CnilFinding(id=key, decision=value["decision"], organisation=decision["organisation"],
                           date=decision["date"], article=value["article"], text=value["text"],
                           french=value.get("french"), url=decision.get("url"))

    def _rule(self, entry: dict[str, Any]) -> Rule:
        where = f"{self.source}: rule {entry['id']}"
        if not entry["id"].startswith(f"GG-{entry['family']}-"):
            raise CatalogError(f"{where}: id does not match family {entry['family']}")
        articles = []
        for item in entry["gdpr"]:
            title = self.articles.get(item["article"])
            if title is None:
                raise CatalogError(f"{where}: unknown GDPR article {item['article']}")
            articles.append(Article(item["article"], item.get("paragraph"), item["basis"], title))
        if not entry["cnil"] and entry["family"] not in FAMILIES_WITHOUT_PRECEDENT:
            raise CatalogError(f"{where}: cites no CNIL finding (only {', '.join(sorted(FAMILIES_WITHOUT_PRECEDENT))} "
                               "rules may)")
        findings = []
        for ref in entry["cnil"]:
            key = ref["id"]
            if key not in self.findings:
                raise CatalogError(f"{where}: unknown CNIL finding {key}")
            findings.append(replace(self.findings[key], match=ref["match"]))
        policy = entry.get("policy")
        if policy is None and not (entry["engine"] == "checkov" and BUILTIN_CHECK.match(entry["engine_rule"])):
            raise CatalogError(f"{where}: no policy file, and {entry['engine_rule']} is not a checkov built-in check")
        if policy is not None and BUILTIN_CHECK.match(entry["engine_rule"]):
            raise CatalogError(f"{where}: {entry['engine_rule']} is a checkov built-in check: drop `policy`")
        return Rule(
            id=entry["id"], title=entry["title"], family=entry["family"],
            severity=Severity.parse(entry["severity"]), precision=entry["precision"],
            engine=Engine(entry["engine"]), engine_rule=entry["engine_rule"], policy=policy,
            personal_data=PersonalDataMode(entry["personal_data"]), gdpr=tuple(articles), cnil=tuple(findings),
            message=entry["message"].strip(), rationale=entry["rationale"].strip(),
            remediation=entry["remediation"].strip(), example_fail=entry["example"]["fail"],
            example_fix=entry["example"]["fix"],
            references=tuple((r["title"], r.get("url")) for r in entry["references"]),
            aliases=tuple(entry.get("aliases", ())),
            region_is_secret=entry.get("region_is_secret", entry["family"] == "CRED"),
            engine_note=entry.get("engine_note", "").strip(),
            roles=_roles(entry["roles"]) if "roles" in entry else
            self.role_defaults.get(entry["family"], self.role_defaults["default"]),
            evidence=entry.get("evidence", "code"),
        )

    def get(self, rule_id: str) -> Rule | None:
        """Rule by id or alias."""
        rule = self.rules.get(rule_id)
        if rule is None:
            rule = next((r for r in self.rules.values() if rule_id in r.aliases), None)
        return rule

    def by_engine(self, engine: str, engine_rule: str) -> Rule | None:
        """Rule an engine's own id maps to."""
        return self._by_engine.get((engine, engine_rule))

    def for_engine(self, engine: str) -> list[Rule]:
        """Rules run by `engine`, in id order."""
        return sorted((r for r in self.rules.values() if r.engine == engine), key=lambda r: r.id)

    def policy_path(self, rule: Rule) -> Path:
        """Absolute path of a rule's policy file (a rule backed by a checkov built-in check has none)."""
        if rule.policy is None:
            raise CatalogError(f"{rule.id} is backed by checkov's built-in check {rule.engine_rule}: no policy file")
        if rule.engine is Engine.GDPR_GUARD:
            return resources.PACKAGE_DIR / rule.policy
        return resources.policies_dir() / rule.policy

    @cached_property
    def gdpr_articles_used(self) -> list[str]:
        """Articles some rule maps to, in numeric order."""
        used = {a.article for r in self.rules.values() for a in r.gdpr}
        return sorted(used, key=int)


def _roles(names: list[str]) -> tuple[Role, ...]:
    wanted = set(names)
    return tuple(r for r in Role if r.value in wanted)


_parsed: dict[tuple[str, str, bool], Catalog] = {}
"""Catalogs loaded with `keep=True` (warm mode's worker, before it forks: warm/child.py), by path, digest of
their text and stamp; reused only for that same text and stamp."""


def load(path: Path | None = None, *, keep: bool = False) -> Catalog:
    """Load and validate the catalog (the shipped one unless `path` is given)."""
    path = path or resources.policies_dir() / "catalog.yaml"
    try:
        if path.stat().st_size > MAX_CATALOG_BYTES:
            raise CatalogError(f"{path}: larger than {MAX_CATALOG_BYTES} bytes")
        text = path.read_text(encoding="utf-8")
        known = (str(path), digest(text), _is_stamped(path, text))
        if known in _parsed:
            return _parsed[known]
        stamped = known[2]
        # aliases make 'billion laughs' documents possible (the stamped catalog was checked in CI)
        if not stamped and any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=_Loader)):
            raise CatalogError(f"{path}: YAML aliases are not allowed")
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - safe loader
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}: invalid YAML: {str(exc)[:300]}") from None
    except RecursionError:
        raise CatalogError(f"{path}: YAML nested too deeply") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: expected a mapping at the top level")
    loaded = Catalog(data, str(path), schema_checked=stamped)
    if keep:
        _parsed[known] = loaded
    return loaded


STAMP = "catalog.sha256"


def digest(text: str) -> str:
    """Digest of a catalog text, as recorded in policies/catalog.sha256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_stamped(path: Path, text: str) -> bool:
    # The shipped catalog was schema-checked in CI when its digest was stamped (tests keep the stamp
    # current); skipping the check spares every pre-commit run the import of jsonschema. Any other
    # or edited catalog is checked in full.
    try:
        stamp = (path.parent / STAMP).read_text(encoding="utf-8").strip()
    except OSError:
        return False
    return path.parent == resources.policies_dir() and stamp == digest(text)
