"""The preview's pages without a browser: print mode first, a draft toggle, thumbnails, PDFs."""
from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import copy_project
from zinepress.serve.server import Preview, index_html, view_html

SLUG = "unpacking-self-harm"


def test_the_preview_opens_as_printed_with_thumbnails_pictures_and_pdfs(tmp_path: Path) -> None:
    preview = Preview(copy_project(tmp_path / "project").resolve(), draft=False)
    index = index_html(preview)
    assert f'src="/thumb?zine={SLUG}&amp;variant=en-gb&amp;layout=minizine&amp;v=0"' in index
    assert preview.thumbnail(SLUG, "en-gb", "minizine").startswith(b"\x89PNG")
    page = view_html(preview, SLUG, "en-gb", "booklet")
    assert "show as a draft" in page and "DRAFT" not in page
    sheets = re.findall(r'<a href="/img/([^"]+\.png)"><img src="/img/\1"', page)
    pdf = re.findall(r'<a href="/img/([^"#]+\.pdf)#page=(\d+)">PDF</a>', page)
    assert len(sheets) == 6 and [n for _, n in pdf] == ["1", "2", "3", "4", "5", "6"]
    assert preview.image(sheets[0]).startswith(b"\x89PNG")
    assert preview.image(pdf[0][0]).startswith(b"%PDF-")
    assert "show as printed" in view_html(preview, SLUG, "en-gb", "booklet", draft=True)
