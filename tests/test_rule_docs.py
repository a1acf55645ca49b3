"""Every rule's section of docs/rules.md has the fixed headings, in order, none empty (issue 18).

Like sqlfluff's check of its rule docstrings: a reader finds the same four parts under every rule id.
The sections are read as Markdown headings (`## ` a rule, `### ` its parts), outside code blocks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gdpr_guard.catalog import Catalog

RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
HEADINGS = ("What it catches", "Why it matters", "Example", "Fix")
"""The parts of every rule's section, in this order."""


def sections(text: str) -> dict[str, list[tuple[str, list[str]]]]:
    """Rule id -> [(part heading, its lines)], with the lines before the first part under `""`."""
    out: dict[str, list[tuple[str, list[str]]]] = {}
    current: list[tuple[str, list[str]]] | None = None
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            rule_id = line[3:].split(":", 1)[0].strip()
            current = out.setdefault(rule_id, [("", [])])
            continue
        if current is None:
            continue
        if not fenced and line.startswith("### "):
            current.append((line[4:].strip(), []))
        else:
            current[-1][1].append(line)
    return out


def problems(rule_id: str, parts: list[tuple[str, list[str]]] | None) -> list[str]:
    """What is wrong with one rule's section (empty when it has the fixed headings, each filled)."""
    if parts is None:
        return [f"{rule_id}: no section"]
    found = tuple(heading for heading, _ in parts[1:])
    out = [] if found == HEADINGS else [f"{rule_id}: headings {found}, expected {HEADINGS}"]
    out += [f"{rule_id}: '{heading}' is empty" for heading, lines in parts[1:]
            if not any(line.strip() for line in lines)]
    out += [f"{rule_id}: '{heading}' has no code block" for heading, lines in parts[1:]
            if heading in ("Example", "Fix") and not any(line.startswith("```") for line in lines)]
    if not any(line.startswith("Severity **") for line in parts[0][1]):
        out.append(f"{rule_id}: no severity line before the parts")
    return out


@pytest.fixture(scope="module")
def documented() -> dict[str, list[tuple[str, list[str]]]]:
    return sections(RULES_MD.read_text(encoding="utf-8"))


def test_every_rule_section_has_the_fixed_headings(catalog: Catalog,
                                                   documented: dict[str, list[tuple[str, list[str]]]]) -> None:
    assert [p for rule_id in sorted(catalog.rules) for p in problems(rule_id, documented.get(rule_id))] == []
    assert sorted(documented) == sorted(catalog.rules)  # no section for a rule that is gone


def test_the_check_sees_a_missing_or_misplaced_heading() -> None:
    text = ("## GG-X-001: t\n\nSeverity **low**\n\n### What it catches\n\nx\n\n### Example\n\n```\n### Fix\n```\n"
            "\n### Why it matters\n\ny\n")
    found = problems("GG-X-001", sections(text)["GG-X-001"])
    assert found == ["GG-X-001: headings ('What it catches', 'Example', 'Why it matters'), expected "
                     "('What it catches', 'Why it matters', 'Example', 'Fix')"]
    assert problems("GG-X-002", None) == ["GG-X-002: no section"]

