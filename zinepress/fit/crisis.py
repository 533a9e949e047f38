"""Crisis lines that fit their panel: the fewest least relevant contacts left out.

Contacts are ranked by relevance (crisis.TOPIC_ORDER), so a full panel loses its least relevant
contact before its numbers get smaller. When the panel runs over, every shorter version of it is
laid out as a try (tries.py) in the fit stage's one layout, and the fewest cuts that fit are
read from it: no layout per guess (issue 16). A region with more contacts than MAX_TRIES is
searched by halves instead, on layouts of the crisis panels alone (halves.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import weasyprint

from zinepress.crisis import CrisisView, contact_count, trimmed_by
from zinepress.fit.halves import fewest_cuts
from zinepress.fit.tries import Try, measured
from zinepress.render.document import overflows

if TYPE_CHECKING:
    from zinepress.work import Work

MAX_TRIES = 12        # shorter versions laid out at once; past this, a search by halves
SECTION = re.compile(r'<section class="panel[^"]*" id="panel-([^"]+)"')


@dataclass(frozen=True)
class CrisisCut:
    """Crisis lines that ran over: every view to try, and the panels that print them."""

    view: CrisisView                  # every line the region has
    lines: tuple[str, ...]            # the crisis-lines panels
    ids: tuple[str, ...]              # every panel whose content changes with the cut
    most: int                         # cuts that leave one contact

    @classmethod
    def needed(cls, work: Work) -> CrisisCut | None:
        """Return the cut to make when the crisis lines run over their panel, else None."""
        panels = [p.id for p in work.panels if p.kind == "crisis-lines"]
        if work.crisis is None or not overflows(work.document, panels):
            return None
        most = contact_count(work.crisis) - 1
        if most < 1:          # one contact that does not fit: the fit stage shrinks it
            return None
        before = _sections(work.html())
        after = _sections(work.html(crisis=trimmed_by(work.crisis, most)))
        changed = tuple(i for i in before if before[i] != after.get(i))
        return cls(work.crisis, tuple(panels), tuple(dict.fromkeys((*panels, *changed))), most)

    def tries(self) -> list[Try]:
        """Return every shorter version of the panels to lay out, or none past MAX_TRIES."""
        if self.most > MAX_TRIES:
            return []
        return [Try(f"cut-{n}-{i}", i, "", trimmed_by(self.view, n))
                for n in range(1, self.most + 1) for i in self.ids]

    def chosen(self, document: weasyprint.Document) -> int | None:
        """Return the fewest cuts whose crisis panels all fit in this layout's tries, or None."""
        found = measured(document, self.tries())
        for n in range(1, self.most + 1):
            keys = [f"cut-{n}-{i}" for i in self.lines]
            if all(k in found and found[k].fits for k in keys):
                return n
        return None

    def pages(self, document: weasyprint.Document, cut: int) -> dict[str, weasyprint.Page]:
        """Return the pages of this layout's tries at `cut`, by panel id."""
        found = measured(document, [Try(f"cut-{cut}-{i}", i) for i in self.ids])
        return {i: document.pages[found[f"cut-{cut}-{i}"].first] for i in self.ids
                if f"cut-{cut}-{i}" in found and found[f"cut-{cut}-{i}"].fits}

    def searched(self, work: Work) -> int:
        """Return the fewest cuts that fit, from layouts of the crisis panels alone."""
        panels = tuple(p for p in work.panels if p.kind == "crisis-lines")
        ids = [p.id for p in panels]

        def fits(cut: int) -> bool:
            html = work.html(crisis=trimmed_by(self.view, cut), panels=panels, bleed=False)
            return not overflows(work.render(html), ids)
        return fewest_cuts(self.most, fits)


def _sections(html: str) -> dict[str, str]:
    """Return each panel's section of the pages' HTML, by panel id."""
    parts = SECTION.split(html)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
