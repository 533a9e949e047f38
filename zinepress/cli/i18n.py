"""`zine i18n add | update | status`: the translator's workflow on gettext PO files."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from zinepress.cli.common import ZineGroup, _warnings
from zinepress.errors import Problem, Report, ZineError, display_path

if TYPE_CHECKING:
    from zinepress.i18n.status import Row


@click.group("i18n", cls=ZineGroup)
def group() -> None:
    """Translate zines: add a language, update PO files after edits, see what is left."""


@group.command("add")
@click.argument("slug")
@click.argument("lang")
def add_command(slug: str, lang: str) -> None:
    """Start translating zine SLUG into LANG (a code such as es, ar, fr).

    Makes zines/SLUG/locales/LANG.po from the zine's template (zines/SLUG/locales/SLUG.pot,
    refreshed first) with every string untranslated, each with its key (msgctxt), the author's
    note, the editions that print it and its panel in zine.yaml; and locales/LANG.po for the
    layouts' own words ("Call", "open 24/7") when that language has none yet.
    """
    from zinepress.i18n.workflow import add_language, next_step
    from zinepress.project import find_root

    root = find_root()
    for path in add_language(root, slug, lang):
        click.echo(f"made {display_path(path)}")
    click.echo(next_step(root, slug, lang))


@group.command("update")
@click.argument("slugs", nargs=-1)
@click.option("--trivial", "trivial", multiple=True, metavar="KEY",
              help="This string's source changed only trivially (a typo, punctuation): keep its "
                   "translations current instead of fuzzy. KEY is <panel-id>.<field>, e.g. "
                   "support.body. Repeat for several.")
def update_command(slugs: tuple[str, ...], trivial: tuple[str, ...]) -> None:
    """Bring the PO files up to date with zine.yaml (all zines and layout words by default).

    Strings are matched by key, never by similarity. A changed source keeps its translation,
    marked fuzzy with the previous source text; a removed one is kept as obsolete. Files whose
    content does not change are not touched.
    """
    from zinepress.i18n.workflow import update
    from zinepress.project import find_root

    planned, report = update(find_root(), tuple(slugs), tuple(trivial))
    for item in planned:
        state = "updated" if item.written else "unchanged"
        click.echo(f"{display_path(item.path)}: {item.summary()} ({state})")
    _warnings(report)


@group.command("status")
@click.argument("slugs", nargs=-1)
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None, metavar="PCT",
              help="Exit with status 1 when a language is less than PCT % translated.")
def status_command(slugs: tuple[str, ...], fail_under: float | None) -> None:
    """Show, per zine and language, the translated, fuzzy and untranslated strings.

    First the PO file as a whole, as Poedit counts it; then each edition the language is built
    in, which is what a print build needs: there fuzzy strings, and strings copied from another
    language's file, count as not translated. --fail-under applies to the editions.
    """
    from zinepress.i18n.status import FILE, status_rows
    from zinepress.project import find_root, load_project

    report = Report()
    project = load_project(find_root(), report, tuple(slugs))
    report.raise_if_failed()
    rows = status_rows(project, tuple(slugs), report)
    report.raise_if_failed()
    for line in table(rows):
        click.echo(line)
    _warnings(report)
    low = [r for r in rows if fail_under is not None and r.ratio < fail_under and r.scope != FILE]
    if low:
        raise ZineError([Problem(display_path(r.path), None, f"{r.what} {r.lang} ({_scope(r)}) is "
                                 f"{r.percent} % translated, under --fail-under {fail_under:g}")
                         for r in low])


def _scope(row: Row) -> str:
    from zinepress.i18n.status import WORDS

    return "layout words" if row.what == WORDS else f"edition {row.scope}"


def table(rows: list[Row]) -> list[str]:
    """Return the status as aligned text lines."""
    head = ("zine", "lang", "edition", "translated", "fuzzy", "untranslated", "done")
    body = [(r.what, r.lang, r.scope, str(r.translated), str(r.fuzzy), str(r.untranslated),
             f"{r.percent} %") for r in rows]
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]
    right = {3, 4, 5, 6}
    return ["  ".join(cell.rjust(w) if i in right else cell.ljust(w)
                      for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in [head, *body]]
