"""`zine i18n add` and `zine i18n update`: make and refresh PO files, all or nothing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import click
import polib

from zinepress.errors import Report, did_you_mean, fail
from zinepress.i18n.extract import Entry, layout_words, zine_entries
from zinepress.i18n.merge import Changes, KeyOf, by_context, by_msgid, merge
from zinepress.i18n.pofile import (complete_header, english_name, known_language, new_po,
                                   read_po, save_if_changed, signature)
from zinepress.i18n.template import make_template, template_path
from zinepress.localize import LAYOUT_LANGUAGE
from zinepress.model import Zine
from zinepress.project import Project, load_project

WORDS_TEMPLATE = "zinepress.pot"
WORDS_PROJECT = "zinepress layouts"
LANG_RE = re.compile(r"^[a-z]{2,3}$")


@dataclass
class Planned:
    """One PO (or POT) file as an update would leave it."""

    path: Path
    po: polib.POFile
    before: tuple | None
    changes: Changes
    written: bool = False

    def summary(self) -> str:
        """Return what changed, in words."""
        if self.path.suffix == ".pot":
            return f"template, {len(self.po)} string(s)"
        return self.changes.summary()


def add_language(root: Path, slug: str, lang: str) -> list[Path]:
    """Make zines/<slug>/locales/<lang>.po from the zine's POT (and locales/<lang>.po if missing)."""
    if not LANG_RE.match(lang) or not known_language(lang):
        raise click.BadParameter(f"'{lang}' is not a language code CLDR knows (e.g. es, ar, fr)",
                                 param_hint="LANG")
    report = Report()
    project = load_project(root, report, (slug,))
    report.raise_if_failed()
    zine = project.zines[slug]
    path = zine.folder / "locales" / f"{lang}.po"
    if lang == zine.language:
        raise fail(zine.yaml_path, zine.lines.get("language"),
                   f"the zine is written in '{lang}': translations go into other languages")
    if path.exists():
        raise fail(path, None, "already exists: run `zine i18n update` to bring it up to date")
    template = _plan_template(zine, project.root, report)
    report.raise_if_failed()
    template.written = save_if_changed(template.path, template.po, template.before)
    made = [_create(path, lang, slug, _from_template(template.po), by_context,
                    f'{english_name(lang)} translation of the zine "{zine.title}".')]
    words = project.root / "locales" / f"{lang}.po"
    if not words.exists():
        made.append(_create(words, lang, WORDS_PROJECT, layout_words(project.root), by_msgid,
                            f"{english_name(lang)} translation of the layouts' own words."))
    return made


def next_step(root: Path, slug: str, lang: str) -> str:
    """Return what to do after `zine i18n add`: build the language, or list it in variants."""
    report = Report()
    zine = load_project(root, report, (slug,)).zines.get(slug)
    if zine is not None and any(v.lang == lang for v in zine.variants):
        return f"next: translate it, then `zine build {slug} -l {lang}`"
    return (f"next: translate it, then add a variant such as {lang}-intl (language-region) to "
            f"'variants:' in zines/{slug}/zine.yaml, so that `zine build` makes it")


def _create(path: Path, lang: str, project: str, entries: list[Entry], key_of: KeyOf,
            title: str) -> Path:
    header = (f"{title}\nFill in Last-Translator. X-Review-State: needs-native-review until a "
              "native speaker has reviewed it, then reviewed (and X-Reviewed-By: their name).")
    po = new_po(lang, project, header)
    merge(po, entries, key_of)
    save_if_changed(path, po, None)
    return path


def _from_template(pot: polib.POFile) -> list[Entry]:
    return [Entry(e.msgctxt or e.msgid, e.msgid, e.comment, tuple(e.occurrences), tuple(e.flags))
            for e in pot if not e.obsolete]


def update(root: Path, slugs: tuple[str, ...], trivial: tuple[str, ...]) -> tuple[list[Planned], Report]:
    """Update every PO file of the zines (and the layout words when no zine is named).

    Nothing is written unless every file could be read and every --trivial key exists.
    """
    report = Report()
    project = load_project(root, report, slugs)
    report.raise_if_failed()
    _check_trivial(project, trivial)
    planned = []
    for zine in project.zines.values():
        entries = zine_entries(zine, project.root)
        planned.append(_plan_template(zine, project.root, report))
        for path in sorted((zine.folder / "locales").glob("*.po")):
            planned += _plan(path, entries, by_context, frozenset(trivial), report)
    if not slugs:
        planned += _plan_words(project, report)
    report.raise_if_failed()
    for item in planned:
        item.written = save_if_changed(item.path, item.po, item.before)
    return planned, report


def _plan(path: Path, entries: list[Entry], key_of: KeyOf, trivial: frozenset[str],
          report: Report) -> list[Planned]:
    po = read_po(path, report)
    if po is None:
        return []
    before = signature(po)
    changes = merge(po, entries, key_of, trivial)
    complete_header(po)
    for line in changes.unkeyed:
        what = "msgctxt" if key_of is by_context else "msgid"
        report.warning(path, line, f"this entry has no {what} of its own (or repeats one): kept "
                                   "as it is, but no build uses it")
    return [Planned(path, po, before, changes)]


def _plan_template(zine: Zine, root: Path, report: Report) -> Planned:
    path = template_path(zine)
    old = read_po(path, report) if path.is_file() else None
    header = (f'Template of the zine "{zine.title}" ({zine.slug}): made by `zine i18n update`; '
              "do not edit.\nTo translate it into a new language, run `zine i18n add "
              f"{zine.slug} LANG`.")
    pot = make_template(zine.slug, header, zine_entries(zine, root), by_context, old,
                        zine.language)
    return Planned(path, pot, signature(old) if old else None, Changes())


def _plan_words(project: Project, report: Report) -> list[Planned]:
    folder = project.root / "locales"
    entries = layout_words(project.root)
    template = folder / WORDS_TEMPLATE
    old = read_po(template, report) if template.is_file() else None
    header = ("The layouts' own words. To translate them into a new language, run\n"
              "`zine i18n add SLUG LANG` (it makes locales/LANG.po), or copy this file.")
    pot = make_template(WORDS_PROJECT, header, entries, by_msgid, old, LAYOUT_LANGUAGE)
    planned = [Planned(template, pot, signature(old) if old else None, Changes())]
    for path in sorted(folder.glob("*.po")):
        planned += _plan(path, entries, by_msgid, frozenset(), report)
    return planned


def _check_trivial(project: Project, trivial: tuple[str, ...]) -> None:
    keys = {e.key for z in project.zines.values() for e in zine_entries(z, project.root)}
    unknown = [key for key in trivial if key not in keys]
    if unknown:
        key = unknown[0]
        raise click.BadParameter(
            f"no string '{key}' in {', '.join(project.zines) or 'the zines'}"
            f"{did_you_mean(key, keys)} (a key is <panel-id>.<field>, as in the PO files' "
            "msgctxt)", param_hint="--trivial")
