"""What a language edition lacks, checked in every build: a print build never mixes languages."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from zinepress.crisis import CrisisView
from zinepress.errors import Problem, Report, display_path
from zinepress.i18n.extract import all_words, crisis_words, placeholders
from zinepress.i18n.glyphs import check_glyphs
from zinepress.job import Job
from zinepress.load.po import Catalog
from zinepress.localize import LAYOUT_LANGUAGE, ZINE_TEXT_PANELS, Localized
from zinepress.model import Panel, Zine
from zinepress.project import Project


def check_language(project: Project, job: Job, loc: Localized, panels: tuple[Panel, ...],
                   crisis: CrisisView | None, draft: bool, report: Report) -> Localized:
    """Check a job's language before rendering: translations, then glyphs; return what to mark."""
    catalog = project.translations(job.zine, loc.lang, report)
    words = project.words(loc.lang, report)
    loc = check_translations(loc, job.zine, panels, project.root, catalog, words, draft, report)
    _warn_words(loc.lang, project.root, words, report)
    _check_placeholders(words, report)
    check_glyphs(loc, job.zine, panels, crisis, catalog, words, project.assets.folders("fonts"),
                 job.layout.folder, report)
    return loc


def check_translations(loc: Localized, zine: Zine, panels: tuple[Panel, ...], root: Path,
                       catalog: Catalog, words: Catalog, draft: bool, report: Report) -> Localized:
    """Refuse a print build that would mix languages; return the panels a --draft build marks.

    Every string the job's panels print must be translated and not fuzzy (nor translated from an
    older source text); the crisis-lines panel needs its layout words too. Each one missing is
    an error naming panel and field, unless the build is a --draft.
    """
    po = zine.folder / "locales" / f"{loc.lang}.po"
    lacking = _crisis_words_lacking(loc.lang, root, words)
    flags = dict(loc.flags)
    shown = {p.id for p in panels}
    printed = {k: s for k, s in _states(loc).items() if _printed(zine, k, shown)}
    for panel in panels:
        if panel.kind == "crisis-lines" and lacking:
            flags.setdefault(panel.id, "untranslated")
            if not draft:
                _error_once(report, root / "locales" / f"{loc.lang}.po", None,
                            _crisis_message(loc.lang, panel, lacking))
    unreadable = po.is_file() and catalog.path is None     # why is reported where it was read
    if printed and not draft and not unreadable:
        _report_printed(loc.lang, zine, panels, po, catalog, printed, report)
    return replace(loc, flags={k: v for k, v in flags.items() if k in shown})


def _report_printed(lang: str, zine: Zine, panels: tuple[Panel, ...], po: Path,
                    catalog: Catalog, printed: dict[str, str], report: Report) -> None:
    """Report each string not ready, in the order the pages print them, then the ways forward."""
    order = [f"zine.{name}" for name in zine.text] + [
        f"{p.id}.{name}" for p in panels
        for name in [*p.text, *(f"items.{i}" for i in range(len(p.items)))]]
    for key in sorted(printed, key=lambda k: order.index(k) if k in order else len(order)):
        _error_once(report, po, catalog.lines.get(key),
                    f"{lang}: {_what(key)} {STATE_WORDS[printed[key]]}")
    _error_once(report, po, None, _ways_forward(lang, zine, len(printed)))


def _printed(zine: Zine, key: str, shown: set[str]) -> bool:
    head, _, name = key.partition(".")
    if head == "zine":
        kinds = ZINE_TEXT_PANELS.get(name, ())
        return any(p.kind in kinds for p in zine.panels if p.id in shown)
    return head in shown


def _what(key: str) -> str:
    head, _, name = key.partition(".")
    if head == "zine":
        return f"the zine's {name} (zine.yaml '{name}')"
    return f"panel '{head}', field '{name}'"


def _ways_forward(lang: str, zine: Zine, count: int) -> str:
    strings = "1 string these pages print is not translated or needs" if count == 1 else \
        f"{count} strings these pages print are not translated or need"
    return (f"{lang}: a print build never mixes languages, and {strings} "
            f"review (listed above). Translate or review them (`zine i18n status "
            f"{zine.slug}` shows what each edition needs), or build with --draft to print the "
            "fuzzy translations marked \"needs review\" and the English marked \"not translated\"")


def _error_once(report: Report, path: Path, line: int | None, message: str) -> None:
    # Every layout of a variant finds the same gaps: say each once.
    error = Problem(display_path(path), line, message)
    if error not in report.problems:
        report.problems.append(error)


def _warn_words(lang: str, root: Path, words: Catalog, report: Report) -> None:
    if lang == LAYOUT_LANGUAGE:
        return
    lacking = [w for w in all_words(root) if not words.translated.get(w)]
    if lacking:
        shown = ", ".join(f"'{w}'" for w in lacking[:4]) + (" …" if len(lacking) > 4 else "")
        _warn_once(report, root / "locales" / f"{lang}.po",
                   f"{lang}: {len(lacking)} layout word(s) not translated, printed in English "
                   f"where used: {shown}")


def _check_placeholders(words: Catalog, report: Report) -> None:
    for msgid, text in words.translated.items():
        want, got = placeholders(msgid), placeholders(text)
        if want != got and words.path is not None:
            error = Problem(display_path(words.path), words.lines.get(msgid),
                            f"the translation of '{msgid}' must keep "
                            f"{_braces(want) or 'no placeholder'} exactly as written; it has "
                            f"{_braces(got) or 'none'}")
            if error not in report.problems:
                report.problems.append(error)


def _braces(names: list[str]) -> str:
    return ", ".join("{" + n + "}" for n in names)


def _warn_once(report: Report, path: Path, message: str) -> None:
    # Every layout of a variant finds the same gaps: say it once.
    shown = display_path(path)
    if not any(p.path == shown and p.message == message for p in report.warnings):
        report.warning(path, None, message)


def _states(loc: Localized) -> dict[str, str]:
    states = {k: "untranslated" for k in loc.fallbacks}
    states.update({k: "fuzzy" for k in loc.fuzzy})
    states.update({k: "stale" for k in loc.stale})
    return states


def _crisis_words_lacking(lang: str, root: Path, words: Catalog) -> list[str]:
    if lang == LAYOUT_LANGUAGE:
        return []
    return sorted(w for w in crisis_words(root) if not words.translated.get(w))


STATE_WORDS = {"untranslated": "is not translated", "fuzzy": "is fuzzy (needs review)",
               "stale": "was translated from an older source text (run `zine i18n update`)"}


def _crisis_message(lang: str, panel: Panel, lacking: list[str]) -> str:
    shown = ", ".join(repr(w) for w in lacking[:3]) + (" …" if len(lacking) > 3 else "")
    return (f"{lang}: critical panel '{panel.id}' cannot be printed: {len(lacking)} crisis-line "
            f"word(s) are not translated in locales/{lang}.po ({shown}). Translate them, or "
            "build with --draft to print it marked DRAFT")
