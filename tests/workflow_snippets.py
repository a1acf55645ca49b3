"""The YAML snippets of the README and the workflows this repository ships, for the workflow tests."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from conftest import REPO

FENCE = re.compile(r"^```yaml\n(.*?)^```", re.M | re.S)
FULL_SHA = re.compile(r"^[0-9a-f]{40}$")
REPOSITORY = "gdpr-guard/gdpr-guard"


def readme_yaml_snippets(readme: Path = REPO / "README.md") -> list[str]:
    """Every ```yaml block of the README, in order."""
    return FENCE.findall(readme.read_text(encoding="utf-8"))


def is_workflow(document: Any) -> bool:
    return isinstance(document, dict) and "jobs" in document


def shipped_workflows() -> list[Path]:
    return sorted((REPO / ".github" / "workflows").glob("*.yml"))


def uses_lines(text: str) -> list[tuple[str, str]]:
    """(reference, comment) of every `uses:` in a workflow's text; the comment carries the pinned version.

    Read from the YAML tree for the reference; the comment (which YAML drops) is read from the line the
    reference is written on.
    """
    references = [step["uses"] for job in (yaml.safe_load(text).get("jobs") or {}).values()
                  for step in job.get("steps", []) if "uses" in step]
    lines = text.splitlines()
    out = []
    for reference in references:
        line = next(line for line in lines if line.strip().lstrip("- ").startswith(f"uses: {reference}"))
        out.append((reference, line.split("#", 1)[1].strip() if "#" in line else ""))
    return out
