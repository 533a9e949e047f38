"""`zine serve`'s push channel without a browser: what a page's long poll receives after a save."""
from __future__ import annotations

import http.client
import json
import re
import threading
import time
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode

import pytest

from tests.conftest import copy_project
from zinepress.serve.live import Turns
from zinepress.serve.server import Preview, make_server

SLUG = "unpacking-self-harm"
SUBTITLE = "understanding what it is and why it helps"
MINIZINE = (SLUG, "en-us", "minizine", False)
BOOKLET = (SLUG, "en-gb", "booklet", False)


class Served:
    """A copy of the project served in this process, and a client of it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.yaml = root / "zines" / SLUG / "zine.yaml"
        self.preview = Preview(root, draft=False)
        self.server = make_server(self.preview, 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def get(self, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
        """Return the status and body of a GET."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.server_port, timeout=120)
        try:
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def open(self, key: tuple[str, str, str, bool] = MINIZINE) -> tuple[str, str]:
        """Open a view's page; return its address for /live and its version's token."""
        query = urlencode({"zine": key[0], "variant": key[1], "layout": key[2],
                           "draft": int(key[3])})
        status, page = self.get(f"/view?{query}")
        assert status == 200
        token = json.loads(re.search(r'let token = ("[^"]*");', page.decode())[1])
        return f"/live?{query}", token

    def follow(self, live: str, token: str) -> dict[str, object]:
        """Return what the page's long poll receives next."""
        status, body = self.get(f"{live}&seen={token}")
        assert status == 200
        return json.loads(body)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    served = Served(copy_project(tmp_path / "project").resolve())
    yield served
    served.server.shutdown()
    served.server.server_close()


def first_sheet(served: Served, live: str) -> str:
    """Return the name of the sheet picture the page shows now."""
    update = served.follow(live, "")      # a token no page has: answers at once
    return update["first"][0]


def test_a_save_pushes_the_new_pictures_and_text(served: Served) -> None:
    live, token = served.open()
    before = first_sheet(served, live)
    served.yaml.write_text(served.yaml.read_text().replace(
        f"    subtitle: {SUBTITLE}", "    subtitle: exploring what it is and why it helps"))
    update = served.follow(live, token)
    assert update["token"] != token
    assert len(update["first"]) == 1 and update["first"][0] != before
    assert "exploring what it is" in update["html"] and 'class="stale"' not in update["html"]
    assert f'/img/{update["first"][0]}' in update["html"]
    status, picture = served.get(f'/img/{update["first"][0]}')
    assert status == 200 and picture.startswith(b"\x89PNG")
    panels = re.findall(r'<img src="/img/([^"]+-page-\d+\.png)"', update["html"])
    assert len(panels) == 8 and served.get(f"/img/{panels[0]}")[1].startswith(b"\x89PNG")
    assert served.preview.change.reloaded == SLUG      # the one zine read again, not the project


def test_a_bad_save_pushes_its_problems_over_the_last_good_pictures(served: Served) -> None:
    live, token = served.open()
    good = first_sheet(served, live)
    text = served.yaml.read_text()
    served.yaml.write_text(text.replace("panels:\n", "panels: [\n", 1))
    update = served.follow(live, token)
    html = update["html"]
    assert f"zines/{SLUG}/zine.yaml:" in html and "Traceback" not in html
    assert update["first"] == [good] and 'class="stale"' in html and f"/img/{good}" in html
    assert update["status"] == "the last save has 1 error(s)"
    assert served.get(f"/img/{good}")[1].startswith(b"\x89PNG")   # still served
    served.yaml.write_text(text)
    again = served.follow(live, update["token"])
    assert 'class="stale"' not in again["html"] and 'class="problems"' not in again["html"]
    assert len(again["first"]) == 1 and f'/img/{again["first"][0]}' in again["html"]


def test_only_the_view_a_page_follows_is_rebuilt(served: Served) -> None:
    live, token = served.open(MINIZINE)
    served.open(BOOKLET)                              # opened once, then left
    status, _ = served.get(f"/thumb?zine={SLUG}&variant=en-gb&layout=minizine&v=0")
    assert status == 200
    thumb = (SLUG, "en-gb", "minizine", False)
    assert served.preview.builds == {MINIZINE: 1, BOOKLET: 1, thumb: 1}
    served.yaml.write_text(served.yaml.read_text().replace(SUBTITLE, "a new subtitle"))
    served.follow(live, token)
    assert served.preview.builds == {MINIZINE: 2, BOOKLET: 1, thumb: 1}
    served.get(f"/thumb?zine={SLUG}&variant=en-gb&layout=minizine&v=1")   # asked again: redrawn
    assert served.preview.builds == {MINIZINE: 2, BOOKLET: 1, thumb: 2}


def test_a_save_outside_the_zines_reads_the_project_again(served: Served) -> None:
    live, token = served.open()
    region = served.root / "regions" / "us.yaml"
    region.write_text(region.read_text() + "\n")
    update = served.follow(live, token)
    assert update["token"] != token and served.preview.change.reloaded == "project"


def test_the_index_follows_saves(served: Served) -> None:
    status, page = served.get("/")
    token = json.loads(re.search(r'let token = ("[^"]*");', page.decode())[1])
    served.yaml.write_text(served.yaml.read_text().replace(SUBTITLE, "a new subtitle"))
    status, body = served.get(f"/live?index=1&seen={token}")
    update = json.loads(body)
    assert update["token"] != token
    assert f"layout=minizine&amp;v=1" in update["html"]   # thumbnails of the zine asked anew
    assert served.preview.builds == {}                 # the index itself renders nothing


def test_refuses_other_host_names_and_unknown_pictures(served: Served) -> None:
    assert served.get("/", host="attacker.example")[0] == 403
    assert served.get("/live?index=1&seen=x", host="attacker.example")[0] == 403
    assert served.get("/img/../zines/unpacking-self-harm/zine.yaml")[0] == 404


def test_a_view_renders_before_thumbnails_that_waited_longer() -> None:
    turns, order = Turns(), []

    def take(first: bool, name: str) -> threading.Thread:
        def run() -> None:
            with turns.take(first):
                order.append(name)
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    def until_waiting(count: int) -> None:
        while turns.waiting != count:
            time.sleep(0.01)

    with turns.take(first=False):        # a render under way
        threads = [take(False, "thumbnail 1")]
        until_waiting(1)
        threads.append(take(False, "thumbnail 2"))
        until_waiting(2)
        threads.append(take(True, "view"))
        until_waiting(3)
    for thread in threads:
        thread.join()
    assert order[0] == "view" and sorted(order[1:]) == ["thumbnail 1", "thumbnail 2"]


def test_a_page_that_let_go_is_not_rebuilt_for(served: Served) -> None:
    served.open()
    served.yaml.write_text(served.yaml.read_text().replace(SUBTITLE, "a new subtitle"))
    assert served.preview.follow(MINIZINE, "", gone=lambda: True) is None
    assert served.preview.builds == {MINIZINE: 1}


def test_a_zine_read_again_keeps_the_problems_of_the_rest(served: Served) -> None:
    live, token = served.open()
    (served.root / "regions" / "zz.yaml").write_text("name: [\n")
    broken = served.follow(live, token)
    assert "regions/zz.yaml:" in broken["html"] and served.preview.change.reloaded == "project"
    served.yaml.write_text(served.yaml.read_text().replace(SUBTITLE, "a new subtitle"))
    again = served.follow(live, broken["token"])
    assert served.preview.change.reloaded == SLUG
    assert "regions/zz.yaml:" in again["html"] and "a new subtitle" not in again["html"]
