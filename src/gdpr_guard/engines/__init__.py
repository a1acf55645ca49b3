"""Engine adapters, one module each; ENGINES is the registry the scan iterates over.

The registry is built on first use: the CLI imports `engines.base` and `engines.prestart` before
anything heavy, and importing this package must not pull in the adapters (catalog, config, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gdpr_guard.engines.common import Engine, EngineOutput

    ENGINES: dict[str, Engine]


def __getattr__(name: str) -> Any:
    if name in ("Engine", "EngineOutput"):
        from gdpr_guard.engines import common

        return getattr(common, name)
    if name == "ENGINES":
        from gdpr_guard.engines import checkov, semgrep, sql

        registry = {"checkov": checkov.ENGINE, "semgrep": semgrep.ENGINE, "sql": sql.ENGINE}
        globals()["ENGINES"] = registry
        return registry
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ENGINES", "Engine", "EngineOutput"]
