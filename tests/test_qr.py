"""QR codes are drawn as vector paths that reproduce the qrcode library's matrix exactly."""
from __future__ import annotations

import re

import pytest
import qrcode

from zinepress.render.qr import QUIET_ZONE, qr_svg


def modules(svg: str) -> set[tuple[int, int]]:
    """Return the dark modules a path of 'M x y h n v1 h-n z' runs draws."""
    dark = set()
    for x, y, n in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg):
        dark |= {(int(x) + i, int(y)) for i in range(int(n))}
    return dark


@pytest.mark.parametrize("data", ["https://988lifeline.org", "https://veteranscrisisline.net/Chat",
                                  "https://chat-accueil.org"])
def test_the_path_draws_exactly_the_qrcode_matrix(data: str) -> None:
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    expected = {(x, y) for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark}
    svg = str(qr_svg(data))
    assert modules(svg) == expected
    size = len(matrix) + 2 * QUIET_ZONE
    assert f'viewBox="-{QUIET_ZONE} -{QUIET_ZONE} {size} {size}"' in svg
    assert 'shape-rendering="crispEdges"' in svg and "<image" not in svg


def test_the_label_is_escaped() -> None:
    assert 'aria-label="QR code: https://x.org/?a=1&amp;b=&lt;2&gt;"' in str(qr_svg("https://x.org/?a=1&b=<2>"))
