"""`zine serve` in a real headless browser: sheets, panels beside their text, updates on save, errors."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import polib
import pytest

from tests.conftest import ROOT, copy_project

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[test]'")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH: `./dev test` installs Debian's chromium when "
                             "run as root; otherwise `sudo apt-get install chromium`")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
SLUG = "unpacking-self-harm"
WAIT_MS = 20_000    # generous: a refresh takes a render, and CI machines are busy
SUBTITLE = "understanding what it is and why it helps"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A copy of the project served by `zine serve --port 0` in a process of its own."""
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0"],
                               cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert found, f"zine serve did not start: {line}{process.stderr.read()}"
        yield project, found[0]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201 - Playwright's types
    page = browser.new_page()
    yield page
    page.close()


def view_url(base: str, variant: str = "en-us", layout: str = "minizine") -> str:
    return f"{base}view?zine={SLUG}&variant={variant}&layout={layout}"


def wait_for_pictures(page, count: int) -> None:  # noqa: ANN001
    """Wait until the page shows `count` pictures, every one loaded (a reload loads them anew)."""
    page.wait_for_function(
        "n => document.images.length === n && "
        "[...document.images].every(i => i.complete && i.naturalWidth > 0)",
        arg=count, timeout=WAIT_MS)


def test_lists_zines_with_their_variants_and_layouts(served: tuple[Path, str], page) -> None:
    _, base = served
    page.goto(base)
    sync_api.expect(page.locator("h2")).to_contain_text("unpacking self-harm")
    page.get_by_role("listitem").filter(has_text="en-us").get_by_role("link", name="minizine").click()
    sync_api.expect(page.locator("h1")).to_have_text(f"{SLUG} en-us minizine")


def test_shows_the_sheet_and_each_panel_beside_its_source_text(served: tuple[Path, str],
                                                              page) -> None:
    _, base = served
    page.goto(view_url(base))
    assert page.locator(".sheets img").count() == 1            # a mini zine is one sheet side
    assert page.locator(".panel").count() == 8
    cover = page.locator(".panel").first
    sync_api.expect(cover).to_contain_text("cover.subtitle")
    sync_api.expect(cover).to_contain_text(SUBTITLE)
    wait_for_pictures(page, 9)        # the sheet and its 8 pages


def test_page_shows_a_changed_yaml_word_after_a_save(served: tuple[Path, str], page) -> None:
    project, base = served
    page.goto(view_url(base))
    before = page.locator(".sheets img").get_attribute("src")
    page.evaluate("window.notReloaded = true")
    yaml = project / "zines" / SLUG / "zine.yaml"
    yaml.write_text(yaml.read_text().replace(SUBTITLE, "exploring what it is and why it helps"))
    cover = page.locator(".panel").first
    sync_api.expect(cover).to_contain_text("exploring what it is", timeout=WAIT_MS)
    assert page.locator(".sheets img").get_attribute("src") != before   # the sheet redrawn
    wait_for_pictures(page, 9)
    assert page.evaluate("window.notReloaded") is True     # swapped in place, not reloaded


def test_page_shows_a_translation_after_the_po_file_is_saved(served: tuple[Path, str],
                                                             page) -> None:
    project, base = served
    # As a draft: an earlier test of this module edits the English subtitle, which makes its
    # Spanish stale, and print mode then (rightly) refuses the page.
    page.goto(view_url(base, "es-us") + "&draft=1")
    needs = page.locator(".panel", has_text="pocket-needs.heading")
    path = project / "zines" / SLUG / "locales" / "es.po"
    po = polib.pofile(str(path), wrapwidth=0)
    entry = next(e for e in po if e.msgctxt == "pocket-needs.heading")
    sync_api.expect(needs).to_contain_text(entry.msgstr)
    entry.msgstr = "Autolesionarse puede cubrir lo que necesitamos."
    po.save(str(path))
    sync_api.expect(needs).to_contain_text(entry.msgstr, timeout=WAIT_MS)


def test_marks_what_a_language_without_translations_prints_in_english(
        served: tuple[Path, str], page) -> None:
    _, base = served
    page.goto(view_url(base, "de-intl"))          # print mode: a print build refuses it
    page.get_by_text("show as a draft").click()   # the toggle shows it as a draft
    needs = page.locator(".panel", has_text="pocket-needs.heading")
    sync_api.expect(needs.locator(".untranslated").first).to_have_text(
        "untranslated: printed in the source language")


def test_shows_a_broken_file_in_words_then_recovers(served: tuple[Path, str], page) -> None:
    project, base = served
    page.goto(view_url(base))
    yaml = project / "zines" / SLUG / "zine.yaml"
    text = yaml.read_text()
    yaml.write_text(text.replace("panels:\n", "panels: [\n", 1))
    try:
        problems = page.locator(".problems")
        sync_api.expect(problems).to_contain_text(f"zines/{SLUG}/zine.yaml:", timeout=WAIT_MS)
        assert "Traceback" not in page.content()
        # The last good pictures stay, marked as not showing the save.
        sync_api.expect(page.locator(".stale .sheets img")).to_have_count(1)
        sync_api.expect(page.locator(".stale-note")).to_contain_text("last version that built")
    finally:
        yaml.write_text(text)
    sync_api.expect(page.locator(".stale")).to_have_count(0, timeout=WAIT_MS)
    sync_api.expect(page.locator(".sheets img")).to_have_count(1)
    sync_api.expect(page.locator(".problems")).to_have_count(0)


def test_refuses_requests_for_another_host_name(served: tuple[Path, str]) -> None:
    import http.client
    from urllib.parse import urlsplit
    _, base = served
    address = urlsplit(base)
    assert address.hostname == "127.0.0.1"
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", "/", headers={"Host": "attacker.example"})
    assert connection.getresponse().status == 403
