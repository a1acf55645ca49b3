"""The Terraform resource types that the enabled checkov checks join by a graph connection
(`cond_type: connection`, e.g. a bucket and its public-access block, a VPC and its flow log).

A connection check's result on one resource depends on other blocks that reference it (checkov's graph edges,
including the edges it draws across module variables and between S3 resources that name the same bucket), not
only on what the resource itself reads. checkov_narrow keeps every block of these types whenever a staged block
is of one of them. Definitions come from our policies (the checks directory checkov is given) and from checkov's
own graph checks (the installed package, never imported); a graph check whose definition cannot be read gives
None: "unknown", and nothing is narrowed.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

BUILT_IN_GRAPH_CHECKS = ("terraform", "checks", "graph_checks")
ALL = "all"


def connection_types(check_ids: Iterable[str], checks_dir: Path) -> frozenset[str] | None:
    """Resource types that some check of `check_ids` names in a connection condition; None when unknown."""
    found: set[str] = set()
    for check_id in sorted(set(check_ids)):
        definition = _definition(check_id, str(checks_dir))
        if definition is None:
            if check_id.startswith("CKV2_"):  # a graph check we cannot read: its connections are unknown
                return None
            continue  # a Python check: one resource at a time, no connection
        types = set(_types(definition))
        if ALL in types:
            return None
        found |= types
    return frozenset(found)


def _types(definition: Any) -> Iterator[str]:
    if isinstance(definition, dict):
        if definition.get("cond_type") == "connection":
            for key in ("resource_types", "connected_resource_types"):
                value = definition.get(key)
                for item in value if isinstance(value, list) else [value]:
                    yield str(item)
        for value in definition.values():
            yield from _types(value)
    elif isinstance(definition, list):
        for value in definition:
            yield from _types(value)


def _definition(check_id: str, checks_dir: str) -> Any:
    for path in _candidates(check_id, checks_dir):
        data = _load(str(path))
        if isinstance(data, dict) and isinstance(data.get("metadata"), dict) and \
                data["metadata"].get("id") == check_id:
            return data.get("definition")
    return None


def _candidates(check_id: str, checks_dir: str) -> Iterator[Path]:
    """Graph check files whose text names `check_id` (a byte search chooses which to parse)."""
    needle = check_id.encode()
    for path in _files(checks_dir) + _files(_built_in_dir()):
        if needle in _bytes(str(path)):
            yield path


@lru_cache(maxsize=4096)
def _bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


@lru_cache(maxsize=8)
def _files(directory: str) -> list[Path]:
    if not directory:
        return []
    return sorted(p for p in Path(directory).rglob("*") if p.suffix in (".yaml", ".yml", ".json") and p.is_file())


@lru_cache(maxsize=1)
def _built_in_dir() -> str:
    """checkov's graph checks directory, found without importing checkov (~3 s of imports)."""
    try:
        spec = importlib.util.find_spec("checkov")
    except (ImportError, ValueError):
        return ""
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location).joinpath(*BUILT_IN_GRAPH_CHECKS)
        if candidate.is_dir():
            return str(candidate)
    return ""


@lru_cache(maxsize=512)
def _load(path: str) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
        # our policies and checkov's own (they use YAML anchors), not the scanned repository's files
        return json.loads(text) if path.endswith(".json") else yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - an unreadable definition is "not this check": the caller then says unknown
        return None
