"""The translator workflow: extract strings, add a language, update PO files by key, status."""
