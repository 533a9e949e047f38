"""What a language edition lacks, checked in every build: critical panels fail, the rest warn."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from zinepress.crisis import CrisisView
from zinepress.errors import Problem, Report, display_path
from zinepress.i18n.extract import all_words, crisis_words, placeholders
from zinepress.i18n.glyphs import check_glyphs
from zinepress.i18n.pofile import english_name
from zinepress.jobs import Job
from zinepress.load.po import Catalog
from zinepress.localize import LAYOUT_LANGUAGE, Localized
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
    """Report untranslated critical panels (errors unless draft) and other fallbacks (warnings).

    Return the localized zine with every panel a --draft build must mark: fallbacks, fuzzy
    translations, and a crisis-lines panel whose layout words are not translated.
    """
    po = zine.folder / "locales" / f"{loc.lang}.po"
    lacking = _crisis_words_lacking(loc.lang, root, words)
    flags = dict(loc.flags)
    states = _states(loc)
    shown = {p.id for p in panels}
    for panel in panels:
        own = {k: s for k, s in states.items() if k.startswith(f"{panel.id}.")}
        if panel.kind == "crisis-lines" and lacking:
            flags.setdefault(panel.id, "untranslated")
        if panel.critical and (own or (panel.kind == "crisis-lines" and lacking)) and not draft:
            where = po if own else root / "locales" / f"{loc.lang}.po"
            report.error(where, _line(catalog, own), _critical_message(loc.lang, panel, own,
                                                                       lacking))
    order = [p.id for p in panels] + ["zine"]
    rest = {k: states[k] for k in sorted(states, key=lambda k: order.index(k.split(".")[0])
                                         if k.split(".")[0] in order else len(order))
            if k.split(".")[0] in order and not _critical(zine, k)}
    if rest:
        _warn_once(report, po, _fallback_message(loc.lang, zine.language, rest))
    return replace(loc, flags={k: v for k, v in flags.items() if k in shown})


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


def _critical(zine: Zine, key: str) -> bool:
    head = key.split(".")[0]
    return any(p.id == head and p.critical for p in zine.panels)


def _line(catalog: Catalog, own: dict[str, str]) -> int | None:
    return next((catalog.lines[k] for k in sorted(own) if k in catalog.lines), None)


STATE_WORDS = {"untranslated": "is not translated", "fuzzy": "is fuzzy (needs review)",
               "stale": "was translated from an older source text (run `zine i18n update`)"}


def _critical_message(lang: str, panel: Panel, own: dict[str, str], lacking: list[str]) -> str:
    parts = [f"{key} {STATE_WORDS[state]}" for key, state in sorted(own.items())]
    if panel.kind == "crisis-lines" and lacking:
        where = "locales/" + f"{lang}.po"
        parts.append(f"{len(lacking)} crisis-line word(s) are not translated in {where} "
                     f"({', '.join(repr(w) for w in lacking[:3])}{' …' if len(lacking) > 3 else ''})")
    return (f"{lang}: critical panel '{panel.id}' cannot be printed: {'; '.join(parts)}. "
            "Translate it, or build with --draft to print it marked DRAFT")


def _fallback_message(lang: str, source: str, rest: dict[str, str]) -> str:
    panels: dict[str, list[str]] = {}
    for key in rest:
        head, _, name = key.partition(".")
        panels.setdefault(head, []).append(name)
    listed = ", ".join(f"{head} ({', '.join(names)})" for head, names in panels.items())
    fuzzy = sum(s != "untranslated" for s in rest.values())
    extra = f", {fuzzy} of them fuzzy or out of date" if fuzzy else ""
    return (f"{lang}: {len(rest)} string(s) not translated{extra}, printed in "
            f"{english_name(source)}: {listed}")
