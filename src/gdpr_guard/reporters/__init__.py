"""Reporters, one module per format; each exposes `render(result, catalog, options) -> str`."""

from __future__ import annotations

from collections.abc import Callable

from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import ScanResult
from gdpr_guard.reporters import html, json_report, markdown, sarif, text
from gdpr_guard.reporters.common import ReportOptions

Renderer = Callable[[ScanResult, Catalog, ReportOptions], str]

REPORTERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "markdown": markdown.render,
    "html": html.render,
}

__all__ = ["REPORTERS", "ReportOptions", "Renderer"]
