"""Target discovery: classification, skipped folders, excludes, symlinks."""

from __future__ import annotations

import os
from pathlib import Path

from gdpr_guard.targets import Kind, discover


def _write(path: Path, text: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_classifies_and_skips(tmp_path: Path) -> None:
    _write(tmp_path / "infra/main.tf")
    _write(tmp_path / "infra/override.tf.json", "{}")
    _write(tmp_path / "etl/export.py")
    _write(tmp_path / "bin/backup", "#!/usr/bin/env bash\necho hi\n")
    _write(tmp_path / "bin/tool", "#!/usr/bin/python3\n")
    _write(tmp_path / "db/V1__init.sql")
    _write(tmp_path / "tests/fixtures/dump.sh")
    _write(tmp_path / ".terraform/modules/x/main.tf")
    _write(tmp_path / ".venv/lib/site.py")
    _write(tmp_path / "node_modules/a/b.sh")
    _write(tmp_path / "README.md")
    found = {(t.rel, t.kind) for t in discover([tmp_path], tmp_path)}
    assert found == {
        ("infra/main.tf", Kind.TERRAFORM), ("infra/override.tf.json", Kind.TERRAFORM),
        ("etl/export.py", Kind.PYTHON), ("bin/backup", Kind.SHELL), ("db/V1__init.sql", Kind.SQL),
        ("tests/fixtures/dump.sh", Kind.SHELL),
    }


def test_excludes_and_symlinks_outside_root(tmp_path: Path) -> None:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    _write(root / "a.sql")
    _write(root / "vendor/b.sql")
    _write(outside / "secret.sql")
    os.symlink(outside, root / "link")
    os.symlink(root, root / "loop")
    found = [t.rel for t in discover([root], root, excludes=["vendor"])]
    assert found == ["a.sql"]


def test_shell_shebangs_behind_a_launcher(tmp_path: Path) -> None:
    shebangs = {
        "env": "#!/usr/bin/env bash", "env_split": "#!/usr/bin/env -S bash -e", "spaced": "#! /bin/sh",
        "s6_overlay": "#!/command/with-contenv bash", "python": "#!/usr/bin/env python3",
        "perl": "#!/usr/bin/perl -w", "launcher_only": "#!/command/with-contenv",
    }
    for name, line in shebangs.items():
        _write(tmp_path / "bin" / name, line + "\necho hi\n")
    found = {t.rel for t in discover([tmp_path], tmp_path) if t.kind is Kind.SHELL}
    assert found == {"bin/env", "bin/env_split", "bin/spaced", "bin/s6_overlay"}
