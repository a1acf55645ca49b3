"""Legal statements (issue 15): provenance rules of the catalog, and the notice in every human-facing output."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from conftest import REPO

from gdpr_guard import explain
from gdpr_guard.catalog import Catalog
from gdpr_guard.finding import Finding as F
from gdpr_guard.finding import Location, ScanResult, Severity, Suppression, SuppressionKind
from gdpr_guard.legal_notice import DISCLAIMER
from gdpr_guard.reporters import REPORTERS, ReportOptions

CATALOG_TEXT = (REPO / "policies" / "catalog.yaml").read_text(encoding="utf-8")


def test_basis_cnil_only_with_a_same_failing(catalog: Catalog) -> None:
    """`basis: cnil` sits on a whole article, and exactly where a `same` CNIL finding is tied to it."""
    for rule in catalog.rules.values():
        cnil_articles = {a.article for a in rule.gdpr if a.basis == "cnil"}
        assert all(not a.paragraph for a in rule.gdpr if a.basis == "cnil"), rule.id
        same_articles = {c.article for c in rule.cnil if c.same}
        assert cnil_articles == same_articles, rule.id


def test_no_overstated_statements(catalog: Catalog) -> None:
    """The review's wrong or overstated sentences stay out (legal-2026-12 rows 1-5, 10-15, 20)."""
    banned = ["names first", "first measure Art. 32(1)(a)", "meant to achieve", "spare the data subjects",
              "would also have spared", "Dedalus was fined because", "shared-account situation",
              "what encryption should add", "comptes partagés proscrits"]
    text = " ".join(CATALOG_TEXT.split())
    for phrase in banned:
        assert phrase not in text, phrase
    for rule in catalog.rules.values():
        labels = {a.label for a in rule.gdpr}
        assert "Art. 32(4)" not in labels, rule.id  # persons acting on instructions, not credential storage
        assert "Art. 9" not in labels, rule.id  # a definition, not a security obligation
        if rule.family == "LOG":
            assert "Art. 32(1)(d)" not in labels, rule.id  # testing the measures, not monitoring
    mig204 = catalog.rules["GG-MIG-204"]
    assert {a.label for a in mig204.gdpr} >= {"Art. 32(1)(a)", "Art. 32(2)"}
    assert "Art. 34(3)(a)" not in {a.label for a in catalog.rules["GG-ENC-001"].gdpr}


@pytest.mark.parametrize(("rule_id", "finding", "same"), [
    ("GG-ENC-001", "DED-3b", True), ("GG-ENC-003", "DED-3b", False), ("GG-ENC-004", "DED-3b", False),
    ("GG-PUB-001", "DED-3d", True), ("GG-PUB-003", "DED-3d", False), ("GG-PUB-005", "DED-3d", False),
    ("GG-PUB-005", "KGC-1", False), ("GG-MIN-105", "DED-29", False), ("GG-MIG-203", "DED-29", True),
    ("GG-CRED-101", "BRI-1", True), ("GG-CRED-101", "DED-3e", False), ("GG-CRED-005", "DED-3e", True),
    ("GG-DEL-005", "INF-1", False), ("GG-DEL-001", "DED-3c", True), ("GG-LOG-005", "DED-3f", True),
    ("GG-ENC-014", "KGC-2", False), ("GG-ENC-102", "FRE-1", False),
])
def test_same_or_related(catalog: Catalog, rule_id: str, finding: str, same: bool) -> None:
    rule = catalog.rules[rule_id]
    assert {c.id: c.same for c in rule.cnil}[finding] is same


def test_transport_rules_are_not_mapped_to_stored_data(catalog: Catalog) -> None:
    for rule_id in ("GG-ENC-014", "GG-ENC-015", "GG-ENC-016", "GG-ENC-019", "GG-ENC-021", "GG-ENC-102",
                    "GG-ENC-103", "GG-ENC-106"):
        assert "DED-3b" not in {c.id for c in catalog.rules[rule_id].cnil}, rule_id


