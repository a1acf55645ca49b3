"""The project's own exception types; only the CLI turns them into exit codes."""

from __future__ import annotations


class GdprGuardError(Exception):
    """Base of every error gdpr-guard raises on purpose."""


class UsageError(GdprGuardError):
    """Bad command-line use or arguments (exit 2)."""


class ConfigError(GdprGuardError):
    """Invalid configuration, catalog, baseline or migration plan (exit 2)."""


class CatalogError(ConfigError):
    """The rule catalog or a policy does not match the catalog schema or the policies on disk."""


class EngineError(GdprGuardError):
    """An engine is missing, crashed, timed out or produced output we cannot read (exit 3).

    `stderr` carries the tail of the engine's standard error so the report can say why.
    """

    def __init__(self, engine: str, message: str, stderr: str = "") -> None:
        super().__init__(f"{engine}: {message}")
        self.engine = engine
        self.stderr = stderr
