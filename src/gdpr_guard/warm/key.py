"""Where a warm worker listens, and the key that says whether it is still the right one.

The socket lives in a directory only the user can enter (`$XDG_RUNTIME_DIR/gdpr-guard`, else
`/tmp/gdpr-guard-<uid>`, created 0700 and checked: owned by the user, no access for others, not a
symbolic link). Its name joins a digest of the repository's path and the state key: versions and
content digests of gdpr-guard (code, schemas, policies), of the engines' installations (their
`RECORD` files list a digest of every installed file), the interpreter, the configuration files a scan
of these paths may read, and the environment variables that steer gdpr-guard, the engines or Python.
A change to any of them gives a new name: the old worker is never asked again (and is stopped).

This runs in every warm scan before anything else: standard library only, a few milliseconds.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
ENGINES = ("checkov", "semgrep")
STEERING_ENV = ("GDPR_GUARD_", "CKV_", "CHECKOV_", "BC_", "PRISMA_", "SEMGREP_", "LOG_LEVEL", "PYTHON", "LANG",
                "LC_", "PATH", "HOME", "TMPDIR", "VIRTUAL_ENV")
"""Environment variables a scan's result or its processes' set-up may depend on (a change: a new worker)."""
OWN_ENV = ("GDPR_GUARD_WARM",)
"""Warm mode's own switches: they decide whether a worker is used, not what it computes."""
CONFIG_NAMES = (".gdpr-guard.yaml", ".gdpr-guard.yml", "pyproject.toml")


class Unavailable(Exception):
    """Warm mode cannot be used safely here (the reason is said on stderr; the scan runs cold)."""


def runtime_dir() -> Path:
    """The user's private directory for sockets, created if needed; Unavailable if it is not private."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    path = Path(base, "gdpr-guard") if base and os.path.isabs(base) else Path("/tmp", f"gdpr-guard-{os.getuid()}")
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError as exc:
        raise Unavailable(f"cannot create {path}: {exc.strerror}") from None
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise Unavailable(f"{path} is not a directory private to this user (owner, mode 0700)")
    return path


def repository(cwd: Path) -> Path:
    """The repository a scan from `cwd` belongs to: the nearest directory holding `.git`, else `cwd`."""
    for directory in (cwd, *cwd.parents):
        if (directory / ".git").exists():
            return directory
    return cwd


def socket_path(directory: Path, repo: Path, state: str) -> Path:
    """The socket of the worker for `repo` in this state (`<repo digest>.<state digest>.sock`)."""
    return directory / f"{repo_prefix(repo)}.{state[:20]}.sock"


def repo_prefix(repo: Path) -> str:
    return hashlib.sha256(os.fsencode(repo)).hexdigest()[:20]


def state_key(installation: str, repo: Path, cwd: Path, paths: Sequence[str], explicit_config: str | None) -> str:
    """The digest of everything a worker's imported state or a scan's set-up depends on (`installation`:
    installation_key())."""
    digest = hashlib.sha256()
    digest.update(installation.encode())
    for name, value in sorted(os.environ.items()):
        if name.startswith(STEERING_ENV) and not name.startswith(OWN_ENV):
            _field(digest, f"env {name}", value.encode(errors="surrogateescape"))
    for path in config_files(repo, cwd, paths, explicit_config):
        _field(digest, f"config {path}", _content(path))
    return digest.hexdigest()


def installation_key() -> str:
    """Versions and content of gdpr-guard, its policies, the engines and the interpreter (what a worker imports)."""
    from gdpr_guard import __version__, resources

    digest = hashlib.sha256()
    _field(digest, "python", f"{sys.executable}\0{sys.version}".encode())
    _field(digest, "gdpr-guard", __version__.encode())
    for top in (PACKAGE_DIR, resources.policies_dir()):
        for path in tree_files(top):
            _field(digest, f"file {path}", _content(path))
    for engine in ENGINES:
        for record in _records(engine):
            _field(digest, f"engine {record}", _content(record))
    return digest.hexdigest()


def tree_files(top: Path) -> list[Path]:
    """Every file under `top`, in a fixed order, without Python's byte-code caches."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found += [Path(dirpath, name) for name in sorted(filenames) if not name.endswith((".pyc", ".pyo"))]
    return found


def config_files(repo: Path, cwd: Path, paths: Sequence[str], explicit: str | None) -> list[Path]:
    """Configuration files a scan of `paths` may read: `--config`, and every candidate from each scanned
    path's directory up to the repository (config.find_for picks the nearest; any change counts)."""
    starts: set[Path] = set()
    for given in paths or ["."]:
        path = (cwd / given).resolve()
        starts.add(path if path.is_dir() else path.parent)
    directories: set[Path] = set()
    for start in starts:
        for directory in (start, *start.parents):
            directories.add(directory)
            if directory == repo:
                break
    found = [directory / name for directory in directories for name in CONFIG_NAMES]
    if explicit:
        found.append((cwd / explicit).resolve())
    return sorted(p for p in found if p.is_file())


def _records(engine: str) -> Iterable[Path]:
    """The `RECORD` files of an engine's installations on sys.path (the first one is the one imported)."""
    for entry in sys.path:
        try:
            names = sorted(n for n in os.listdir(entry or ".")
                           if n.startswith(f"{engine}-") and n.endswith(".dist-info"))
        except OSError:
            continue
        for name in names:
            record = Path(entry or ".", name, "RECORD")
            if record.is_file():
                yield record.resolve()


def _content(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        return f"unreadable: {exc.strerror}".encode()


def _field(digest: hashlib._Hash, label: str, value: bytes) -> None:
    name = label.encode(errors="surrogateescape")
    digest.update(len(name).to_bytes(8, "big") + name + len(value).to_bytes(8, "big") + value)