def test_explain_says_as_the_cnil_applied_it_only_for_same_failings(catalog: Catalog) -> None:
    for rule in catalog.rules.values():
        text = explain.text(rule)
        assert DISCLAIMER[:60] in " ".join(text.split())
        if "as the CNIL applied it" in text:
            assert any(c.same for c in rule.cnil), rule.id
        for c in rule.cnil:
            assert ("same failing as" if c.same else "related precedent") + f" {c.decision}" in text


def test_references_link_their_own_page(catalog: Catalog) -> None:
    for rule in catalog.rules.values():
        for title, url in rule.references:
            assert url != "https://www.cnil.fr/fr/securite-des-donnees", (rule.id, title)
            if url and "legifrance" in url:
                assert re.fullmatch(r"https://www\.legifrance\.gouv\.fr/cnil/id/CNILTEXT\d{12}", url)


def _result() -> ScanResult:
    loc = Location("infra/main.tf", 3, 9)
    findings = (
        F("GG-ENC-001", loc, Severity.CRITICAL, "Database storage is not encrypted at rest.", "checkov",
          resource="aws_db_instance.results", snippet="storage_encrypted = false", data_category="special",
          data_reason="tag data_classification=health", data_label="special category: health"),
        F("GG-MIN-105", Location("migrations/V1.sql", 1, 1), Severity.MEDIUM, "SELECT * in a migration.",
          "semgrep", snippet="SELECT * FROM patients",
          suppression=Suppression(SuppressionKind.INLINE, "reviewed with the DPO", "2027-01-31")),
    )
    return ScanResult(root="/repo", findings=findings, targets={"terraform": 1, "sql": 1})


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_human_report_carries_the_notice(catalog: Catalog, fmt: str) -> None:
    rendered = REPORTERS[fmt](_result(), catalog, ReportOptions())
    flat = " ".join(unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
    assert DISCLAIMER in flat
    assert "same failing as" in flat or "(same)" in flat


def test_clean_scan_reports_carry_the_notice(catalog: Catalog) -> None:
    clean = ScanResult(root="/repo", findings=())
    for fmt in ("text", "markdown", "html"):
        flat = " ".join(unescape(re.sub(r"<[^>]+>", " ", REPORTERS[fmt](clean, catalog, ReportOptions()))).split())
        assert "a clean scan is not compliance" in flat, fmt


def test_sarif_rule_help_carries_the_notice(catalog: Catalog) -> None:
    sarif = json.loads(REPORTERS["sarif"](_result(), catalog, ReportOptions()))
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert DISCLAIMER in " ".join(rule["help"]["markdown"].split())
        assert DISCLAIMER in " ".join(rule["help"]["text"].split())


def test_markdown_names_articles_precedents_and_fixes(catalog: Catalog) -> None:
    md = REPORTERS["markdown"](_result(), catalog, ReportOptions())
    assert "| Art. 32(1)(a) | Security of processing | our reading | 1 | GG-ENC-001 |" in md
    assert "| Art. 32 | Security of processing | as the CNIL applied it | 1 | GG-ENC-001 |" in md
    assert "### CNIL precedent" in md and "what the CNIL found" not in md.split("### CNIL precedent")[0]
    assert "| DED-3b | [SAN-2022-009](https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000045583113) " \
           "(Dedalus Biologie) | Personal data stored on the server were not encrypted. | 1 | 0 |" in md
    assert "Set `storage_encrypted = true` (and preferably `kms_key_id` to a customer-managed key)." in md
    assert "(special category: health; tag data_classification=health)" in md
    assert "| GG-MIN-105 | `migrations/V1.sql:1` | inline | reviewed with the DPO | 2027-01-31 |" in md


def test_markdown_counts_what_it_omits(catalog: Catalog) -> None:
    loc = [Location(f"m/{i:04d}.sql", 1, 1) for i in range(503)]
    result = ScanResult(root="/r", findings=tuple(
        F("GG-MIN-105", x, Severity.MEDIUM, "SELECT *.", "semgrep") for x in loc))
    md = REPORTERS["markdown"](result, catalog, ReportOptions())
    assert "Showing the first 500 of 503 findings: 3 are omitted here" in md
    assert "The full list is in the SARIF, JSON and HTML reports." in md
    assert md.count("| medium | GG-MIN-105 |") == 500


def test_text_gives_a_fix_per_finding(catalog: Catalog) -> None:
    text = REPORTERS["text"](_result(), catalog, ReportOptions())
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "GG-ENC-001 [critical]" in line)
    assert lines[first + 1] == ("    fix: Set `storage_encrypted = true` (and preferably `kms_key_id` to a "
                                "customer-managed key).")
    assert "  Art. 32(1)(a) (Security of processing): 1" in lines


