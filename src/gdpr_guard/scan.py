"""Orchestration: targets -> engines and analyses (concurrently) -> catalog mapping -> sorted result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gdpr_guard import masking, personal_data, prestart, refinements, roles, suppressions
from gdpr_guard.analyses import ANALYSES, Analysis
from gdpr_guard.catalog import Catalog, Engine, PersonalDataMode, Rule
from gdpr_guard.config import Config
from gdpr_guard.engines import ENGINES, base
from gdpr_guard.engines.common import EngineOutput
from gdpr_guard.errors import CatalogError, EngineError, GdprGuardError
from gdpr_guard.finding import Finding, OutOfScope, RawFinding, ScanError, ScanResult, Severity
from gdpr_guard.fingerprint import assign
from gdpr_guard.targets import MAX_TARGET_BYTES, Role, Target, content_problem, discover

if TYPE_CHECKING:  # imported where used: a pre-commit run should not pay for what it does not use
    from gdpr_guard.cache import Cache
    from gdpr_guard.shard import Spec

LAUNCH_WAIT_SECONDS = 10.0
"""At most this long, analyses wait for the engine processes to start (a cap, not a cost)."""
NAME_EVIDENCE = "recognised by its name only (a name pattern, not what the code declares)"


def run_scan(paths: Sequence[str | Path], root: Path, config: Config, catalog: Catalog,
             today: dt.date | None = None, *, shard: Spec | None = None,
             cache: Cache | None = None, progress: Callable[[str], None] | None = None) -> ScanResult:
    """Scan `paths` (files or directories under `root`) and return the sorted, masked result.

    `today` decides which inline suppressions have expired (default: the current date).
    """
    root = root.resolve()
    accepted = _baseline(root, config)  # before the engines: a bad baseline fails fast
    skipped: list[tuple[str, str]] = []
    targets = discover(paths, root, config.exclude, skipped)
    errors = [ScanError("gdpr-guard", f"{rel}: {why}", rel) for rel, why in skipped]
    errors += [e for t in targets if (e := _unreadable(t)) is not None]
    broken = {e.path for e in errors}
    targets = roles.assign([t for t in targets if t.rel not in broken], root, config.roles)
    rules = [r for r in catalog.rules.values() if config.rule_enabled(r.id)]
    targets, analysis_targets = _sharded(targets, shard)
    if progress is not None:
        kinds = {t.kind for t in targets}
        running = sorted(name for name, engine in ENGINES.items() if engine.kinds & kinds) + ["analyses"]
        progress(f"{len(targets)} file(s) found; running {', '.join(running)}")
    outputs, engine_errors, versions = _run_all(targets, rules, catalog, root, config, analysis_targets, cache)
    errors += engine_errors
    findings: list[Finding] = []
    # Analyses may read beyond the files asked for (a migration plan's other scripts) to decide, but a
    # pre-commit run reports on the staged files alone. (Engines filter their own findings; plan findings
    # are relocated to the .tf lines they come from.)
    asked = {t.rel for t in analysis_targets} | {t.rel for t in targets}
    raws = [f for out in outputs for f in out.findings if f.engine != "gdpr-guard" or f.location.path in asked]
    # Identical findings are one (a module instance reached from several checkov groups or cache entries).
    raws = list(dict.fromkeys(raws))
    try:
        refined = refinements.apply(raws, targets)
    except Exception as exc:  # a refinement bug must fail the scan (exit 3), not crash it or drop findings
        errors.append(ScanError("gdpr-guard", f"refinement failed: {type(exc).__name__}: {exc}"))
        refined = raws
    in_scope, out_of_scope = _scoped(refined, targets, catalog, config)
    for raw in in_scope:
        finding = _map(raw, catalog, config)
        if finding is not None:
            findings.append(finding)
    findings = _one_per_instance(findings)
    findings.sort(key=_order)
    fingerprinted = [_with_fingerprint(f, fp) for f, fp in assign(findings)]
    fingerprinted, notices = suppressions.apply(fingerprinted, root, today or dt.date.today(),
                                                _checkov_ids(catalog))
    notices += sorted(n for out in outputs for n in out.notices)  # e.g. SQL the parser could not read
    if accepted is not None:
        from gdpr_guard import baseline

        fingerprinted = baseline.apply(fingerprinted, accepted, _shown_path(str(config.baseline), root))
    if config.diff_base:
        from gdpr_guard import diffscope

        changed = diffscope.changed_lines(root, config.diff_base)
        kept = diffscope.keep_changed(fingerprinted, changed)
        if len(kept) < len(fingerprinted):
            notices.append(f"{len(fingerprinted) - len(kept)} finding(s) on lines not changed since "
                           f"{config.diff_base} are not reported (--diff-base)")
        fingerprinted = kept
    errors = sorted({_masked_error(e) for e in errors}, key=lambda e: (e.path or "", e.source, e.message))
    counts: dict[str, int] = {}
    role_counts: dict[str, int] = {}
    for target in targets:
        counts[target.kind.value] = counts.get(target.kind.value, 0) + 1
        role_counts[target.role.value] = role_counts.get(target.role.value, 0) + 1
    present = [r for r in Role if r.value in role_counts]
    return ScanResult(root=str(root), findings=tuple(fingerprinted), errors=tuple(errors),
                      notices=tuple(notices), targets=dict(sorted(counts.items())),
                      engines=dict(sorted(versions.items())),
                      roles={r.value: role_counts[r.value] for r in present},
                      families={r.value: _families(r, rules, config) for r in present},
                      out_of_scope=out_of_scope)


def _scoped(raws: list[RawFinding], targets: list[Target], catalog: Catalog,
            config: Config) -> tuple[list[RawFinding], tuple[OutOfScope, ...]]:
    """Findings whose rule applies to their file's role, and counts of the others per rule and role."""
    role_of = {t.rel: t.role for t in targets}
    kept: list[RawFinding] = []
    left: dict[tuple[str, str], int] = {}
    for raw in raws:
        rule = catalog.get(raw.rule_id)
        role = Role(raw.role) if raw.role else role_of.get(
            raw.role_path or raw.location.path, Role.INFRASTRUCTURE if raw.resource else Role.APPLICATION)
        if rule is None or role in roles.rule_roles(rule.id, rule.family, rule.roles, config.roles):
            kept.append(raw)
        else:
            left[(rule.id, role.value)] = left.get((rule.id, role.value), 0) + 1
    return kept, tuple(OutOfScope(rule_id, role, n) for (rule_id, role), n in sorted(left.items()))


