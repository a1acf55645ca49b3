"""The environment every engine process runs in (a module of its own: the console script needs it
before anything heavy is imported, see gdpr_guard/prestart.py)."""

from __future__ import annotations

import os
from collections.abc import Mapping

_NEVER_PASSED = ("BC_API_KEY", "SEMGREP_APP_TOKEN")
"""Credentials of the engines' cloud services: with them an engine would try to upload results."""


def offline_env(extra: Mapping[str, str]) -> dict[str, str]:
    """The caller's environment without the engines' cloud credentials, plus `extra` (offline switches)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(_NEVER_PASSED)}
    env.update(extra)
    return env
