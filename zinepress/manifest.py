"""build/manifest.json: one entry per output, merged by path so that shards and partial builds add up.

Every build, a whole one or `--shard I/N`, merges its entries into the manifest already in the output
folder, under the output folder's lock (`<out>/.lock`, zinepress.write): an entry with the same `path` is
replaced, entries of other outputs are kept while their file exists, and entries are sorted by path.
So shards run one after another, or at the same time into one folder (one machine, or a shared file
system with working `flock`), leave the same manifest as the unsharded build. Shards built on
separate machines each leave the entries of their part; `zine manifest merge` joins those files
(`join`), refusing two entries for one output built from different inputs.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable

from zinepress.errors import Report, display_path

log = logging.getLogger(__name__)
NAME = "manifest.json"


def entry_path(out: Path, relative: Path, root: Path) -> str:
    """Return an output's `path` as the manifest writes it: relative to the project root."""
    target = (out / relative).resolve()
    root = root.resolve()
    return str(target.relative_to(root) if target.is_relative_to(root) else target)


def read_entries(out: Path) -> dict[str, dict]:
    """Return the entries of the manifest in `out` by path; none when it is missing or unreadable."""
    path = out / NAME
    if not path.is_file():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["outputs"]
        return {e["path"]: e for e in entries if isinstance(e, dict) and "path" in e}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # The manifest is a record of what was built, not an input: rebuilding is the safe answer.
        log.warning("%s is unreadable (%s): every output is rebuilt", path, exc)
        return {}


def merged(existing: dict[str, dict], entries: Iterable[dict], root: Path) -> list[dict]:
    """Return the existing entries whose file is still there, updated with new ones, by path."""
    result = {path: e for path, e in existing.items() if _exists(root, path)}
    result.update((e["path"], e) for e in entries)
    return [result[path] for path in sorted(result)]


def render(entries: list[dict]) -> bytes:
    """Return the manifest file's bytes."""
    return (json.dumps({"outputs": entries}, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _exists(root: Path, path: str) -> bool:
    return (root / path).is_file()


def join(paths: Iterable[Path], report: Report) -> list[dict]:
    """Return the entries of several manifests (shards built on separate machines), by path."""
    entries: dict[str, tuple[Path, dict]] = {}
    for path in paths:
        found = _entries(path, report)
        for name, entry in found.items():
            if name in entries and entries[name][1].get("inputs") != entry.get("inputs"):
                report.error(path, None, f"'{name}' is also in {display_path(entries[name][0])}, "
                                         "built from other inputs: were the shards built with "
                                         "the same options, from the same files?")
            entries[name] = (path, entry)
    return [entries[name][1] for name in sorted(entries)]


def _entries(path: Path, report: Report) -> dict[str, dict]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["outputs"]
        return {e["path"]: e for e in entries}
    except FileNotFoundError:
        report.error(path, None, "no such file")
    except (OSError, ValueError, KeyError, TypeError):
        report.error(path, None, "is not a zinepress manifest (a JSON object whose 'outputs' "
                                 "lists entries with a 'path')")
    return {}
