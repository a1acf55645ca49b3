"""Helpers shared by gdpr-guard's Python checkov checks. Not a check: it defines no check class.

checkov puts each external-checks directory on sys.path while it loads the checks there, so the
checks import this module by name. The leading underscore keeps it out of the catalog's policy list
(tests/test_catalog.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

# FTP, SSH, SMB, MSSQL, NFS, MySQL, RDP, PostgreSQL, Redis, Elasticsearch/OpenSearch, MongoDB.
SENSITIVE_PORTS = (20, 21, 22, 445, 1433, 2049, 3306, 3389, 5432, 6379, 9200, 27017)
OPEN_CIDRS = frozenset({"0.0.0.0/0", "::/0"})


def first(value: Any) -> Any:
    """The value inside one-element lists (hcl2 wraps every attribute value in one)."""
    while isinstance(value, list) and len(value) == 1:
        value = value[0]
    return value


def flat(value: Any) -> list[Any]:
    """Nested lists flattened, None dropped."""
    out: list[Any] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, list):
            out.extend(flat(item))
        elif item is not None:
            out.append(item)
    return out


def port_range_is_sensitive(text: str) -> bool | None:
    """Does a port or range ("22", "1000-2000", "0-65535") cover all ports or a data/admin port?
    None when it is not a number (an unresolved variable)."""
    low_text, _, high_text = text.strip().partition("-")
    try:
        low = int(low_text)
        high = int(high_text) if high_text else low
    except ValueError:
        return None
    if low <= 0 and high >= 65535:
        return True
    return any(low <= port <= high for port in SENSITIVE_PORTS)


def scan_root() -> Path | None:
    """The directory checkov was asked to scan (scanned file paths are relative to it)."""
    argv = sys.argv[1:]
    for index, arg in enumerate(argv):
        if arg.startswith("--directory="):
            return Path(arg.split("=", 1)[1])
        if arg in ("-d", "--directory") and index + 1 < len(argv):
            return Path(argv[index + 1])
    return None


def module_file(entity_path: str) -> Path | None:
    """The .tf file a resource comes from, from checkov's `file:type.name:...` entity path."""
    scanned = entity_path.rsplit(":", 2)[0] if entity_path.count(":") >= 2 else ""
    if not scanned:
        return None
    root = scan_root()
    candidates = [root / scanned.lstrip("/")] if root else []
    candidates.append(Path(scanned))
    return next((c for c in candidates if c.is_file()), None)
