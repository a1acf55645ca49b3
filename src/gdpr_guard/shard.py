"""`--shard K/N`: split a scan deterministically so that a CI matrix can run it in N jobs.

The unit of assignment is a Terraform tree: the outermost directory holding Terraform files, with every
file below it (its `modules/`, `examples/`, scripts beside it). checkov evaluates each directory with the
local modules it calls (engines/checkov_units.py); keeping a tree whole keeps those calls and their
callers in one shard, and a directory called from outside its tree goes with its first (sorted) calling
root (module_owners). Any other file's unit is its directory (a migration script stays with its
neighbours and its migration plan). A unit goes to shard `1 + sha256(path) mod N`: the same on every
machine and Python run (Python's own `hash()` is salted per process). Every target is in exactly one
shard. Cross-file analyses (a secret reused in several files) need every file: they run in shard 1
only, over all targets, so the merged result of all shards equals the unsharded scan (tests/test_merge.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from gdpr_guard import terraform_modules
from gdpr_guard.errors import UsageError
from gdpr_guard.targets import Kind, Target


@dataclass(frozen=True)
class Spec:
    """Shard `index` of `total` (1-based)."""

    index: int
    total: int

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"

    @property
    def runs_analyses(self) -> bool:
        """Cross-file analyses run in the first shard only, over every target."""
        return self.index == 1


def parse(text: str) -> Spec:
    """`K/N` with 1 <= K <= N."""
    try:
        left, right = text.split("/")
        spec = Spec(int(left), int(right))
    except ValueError:
        raise UsageError(f"--shard {text}: expected K/N, e.g. 1/4") from None
    if spec.total < 1 or not 1 <= spec.index <= spec.total:
        raise UsageError(f"--shard {text}: K must be between 1 and N")
    return spec


def terraform_units(targets: Sequence[Target]) -> list[str]:
    """Directories of Terraform targets that are not inside another one (repository-relative)."""
    dirs = sorted({str(PurePosixPath(t.rel).parent) for t in targets if t.kind is Kind.TERRAFORM})
    units: list[str] = []
    for d in dirs:
        if not any(_inside(d, u) for u in units):
            units.append(d)
    return units


def module_owners(targets: Sequence[Target]) -> dict[str, str]:
    """Directories called as local modules -> the directory of the root that owns them (repository-relative).

    A called module is scanned through its callers only (engines/checkov.py): its files go to the shard of
    its first (sorted) calling root, so that no shard holds them without a caller.
    """
    tf = [t for t in targets if t.kind is Kind.TERRAFORM]
    if not tf:
        return {}
    rel_dirs = {t.path.parent.resolve(): str(PurePosixPath(t.rel).parent) for t in tf}
    owned: dict[str, str] = {}
    for called, owner in terraform_modules.owners(t.path for t in tf).items():
        if called in rel_dirs and owner in rel_dirs:
            owned[rel_dirs[called]] = rel_dirs[owner]
    return owned


def unit_of(target: Target, units: Sequence[str], owners: dict[str, str] | None = None) -> str:
    """The assignment unit of a target: its Terraform module directory (a called module's: its owner's),
    else its own directory."""
    directory = str(PurePosixPath(target.rel).parent)
    owners = owners or {}
    for called in sorted(owners, key=len, reverse=True):  # the innermost called directory holding it
        if called != "." and _inside(directory, called):
            directory = owners[called]
            break
    for unit in units:
        if _inside(directory, unit):
            return unit
    return directory


def shard_of(unit: str, total: int) -> int:
    """1-based shard of a unit: a stable hash of its path."""
    digest = hashlib.sha256(unit.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % total + 1


def select(targets: Sequence[Target], spec: Spec) -> list[Target]:
    """The targets of shard `spec`."""
    units = terraform_units(targets)
    owners = module_owners(targets)
    return [t for t in targets if shard_of(unit_of(t, units, owners), spec.total) == spec.index]


def _inside(directory: str, unit: str) -> bool:
    return unit == "." or directory == unit or directory.startswith(unit + "/")
