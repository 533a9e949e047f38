"""Render stage: localized zine + layout → HTML (Jinja2, sandboxed) → WeasyPrint pages."""
