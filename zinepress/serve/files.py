"""What the preview watches: each input file's size and modification time, and what changed."""
from __future__ import annotations

import stat as kinds
from pathlib import Path

from zinepress.assets import KINDS

WATCHED = ("zines", *KINDS)     # every folder a project reads
Snapshot = dict[Path, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """Return every watched file's size and modification time (ns), by path."""
    found: Snapshot = {}
    for part in WATCHED:
        folder = root / part
        for path in folder.rglob("*") if folder.is_dir() else ():
            if path.name.startswith("."):
                continue     # editors' swap and lock files: saving writes the file itself too
            try:
                stat = path.stat()
            except OSError:
                continue     # deleted since it was listed: the next snapshot tells
            if not kinds.S_ISDIR(stat.st_mode):
                found[path] = (stat.st_size, stat.st_mtime_ns)
    return found


def changes(before: Snapshot, after: Snapshot) -> set[Path]:
    """Return the files added, removed or rewritten between two snapshots."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def zine_of(root: Path, path: Path, zines: set[str]) -> str | None:
    """Return the slug whose folder holds this file (not its zine.yaml's arrival), else None."""
    parts = path.relative_to(root).parts
    if len(parts) >= 3 and parts[0] == "zines" and parts[1] in zines:
        return parts[1]
    return None