def _families(role: Role, rules: list[Rule], config: Config) -> tuple[str, ...]:
    return tuple(sorted({r.family for r in rules if role in roles.rule_roles(r.id, r.family, r.roles, config.roles)}))


def _shown_path(path: str, root: Path) -> str:
    """A path as reports show it: relative to the root, never the machine's absolute path (it reaches SARIF)."""
    candidate = Path(path)
    if not candidate.is_absolute():
        return candidate.as_posix()
    try:
        return candidate.resolve().relative_to(root).as_posix()
    except (ValueError, OSError):
        return candidate.name


def _checkov_ids(catalog: Catalog) -> Callable[[str], str | None]:
    def ours(check_id: str) -> str | None:
        rule = catalog.by_engine("checkov", check_id)
        return rule.id if rule is not None else None
    return ours


def _sharded(targets: list[Target], spec: Spec | None) -> tuple[list[Target], list[Target]]:
    """Engine targets and analysis targets of a `--shard` (analyses: all targets, in shard 1 only)."""
    if spec is None:
        return targets, targets
    from gdpr_guard.shard import select

    return select(targets, spec), (targets if spec.runs_analyses else [])


def _baseline(root: Path, config: Config) -> frozenset[str] | None:
    if not config.baseline:
        return None
    path = Path(config.baseline) if Path(config.baseline).is_absolute() else root / config.baseline
    from gdpr_guard import baseline

    return baseline.load(path)


