"""`zine new`: a starter zine that builds as it is."""
from __future__ import annotations

import re
from pathlib import Path

import click

from zinepress.errors import fail
from zinepress.write import atomic_write

STARTER = """\
# A starter zine. Every key and panel kind is described in docs/zine-yaml.md in zinepress's
# repository; `zine check {slug}` tells you what is wrong.
title: {title}
subtitle: a zine made with zinepress
language: en
variants: [en-intl]
layouts:
  reader: full
  booklet: full
  minizine: full
content_note: Read at your own pace.
# license: the licence you choose, e.g. CC BY-NC-SA 4.0 (no key: no licence line is printed)
credits: Written by you.
sources: []
panels:
  - id: cover
    kind: cover
    title: {title}
    subtitle: a zine made with zinepress
  - id: hello
    heading: Start here
    body: |
      Each panel is one page. Write *short* paragraphs: a mini zine page holds about 60 words.
  - id: second
    heading: A second page
    body: Panels keep their `id` for ever, so translations stay attached to them.
  - id: list
    kind: list
    heading: Lists work too
    items: [one thing, another thing, a third thing]
  - id: quote
    kind: quote
    body: Say one true thing.
  - id: notes
    kind: notes
    heading: Notes
  - id: support
    kind: crisis-lines
    heading: If you want to talk to someone
    critical: true
  - id: back
    kind: back-cover
"""
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def new_zine(root: Path, slug: str) -> Path:
    """Write zines/<slug>/zine.yaml; refuse to overwrite anything."""
    if not SLUG_RE.match(slug):
        raise click.UsageError(f"'{slug}' is not a slug: use lower-case letters, digits and hyphens")
    folder = root / "zines" / slug
    if folder.exists():
        raise fail(folder, None, "already exists; choose another name")
    title = slug.replace("-", " ")
    atomic_write(folder / "zine.yaml", STARTER.format(slug=slug, title=title).encode("utf-8"))
    (folder / "images").mkdir()
    return folder
