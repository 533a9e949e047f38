"""How long the worst zine the input bounds allow takes to check: the figures behind the bounds.

    python bench/bounds.py

Builds (with `zine check`, in a scratch copy of the project) zines at the bounds of
zinepress/load: the most panels with the longest bodies that fit under the YAML size bound, the
longest lists, the deepest Markdown lists, the largest image. Prints the seconds each took and
the first line of what it reported; the render time limit (render/deadline.py) must be well above
every figure, so that it only ever stops what the bounds did not foresee.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zinepress.load.chars import MAX_TEXT_CHARS  # noqa: E402
from zinepress.load.images import MAX_PIXELS  # noqa: E402
from zinepress.load.yamlfile import MAX_YAML_BYTES  # noqa: E402
from zinepress.load.zine import MAX_ITEM_CHARS, MAX_ITEMS, MAX_PANELS  # noqa: E402
from zinepress.render.deadline import RENDER_SECONDS  # noqa: E402

HEAD = ("title: bounds\nlanguage: en\nvariants: [en-us]\nlayouts: {{reader: full, {layout}: full}}"
        "\nlicense: CC0\npanels:\n")


def body_zine(layout: str) -> str:
    """The most panels, each with the longest body the YAML size bound leaves room for."""
    per_panel = min(MAX_TEXT_CHARS, (MAX_YAML_BYTES - 2_000) // MAX_PANELS - 40)
    words = ("word " * (per_panel // 5)).strip()
    return HEAD.format(layout=layout) + "".join(
        f"  - id: p{i}\n    body: {words}\n" for i in range(MAX_PANELS))


def list_zine(layout: str) -> str:
    """Panels of the longest lists of the longest items."""
    item = ("item " * (MAX_ITEM_CHARS // 5)).strip()
    items = "".join(f"      - {item}\n" for _ in range(MAX_ITEMS))
    count = min(MAX_PANELS, (MAX_YAML_BYTES - 2_000) // len(items))
    return HEAD.format(layout=layout) + "".join(
        f"  - id: l{i}\n    kind: list\n    heading: List\n    items:\n{items}" for i in range(count))


def image_zine(layout: str) -> str:
    """One image panel at the pixel bound."""
    return HEAD.format(layout=layout) + "  - id: big\n    kind: image\n    src: images/big.png\n    alt: big\n"


def run(name: str, text: str, project: Path) -> None:
    """Check one zine and print how long it took and what it said."""
    zine = project / "zines" / "bounds"
    zine.mkdir(parents=True, exist_ok=True)
    (zine / "zine.yaml").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", "bounds"], cwd=project,
                            capture_output=True, text=True)
    took = time.perf_counter() - start
    said = (result.stderr.strip() or result.stdout.strip()).splitlines()
    print(f"{name:34} {len(text.encode()):>9,} bytes {took:7.1f} s  exit {result.returncode}  "
          f"{len(said)} line(s): {said[0][:70] if said else ''}")


def main() -> None:
    """Run every worst case."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for part in ("layouts", "fonts", "regions"):
            shutil.copytree(ROOT / part, project / part)
        (project / "zines" / "bounds" / "images").mkdir(parents=True)
        side = int(MAX_PIXELS ** 0.5) - 1
        Image.new("RGB", (side, side), (200, 200, 200)).save(
            project / "zines" / "bounds" / "images" / "big.png")
        print(f"render time limit per variant: {RENDER_SECONDS:g} s")
        for layout in ("booklet",):
            run(f"{MAX_PANELS} panels × long body, {layout}", body_zine(layout), project)
            run(f"lists {MAX_ITEMS} × {MAX_ITEM_CHARS} chars, {layout}", list_zine(layout), project)
            run(f"image {side}×{side} px, {layout}", image_zine(layout), project)


if __name__ == "__main__":
    main()
