"""Benchmark: `zine serve`'s save-to-new-picture latency, as the page's own script sees it.

A copy of the project is served in this process on a free port of 127.0.0.1. The benchmark opens
the en-us mini zine's page, then EDITS times (BENCH_EDITS, default 10): rewrites a word of the
cover panel's subtitle in zine.yaml and times, from the save, the page's long poll (`/live`,
already waiting, as the page's script does) answering with the new sheet's name, then that picture being fetched. Prints the p50 and p90 of
both, the parts (noticing the save, reading the zine again, the build, the pictures) and the
WeasyPrint renders per save. Prints figures; it is not a test.
"""
from __future__ import annotations

import json
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _project import SLUG, copy_project  # noqa: E402

EDITS = int(os.environ.get("BENCH_EDITS", "10"))
WORDS = ("understanding", "exploring")    # alternated in the cover panel's subtitle
SUBTITLE = re.compile(r"(?m)^(    subtitle: )(understanding|exploring)")
KEY = (SLUG, "en-us", "minizine", False)


def main() -> None:
    from zinepress.serve.server import Preview, make_server

    renders = count_renders()
    with tempfile.TemporaryDirectory(prefix="zinepress-bench-") as folder:
        project = copy_project(Path(folder) / "project").resolve()
        preview = Preview(project, draft=False)
        server = make_server(preview, 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            measure(preview, f"http://127.0.0.1:{server.server_port}", project, renders)
        finally:
            server.shutdown()
            server.server_close()


def measure(preview, base: str, project: Path, renders: Callable[[], int]) -> None:  # noqa: ANN001
    """Open the page, then save EDITS times and print the latencies and their parts."""
    query = urlencode({"zine": SLUG, "variant": "en-us", "layout": "minizine", "draft": 0})
    start = time.perf_counter()
    page = fetch(f"{base}/view?{query}").decode()
    token = json.loads(re.search(r'let token = ("[^"]*");', page)[1])
    print(f"zine serve, {SLUG} en-us minizine, {EDITS} saves, load average "
          f"{os.getloadavg()[0]:.2f}:\n  first page (loads the project, builds): "
          f"{time.perf_counter() - start:.2f} s")
    yaml = project / "zines" / SLUG / "zine.yaml"
    pushed, drawn, parts, counts = [], [], [], []
    for edit in range(EDITS):
        before = renders()
        update, times = save_and_follow(base, query, token, yaml, WORDS[edit % 2 == 0])
        assert update["token"] != token and 'class="stale"' not in update["html"], update
        token = update["token"]
        pushed.append(times[0])
        drawn.append(times[1])
        counts.append(renders() - before)
        view = preview.current(KEY).view
        part = {"notice": preview.change.noticed - times[2], "reload": preview.change.seconds,
                **view.seconds}
        # The rest: waiting for the render's turn, the page's HTML, JSON and HTTP.
        parts.append(part | {"rest": times[0] - sum(part.values())})
    report(pushed, drawn, parts, counts, preview.builds)


def save_and_follow(base: str, query: str, token: str, yaml: Path,
                    word: str) -> tuple[dict, tuple[float, float, float]]:
    """Save a word while the page's long poll waits, as in the browser; return its answer and
    the seconds from the save to the answer and to the new picture fetched, and the save's time."""
    answer: list[tuple[dict, float]] = []
    poll = threading.Thread(target=lambda: answer.append(
        (json.loads(fetch(f"{base}/live?{query}&seen={token}")), time.monotonic())))
    poll.start()
    time.sleep(0.3 + random.uniform(0, 0.1))     # any moment of the page's polling
    yaml.write_text(SUBTITLE.sub(lambda m: m[1] + word, yaml.read_text()))
    saved = time.monotonic()
    poll.join()
    (update, arrived), = answer
    fetch(f"{base}/img/{update['first'][0]}")
    return update, (arrived - saved, time.monotonic() - saved, saved)


def report(pushed: list[float], drawn: list[float], parts: list[dict[str, float]],
           counts: list[int], builds: dict) -> None:  # noqa: ANN001
    """Print the medians and 90th percentiles."""
    print(f"  save to new picture's name at the page: p50 {p(pushed, 50):.2f} s, "
          f"p90 {p(pushed, 90):.2f} s")
    print(f"  save to new picture fetched:            p50 {p(drawn, 50):.2f} s, "
          f"p90 {p(drawn, 90):.2f} s   (target: p50 <= 1.0 s)")
    names = parts[0].keys()
    print("  parts, median: " + ", ".join(
        f"{name} {statistics.median(part[name] for part in parts):.3f} s" for name in names))
    own = [part["notice"] + part["reload"] + part["pictures"] + part["rest"] for part in parts]
    print(f"  the server's own share (all but the build): median {statistics.median(own):.3f} s")
    print(f"  WeasyPrint renders per save: {statistics.median(counts):g} "
          f"(min {min(counts)}, max {max(counts)}); builds by view: "
          + ", ".join(f"{'/'.join(map(str, key[1:3]))} {n}" for key, n in builds.items()))


def p(values: list[float], percent: int) -> float:
    """Return a percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(percent / 100 * len(ordered)) - 1))]


def fetch(url: str) -> bytes:
    """Return the body of a GET, as the page's script would receive it."""
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read()


def count_renders() -> Callable[[], int]:
    """Count WeasyPrint's layouts from here on; return how to read the count."""
    import weasyprint

    count = [0]
    original = weasyprint.HTML.render

    def render(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        count[0] += 1
        return original(self, *args, **kwargs)
    weasyprint.HTML.render = render
    return lambda: count[0]


if __name__ == "__main__":
    main()
