"""Publish safely, text: find personal and sensitive information and redact it (pure)."""
