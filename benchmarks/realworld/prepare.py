"""Materialise the real-world corpus: every manifest entry at its pinned commit, in its own folder.

    python benchmarks/realworld/prepare.py [--corpus DIR] [--mirror DIR] [--manifest FILE] [--repos a,b]

Each entry lands in `<corpus>/<name>/` (only `subdirectory` if the manifest pins one), with a
`.realworld-commit` stamp so a second run skips it (idempotent) and a changed pin re-extracts it.
The commit comes from a local mirror when there is one (`<mirror>/<owner>+<name>/.../` holding a
bare git directory, as the sandbox's fetch tool lays them out); otherwise it is cloned from GitHub
(for a machine with network access). The corpus is never committed: it is other people's code.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = "/work/realworld-corpus"
DEFAULT_MIRROR = "/work/.mirror"
STAMP = ".realworld-commit"
MISSING = ".realworld-missing"


@dataclass(frozen=True)
class Entry:
    """One manifest repository."""

    name: str
    repo: str
    commit: str
    kind: str
    subdirectory: str
    why: str


def load_manifest(path: Path) -> list[Entry]:
    """Read and check the manifest (unique names, full shas, known kinds)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries: list[Entry] = []
    seen: set[str] = set()
    for raw in data["repositories"]:
        entry = Entry(name=raw["name"], repo=raw["repo"], commit=raw["commit"], kind=raw["kind"],
                      subdirectory=raw.get("subdirectory", "") or "", why=raw.get("why", ""))
        if entry.name in seen:
            raise SystemExit(f"manifest: duplicate name {entry.name}")
        if entry.kind not in ("terraform", "scripts"):
            raise SystemExit(f"manifest: {entry.name}: kind must be terraform or scripts")
        if len(entry.commit) != 40:
            raise SystemExit(f"manifest: {entry.name}: commit must be a full 40-character sha")
        seen.add(entry.name)
        entries.append(entry)
    return entries


def default_corpus() -> Path:
    """`GDPR_GUARD_CORPUS` if set, else the shared sandbox folder if it exists, else the git-ignored
    `benchmarks/realworld/corpus/` beside this script."""
    if os.environ.get("GDPR_GUARD_CORPUS"):
        return Path(os.environ["GDPR_GUARD_CORPUS"])
    shared = Path(DEFAULT_CORPUS)
    return shared if shared.is_dir() else HERE / "corpus"


def find_git_dir(mirror: Path, repo: str) -> Path | None:
    """The bare git directory of `repo` under the mirror root, if any."""
    base = mirror / repo.replace("/", "+")
    if not base.is_dir():
        return None
    candidates = [base] + sorted(p.parent for p in base.rglob("HEAD") if p.parent.is_dir())
    for candidate in candidates:
        if (candidate / "objects").is_dir() and (candidate / "HEAD").is_file():
            return candidate
    return None


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _extract_from_git_dir(git_dir: Path, entry: Entry, dest: Path) -> list[str]:
    """Write the tree of `entry.commit` (or its subdirectory) into `dest`; returns missing paths.

    Read blob by blob through one `git cat-file --batch` rather than `git archive`, because a
    snapshot may lack its largest blobs (the sandbox's mirrors drop files of 4 MiB and more): those
    are skipped and listed instead of failing the whole repository. Submodules are skipped.
    """
    listing = ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-z", "--full-tree", entry.commit]
    if entry.subdirectory:
        listing += ["--", entry.subdirectory]
    raw = subprocess.run(listing, check=True, capture_output=True).stdout
    items: list[tuple[str, str, str]] = []
    for record in raw.split(b"\0"):
        if not record:
            continue
        meta, raw_path = record.split(b"\t", 1)
        mode, kind, sha = meta.decode().split()
        if kind == "blob":
            items.append((mode, sha, raw_path.decode("utf-8", "surrogateescape")))
    missing: list[str] = []
    batch = subprocess.Popen(["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert batch.stdin is not None and batch.stdout is not None
    for mode, sha, path in items:
        batch.stdin.write(sha.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            missing.append(path)
            continue
        content = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)  # the newline after each object
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            os.symlink(os.fsdecode(content), target)
            continue
        target.write_bytes(content)
        if mode == "100755":
            target.chmod(0o755)
    batch.stdin.close()
    batch.wait()
    return missing


def _clone(entry: Entry, workdir: Path) -> Path:
    clone = workdir / "clone"
    _git("init", "-q", str(clone))
    _git("remote", "add", "origin", f"https://github.com/{entry.repo}.git", cwd=clone)
    _git("fetch", "-q", "--depth", "1", "origin", entry.commit, cwd=clone)
    return clone / ".git"


def materialise(entry: Entry, corpus: Path, mirror: Path) -> str:
    """Put `entry` into `corpus/<name>`; returns what was done (`ok`, `extracted`, `cloned`)."""
    dest = corpus / entry.name
    stamp = dest / STAMP
    wanted = f"{entry.commit} {entry.subdirectory}\n"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted:
        return "ok"
    if dest.exists():
        shutil.rmtree(dest)
    with tempfile.TemporaryDirectory(dir=corpus) as tmp:
        staging = Path(tmp) / "tree"
        staging.mkdir()
        git_dir = find_git_dir(mirror, entry.repo)
        how = "extracted"
        if git_dir is None:
            git_dir = _clone(entry, Path(tmp))
            how = "cloned"
        missing = _extract_from_git_dir(git_dir, entry, staging)
        root = staging / entry.subdirectory if entry.subdirectory else staging
        shutil.move(str(root), str(dest))
    if missing:
        (dest / MISSING).write_text("".join(f"{m}\n" for m in missing), encoding="utf-8")
        how += f" ({len(missing)} blobs absent from the snapshot, listed in {MISSING})"
    stamp.write_text(wanted, encoding="utf-8")
    return how


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help=f"target folder (default $GDPR_GUARD_CORPUS, else {DEFAULT_CORPUS} if it exists, "
                        "else benchmarks/realworld/corpus/)")
    parser.add_argument("--mirror", type=Path, default=Path(DEFAULT_MIRROR),
                        help="local mirrors, <owner>+<name>/ holding a bare git dir (default %(default)s)")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.yaml")
    parser.add_argument("--repos", help="comma-separated manifest names (default: all)")
    args = parser.parse_args(argv)
    corpus: Path = args.corpus or default_corpus()
    corpus.mkdir(parents=True, exist_ok=True)
    entries = load_manifest(args.manifest)
    if args.repos:
        wanted = set(args.repos.split(","))
        unknown = wanted - {e.name for e in entries}
        if unknown:
            raise SystemExit(f"unknown repositories: {', '.join(sorted(unknown))}")
        entries = [e for e in entries if e.name in wanted]
    failed = 0
    for entry in entries:
        try:
            how = materialise(entry, corpus, args.mirror)
        except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
            failed += 1
            print(f"FAILED {entry.name} ({entry.repo}@{entry.commit[:12]}): {exc}", file=sys.stderr)
            continue
        print(f"{how:9} {entry.name:28} {entry.repo}@{entry.commit[:12]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
