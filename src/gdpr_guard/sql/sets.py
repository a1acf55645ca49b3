"""Migration sets: which files are judged together, and in what order.

A set is one file; or every Flyway-versioned file (`V<version>__*.sql`) of one directory, in version
order; or every Alembic revision of one directory, in the order of its revision chain (`alembic.py`); or
every file one Liquibase changelog reaches through `include`, `includeAll` and `sqlFile`, in the order
Liquibase runs them. A staged file brings its set with it: the Flyway files or Alembic revisions beside
it, the changelogs in its directory and the directories above it that include it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from gdpr_guard.sql import alembic, liquibase
from gdpr_guard.targets import MAX_READ_BYTES, Kind, Target, is_changelog

FLYWAY = re.compile(r"^(?P<kind>[VU])(?P<version>\d+(?:[._]\d+)*)__.+\.sql$", re.IGNORECASE)
"""A Flyway file name (a name, not code): versioned (V) or undo (U)."""
MAX_DEPTH = 12
"""Deepest chain of includes followed (a changelog including itself stops earlier)."""


@dataclass(frozen=True)
class Member:
    """A file of a set."""

    rel: str
    path: Path
    kind: Kind
    key: str
    """The set it belongs to."""
    rank: tuple[int, ...]
    """Its place in the set's order (files of one-file sets: empty)."""
    reverse: bool = False
    """The whole file is on the reverse path (a Flyway undo file, a `sqlFile` of a rollback)."""
    plain_sql: bool = False
    """Named by a `sqlFile`: plain SQL even if it looks like a formatted changelog."""


@dataclass
class Sets:
    """Every member, and the changelogs that could not be read (path, cause)."""

    members: dict[str, Member] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)
    items: dict[str, list[liquibase.Item]] = field(default_factory=dict)
    """The items of every changelog read (by path), for the analysis to use without reading it twice."""


def build(targets: list[Target], root: Path) -> Sets:
    """The sets of the targets (SQL, Python, shell, changelogs) and of the files they bring with them."""
    out = Sets()
    root = root.resolve()
    scanned = {t.rel: t for t in targets if t.kind in (Kind.SQL, Kind.PYTHON, Kind.SHELL, Kind.CHANGELOG)}
    _liquibase(scanned, root, out)
    for target in scanned.values():
        if target.kind is Kind.SQL and FLYWAY.match(PurePosixPath(target.rel).name) and target.rel not in out.members:
            for sibling in sorted(target.path.parent.glob("*.sql")):
                rel = PurePosixPath(target.rel).parent.joinpath(sibling.name).as_posix()
                if rel not in out.members and FLYWAY.match(sibling.name):
                    out.members[rel] = _flyway(rel, sibling)
    _alembic(scanned, out)
    for rel, target in scanned.items():
        out.members.setdefault(rel, Member(rel, target.path, target.kind, rel, ()))
    return out


def _alembic(scanned: dict[str, Target], out: Sets) -> None:
    """Every revision of the Alembic `versions` directories holding a scanned revision, in chain order."""
    directories = sorted({str(PurePosixPath(rel).parent) for rel, t in scanned.items() if t.kind is Kind.PYTHON
                          and rel not in out.members and alembic.revision_of(alembic.read(t.path, MAX_READ_BYTES))})
    for directory in directories:
        folder = next(t.path.parent for rel, t in scanned.items() if str(PurePosixPath(rel).parent) == directory)
        found = {}
        for sibling in sorted(folder.glob("*.py")):
            revision = alembic.revision_of(alembic.read(sibling, MAX_READ_BYTES))
            rel = PurePosixPath(directory).joinpath(sibling.name).as_posix()
            if revision is not None and rel not in out.members:
                found[rel] = (revision, sibling)
        ranks = alembic.ranks({rel: revision for rel, (revision, _) in found.items()})
        for index, rel in enumerate(sorted(found, key=lambda r: (ranks[r], r))):
            out.members[rel] = Member(rel, found[rel][1], Kind.PYTHON, directory + "/<alembic>", (ranks[rel], index))


def _flyway(rel: str, path: Path) -> Member:
    match = FLYWAY.match(PurePosixPath(rel).name)
    assert match is not None
    rank = tuple(int(part) for part in re.split(r"[._]", match.group("version")))
    return Member(rel, path, Kind.SQL, str(PurePosixPath(rel).parent) + "/<flyway>", rank,
                  match.group("kind").upper() == "U")