def test_readme_carries_the_notice() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").replace("**", "").replace("\n> ", "\n").split())
    assert DISCLAIMER in readme
    assert "docs/images/lab-migration-report.png" in readme


def test_legal_notes_argue_every_review_row() -> None:
    notes = (REPO / "docs" / "legal-notes.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| (\d+) \|", notes, flags=re.MULTILINE))
    assert rows == {str(n) for n in range(1, 30)}


def _backup_result() -> ScanResult:
    """A rule that cites no CNIL finding (family BAK) beside one that does."""
    bak = F("GG-BAK-001", Location("infra/db.tf", 7, 7), Severity.MEDIUM,
            "Database aws_db_instance.app sets `backup_retention_period = 0`.", "checkov",
            resource="aws_db_instance.app", snippet="backup_retention_period = 0")
    return ScanResult(root="/repo", findings=(*_result().findings, bak), targets={"terraform": 2, "sql": 1})


def test_a_rule_without_cnil_finding_says_no_cnil_precedent_in_every_output(catalog: Catalog) -> None:
    from gdpr_guard.legal_notice import NO_PRECEDENT_LINE
    from gdpr_guard.sarif_validate import problems

    result, rule = _backup_result(), catalog.rules["GG-BAK-001"]
    assert NO_PRECEDENT_LINE in explain.text(rule) and NO_PRECEDENT_LINE in explain.markdown(rule)
    assert "as the CNIL applied it" not in explain.text(rule)
    text = REPORTERS["text"](result, catalog, ReportOptions())
    assert ("infra/db.tf:7: GG-BAK-001 [medium] Database aws_db_instance.app sets `backup_retention_period = 0`. "
            "(GDPR Art. 32(1)(b), Art. 32(1)(c), Art. 5(1)(f) · no CNIL precedent)") in text
    md = REPORTERS["markdown"](result, catalog, ReportOptions())
    assert "| Art. 32(1)(b), Art. 32(1)(c), Art. 5(1)(f) · no CNIL precedent |" in md
    assert "1 finding(s) cite no CNIL precedent (GG-BAK-001)" in md.split("### Findings")[0]
    html = " ".join(unescape(re.sub(r"<[^>]+>", " ", REPORTERS["html"](result, catalog, ReportOptions()))).split())
    assert NO_PRECEDENT_LINE in html
    sarif_text = REPORTERS["sarif"](result, catalog, ReportOptions())
    assert problems(sarif_text) == []
    run = json.loads(sarif_text)["runs"][0]
    sarif_rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "GG-BAK-001")
    assert sarif_rule["properties"]["cnil"] == []
    assert {r["target"]["toolComponent"]["name"] for r in sarif_rule["relationships"]} == {"GDPR"}
    assert not [t for t in sarif_rule["properties"]["tags"] if t.startswith("cnil/")]
    assert NO_PRECEDENT_LINE in " ".join(sarif_rule["help"]["text"].split())
    result_entry = next(r for r in run["results"] if r["ruleId"] == "GG-BAK-001")
    assert {t["toolComponent"]["name"] for t in result_entry["taxa"]} == {"GDPR"}
    finding = next(f for f in json.loads(REPORTERS["json"](result, catalog, ReportOptions()))["findings"]
                   if f["rule_id"] == "GG-BAK-001")
    assert finding["cnil"] == [] and {g["basis"] for g in finding["gdpr"]} == {"interpretation"}
