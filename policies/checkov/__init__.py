"""Custom checkov policies of gdpr-guard (checkov loads Python checks only from a package)."""
