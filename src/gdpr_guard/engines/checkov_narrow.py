"""Which of a unit's own Terraform files checkov must read to evaluate the staged ones exactly as a full
scan does.

Issue 16 item 1 reads: for a staged `.tf` file, "its own directory's Terraform files plus the local modules it
calls, transitively". We read "it" as the staged file, and what it needs: a staged root `main.tf` whose
resources read only variables and locals is evaluated without the fifteen `module` blocks its sibling files
hold (avm-storageaccount: those blocks are most of checkov's work). A file of the directory is left out only
when nothing the staged files need lives in it, so every finding of a staged file is the full scan's:

* what the staged blocks read, transitively (variables, locals, data sources, resources, module calls with
  the inputs they are given): checkov renders a value through these references only;
* `provider` and `terraform` blocks (checkov attaches providers to resources);
* when a staged block is of a type that an enabled check joins by a graph connection (checkov_connections),
  every block of such a type in the directory, with what it reads: checkov's connection edges also follow
  references *to* the staged resource, module variables and S3 bucket names;
* what every `module` call of a kept file reads: checkov evaluates each call it sees, so each instance it
  reports (module_findings) has all its inputs and is the full scan's instance.

The plan of a unit depends on that unit's files and staged files only, never on the other units of the scan
or of its checkov process, so the answer does not depend on --jobs or the cache. A full scan stages every
file: nothing is narrowed there (README "The same answer everywhere").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gdpr_guard import terraform_modules, tf_expr
from gdpr_guard.analyses import _hcl

Key = tuple[str, ...]
ALWAYS = ("provider", "terraform")
"""Blocks kept whatever the staged files read."""


@dataclass(frozen=True)
class Plan:
    """What checkov reads of one unit: `skip` are its own files it need not read."""

    skip: tuple[Path, ...] = ()


EVERYTHING = Plan()


@dataclass(frozen=True)
class _Block:
    key: Key
    file: Path
    reads: frozenset[Key]
    types: frozenset[str]
    """Resource types it is (a resource) or may hold (a module call: its callees' files name them)."""


def plan_all(staged: Mapping[Path, Sequence[Path]], types: frozenset[str] | None) -> dict[Path, Plan]:
    """The plan of each unit (unit -> its staged files)."""
    return {unit: plan(unit, files, types) for unit, files in sorted(staged.items())}


def all_staged(unit: Path, staged: Sequence[Path]) -> bool:
    """Every Terraform file of `unit` is staged (a full scan's unit): nothing to narrow."""
    files = _own_files(unit)
    return files is None or {p.resolve() for p in staged} >= set(files)


def plan(unit: Path, staged: Sequence[Path], types: frozenset[str] | None) -> Plan:
    """The plan of one unit whose staged files are `staged` (`types`: checkov_connections; None: unknown)."""
    if types is None:
        return EVERYTHING
    files = _own_files(unit)
    wanted = {p.resolve() for p in staged}
    if files is None or wanted >= set(files) or not wanted <= set(files):
        return EVERYTHING  # all staged (a full scan), or a file we cannot read as HCL (`.tf.json`, `.tfvars`)
    blocks = _blocks(files, types)
    if blocks is None:
        return EVERYTHING
    index: dict[Key, list[_Block]] = {}
    for block in blocks:
        index.setdefault(block.key, []).append(block)
    seeds = [b for b in blocks if b.file in wanted or b.key[0] in ALWAYS]
    if types and any(b.types & types for b in blocks if b.file in wanted):
        seeds += [b for b in blocks if b.types & types]
    kept: set[Path] = set(wanted)
    while True:
        needed = _closure(seeds, index)
        more = {b.file for b in needed} - kept
        if not more:
            break
        kept |= more
        seeds = needed + [b for b in blocks if b.file in more and b.key[0] == "module"]
    return Plan(skip=tuple(f for f in files if f not in kept))


def _closure(seeds: Iterable[_Block], index: Mapping[Key, list[_Block]]) -> list[_Block]:
    needed: dict[int, _Block] = {}
    todo = list(seeds)
    while todo:
        block = todo.pop()
        if id(block) in needed:
            continue
        needed[id(block)] = block
        todo += index.get(block.key, [])  # another block of the same name (an `_override.tf` file's) too
        for key in block.reads:
            todo += index.get(key, [])
    return list(needed.values())


def _own_files(unit: Path) -> list[Path] | None:
    """The unit's Terraform files (resolved, sorted), or None when one is not plain HCL."""
    try:
        names = sorted(e.name for e in os.scandir(unit) if e.is_file())
    except OSError:
        return None
    if any(n.endswith(".tf.json") for n in names):
        return None
    return [(unit / n).resolve() for n in names if n.endswith(".tf")]


def _blocks(files: Sequence[Path], types: frozenset[str]) -> list[_Block] | None:
    out: list[_Block] = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            return None
        data, _ = _hcl.load_cached(str(file), stat.st_mtime_ns, stat.st_size)
        if data is None:
            return None  # checkov reports the parse error; evaluate as a full scan would
        out += _file_blocks(file, data, types)
    resources = {b.key[1:] for b in out if b.key[0] == "resource"}
    return [_Block(b.key, b.file, frozenset(_resolve(r, resources) for r in b.reads) - {()}, b.types) for b in out]


def _file_blocks(file: Path, data: Mapping[str, Any], types: frozenset[str]) -> Iterator[_Block]:
    for kind, groups in sorted(data.items()):
        for group in groups if isinstance(groups, list) else []:
            if not isinstance(group, dict):
                continue
            for label, body in group.items():
                if str(label).startswith("__"):
                    continue
                if kind in ("resource", "data") and isinstance(body, dict):
                    for name, inner in body.items():
                        if not str(name).startswith("__"):
                            yield _block((kind, str(label), str(name)), file, inner,
                                         frozenset({str(label)}) if kind == "resource" else frozenset())
                elif kind == "module":
                    yield _block(("module", str(label)), file, body, _module_types(file, body, types))
                elif kind == "locals":
                    yield _block(("local", str(label)), file, body, frozenset())
                elif kind == "variable":
                    yield _block(("var", str(label)), file, body, frozenset())
                else:  # provider, terraform, output, moved, check, import...: named by file and place
                    yield _block((kind, str(file), str(label)), file, body, frozenset())


def _block(key: Key, file: Path, body: Any, types: frozenset[str]) -> _Block:
    reads = frozenset(tuple(r) for text in _hcl.walk_strings(body, keys=True) for r in tf_expr.references(text))
    return _Block(key, file, reads, types)


def _resolve(ref: Key, resources: set[Key]) -> Key:
    """A reference as the key of the block it names, () when it names none (`each.value`, `path.module`)."""
    head = ref[0]
    if head in ("var", "local", "module") and len(ref) > 1:
        return (head, ref[1])
    if head == "data" and len(ref) > 2:
        return ("data", ref[1], ref[2])
    if len(ref) > 1 and ref[:2] in resources:
        return ("resource", ref[0], ref[1])
    return ()


def _module_types(file: Path, body: Any, types: frozenset[str]) -> frozenset[str]:
    """The connection types a module call may hold: those its local callees' files name (a byte search: a
    type never named cannot be a resource there); a remote source: all of them."""
    if not types:
        return frozenset()
    source = body.get("source") if isinstance(body, dict) else None
    source = source[0] if isinstance(source, list) and source else source
    if not isinstance(source, str) or not source.startswith(("./", "../")):
        return types
    directory = (file.parent / source).resolve()
    found: set[str] = set()
    for callee in sorted({directory} | terraform_modules.callees(directory)):
        found |= _named(callee, types)
    return frozenset(found)


def _named(directory: Path, types: frozenset[str]) -> set[str]:
    try:
        paths = sorted(p for p in directory.iterdir() if p.name.endswith((".tf", ".tf.json")) and p.is_file())
    except OSError:
        return set(types)
    found: set[str] = set()
    for path in paths:
        try:
            text = path.read_bytes()
        except OSError:
            return set(types)
        found |= {t for t in types if t.encode() in text}
    return found
