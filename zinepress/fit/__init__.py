"""Fit stage: every panel on one page, shrunk within legible bounds where it must be; never clipped.

A panel that runs over is laid out again on its own (the other panels' sections stay empty, so
it costs a fraction of the whole zine), first with tighter line spacing if the layout allows,
then with smaller text, down to the layout's `min_body_pt`. The next size is guessed from the
heights measured so far (steps.py), not by bisection. Each panel gets its own size: a mini zine
is read one page at a time, and shrinking a neighbour that fits only makes it harder to read.
The pages of the panels that were shrunk are then put in place of the pages that ran over.

Crisis-line panels that run over first lose their least relevant contacts (crisis.py), measured
in the same layout as the panels that grow; they shrink only if even their first contact does not
fit. Most zines are fitted in two layouts: the first, and one with every size and cut to measure.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

import weasyprint

from zinepress.crisis import trimmed_by
from zinepress.errors import Report
from zinepress.fit.crisis import CrisisCut
from zinepress.fit.measure import (Measure, base_style, panel_starts, placements, smallest_text,
                                   spill, too_wide)
from zinepress.fit.grow import grow
from zinepress.fit.steps import Search, ladder
from zinepress.fit.tries import MARKER, zine_pages
from zinepress.job import Job
from zinepress.model import Panel
from zinepress.units import mm

if TYPE_CHECKING:
    from zinepress.work import Work

# Lays the pages out again: {panel id: inline CSS}, the panels whose content to lay out, and
# tries (tries.py) to lay out after them.
Relayout = Callable[..., weasyprint.Document]
Laid = tuple[weasyprint.Document, Measure]       # a layout, and where a panel sits in it
QUOTE_MAX = 120      # characters of the last sentence that fits, shown in full up to this


class NotApplied(Exception):
    """A layout's template left out the style the fit stage asked for."""


def fit_pages(work: Work, cut: CrisisCut | None) -> weasyprint.Document | None:
    """Return the pages with every panel fitting its page, or None after reporting which cannot.

    Crisis lines that run over are cut (`cut`), panels that run over shrink, then the others
    grow to fill their pages (grow.py), placed by the theme's rules where they stay short.
    """
    if cut is not None and not cut.tried:          # too many versions to try at once
        return _cut_alone(work, cut.searched(work), cut)
    relayout = _relayout(work)
    held = frozenset(cut.ids) if cut else frozenset()
    shrunk = _shrink(work.document, work.panels, work.job, relayout, work.report, held)
    if shrunk is None:
        return None
    document, first, found = grow(shrunk[0], work.panels, work.job.layout, relayout,
                                  work.theme.short, shrunk[1], held,
                                  cut.tries() if cut else (), work.movable)
    if cut is None:
        return zine_pages(document)
    if MARKER not in panel_starts(first):      # a template that lays out no tries
        return _cut_alone(work, cut.searched(work), cut)
    chosen = cut.chosen(found)
    if chosen is None:               # even one contact runs over: shrink it, as laid out alone
        return _cut_alone(work, cut.most, cut)
    chosen = cut.lower(work, chosen)
    work.crisis = trimmed_by(cut.view, chosen)
    return _with_cut(document, work, cut.pages(first, found, chosen), relayout)


def _cut_alone(work: Work, chosen: int, cut: CrisisCut) -> weasyprint.Document | None:
    """Return the pages fitted with the crisis lines cut as chosen outside the tries' layout."""
    work.crisis = trimmed_by(cut.view, chosen)
    work.document = work.render(work.html())
    return fit_pages(work, None)


def _with_cut(document: weasyprint.Document, work: Work, tried: dict[str, weasyprint.Page | None],
              relayout: Relayout) -> weasyprint.Document:
    """Return the pages with the panels of the crisis lines as cut: their tries' pages where
    those may move, else laid out again."""
    placed = placements(document, [p.id for p in work.panels])
    ids = [p.id for p in work.panels if p.id in placed]       # one page each, in this order
    pages = {i: page for i, page in tried.items()
             if page is not None and work.movable(placed[i].first)}
    missing = [i for i in tried if i not in pages]
    if missing:
        trial = relayout({}, frozenset(missing))
        pages |= {i: trial.pages[m.first] for i, m in placements(trial, missing).items()}
    return document.copy([pages.get(i) or document.pages[k] for k, i in enumerate(ids)])