def _liquibase(scanned: dict[str, Target], root: Path, out: Sets) -> None:
    """Members of every changelog set reaching a scanned file (a master found beside or above it)."""
    directories = {str(PurePosixPath(rel).parent) for rel, t in scanned.items() if t.kind in (Kind.SQL, Kind.CHANGELOG)}
    candidates = {rel for rel, t in scanned.items() if t.kind is Kind.CHANGELOG or _formatted(t.path)}
    seen_dirs: set[str] = set()
    for directory in sorted(directories):
        for parent in (PurePosixPath(directory), *PurePosixPath(directory).parents):
            key = parent.as_posix()
            if key in seen_dirs:
                break
            seen_dirs.add(key)
            folder = root / key if key != "." else root
            for path in sorted(folder.glob("*")):
                if path.suffix.lower() in (".xml", ".yaml", ".yml", ".json") and is_changelog(path):
                    candidates.add(path.relative_to(root).as_posix())
    if not candidates:
        return
    reached: dict[str, set[str]] = {}
    for rel in sorted(candidates):
        reached[rel] = set()
        _walk(rel, root, out, reached[rel], (), "", False, 0, record=False)
    included = set().union(*(files - {rel} for rel, files in reached.items()))
    for master in sorted(c for c in candidates if c not in included):
        _walk(master, root, out, set(), (), master + "/<liquibase>", False, 0, record=True)


def _walk(rel: str, root: Path, out: Sets, seen: set[str], rank: tuple[int, ...], key: str, reverse: bool,
          depth: int, record: bool, plain: bool = False) -> None:
    """Follow a changelog's includes depth-first; with `record`, make each file a member of `key`."""
    if depth > MAX_DEPTH or (rel in seen and depth):
        return
    seen.add(rel)
    path = root / rel
    if record and rel not in out.members:
        kind = Kind.SQL if rel.lower().endswith(".sql") else Kind.CHANGELOG
        out.members[rel] = Member(rel, path, kind, key, rank, reverse, plain)
    if plain:
        return
    for index, item in enumerate(_items(rel, path, out)):
        if not isinstance(item, liquibase.Include):
            continue
        for number, child in enumerate(_resolve(item, rel, root)):
            if child not in seen or not depth:
                _walk(child, root, out, seen, rank + (index, number), key, reverse or item.reverse, depth + 1,
                      record, item.sql)


def _items(rel: str, path: Path, out: Sets) -> list[liquibase.Item]:
    if rel in out.items:
        return out.items[rel]
    items: list[liquibase.Item] = []
    try:
        source = _read(path)
        if rel.lower().endswith(".sql"):
            items = liquibase.formatted(source) if liquibase.is_formatted(source) else []
        else:
            items = liquibase.read(source, rel)
    except OSError as exc:
        out.unreadable[rel] = f"cannot read ({exc.strerror})"
    except liquibase.ChangelogError as exc:
        out.unreadable[rel] = f"Liquibase changelog: {exc}"
    out.items[rel] = items
    return items


def _resolve(item: liquibase.Include, rel: str, root: Path) -> list[str]:
    """Files an include names, relative to root (nothing outside it)."""
    here = PurePosixPath(rel).parent
    bases = [here] if item.relative else [PurePosixPath("."), here, *[p for p in here.parents]]
    resolved_root = root.resolve()
    for base in bases:
        try:
            candidate = (root / base / item.path.lstrip("/")).resolve()
            inside = candidate.relative_to(resolved_root).as_posix()
        except (ValueError, OSError, RuntimeError):
            continue  # outside the root, or a path the system cannot resolve (a symlink loop)
        if item.directory and candidate.is_dir():
            return sorted(p.relative_to(resolved_root).as_posix() for p in candidate.rglob("*")
                          if p.is_file() and p.suffix.lower() in liquibase.SUFFIXES)
        if not item.directory and candidate.is_file():
            return [inside]
    return []


def _read(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(MAX_READ_BYTES).decode("utf-8", errors="replace")


def _formatted(path: Path) -> bool:
    if path.suffix.lower() != ".sql":
        return False
    try:
        with path.open("rb") as handle:
            return liquibase.is_formatted(handle.read(512).decode("utf-8", errors="replace"))
    except OSError:
        return False