def _run_all(targets: list[Target], rules: list[Rule], catalog: Catalog, root: Path,
             config: Config, analysis_targets: list[Target] | None = None,
             cache: Cache | None = None) -> tuple[list[EngineOutput], list[ScanError], dict[str, str]]:
    jobs: dict[str, Callable[[], EngineOutput]] = {}
    for name, engine in ENGINES.items():
        engine_rules = [r for r in rules if r.engine == name]
        engine_targets = [t for t in targets if t.kind in engine.kinds]
        if engine_rules and engine_targets:
            scan = cache.wrap(name, engine.scan) if cache is not None else engine.scan
            jobs[name] = _bind(scan, engine_targets, engine_rules, catalog, root, config)
    # One analysis module may report several rules (migration_plans: GG-MIG-201..204): run it once.
    for policy in sorted({r.policy for r in rules if r.engine is Engine.GDPR_GUARD and r.policy}):
        jobs[policy] = _bind_analysis(_analysis(policy), targets if analysis_targets is None else analysis_targets,
                                      config)
    outputs: list[EngineOutput] = []
    errors: list[ScanError] = []
    versions: dict[str, str] = {}
    if "checkov" not in jobs:
        prestart.discard()  # a checkov worker the CLI started ahead is not needed: stop it now
    if not jobs:
        return outputs, errors, versions
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        # Engines first, and analyses only once their processes run: analyses are CPU-bound Python, and
        # the engine threads would otherwise wait for the interpreter lock to build their command lines.
        engines = sorted(name for name in jobs if name in ENGINES)
        mark = base.launches()
        futures = {name: pool.submit(jobs[name]) for name in engines}
        base.wait_for_launches(mark, len(engines), lambda: all(f.done() for f in futures.values()),
                               timeout=LAUNCH_WAIT_SECONDS)
        futures |= {name: pool.submit(jobs[name]) for name in sorted(jobs) if name not in ENGINES}
        for name, future in futures.items():
            try:
                output = future.result()
            except EngineError as exc:
                errors.append(ScanError(exc.engine, str(exc)))
                continue
            except GdprGuardError as exc:
                is_engine = name in ENGINES
                errors.append(ScanError(name, f"{name}: {exc}") if is_engine else ScanError("gdpr-guard", str(exc)))
                continue
            except Exception as exc:  # a bug in an adapter must fail the scan, not pass it or crash the CLI
                errors.append(ScanError(name, f"{name}: internal error: {type(exc).__name__}: {exc}"))
                continue
            outputs.append(output)
            errors += output.errors
            if name in ENGINES and output.version:
                versions[name] = output.version
    return outputs, errors, versions


def _bind(scan: Any, *args: Any) -> Callable[[], EngineOutput]:
    return lambda: scan(*args)


def _bind_analysis(analysis: Analysis, targets: list[Target], config: Config) -> Callable[[], EngineOutput]:
    def run() -> EngineOutput:
        try:
            return EngineOutput(findings=list(analysis(targets, config.as_analysis_options())))
        except GdprGuardError:
            raise
        except Exception as exc:  # an analysis bug must fail the scan, never pass it silently
            raise EngineError("gdpr-guard", f"analysis failed: {type(exc).__name__}: {exc}") from exc
    return run


def _analysis(policy: str) -> Analysis:
    """The registered analysis a catalog `policy: analyses/<name>.py` names."""
    analyse = ANALYSES.get(Path(policy).stem) if policy.startswith("analyses/") else None
    if analyse is None:
        raise CatalogError(f"{policy}: not an analysis of gdpr_guard.analyses.ANALYSES")
    return analyse