def _relayout(work: Work) -> Relayout:
    """Return how the fit stage lays the pages out again with its sizes and tries."""
    def relayout(styles: dict[str, str], only: frozenset[str], tries: list = ()):
        return work.render(work.html(styles, only, tries))
    return relayout


def _shrink(document: weasyprint.Document, panels: tuple[Panel, ...], job: Job,
            relayout: Relayout, report: Report, held: frozenset[str] = frozenset()
            ) -> tuple[weasyprint.Document, dict[str, float]] | None:
    """Return the pages with the panels that ran over shrunk, and their sizes; None if one cannot.

    held: panels the caller lays out again (crisis lines to cut), left as they are.
    """
    ids = [p.id for p in panels]
    placed = placements(document, ids)
    # A word wider than its panel runs off the page sideways: it does not fit either (issue 12).
    wide = {i for i, m in placed.items() if m.fits and too_wide(document.pages[m.first], i)}
    if all(m.fits or i in held for i, m in placed.items()) and not wide - held:
        return document, {}
    lined = {p.id for p in panels if p.kind == "notes"}
    over = [i for i in ids if i in placed and i not in held and (i in wide or not placed[i].fits)
            and not (i in lined and not placed[i].fits and not spill(document, placed[i], i).lines)]
    searches = {i: _search(document, placed[i], i, job) for i in over}
    try:
        searches, found, last = _run(searches, relayout, {i: (document, placed[i]) for i in over},
                                     {i: ids.index(i) for i in over})
    except NotApplied as exc:
        report.error(job.layout.folder / job.layout.template, None,
                     f"panel '{exc}' does not fit its page ({_where(job)}), and this layout "
                     "cannot make it smaller: its template must put style=\"{{ panel.fit_style "
                     "}}\" on the panel's <section> (see layouts/_shared/document.html)")
        return None
    failed = [i for i in over if i not in found]
    for panel_id in failed:
        trial, where = last[panel_id]
        if where.fits:   # as high as its page, but too wide even at its smallest
            _report_too_wide(trial, where, panel_id, searches[panel_id], job, report)
        else:
            _report_too_long(trial, where, panel_id, searches[panel_id], job, report)
    if failed:
        return None
    for panel_id in over:
        styles, best = searches[panel_id].styles, searches[panel_id].best
        report.warning(job.zine.yaml_path, _line(job, panel_id),
                       f"panel '{panel_id}' set at {styles[best].describe()} instead of "
                       f"{styles[0].describe()} to fit its page ({_where(job)})")
    # A notes page's lines to write on run on past the page: it keeps those that fit.
    sizes = {i: searches[i].styles[searches[i].best].size for i in over}
    return document.copy([found.get(i) or document.pages[placed[i].first]
                          for i in ids if i in placed]), sizes


def _run(searches: dict[str, Search], relayout: Relayout, last: dict[str, Laid],
         position: dict[str, int]
         ) -> tuple[dict[str, Search], dict[str, weasyprint.Page], dict[str, Laid]]:
    """Lay out the panels that run over until each search is done, all panels at once per round.

    Return the searches, each panel's page in the gentlest style that fits, and the last layout
    of each panel (to tell how much is too long).
    """
    pages: dict[str, tuple[int, weasyprint.Page]] = {}
    while trying := {i: s.next() for i, s in searches.items() if not s.done}:
        trial = _trial(relayout, searches, trying)
        for panel_id, index in trying.items():
            where = placements(trial, [panel_id])[panel_id]
            if base_style(trial.pages[where.first], panel_id) != searches[panel_id].styles[index]:
                raise NotApplied(panel_id)
            fits = _fits(trial, where, panel_id)
            searches[panel_id] = searches[panel_id].measured(index, where.needed, fits)
            last[panel_id] = (trial, where)
            # A panel before it that ran over moves it: keep the page only on the same side
            # (left or right), which page styles may depend on.
            if fits and (where.first - position[panel_id]) % 2 == 0:
                pages[panel_id] = (index, trial.pages[where.first])
    stale = {i: s.best for i, s in searches.items()
             if s.best is not None and pages.get(i, (None,))[0] != s.best}
    if stale:        # laid out again alone, each at its best style, so each lands in place
        trial = _trial(relayout, searches, stale)
        for panel_id, where in placements(trial, list(stale)).items():
            if _fits(trial, where, panel_id):
                pages[panel_id] = (stale[panel_id], trial.pages[where.first])
    return searches, {i: page for i, (k, page) in pages.items() if k == searches[i].best}, last


