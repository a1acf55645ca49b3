"""The notice every human-facing output carries: what gdpr-guard's legal mapping is, and what it is not."""

from __future__ import annotations

DISCLAIMER = (
    "Not legal advice. gdpr-guard runs technical checks; their mapping to GDPR articles and CNIL decisions "
    "is gdpr-guard's own reading, marked as such. A finding is a risk signal, not a finding of infringement, "
    "and a clean scan is not compliance. CNIL decisions are cited as precedents: \"same failing as\" where the "
    "rule detects the facts the CNIL found, \"related precedent\" where they only resemble them."
)
"""One paragraph; reports print it whole, near the top."""

SAME = "same failing as"
RELATED = "related precedent"
NO_PRECEDENT = "no CNIL precedent"
"""What a rule of a family allowed to cite no CNIL finding (availability, BAK) shows in place of one."""
NO_PRECEDENT_LINE = (
    "No CNIL precedent: no CNIL sanction in gdpr-guard's sources concerns this failing; the rule rests on "
    "gdpr-guard's reading of the GDPR articles above alone."
)
"""The legal line of such a rule in `explain`, SARIF help, docs/rules.md and the HTML report."""


def basis_words(basis: str) -> str:
    """How an article's mapping is described: only a `cnil` basis says the CNIL applied it."""
    return "as the CNIL applied it" if basis == "cnil" else "our reading of the article"


def first_sentence(text: str) -> str:
    """The one-line fix shown beside each finding: the remediation's first sentence."""
    flat = " ".join(text.split())
    cut = flat.find(". ")
    while cut != -1 and flat[cut - 2:cut] in ("e.", "g.", "i."):  # e.g. / i.e.
        cut = flat.find(". ", cut + 1)
    return flat if cut == -1 else flat[:cut + 1]
