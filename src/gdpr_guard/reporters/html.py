"""HTML report for a DPO or an audit file: one self-contained page (inline CSS, JS and SVG charts; nothing
fetched), summary charts, filters, every finding with its masked snippet, rationale, fix and legal basis,
the suppressions granted, and a print layout. Deterministic: no timestamps."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import PurePosixPath

from gdpr_guard.catalog import Catalog, Rule
from gdpr_guard.finding import Finding, ScanResult
from gdpr_guard.legal_notice import DISCLAIMER, NO_PRECEDENT_LINE, basis_words, first_sentence
from gdpr_guard.reporters.common import ReportOptions, by_article, by_cnil, severity_counts, split_by_relation, where
from gdpr_guard.reporters.html_assets import CSS, JS

MAX_BARS = 15
FAMILY_NAMES = {"ENC": "encryption", "DEL": "deletion", "CRED": "credentials", "PUB": "public exposure",
                "LOG": "logging and monitoring", "MIN": "minimisation", "MIG": "migration plans",
                "BAK": "backups and restore"}


def render(result: ScanResult, catalog: Catalog, options: ReportOptions) -> str:
    active = result.active
    counts = severity_counts(active)
    status = ("Scan incomplete: the result cannot be trusted" if result.errors
              else f"{len(active)} finding(s)" if active else "No findings")
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # no network, even by accident: the report must open on an air-gapped laptop
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">",
        "<title>gdpr-guard report</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        "<header>", "<h1>gdpr-guard report</h1>",
        f'<p class="status" id="status"><strong>{escape(status)}</strong> · '
        + " · ".join(f"{n} {s}" for s, n in counts.items())
        + f" · {len(result.findings) - len(active)} suppressed · fail-on: {escape(str(options.fail_on))}</p>",
        f'<p class="notice" id="disclaimer">{escape(DISCLAIMER)}</p>', "</header>", "<main>",
    ]
    if result.errors:
        parts += ['<h2 id="errors">Scan errors</h2>', "<ul>"]
        parts += [f"<li><code>{escape(e.message)}</code></li>" for e in result.errors] + ["</ul>"]
    if active:
        parts += _charts(result, catalog) + _filters(active, catalog)
        parts += ['<h2 id="findings">Findings (<span id="shown">' + str(len(active)) + "</span> of "
                  + str(len(active)) + " shown)</h2>"]
        parts += [_finding(i, f, catalog) for i, f in enumerate(active, 1)]
    parts += _suppressions(result)
    if result.notices:
        parts += ['<h2 id="notices">Notices</h2>', "<ul>"] + [f"<li>{escape(n)}</li>" for n in result.notices]
        parts.append("</ul>")
    scanned = ", ".join(f"{n} {k}" for k, n in result.targets.items()) or "no files"
    engines = ", ".join(f"{k} {v}" for k, v in sorted(result.engines.items())) or "none"
    parts += ["</main>", f"<footer>Scanned {escape(scanned)} · engines: {escape(engines)} · "
              f"{escape(DISCLAIMER)}</footer>", f"<script>{JS}</script>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _charts(result: ScanResult, catalog: Catalog) -> list[str]:
    active = result.active
    severities = [(s, n, f"bar-{s}") for s, n in severity_counts(active).items()]
    articles = [(f"{label} {catalog.articles.get(_article_number(label), '')}", len(fs), "bar")
                for label, fs in by_article(result, catalog).items()]
    precedents = []
    for key, findings in by_cnil(result, catalog).items():
        same, related = split_by_relation(key, findings, catalog)
        cnil = catalog.findings[key]
        precedents.append((f"{key} {cnil.organisation}", len(same), len(related)))
    families = Counter(f.rule_id.split("-")[1] for f in active)
    directories = Counter(_directory(f.location.path) for f in active)
    return [
        '<h2 id="summary">Summary</h2>', '<div class="charts">',
        _bar_chart("chart-severity", "Findings by severity", severities),
        _bar_chart("chart-article", "Findings by GDPR article", articles),
        _stacked_chart("chart-cnil", "Findings by CNIL precedent", precedents),
        _bar_chart("chart-family", "Findings by family",
                   [(f"{k} {FAMILY_NAMES.get(k, '')}", n, "bar") for k, n in sorted(families.items())]),
        _bar_chart("chart-directory", "Findings by directory", _top(directories)),
        "</div>",
    ]


def _top(counter: Counter[str]) -> list[tuple[str, int, str]]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    bars = [(k, n, "bar") for k, n in ranked[:MAX_BARS]]
    rest = sum(n for _, n in ranked[MAX_BARS:])
    return bars + ([(f"{len(ranked) - MAX_BARS} other directories", rest, "bar")] if rest else [])


def _bar_chart(chart_id: str, title: str, bars: list[tuple[str, int, str]]) -> str:
    peak = max((n for _, n, _ in bars), default=0) or 1
    height = 18 * len(bars) + 4
    rows = []
    for i, (label, n, css) in enumerate(bars):
        y = 18 * i + 2
        width = round(150 * n / peak)
        rows.append(f'<text x="0" y="{y + 12}">{escape(_short(label))}</text>'
                    f'<rect class="{css}" x="190" y="{y}" width="{width}" height="14"><title>{escape(label)}: {n}'
                    f'</title></rect><text x="{194 + width}" y="{y + 12}">{n}</text>')
    return (f'<figure class="chart" id="{chart_id}"><h3>{escape(title)}</h3>'
            f'<svg viewBox="0 0 400 {height}" role="img" aria-label="{escape(title)}">{"".join(rows)}</svg>'
            "</figure>")


def _stacked_chart(chart_id: str, title: str, bars: list[tuple[str, int, int]]) -> str:
    peak = max((s + r for _, s, r in bars), default=0) or 1
    height = 18 * len(bars) + 4
    rows = []
    for i, (label, same, related) in enumerate(bars):
        y = 18 * i + 2
        ws, wr = round(150 * same / peak), round(150 * related / peak)
        rows.append(f'<text x="0" y="{y + 12}">{escape(_short(label))}</text>'
                    f'<rect class="bar-same" x="190" y="{y}" width="{ws}" height="14"><title>{escape(label)}: '
                    f'{same} same failing</title></rect>'
                    f'<rect class="bar-related" x="{190 + ws}" y="{y}" width="{wr}" height="14"><title>'
                    f'{escape(label)}: {related} related precedent</title></rect>'
                    f'<text x="{194 + ws + wr}" y="{y + 12}">{same} / {related}</text>')
    return (f'<figure class="chart" id="{chart_id}"><h3>{escape(title)}</h3>'
            f'<svg viewBox="0 0 400 {height}" role="img" aria-label="{escape(title)}">{"".join(rows)}</svg>'
            '<p class="legend">dark: same failing as the CNIL found · light: related precedent</p></figure>')


def _filters(active: tuple[Finding, ...], catalog: Catalog) -> list[str]:
    def options(name: str, label: str, values: list[str]) -> str:
        opts = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
        return (f'<label for="f-{name}">{label}</label> <select id="f-{name}" name="{name}">'
                f'<option value="">all</option>{opts}</select>')

    rules = [catalog.rules[f.rule_id] for f in active]
    return ['<div class="filters" id="filters">',
            options("severity", "severity", [s for s, n in severity_counts(active).items() if n]),
            options("family", "family", sorted({r.family for r in rules})),
            options("article", "GDPR article", sorted({_token(a.label) for r in rules for a in r.gdpr})),
            options("cnil", "CNIL precedent", sorted({c.id for r in rules for c in r.cnil})),
            options("dir", "directory", sorted({_token(_directory(f.location.path)) for f in active})),
            '<label for="f-text">text</label> <input id="f-text" type="search" placeholder="rule, file, word">',
            "</div>"]


def _finding(index: int, finding: Finding, catalog: Catalog) -> str:
    rule = catalog.rules[finding.rule_id]
    attrs = {"severity": str(finding.severity), "family": rule.family,
             "article": " ".join(sorted({_token(a.label) for a in rule.gdpr})),
             "cnil": " ".join(c.id for c in rule.cnil), "dir": _token(_directory(finding.location.path))}
    data_attrs = " ".join(f'data-{k}="{escape(v)}"' for k, v in attrs.items())
    data = ""
    if finding.data_category:
        data = (f' <span class="data">{escape(finding.data_label or finding.data_category)} '
                f"({escape(finding.data_reason or '')})</span>")
    snippet = f"<pre>{escape(finding.snippet)}</pre>" if finding.snippet.strip() else ""
    related = ""
    if finding.related:
        related = ("<dt>also at</dt><dd class=\"where\">"
                   + ", ".join(escape(f"{loc.path}:{loc.start_line}") for loc in finding.related) + "</dd>")
    return (f'<article class="finding sev-{finding.severity}" id="finding-{index}" {data_attrs}>'
            f'<h3><span class="badge {finding.severity}">{finding.severity}</span>{escape(rule.id)} · '
            f"{escape(rule.title)}</h3>"
            f'<div class="where">{escape(where(finding))}</div>'
            f"<p>{escape(finding.message)}{data}</p>{snippet}"
            f"<dl><dt>why it matters</dt><dd>{escape(rule.rationale)}</dd>"
            f"<dt>fix</dt><dd><strong>{escape(first_sentence(rule.remediation))}</strong> "
            f"{escape(rule.remediation[len(first_sentence(rule.remediation)):].strip())}</dd>"
            f"<dt>legal basis</dt><dd>{_legal(rule)}</dd>{related}</dl>"
            '<p class="hedge">A risk signal for review, not a finding of infringement; not legal advice.</p>'
            "</article>")


def _legal(rule: Rule) -> str:
    items = [f"<li>GDPR {escape(a.label)} ({escape(a.title)}), {basis_words(a.basis)}</li>" for a in rule.gdpr]
    for c in rule.cnil:
        decision = (f'<a href="{escape(c.url)}">{escape(c.decision)}</a>' if c.url else escape(c.decision))
        css = "rel-same" if c.same else "rel-related"
        items.append(f'<li><span class="{css}">{escape(c.relation)}</span> CNIL {escape(c.id)}, {decision} '
                     f"({escape(c.organisation)}, {escape(c.date)}): {escape(c.text)}</li>")
    if not rule.cnil:
        items.append(f"<li>{escape(NO_PRECEDENT_LINE)}</li>")
    return '<ul class="legal">' + "".join(items) + "</ul>"


def _suppressions(result: ScanResult) -> list[str]:
    suppressed = [f for f in result.findings if f.suppression is not None]
    if not suppressed:
        return []
    rows = []
    for finding in suppressed:
        s = finding.suppression
        assert s is not None
        rows.append(f"<tr><td>{escape(finding.rule_id)}</td><td class=\"where\">{escape(where(finding))}</td>"
                    f"<td>{escape(s.kind)}</td><td>{escape(s.reason)}</td><td>{escape(s.until or '')}</td></tr>")
    return ['<h2 id="suppressions">Suppressions granted (accountability, Art. 5(2))</h2>',
            "<table><thead><tr><th>rule</th><th>where</th><th>kind</th><th>reason</th><th>until</th></tr></thead>",
            "<tbody>" + "".join(rows) + "</tbody></table>"]


def _directory(path: str) -> str:
    parent = str(PurePosixPath(path).parent)
    return "." if parent in ("", ".") else parent


def _article_number(label: str) -> str:
    return label.removeprefix("Art. ").split("(", 1)[0]


def _token(value: str) -> str:
    # filter values are space-separated tokens in data attributes
    return value.replace(" ", "")


def _short(label: str, width: int = 31) -> str:
    return label if len(label) <= width else label[:width - 1] + "…"
