"""The built wheel carries every policy, the catalog and the schemas (pre-commit installs the wheel)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_contains_policies_and_schemas(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(REPO)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("gdpr_guard-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    policies = {p.relative_to(REPO).as_posix() for p in (REPO / "policies").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    missing = {p for p in policies if f"gdpr_guard/{p}" not in names}
    assert missing == set()
    assert "gdpr_guard/policies/catalog.yaml" in names
    for schema in ("catalog.schema.json", "config.schema.json", "sarif-schema-2.1.0.json"):
        assert f"gdpr_guard/schemas/{schema}" in names