def _map(raw: RawFinding, catalog: Catalog, config: Config) -> Finding | None:
    rule = catalog.get(raw.rule_id)
    if rule is None or not config.rule_enabled(rule.id):
        return None
    data = personal_data.classify(raw, config.personal_data)
    if rule.personal_data is PersonalDataMode.ONLY and data is None:
        return None
    if rule.personal_data is PersonalDataMode.POSSIBLE and data is None \
            and personal_data.declared_not_personal(raw, config.personal_data):
        return None
    severity = personal_data.escalate(config.severity.get(rule.id, rule.severity), data, rule.personal_data)
    weak = raw.weak_evidence or (NAME_EVIDENCE if rule.evidence == "name" else "")
    if weak:  # weak evidence never makes a finding critical (issue 11, confidence)
        base = config.severity.get(rule.id, rule.severity)
        severity = min(severity, max(base, Severity.HIGH))
    message = rule.message.replace("{resource}", raw.resource or "this resource")
    if raw.detail:
        message += " " + raw.detail
    secrets = raw.secrets
    return Finding(
        rule_id=rule.id,
        location=raw.location,
        severity=severity,
        message=masking.mask(message, secrets),
        engine=raw.engine,
        resource=raw.resource,
        snippet=masking.mask(raw.snippet, secrets),
        related=tuple(sorted(set(raw.related))),
        block=raw.block,
        data_category=data.category if data else None,
        data_reason=data.reason if data else None,
        data_label=data.label if data else None,
        weak_evidence=masking.mask(weak, secrets) or None,
    )


def _one_per_instance(findings: list[Finding]) -> list[Finding]:
    """One finding per rule, place and module instance address.

    Two roots that call a shared module under the same instance name (`module.db` in two stacks) give
    one address: one checkov process over both reports it once, with one caller's tags; processes that
    see the roots apart report it once each, possibly with different tags. The identity (and so the count,
    the fingerprint and baseline matching) never depends on the split; the variant kept is the most
    severe reading (personal-data escalation), then a fixed order.
    """
    best: dict[tuple[Any, ...], Finding] = {}
    out: list[Finding] = []
    for finding in findings:
        if not (finding.resource or "").startswith("module."):
            out.append(finding)
            continue
        key = (finding.rule_id, finding.location, finding.resource)
        known = best.get(key)
        if known is None or _preference(finding) < _preference(known):
            best[key] = finding
    return out + list(best.values())


def _preference(finding: Finding) -> tuple[Any, ...]:
    return (-int(finding.severity), finding.data_category or "", finding.data_reason or "", finding.message,
            finding.snippet)


def _order(finding: Finding) -> tuple[Any, ...]:
    loc = finding.location
    return (loc.path, loc.start_line, loc.start_column or 0, finding.rule_id, finding.resource or "",
            loc.end_line, finding.snippet)


def _with_fingerprint(finding: Finding, fingerprint: str) -> Finding:
    return replace(finding, fingerprint=fingerprint)


def _masked_error(error: ScanError) -> ScanError:
    # "db/secrets.sql: cannot read" is a path, not a `secret: value` pair: mask only what follows it
    prefix = f"{error.path}: " if error.path and error.message.startswith(f"{error.path}: ") else ""
    return ScanError(error.source, prefix + masking.mask(error.message[len(prefix):]), error.path)


def _unreadable(target: Target) -> ScanError | None:
    try:
        size = target.path.stat().st_size
        with target.path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        return ScanError("gdpr-guard", f"{target.rel}: cannot read ({exc.strerror})", target.rel)
    if size > MAX_TARGET_BYTES:
        return ScanError("gdpr-guard", f"{target.rel}: larger than {MAX_TARGET_BYTES} bytes, not scanned",
                         target.rel)
    problem = content_problem(target, MAX_TARGET_BYTES)
    if problem is not None:
        return ScanError("gdpr-guard", f"{target.rel}: {problem}", target.rel)
    return None
