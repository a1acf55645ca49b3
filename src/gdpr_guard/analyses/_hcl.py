"""Shared Terraform reading for the wrapper analyses that look at HCL structure.

Parses `.tf` files with `hcl2` (bc-python-hcl2, a pinned dependency of checkov), groups them by
module directory (Terraform resolves `var.`/`local.` per directory), and finds line numbers in the
raw text: hcl2 gives `__start_line__`/`__end_line__` for resource blocks only, nothing for outputs
or attributes. A file hcl2 cannot parse is skipped: checkov already reports it as a scan error.
`.tf.json` files are not read (no line numbers to report).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from gdpr_guard.targets import MAX_READ_BYTES, Kind, Target

_PARSE_LOCK = threading.Lock()
"""Analyses run concurrently; parsing is CPU-bound, so one thread parses and the other reads the cache."""
_SPACE = re.compile(r"\s+")


@dataclass
class TfFile:
    """One parsed `.tf` file."""

    rel: str
    lines: list[str]
    data: dict[str, Any]
    _blocks: dict[str, list[Block]] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Blocks by kind, built on first use: the refinements ask for a module's blocks once per finding."""


@dataclass
class Block:
    """A `resource` or `output` block with its place in the source."""

    file: TfFile
    kind: str
    """`resource` or `output`."""
    labels: tuple[str, ...]
    """(type, name) for a resource, (name,) for an output."""
    body: dict[str, Any]
    start: int
    end: int

    @property
    def address(self) -> str:
        return ".".join(self.labels) if self.kind == "resource" else "output." + self.labels[0]

    def attribute(self, name: str) -> Any:
        """Value of a top-level attribute (hcl2 wraps each in a one-element list), or None."""
        value = self.body.get(name)
        if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], dict):
            return value[0]
        return None

    def attribute_line(self, name: str, occurrence: int = 0) -> int:
        """Line of the `occurrence`-th `name = ...` inside the block (block start if not found)."""
        pattern = re.compile(r"^\s*" + re.escape(name) + r"\s*=(?!=)")
        seen = 0
        for number in range(self.start, min(self.end, len(self.file.lines)) + 1):
            if pattern.match(self.file.lines[number - 1]):
                if seen == occurrence:
                    return number
                seen += 1
        return self.start

    def tags(self) -> tuple[tuple[str, str], ...]:
        value = self.body.get("tags")
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
            return tuple((str(k), str(v)) for k, v in value[0].items()
                         if not str(k).startswith("__") and isinstance(v, (str, int, float, bool)))
        return ()

    def names(self) -> list[str]:
        """Address plus name-like literal arguments (for the personal-data classifier)."""
        out = [self.address]
        for key in ("name", "identifier", "cluster_identifier", "replication_group_id", "database_name",
                    "db_name", "user_name", "username", "user", "server_id", "description"):
            value = self.attribute(key)
            if isinstance(value, str) and "${" not in value:
                out.append(value)
        return out


