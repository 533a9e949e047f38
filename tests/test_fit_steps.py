"""The fit stage's pure parts: the ladder of styles, the search, the last sentence that fits."""
from __future__ import annotations

from zinepress.fit.measure import last_sentence
from zinepress.fit.steps import Search, Style, ladder

BASE = Style(8.5, 1.3)


def test_the_ladder_tightens_spacing_first_then_shrinks_to_the_floor() -> None:
    styles = ladder(BASE, 7.5, 1.2)
    assert styles[:4] == (BASE, Style(8.5, 1.25), Style(8.5, 1.2), Style(8.4, 1.2))
    assert styles[-1] == Style(7.5, 1.2)
    assert len(styles) == 3 + 10


def test_without_a_spacing_minimum_only_the_size_changes() -> None:
    styles = ladder(Style(11.0, 1.45), 10.0, None)
    assert {s.line_height for s in styles} == {1.45}
    assert [s.size for s in styles] == [11.0, 10.9, 10.8, 10.7, 10.6, 10.5, 10.4, 10.3, 10.2,
                                        10.1, 10.0]


def test_a_floor_off_the_step_grid_is_the_last_step() -> None:
    assert ladder(Style(8.0, None), 7.52, None)[-1] == Style(7.52, None)


def test_a_floor_above_the_base_leaves_only_the_base() -> None:
    assert ladder(Style(8.0, 1.3), 8.2, None) == (Style(8.0, 1.3),)


def test_the_first_guess_comes_from_the_measured_height() -> None:
    search = Search.start(ladder(BASE, 7.5, None), available=100.0, needed=120.0)
    guess = search.styles[search.next()]
    # Height goes with the size squared: 8.5 * sqrt(100 * 0.985 / 120) = 7.70.
    assert guess == Style(7.7, 1.3)


def test_a_guess_that_fits_with_little_room_ends_the_search() -> None:
    search = Search.start(ladder(BASE, 7.5, None), available=100.0, needed=120.0)
    search = search.measured(8, needed=99.0, fits=True)
    assert search.done and search.styles[search.best] == Style(7.7, 1.3)


def test_a_guess_that_does_not_fit_moves_the_next_one_down() -> None:
    search = Search.start(ladder(BASE, 7.5, None), available=100.0, needed=120.0)
    search = search.measured(8, needed=104.0, fits=False)
    assert not search.done and search.best is None
    assert search.next() > 8


def test_when_the_floor_does_not_fit_the_search_ends_without_a_style() -> None:
    search = Search.start(ladder(BASE, 7.5, None), available=100.0, needed=300.0)
    assert search.next() == len(search.styles) - 1
    search = search.measured(search.next(), needed=230.0, fits=False)
    assert search.done and search.best is None


def test_the_last_sentence_that_fits_skips_a_sentence_cut_by_the_page() -> None:
    para, heading = object(), object()
    lines = [(heading, "Self-harm can get our needs met."),
             (para, "People do it for many reasons. It can alter our emo\u2010"),
             (para, "tions. It can get outcomes that cannot be")]
    assert last_sentence(lines, continued=True) == "It can alter our emotions."


def test_a_paragraph_that_ends_on_the_page_counts_whole() -> None:
    para = object()
    lines = [(para, "We need to shift our thinking to connection-"),
             (para, "seeking, which is another way of saying it.")]
    assert last_sentence(lines, continued=False) == (
        "We need to shift our thinking to connection-seeking, which is another way of saying it.")


def test_a_heading_is_the_last_that_fits_when_no_sentence_of_its_paragraph_does() -> None:
    heading, para = object(), object()
    lines = [(heading, "Harm reduction, not pressure to stop"), (para, "Self-harm can be")]
    assert last_sentence(lines, continued=True) == "Harm reduction, not pressure to stop"


def test_nothing_fits_when_the_first_sentence_runs_past_the_page() -> None:
    para = object()
    assert last_sentence([(para, "Self-harm can be cyclical and")], continued=True) is None


def test_a_panel_pushed_to_the_other_side_by_one_that_runs_over_is_laid_out_again() -> None:
    import weasyprint

    from zinepress.fit import _run
    from zinepress.fit.measure import lines, placements

    words = "Self-harm can get our needs met, and people do it for many different reasons. "
    texts = {"a": words * 9, "b": words * 7, "c": "Notes."}

    def relayout(styles: dict[str, str], only: frozenset[str]) -> weasyprint.Document:
        sections = "".join(
            f'<section id="panel-{i}" style="{styles.get(i, "")}">'
            f'{"<p>" + t + "</p>" if i in only else ""}</section>' for i, t in texts.items())
        css = ("@page { size: 80mm 80mm; margin: 8mm } body { margin: 0; font: 10pt sans-serif }"
               " section { break-before: page } section:first-child { break-before: auto }")
        return weasyprint.HTML(string=f"<style>{css}</style>{sections}").render()

    start = relayout({}, frozenset(texts))
    placed = placements(start, list(texts))
    assert placed["a"].pages == 2 and placed["b"].pages == 2
    searches = {i: Search.start(ladder(Style(10.0, None), 9.9 if i == "a" else 6.0, None),
                                placed[i].available, placed[i].needed) for i in ("a", "b")}
    searches, found, last = _run(searches, relayout, {i: (start, placed[i]) for i in searches},
                                 {"a": 0, "b": 1})
    assert "a" not in found                               # still two pages at 9.9 pt
    trial, where = last["b"]
    assert where.fits and where.first != 1                # in the trial, 'a' pushed it along
    assert found["b"] is not trial.pages[where.first]     # so it was laid out again, in place
    assert "needs met" in " ".join(text for _, text in lines(found["b"], "b"))
