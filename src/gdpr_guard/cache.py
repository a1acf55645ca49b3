"""Optional content-hash cache of engine results under `<root>/.gdpr-guard-cache/` (`--cache`).

Safe to delete at any time. An entry is keyed by the SHA-256 of everything its result depends on: the
scanned files' paths and contents, the policies (the whole `policies/` tree and catalog), the engine's
identity (resolved executable, its size and mtime, installed package version), gdpr-guard's version and
the effective configuration. Granularity:

* semgrep: one entry per script file;
* checkov: one entry per group of Terraform module directories (the groups checkov runs as one process;
  the grouping is deterministic), covering every `.tf`, `.tf.json` and `.tfvars` file in them (not in
  their sub-directories, which checkov does not evaluate with them) and in the local modules they call
  (`source = "../modules/x"`), transitively. A changed module directory re-scans the groups that read it
  only. What checkov reads of a unit when only some of its files are scanned (engines/checkov_narrow.py)
  depends on those files' names and contents, all in the key. Plan files are never cached.

An entry that cannot be read, does not parse or does not have the expected shape is ignored (and
removed), never trusted. Results with a run-level error are never stored. Entries hold excerpts of the
scanned source (like the source itself); the directory is skipped by discovery and should be ignored
by git.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from gdpr_guard import __version__, resources
from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.config import Config
from gdpr_guard.engines.common import EngineOutput
from gdpr_guard.errors import GdprGuardError
from gdpr_guard.finding import Location, RawFinding, ScanError
from gdpr_guard.targets import Kind, Target

DIRNAME = ".gdpr-guard-cache"
FORMAT = 4  # 4: a pre-commit unit reads only what its staged files need (engines/checkov_narrow.py)
TF_SUFFIXES = (".tf", ".tf.json", ".tfvars")
RAW_FIELDS = frozenset(f.name for f in fields(RawFinding))
Scan = Callable[[Sequence[Target], Sequence[Rule], Catalog, Path, Config], EngineOutput]


class Cache:
    """One cache directory; `hits` and `misses` count entries looked up in this run."""

    def __init__(self, root: Path) -> None:
        self.directory = root / DIRNAME / f"v{FORMAT}"
        self.hits = 0
        self.misses = 0
        self._policies: str | None = None

    # ------------------------------------------------------------------ storage
    def get(self, key: str) -> EngineOutput | None:
        path = self.directory / key[:2] / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            output = _decode(data, key)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001 - any unreadable entry is ignored, never trusted
            self.misses += 1
            try:
                path.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return output

    def put(self, key: str, output: EngineOutput) -> None:
        if any(e.path is None for e in output.errors):
            return  # a run-level problem is never remembered
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = self.directory.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            handle, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(_encode(output, key), out, sort_keys=True)
            os.replace(tmp, folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs time

    # ------------------------------------------------------------------ keys
    def key(self, engine: str, config: Config, rules: Sequence[Rule], parts: Iterable[tuple[str, bytes]]) -> str:
        digest = hashlib.sha256()
        for label, text in (("format", str(FORMAT)), ("gdpr-guard", __version__), ("engine", engine),
                            ("engine-id", engine_identity(engine)), ("policies", self.policies_digest()),
                            ("config", repr(replace(config, jobs=0, timeout=0))),
                            ("rules", ",".join(sorted(r.id for r in rules)))):
            _feed(digest, label, text.encode("utf-8"))
        for label, value in parts:
            _feed(digest, label, value)
        return digest.hexdigest()

    def policies_digest(self) -> str:
        if self._policies is None:
            digest = hashlib.sha256()
            base = resources.policies_dir()
            for path in sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                _feed(digest, path.relative_to(base).as_posix(), path.read_bytes())
            self._policies = digest.hexdigest()
        return self._policies

    # ------------------------------------------------------------------ engines
    def wrap(self, engine: str, scan: Scan) -> Scan:
        """`scan` with this cache in front of it (engines it cannot cache are returned unchanged)."""
        if engine == "semgrep":
            return lambda targets, rules, catalog, root, config: self._per_file(
                engine, scan, targets, rules, catalog, root, config)
        if engine == "checkov":
            return lambda targets, rules, catalog, root, config: self._per_group(
                engine, scan, targets, rules, catalog, root, config)
        return scan

    def _per_file(self, engine: str, scan: Scan, targets: Sequence[Target], rules: Sequence[Rule],
                  catalog: Catalog, root: Path, config: Config) -> EngineOutput:
        output = EngineOutput()
        misses: dict[str, tuple[Target, str]] = {}
        for target in targets:
            try:
                content = target.path.read_bytes()
            except OSError:
                misses[target.rel] = (target, "")
                continue
            key = self.key(engine, config, rules, [("path", target.rel.encode()), ("content", content)])
            hit = self.get(key)
            if hit is None:
                misses[target.rel] = (target, key)
            else:
                _extend(output, hit)
        if misses:
            fresh = scan([t for t, _ in misses.values()], rules, catalog, root, config)
            _extend(output, fresh)
            if not any(e.path is None for e in fresh.errors):
                for rel, (_, key) in misses.items():
                    if key:
                        self.put(key, _only(fresh, {rel}))
        return output

    def _per_group(self, engine: str, scan: Scan, targets: Sequence[Target], rules: Sequence[Rule],
                   catalog: Catalog, root: Path, config: Config) -> EngineOutput:
        from gdpr_guard.engines import checkov_units

        tf = [t for t in targets if t.kind is Kind.TERRAFORM]
        others = [t for t in targets if t.kind is not Kind.TERRAFORM]
        jobs = config.jobs or max(os.cpu_count() or 1, 1)
        groups = checkov_units.groups((t.path.parent for t in tf), jobs)
        single = replace(config, jobs=1)
        work: list[tuple[list[Target], str]] = []
        output = EngineOutput()
        for group in groups:
            members = [t for t in tf if t.path.parent.resolve() in group]
            key = self.key(engine, config, rules, _terraform_parts(group, members, root))
            hit = self.get(key)
            if hit is None:
                work.append((members, key))
            else:
                _extend(output, hit)
        calls: list[tuple[list[Target], str, Config]] = [(m, k, single) for m, k in work]
        if others:
            calls.append((others, "", config))
        if not calls:
            from gdpr_guard import prestart

            prestart.discard()  # every group came from the cache: the checkov started ahead is not needed
        if calls:
            with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(calls)))) as pool:
                futures = [pool.submit(scan, members, rules, catalog, root, cfg) for members, _, cfg in calls]
                results = [f.result() for f in futures]
            for (_, key, _), fresh in zip(calls, results, strict=True):
                _extend(output, fresh)
                if key:
                    self.put(key, fresh)
        return output


def engine_identity(engine: str) -> str:
    """What identifies the engine that will run: resolved executable, its size and mtime, package version."""
    from gdpr_guard.engines import base

    try:
        binary = Path(base.locate(engine)).resolve()
        stat = binary.stat()
    except (GdprGuardError, OSError):
        return "unavailable"
    try:
        from importlib import metadata

        version = metadata.version(engine)
    except Exception:  # noqa: BLE001 - no metadata is fine: the binary's identity is in the key
        version = "?"
    return f"{binary}|{stat.st_size}|{stat.st_mtime_ns}|{version}"


def _terraform_parts(group: Sequence[Path], members: Sequence[Target], root: Path) -> list[tuple[str, bytes]]:
    """What a group's checkov run reads: its units' own Terraform files and those of the local modules they
    call, transitively (the directories checkov_units gives it, not their sub-directories)."""
    from gdpr_guard import terraform_modules

    parts = [("unit", _rel(u, root).encode()) for u in group]
    parts += [("target", t.rel.encode()) for t in sorted(members)]
    directories = set(group)
    reads = terraform_modules.Reads()
    for unit in group:
        directories |= terraform_modules.callees(unit, reads)
    files: dict[str, bytes] = {}
    for directory in sorted(directories):
        try:
            names = sorted(p.name for p in directory.iterdir() if p.is_file())
        except OSError:
            names = []
        for name in names:
            if not name.endswith(TF_SUFFIXES):
                continue
            path = directory / name
            try:
                content = path.read_bytes()
            except OSError:
                content = b"<unreadable>"
            files[str(path)] = content
    parts += [("file:" + name, content) for name, content in sorted(files.items())]
    return parts


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _feed(digest: Any, label: str, value: bytes) -> None:
    digest.update(len(label).to_bytes(8, "big") + label.encode("utf-8"))
    digest.update(len(value).to_bytes(8, "big") + value)


def _extend(output: EngineOutput, more: EngineOutput) -> None:
    output.findings += more.findings
    output.errors += more.errors
    output.version = more.version or output.version


def _only(output: EngineOutput, rels: set[str]) -> EngineOutput:
    return EngineOutput(findings=[f for f in output.findings if f.location.path in rels],
                        errors=[e for e in output.errors if e.path in rels], version=output.version)


def _encode(output: EngineOutput, key: str) -> dict[str, Any]:
    return {"key": key, "format": FORMAT, "version": output.version,
            "findings": [asdict(f) for f in output.findings], "errors": [asdict(e) for e in output.errors]}


def _location(data: dict[str, Any]) -> Location:
    return Location(str(data["path"]), int(data["start_line"]), int(data["end_line"]),
                    None if data.get("start_column") is None else int(data["start_column"]),
                    None if data.get("end_column") is None else int(data["end_column"]))


def _decode(data: Any, key: str) -> EngineOutput:
    if not isinstance(data, dict) or data.get("key") != key or data.get("format") != FORMAT:
        raise ValueError("not an entry for this key")
    findings = []
    for item in data["findings"]:
        if set(item) != RAW_FIELDS:
            raise ValueError("finding fields differ")
        findings.append(RawFinding(
            rule_id=str(item["rule_id"]), location=_location(item["location"]), engine=str(item["engine"]),
            resource=None if item["resource"] is None else str(item["resource"]), snippet=str(item["snippet"]),
            secrets=tuple(str(s) for s in item["secrets"]), detail=str(item["detail"]),
            related=tuple(_location(r) for r in item["related"]), context=str(item["context"]),
            tags=tuple((str(k), str(v)) for k, v in item["tags"]),
            block=None if item["block"] is None else _location(item["block"])))
    errors = [ScanError(str(e["source"]), str(e["message"]), None if e["path"] is None else str(e["path"]))
              for e in data["errors"]]
    if not isinstance(data["version"], str):
        raise ValueError("version")
    return EngineOutput(findings=findings, errors=errors, version=data["version"])
