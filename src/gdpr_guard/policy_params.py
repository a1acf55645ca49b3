"""Policy parameters: settings that rules spell as their default text, replaced from the configuration.

A rule file keeps working on its own (engines and the evaluation scripts read it as is); when the
configuration changes a setting, the engines get copies of the policies with the default text
replaced. The meta-tests check that every parameter's default text appears in the policies.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gdpr_guard import config as config_module
from gdpr_guard.config import Config


@dataclass(frozen=True)
class Parameter:
    """One configurable value inside policy files."""

    setting: str
    """Configuration key (`.gdpr-guard.yaml`)."""
    default: str
    """Exact text the policies contain for the default value."""
    render: Callable[[Config], str | None]
    """Replacement text for a configuration, or None when it is the default."""


def _words(attribute: str, default: tuple[str, ...]) -> Callable[[Config], str | None]:
    def render(cfg: Config) -> str | None:
        values: tuple[str, ...] = getattr(cfg, attribute)
        return None if values == default else "|".join(re.escape(v) for v in values)
    return render


def _days(cfg: Config) -> str | None:
    if cfg.max_expiry_days == 30:
        return None
    return f"value: {cfg.max_expiry_days}  # gdpr-guard parameter: max-expiry-days"


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("generic-accounts", "|".join(config_module.DEFAULT_GENERIC_ACCOUNTS),
              _words("generic_accounts", config_module.DEFAULT_GENERIC_ACCOUNTS)),
    Parameter("shared-account-patterns", "|".join(config_module.DEFAULT_SHARED_ACCOUNT_PATTERNS),
              _words("shared_account_patterns", config_module.DEFAULT_SHARED_ACCOUNT_PATTERNS)),
    Parameter("migration-storage-patterns", "|".join(config_module.DEFAULT_MIGRATION_STORAGE_PATTERNS),
              _words("migration_storage_patterns", config_module.DEFAULT_MIGRATION_STORAGE_PATTERNS)),
    Parameter("max-expiry-days", "value: 30  # gdpr-guard parameter: max-expiry-days", _days),
)


def substitutions(cfg: Config) -> list[tuple[str, str]]:
    """(default text, replacement) for every setting the configuration changes."""
    return [(p.default, text) for p in PARAMETERS if (text := p.render(cfg)) is not None]


def _rewrite(source: Path, target: Path, pairs: Sequence[tuple[str, str]]) -> None:
    text = source.read_text(encoding="utf-8")
    for default, replacement in pairs:
        text = text.replace(default, replacement)
    target.write_text(text, encoding="utf-8")


@contextmanager
def materialised_dir(directory: Path, cfg: Config) -> Iterator[Path]:
    """`directory` itself, or a temporary copy with the configuration's values (checkov's checks dir)."""
    pairs = substitutions(cfg)
    if not pairs:
        yield directory
        return
    with tempfile.TemporaryDirectory(prefix="gdpr-guard-policies-") as scratch:
        copy = Path(scratch) / directory.name
        shutil.copytree(directory, copy, ignore=shutil.ignore_patterns("__pycache__"))
        for path in sorted(copy.rglob("*")):
            if path.is_file() and path.suffix in (".yaml", ".yml", ".py"):
                _rewrite(path, path, pairs)
        yield copy


@contextmanager
def materialised_files(files: Sequence[Path], cfg: Config) -> Iterator[list[Path]]:
    """`files` themselves, or temporary copies with the configuration's values (semgrep configs)."""
    pairs = substitutions(cfg)
    if not pairs:
        yield list(files)
        return
    with tempfile.TemporaryDirectory(prefix="gdpr-guard-policies-") as scratch:
        out = []
        for index, path in enumerate(files):
            copy = Path(scratch) / f"{index:03d}-{path.name}"
            _rewrite(path, copy, pairs)
            out.append(copy)
        yield out
