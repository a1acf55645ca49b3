"""The HTML report of the bundled example, rendered in headless Chromium (Debian's `chromium`): every finding,
the charts, the filters' script and the notice, with no network; plus what holds without a browser.

Runs when `chromium` is on PATH (CI installs it in .ci/run); otherwise the browser tests are skipped.
The README screenshot is refreshed on purpose: GDPR_GUARD_UPDATE_SCREENSHOT=1 python -m pytest tests/test_html_report.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, ExampleRun

from gdpr_guard.legal_notice import DISCLAIMER

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
SCREENSHOT = REPO / "docs" / "images" / "lab-migration-report.png"


@pytest.fixture(scope="module")
def example(lab_migration_run: ExampleRun) -> tuple[Path, dict[str, object]]:
    assert lab_migration_run.code == 1, lab_migration_run.stderr
    return lab_migration_run.html, json.loads(lab_migration_run.reports["json"])


class _Collect(HTMLParser):
    """Tags with their attributes, and the page text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    return parser


def _findings(page: _Collect) -> list[dict[str, str]]:
    return [a for t, a in page.tags if t == "article" and "finding" in a.get("class", "").split()]


def test_self_contained_and_complete(example: tuple[Path, dict[str, object]]) -> None:
    path, data = example
    html = path.read_text(encoding="utf-8")
    page = _parse(html)
    # nothing is fetched: no external script, style sheet, image or font; the CSP forbids it anyway
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object"), (tag, attrs)
        assert not (tag == "script" and "src" in attrs), attrs
    assert "default-src 'none'" in html
    assert not re.search(r"url\(|@import|https?://[^\"<]*\.(js|css|woff2?)\b", html)
    findings = data["findings"]
    assert isinstance(findings, list)
    articles = _findings(page)
    assert len(articles) == len(findings) == 43
    assert {(a["data-severity"], a["data-family"]) for a in articles} == {
        (f["severity"], f["rule_id"].split("-")[1]) for f in findings}
    text = " ".join(" ".join(page.text).split())
    assert DISCLAIMER in text
    assert text.count("A risk signal for review, not a finding of infringement; not legal advice.") == 43
    chart_ids = {a["id"] for t, a in page.tags if t == "figure"}
    assert chart_ids == {"chart-severity", "chart-article", "chart-cnil", "chart-family", "chart-directory"}
    assert "same failing as" in text and "related precedent" in text
    assert "access_key = &quot;****&quot;" in html  # masked provider credential
    assert "AKIAIOSFODNN7EXAMPLE" not in html and "wJalrXUtnFEMI" not in html


def test_deterministic(example: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    path, _ = example
    again = tmp_path / "again.html"
    subprocess.run([sys.executable, "-m", "gdpr_guard", "scan", "examples/lab-migration", "--format", "html",
                    "-o", str(again)], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert again.read_bytes() == path.read_bytes()


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--disable-component-update", "--no-first-run",
                           # any request leaving the machine would fail: the page must not need one
                           "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                           f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180)


@needs_chromium
def test_renders_in_chromium_with_scripts_run(example: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    path, _ = example
    run = _chromium("--dump-dom", path.as_uri(), profile=tmp_path / "profile")
    assert run.returncode == 0, run.stderr[-2000:]
    page = _parse(run.stdout)
    body = next(a for t, a in page.tags if t == "body")
    assert body.get("data-filtered") == "43"  # the filter script ran over all 43 findings
    assert len(_findings(page)) == 43
    assert not [a for a in _findings(page) if "hidden" in a.get("class", "").split()]
    rects = [a for t, a in page.tags if t == "rect"]
    assert len(rects) > 20 and all(int(a["width"]) >= 0 for a in rects)
    assert DISCLAIMER in " ".join(" ".join(page.text).split())


@needs_chromium
@pytest.mark.parametrize(("fragment", "expected"), [
    ("severity=critical", lambda f: f["severity"] == "critical"),
    ("family=CRED", lambda f: f["rule_id"].startswith("GG-CRED-")),
    ("severity=high&family=ENC", lambda f: f["severity"] == "high" and f["rule_id"].startswith("GG-ENC-")),
    ("cnil=DED-3c", lambda f: any(c["id"] == "DED-3c" for c in f["cnil"])),
    ("text=aws_s3_bucket.exports",  # full text: the ACL's snippet names the bucket too
     lambda f: "aws_s3_bucket.exports" in f"{f['resource']} {f['snippet']} {f['message']}"),
], ids=["severity", "family", "severity+family", "precedent", "text"])
def test_filters_run_in_chromium(example: tuple[Path, dict[str, object]], tmp_path: Path, fragment: str,
                                 expected: Any) -> None:
    path, data = example
    findings = data["findings"]
    assert isinstance(findings, list)
    run = _chromium("--dump-dom", f"{path.as_uri()}#{fragment}", profile=tmp_path / "profile")
    assert run.returncode == 0, run.stderr[-2000:]
    page = _parse(run.stdout)
    shown = [a for a in _findings(page) if "hidden" not in a.get("class", "").split()]
    want = [f for f in findings if expected(f)]
    assert want and len(shown) == len(want) < len(findings)
    assert next(a for t, a in page.tags if t == "body")["data-filtered"] == str(len(want))
    assert sorted(a["data-severity"] for a in shown) == sorted(f["severity"] for f in want)


@needs_chromium
def test_screenshot(example: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    path, _ = example
    shot = tmp_path / "report.png"
    run = _chromium("--window-size=1280,1800", "--hide-scrollbars", f"--screenshot={shot}", path.as_uri(),
                    profile=tmp_path / "profile")
    assert run.returncode == 0, run.stderr[-2000:]
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1280, 1800)
    assert len(png) > 50_000  # charts and text, not a blank page
    if os.environ.get("GDPR_GUARD_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(png)
    assert SCREENSHOT.is_file()


@needs_chromium
def test_print_layout_makes_an_audit_pdf(example: tuple[Path, dict[str, object]], tmp_path: Path) -> None:
    """The print style sheet hides the filters and shows every finding: Chromium prints it to PDF."""
    path, _ = example
    pdf = tmp_path / "report.pdf"
    run = _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", path.as_uri(), profile=tmp_path / "profile")
    assert run.returncode == 0, run.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 10  # 43 findings with their rationale and legal basis do not fit on a few pages
    css = path.read_text(encoding="utf-8")
    assert "@media print{" in css and ".filters,.noprint{display:none}" in css and "@page{size:A4" in css
