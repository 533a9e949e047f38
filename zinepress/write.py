"""Write stage: every output replaced atomically, and build/manifest.json listing them."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Output:
    """One built file, ready to be written."""

    zine: str
    edition: str
    lang: str
    region: str
    layout: str
    paper: str
    path: Path                       # relative to the output folder
    data: bytes
    pages: int
    sheets: int
    warnings: tuple[str, ...] = field(default=())

    def record(self, out: Path, root: Path) -> dict:
        """Return this output's manifest entry."""
        target = (out / self.path).resolve()
        shown = target.relative_to(root) if target.is_relative_to(root) else target
        return {"zine": self.zine, "edition": self.edition, "lang": self.lang,
                "region": self.region, "layout": self.layout, "paper": self.paper,
                "path": str(shown), "pages": self.pages, "sheets": self.sheets,
                "sha256": hashlib.sha256(self.data).hexdigest(), "warnings": list(self.warnings)}


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(outputs: list[Output], out: Path, root: Path) -> Path:
    """Write every output, then the manifest; return the manifest's path."""
    for output in outputs:
        atomic_write(out / output.path, output.data)
    manifest = out / "manifest.json"
    entries = [o.record(out, root.resolve()) for o in outputs]
    atomic_write(manifest, (json.dumps({"outputs": entries}, indent=2, ensure_ascii=False)
                            + "\n").encode("utf-8"))
    return manifest
