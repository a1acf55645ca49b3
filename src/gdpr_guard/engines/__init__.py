"""Engine adapters, one module each; ENGINES is the registry the scan iterates over."""

from __future__ import annotations

from gdpr_guard.engines import checkov, semgrep
from gdpr_guard.engines.common import Engine, EngineOutput

ENGINES: dict[str, Engine] = {
    "checkov": checkov.ENGINE,
    "semgrep": semgrep.ENGINE,
}

__all__ = ["ENGINES", "Engine", "EngineOutput"]
