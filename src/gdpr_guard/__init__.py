"""gdpr-guard: policy-as-code GDPR checks mapped to GDPR articles and CNIL findings."""

__version__ = "0.1.0"
