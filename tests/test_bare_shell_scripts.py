"""Shell scripts without a suffix are scanned whatever their mode: semgrep reads an extension-less
script's shebang only when the file is executable, so gdpr-guard forces their language itself."""

from __future__ import annotations

import os
from pathlib import Path

from gdpr_guard import catalog as catalog_module
from gdpr_guard.config import Config
from gdpr_guard.scan import run_scan

SCRIPT = "export PGPASSWORD='Lims#2021-backup'\npg_dump -d lims > /srv/exports/lims.sql\n"


def test_extensionless_scripts_are_scanned_executable_or_not(tmp_path: Path) -> None:
    shebangs = {"bin/plain": "#!/bin/bash", "bin/executable": "#!/usr/bin/env bash",
                "etc/cont-init.d/10-db": "#!/command/with-contenv bash"}
    for rel, shebang in shebangs.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{shebang}\n{SCRIPT}", encoding="utf-8")
    os.chmod(tmp_path / "bin/executable", 0o755)
    (tmp_path / "run.sh").write_text(f"#!/bin/sh\n{SCRIPT}", encoding="utf-8")  # with a suffix: the usual run
    result = run_scan([tmp_path], tmp_path, Config(disable=("GG-CRED-201",)), catalog_module.load())
    assert result.errors == ()
    found = {(f.rule_id, f.location.path, f.location.start_line) for f in result.findings}
    assert found == {(rule, rel, line) for rel in [*shebangs, "run.sh"]
                     for rule, line in (("GG-CRED-107", 2), ("GG-ENC-104", 3), ("GG-DEL-104", 3), ("GG-MIN-104", 3))}
