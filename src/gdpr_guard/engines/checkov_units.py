"""Which Terraform files each checkov run evaluates: a module directory's own files (not its sub-directories)
and the local modules it calls, transitively; never the sibling examples or test fixtures below it.

The unit is one directory holding targets, evaluated as a root (with its variables' defaults) together
with what it calls; a pre-commit run evaluates the staged files' directories, a full scan every directory
except modules called from outside their own tree (they are evaluated through those callers), so a staged
root module's findings are the full scan's (tests/test_module_scope.py). checkov walks `--directory` recursively:
every sub-directory that is not a unit is given as an exact `--skip-path`. checkov still loads a skipped
directory that a scanned file calls (`source = "./modules/db"`): it reads modules through the calls, not
through the walk, and with the caller's variables. A pre-commit run also skips the unit's own files that its
staged files do not need (engines/checkov_narrow.py).

One process may evaluate several units, except a unit and a module it calls, transitively: checkov never
evaluates on its own a directory that another directory of the same process calls, so such units go to
different processes (e.g. a module repository's root and its `examples/*` that call `../..`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from gdpr_guard import terraform_modules
from gdpr_guard.targets import SKIPPED_DIRS

MIN_SPLIT_BYTES = 256 * 1024
"""Below this much Terraform, units share processes: each checkov process costs ~2-3 s and ~175 MiB of
imports before it reads a file when no worker forks it (measured: splitting pays off on hundreds of files)."""


def units(tf_dirs: Iterable[Path]) -> list[Path]:
    """The directories holding Terraform targets (resolved, sorted): each is evaluated as a module root."""
    return sorted({d.resolve() for d in tf_dirs})


def callees(unit_dirs: Sequence[Path]) -> dict[Path, frozenset[Path]]:
    """For each unit, the directories its Terraform files call as local modules, transitively."""
    if len(unit_dirs) <= 1:
        return {u: frozenset() for u in unit_dirs}  # a lone unit shares its process with nobody: no need to parse
    reads = terraform_modules.Reads()  # the units share modules: read each one once
    return {u: frozenset(terraform_modules.callees(u, reads)) - {u} for u in unit_dirs}


def groups(tf_dirs: Iterable[Path], jobs: int) -> list[list[Path]]:
    """The units of each checkov process: at most `jobs` groups of similar size, more only where a unit calls
    another (they are never together); deterministic."""
    found = units(tf_dirs)
    calls = callees(found)
    outside = called_from_outside(calls)
    roots = [u for u in found if u not in outside]
    return partition(roots, jobs, calls)


def called_from_outside(calls: Mapping[Path, frozenset[Path]]) -> set[Path]:
    """Units that another unit, not below them, calls as a local module (`../modules/db` from a stack, a root
    module's `./modules/x`): evaluated through their callers only, with the callers' variables, never with their
    own defaults alone, as checkov does over a whole repository. A module repository's root called only from its
    own `examples/` or `tests/` stays a unit: staged, it is evaluated as a root, and a full scan does the same."""
    return {callee for caller, callee_dirs in calls.items() for callee in callee_dirs
            if callee in calls and callee not in caller.parents}


def partition(unit_dirs: Sequence[Path], count: int,
              calls: Mapping[Path, frozenset[Path]] | None = None) -> list[list[Path]]:
    """Split units into `count` groups of similar Terraform size, a unit weighing its own files and those of
    the local modules it instantiates (largest first onto the lightest allowed group, ties: lowest index).
    A unit may not join a group holding a unit it calls or is called by: it gets `count` groups it may join,
    opening more where needed (the examples of a module repository all call its root, and would otherwise
    queue in one process while the root's group idles). Processes still run `jobs` at a time. Each group's
    order is sorted."""
    calls = calls or {}
    if not unit_dirs:
        return []
    weighted = sorted(((_weight(u, calls), u) for u in unit_dirs), key=lambda wu: (-wu[0], str(wu[1])))
    count = max(1, min(count, len(unit_dirs)))
    if sum(w for w, _ in weighted) < MIN_SPLIT_BYTES:
        count = 1
    bins: list[list[Path]] = [[] for _ in range(count)]
    loads = [0] * count
    for weight, unit in weighted:
        allowed = [i for i, members in enumerate(bins) if not any(_related(unit, m, calls) for m in members)]
        while len(allowed) < count:
            bins.append([])
            loads.append(0)
            allowed.append(len(bins) - 1)
        index = min(allowed, key=lambda i: (loads[i], i))
        bins[index].append(unit)
        loads[index] += weight
    return [sorted(b) for b in bins if b]


def _related(a: Path, b: Path, calls: Mapping[Path, frozenset[Path]]) -> bool:
    return b in calls.get(a, frozenset()) or a in calls.get(b, frozenset())


def scan_root(unit_dirs: Iterable[Path]) -> tuple[Path, list[str]]:
    """The directory checkov is given for some units, and the `--skip-path` patterns that leave it the units'
    own files only: every sub-directory that is neither a unit nor on the way to one, and the Terraform files
    of directories on the way.

    checkov mixes up results when given several `-d`, so it gets the units' common ancestor.
    """
    wanted = set(units(unit_dirs))
    common = Path(os.path.commonpath([str(d) for d in wanted]))
    on_the_way = {p for d in wanted for p in d.parents if p == common or common in p.parents}
    skip: list[str] = []
    for current in sorted(wanted | on_the_way):
        try:
            entries = sorted(current.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry in wanted or entry in on_the_way:
                continue
            if entry.is_dir() or (current not in wanted and entry.name.endswith((".tf", ".tf.json"))):
                skip.append(exact(entry))
    skip += ["/" + re.escape(name) + "$" for name in sorted(SKIPPED_DIRS)]
    return common, skip


def exact(path: Path) -> str:
    """A `--skip-path` for exactly `path`: checkov tests each pattern both as a regex searched in the absolute
    path and as a substring; an anchored absolute pattern only ever matches that one entry."""
    return "^" + re.escape(str(path)) + "$"


def _weight(unit: Path, calls: Mapping[Path, frozenset[Path]]) -> int:
    """What evaluating a unit costs, roughly: checkov renders every module it instantiates (PERF.md: cost
    follows instantiation, not the unit's own size)."""
    return _bytes(unit) + sum(_bytes(module) for module in sorted(calls.get(unit, frozenset())))


def _bytes(unit: Path) -> int:
    total = 0
    try:
        entries = list(os.scandir(unit))
    except OSError:
        return 1
    for entry in entries:
        if entry.name.endswith((".tf", ".tf.json", ".tfvars")):
            try:
                total += entry.stat().st_size
            except OSError:
                pass
    return total + 1
