"""`zine serve`: a local page that shows each variant's sheets and panels beside their source text.

It keeps the project loaded and watches its files; after a save, the open page's view is built
again and its new pictures replace the old ones in place (live.py).
"""
