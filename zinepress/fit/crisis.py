"""Crisis lines that fit their panel: the fewest least relevant contacts left out.

Contacts are ranked by relevance (crisis.TOPIC_ORDER), so a full panel loses its least relevant
contact before its numbers get smaller. When the panel runs over, the first layout tells how
far, and how tall each contact, service and QR code is: fewer cuts than `least` cannot remove
enough, even counting every box whole. Every shorter version from there is laid out as a try
(tries.py) in the fit stage's one layout, and the fewest cuts that fit are read from it: no
layout per guess (issue 16). A region with more versions to try than MAX_TRIES is searched by
halves instead, on layouts of the crisis panels alone (halves.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import weasyprint
from weasyprint.formatting_structure import boxes

from zinepress.crisis import CrisisView, contact_count, trimmed_by
from zinepress.fit.halves import fewest_cuts
from zinepress.fit.measure import PX, Measure, placements, section
from zinepress.fit.tries import Try

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
    least: int = 1                    # fewer cuts cannot remove enough (measured)

    @classmethod
    def needed(cls, work: Work) -> CrisisCut | None:
        """Return the cut to make when the crisis lines run over their panel, else None."""
        panels = [p.id for p in work.panels if p.kind == "crisis-lines"]
        if work.crisis is None or _fits(work.document, panels):
            return None
        most = contact_count(work.crisis) - 1
        if most < 1:          # one contact that does not fit: the fit stage shrinks it
            return None
        before = _sections(work.html())
        after = _sections(work.html(crisis=trimmed_by(work.crisis, most)))
        changed = tuple(i for i in before if before[i] != after.get(i))
        least = min(_least(work.document, i, work.crisis) for i in panels)
        return cls(work.crisis, tuple(panels), tuple(dict.fromkeys((*panels, *changed))), most,
                   max(1, min(least - 1, most)))      # one below: the boxes' heights round

    @property
    def tried(self) -> bool:
        """Tell whether the versions to try are few enough to lay out at once."""
        return self.most - self.least + 1 <= MAX_TRIES

    def tries(self) -> list[Try]:
        """Return every shorter version of the panels to lay out, from `least` cuts."""
        return [Try(f"cut-{n}-{i}", i, "", trimmed_by(self.view, n))
                for n in range(self.least, self.most + 1) for i in self.ids]

    def chosen(self, found: dict[str, Measure]) -> int | None:
        """Return the fewest cuts whose crisis panels all fit, from the tries measured, or None."""
        for n in range(self.least, self.most + 1):
            keys = [f"cut-{n}-{i}" for i in self.lines]
            if all(k in found and found[k].fits for k in keys):
                return n
        return None

    def lower(self, work: Work, cut: int) -> int:
        """Return `cut`, or fewer cuts that fit too when the measured bound was not one."""
        if cut > self.least or self.least == 1:
            return cut
        return min(cut, self.searched(work, self.least - 1))

    def pages(self, document: weasyprint.Document, found: dict[str, Measure],
              cut: int) -> dict[str, weasyprint.Page | None]:
        """Return each panel's page in the tries at `cut`, by id; None where it did not fit."""
        keys = {i: f"cut-{cut}-{i}" for i in self.ids}
        return {i: document.pages[found[k].first] if k in found and found[k].fits else None
                for i, k in keys.items()}

    def searched(self, work: Work, most: int | None = None) -> int:
        """Return the fewest cuts up to `most` that fit, from layouts of the crisis panels alone;
        one more than `most` when none does."""
        panels = tuple(p for p in work.panels if p.kind == "crisis-lines")
        ids, most = [p.id for p in panels], self.most if most is None else most
        known: dict[int, bool] = {}

        def fits(cut: int) -> bool:
            if cut not in known:
                html = work.html(crisis=trimmed_by(self.view, cut), panels=panels, bleed=False)
                known[cut] = _fits(work.render(html), ids)
            return known[cut]
        found = fewest_cuts(most, fits)
        return found if fits(found) or most == self.most else most + 1


def _fits(document: weasyprint.Document, ids: list[str]) -> bool:
    """Tell whether each of these panels is on one page."""
    return all(where.fits for where in placements(document, ids).values())


def _sections(html: str) -> dict[str, str]:
    """Return each panel's section of the pages' HTML, by panel id."""
    parts = SECTION.split(html)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _least(document: weasyprint.Document, panel_id: str, view: CrisisView) -> int:
    """Return the fewest cuts that could remove the height by which the panel runs over.

    Every box is counted whole (its margins too, though they collapse), so the real height
    removed is never more: fewer cuts cannot fit. 1 when the boxes are not the ones expected.
    """
    where = placements(document, [panel_id])[panel_id]
    heights: dict[str, list[float]] = {"contact": [], "service": [], "qr": [], "qr-codes": []}
    seen: dict[object, tuple[str, int]] = {}
    for page in document.pages[where.first:where.first + where.pages]:
        box, counted = section(page, panel_id), set()
        for child in box.descendants() if box is not None else ():
            kind = _kind(child)
            # An element's own box comes first; anonymous boxes inside it carry its element too.
            if kind is None or child.element in counted:
                continue
            counted.add(child.element)
            if child.element not in seen:
                seen[child.element] = (kind, len(heights[kind]))
                heights[kind].append(0.0)
            kind, index = seen[child.element]
            heights[kind][index] += child.margin_height() * PX
    sizes = [len(s.contacts) for s in view.services]
    if len(heights["contact"]) != sum(sizes) or len(heights["service"]) != len(sizes) \
            or len(heights["qr"]) not in (0, len(view.links)):
        return 1
    over = where.needed - where.available
    for cut in range(1, contact_count(view)):
        if _removed(cut, view, heights, sizes) >= over:
            return cut
    return contact_count(view) - 1


def _removed(cut: int, view: CrisisView, heights: dict[str, list[float]],
             sizes: list[int]) -> float:
    """Return at most how much height leaving out `cut` contacts removes."""
    removed = sum(heights["contact"][len(heights["contact"]) - cut:])
    kept = contact_count(view) - cut
    for index, size in enumerate(sizes):     # a service with no contact left goes whole
        if sum(sizes[:index]) >= kept:
            removed += heights["service"][index] - sum(
                heights["contact"][sum(sizes[:index]):sum(sizes[:index + 1])])
    links = trimmed_by(view, cut).links
    if heights["qr"] and not links:
        removed += sum(heights["qr-codes"])
    elif heights["qr"]:
        removed += sum(h for link, h in zip(view.links, heights["qr"]) if link not in links)
    return removed


def _kind(box: boxes.Box) -> str | None:
    """Return which part of a crisis panel a box is: its element's class, when one we measure."""
    if not isinstance(box, (boxes.BlockBox, boxes.InlineBlockBox)) or box.element is None:
        return None
    classes = (box.element.get("class") or "").split()
    return next((c for c in ("contact", "service", "qr", "qr-codes") if c in classes), None)