def _fits(document: weasyprint.Document, where: Measure, panel_id: str) -> bool:
    """Tell whether a panel is on one page and no wider than it."""
    return where.fits and too_wide(document.pages[where.first], panel_id) is None


def _trial(relayout: Relayout, searches: dict[str, Search],
           trying: dict[str, int]) -> weasyprint.Document:
    """Lay out the given panels, each in the style at its ladder index, the others left empty."""
    return relayout({i: searches[i].styles[k].css() for i, k in trying.items()},
                    frozenset(trying))


def _search(document: weasyprint.Document, where: Measure, panel_id: str, job: Job) -> Search:
    """Return the search of one panel that runs over, with its legible floor."""
    pages = document.pages[where.first:where.first + where.pages]
    base = base_style(pages[0], panel_id)
    smallest = smallest_text(pages, panel_id) or base.size
    # Everything in the panel shrinks together: the floor keeps its fine print legible too.
    floor = max(job.layout.min_body_pt, base.size * job.layout.min_text_pt / smallest)
    floor = math.ceil(round(floor * 100, 6)) / 100
    return Search.start(ladder(base, floor, job.layout.min_line_height), where.available,
                        where.needed)


def _report_too_long(document: weasyprint.Document, where: Measure, panel_id: str,
                     search: Search, job: Job, report: Report) -> None:
    """Report a panel that does not fit even at its floor: how much, and where to cut."""
    smallest = search.styles[-1].describe()
    found = spill(document, where, panel_id)
    if found.lines:
        amount = f"about {found.lines} line(s) ({found.words} word(s)) too long"
    else:
        amount = f"about {max(mm(where.needed - where.available), 1):.0f} mm too long"
    if found.last_sentence:
        cut = f'the last sentence that fits is "{_quote(found.last_sentence)}"'
    else:
        cut = "not even its first sentence fits"
    report.error(job.zine.yaml_path, _line(job, panel_id),
                 f"panel '{panel_id}' does not fit its page ({_where(job)}) even at the "
                 f"smallest legible size, {smallest}: it is {amount}; {cut}. Shorten the "
                 "panel or split it into two")


def _report_too_wide(document: weasyprint.Document, where: Measure, panel_id: str,
                     search: Search, job: Job, report: Report) -> None:
    """Report a panel whose widest word runs off its page even at its floor, and by how much."""
    over, text = too_wide(document.pages[where.first], panel_id) or (0.0, "")
    report.error(job.zine.yaml_path, _line(job, panel_id),
                 f"panel '{panel_id}' runs off its page sideways ({_where(job)}) even at the "
                 f"smallest legible size, {search.styles[-1].describe()}: \"{_quote(text)}\" is "
                 f"{max(mm(over), 1):.0f} mm too wide. Put a space in the long word or address, "
                 "or shorten it")


def _quote(sentence: str) -> str:
    if len(sentence) <= QUOTE_MAX:
        return sentence
    return f"{sentence[:50].rstrip()} … {sentence[-60:].lstrip()}"


def _where(job: Job) -> str:
    return (f"language {job.variant.lang}, region {job.variant.region}, layout {job.layout.name}"
            f" on {job.paper}")


def _line(job: Job, panel_id: str) -> int | None:
    panel = next((p for p in job.zine.panels if p.id == panel_id), None)
    return panel.line if panel else None