@dataclass
class Module:
    """The parsed `.tf` files of one directory."""

    directory: str
    files: list[TfFile] = field(default_factory=list)

    _locals: tuple[list[TfFile], dict[str, Any]] | None = field(default=None, init=False, repr=False,
                                                                  compare=False)
    """locals() as last computed, with the files it was computed from."""

    def blocks(self, kind: str) -> Iterator[Block]:
        for tf in self.files:
            cached = tf._blocks.get(kind)
            if cached is None:
                cached = tf._blocks[kind] = list(_blocks(tf, kind))
            yield from cached

    def locals(self) -> dict[str, Any]:
        """The module's locals by name (a new dict each call; the values are hcl2's)."""
        if self._locals is not None and len(self._locals[0]) == len(self.files) and all(
                a is b for a, b in zip(self._locals[0], self.files, strict=True)):
            return dict(self._locals[1])
        found = self._read_locals()
        self._locals = (list(self.files), found)
        return dict(found)

    def _read_locals(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for tf in self.files:
            for group in tf.data.get("locals") or []:
                if not isinstance(group, dict):
                    continue
                for name, value in group.items():
                    if name.startswith("__"):
                        continue
                    if isinstance(value, list) and len(value) == 1:
                        value = value[0]
                    found.setdefault(name, value)
        return found


def modules(targets: list[Target], relevant: re.Pattern[str] | None = None,
            context: re.Pattern[str] | None = None) -> list[Module]:
    """Terraform targets parsed and grouped by directory, sorted; unparseable files skipped.

    hcl2 costs a few ms per file, too much to spend on every file of a large repository for one rule:
    with `relevant`, only files whose text matches it are parsed, plus, in the same directories, the
    files matching `context` (e.g. the `locals` that references resolve through).
    """
    tf = [t for t in targets if t.kind is Kind.TERRAFORM and t.rel.lower().endswith(".tf")]
    if relevant is not None:
        texts = {t.rel: _text(t) for t in tf}
        chosen = [t for t in tf if relevant.search(texts[t.rel])]
        dirs = {_directory(t) for t in chosen}
        tf = [t for t in tf if relevant.search(texts[t.rel])
              or (context is not None and _directory(t) in dirs and context.search(texts[t.rel]))]
    grouped: dict[str, Module] = {}
    for target in tf:
        parsed = _parse(target)
        if parsed is None:
            continue
        grouped.setdefault(_directory(target), Module(_directory(target))).files.append(parsed)
    for module in grouped.values():
        module.files.sort(key=lambda f: f.rel)
    return [grouped[d] for d in sorted(grouped)]


def _directory(target: Target) -> str:
    return target.rel.rsplit("/", 1)[0] if "/" in target.rel else ""


def _text(target: Target) -> str:
    try:
        if target.path.stat().st_size > MAX_READ_BYTES:
            return ""
        return target.path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _parse(target: Target) -> TfFile | None:
    try:
        stat = target.path.stat()
        if stat.st_size > MAX_READ_BYTES:
            return None
        with _PARSE_LOCK:
            data, text = _load(str(target.path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return None
    if data is None:
        return None
    return TfFile(target.rel, text.splitlines(), data)


def load_cached(path: str, mtime_ns: int, size: int) -> tuple[dict[str, Any] | None, str]:
    """A file parsed once per version (None if hcl2 cannot parse it), and its text; thread-safe."""
    with _PARSE_LOCK:
        return _load(path, mtime_ns, size)


@lru_cache(maxsize=4096)
def _load(path: str, mtime_ns: int, size: int) -> tuple[dict[str, Any] | None, str]:
    """Parse once per file version, whichever analysis asks first (they run concurrently)."""
    del mtime_ns, size  # cache key only
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    # Heavy import, only when a scan has Terraform targets. Outside the `try`: a missing hcl2 must fail
    # the scan (the analysis error becomes a scan error), not silently skip every file.
    from hcl2.api import loads

    try:
        data = loads(text)
    except Exception:  # any parse failure: skip the file, checkov reports it as a scan error
        return None, text
    return (data if isinstance(data, dict) else None), text


def _blocks(tf: TfFile, kind: str) -> Iterator[Block]:
    for group in tf.data.get(kind) or []:
        if not isinstance(group, dict):
            continue
        if kind == "resource":
            for rtype, named in group.items():
                if not isinstance(named, dict):
                    continue
                for name, body in named.items():
                    if isinstance(body, dict):
                        yield _block(tf, kind, (rtype, name), body)
        else:
            for name, body in group.items():
                if isinstance(body, dict) and not name.startswith("__"):
                    yield _block(tf, kind, (name,), body)


def _block(tf: TfFile, kind: str, labels: tuple[str, ...], body: dict[str, Any]) -> Block:
    start = body.get("__start_line__")
    end = body.get("__end_line__")
    if not isinstance(start, int):
        start = _header_line(tf.lines, kind, labels)
    if not isinstance(end, int) or end < start:
        end = _block_end(tf.lines, start)
    return Block(tf, kind, labels, body, start, end)


def _header_line(lines: list[str], kind: str, labels: tuple[str, ...]) -> int:
    pattern = re.compile(r"^\s*" + kind + "".join(r"\s+\"?" + re.escape(label) + r"\"?" for label in labels)
                         + r"\s*\{")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return number
    return 1


def _block_end(lines: list[str], start: int) -> int:
    depth = 0
    opened = False
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        opened = opened or "{" in line
        depth += line.count("{") - line.count("}")
        if opened and depth <= 0:
            return number
    return len(lines)


def walk_strings(value: Any, keys: bool = False) -> Iterator[str]:
    """Every string inside an hcl2 value (lists, objects); with `keys`, object keys too (`{(var.k) = 1}`)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from walk_strings(item, keys)
    elif isinstance(value, dict):
        for key, item in value.items():
            if not str(key).startswith("__"):
                if keys:
                    yield str(key)
                yield from walk_strings(item, keys)



def parse_error(path: str) -> str | None:
    """Where and why hcl2 (the parser checkov uses) cannot parse a `.tf` file (`line 2, column 7: unexpected
    '='`), for the scan error checkov reports without it; None if it parses or cannot be read."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read(MAX_READ_BYTES)
    except OSError:
        return None
    from hcl2.api import loads

    try:
        loads(text)
    except RecursionError:
        return "nested too deeply"
    except Exception as exc:  # any parser failure: say where, as far as the parser knows
        return _where(exc, text.splitlines())
    return None


def _where(exc: Exception, lines: list[str]) -> str:
    message = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    if isinstance(line, int) and line > 0:
        token = getattr(exc, "token", None)
        what = ("unexpected end of file" if token is not None and getattr(token, "type", "") == "$END"
                else f"unexpected {str(token)[:40]!r}" if token is not None else message[:120])
        return f"line {line}, column {column}: {what}" if isinstance(column, int) else f"line {line}: {what}"
    reason, _, quoted = message.partition(":")
    for number, text in enumerate(lines, start=1):
        if quoted.strip() and text.strip() == quoted.strip():
            return f"line {number}: {reason.strip().lower()}"
    return message[:160]
