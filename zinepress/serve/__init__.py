"""`zine serve`: a local page that shows each variant's sheets and panels beside their source text.

It watches the project's files and the page reloads itself when a YAML or PO file is saved.
"""
