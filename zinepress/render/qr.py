"""QR codes as inline vector SVG: the qrcode library's module matrix, drawn as one path."""
from __future__ import annotations

from functools import lru_cache

import qrcode
from markupsafe import Markup, escape

QUIET_ZONE = 2  # modules of white around the code; the page margin adds the rest


@lru_cache(maxsize=64)
def qr_svg(data: str) -> Markup:
    """Return an <svg> of the QR code for data, sized by CSS (class "qr-code")."""
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) + 2 * QUIET_ZONE
    # One rectangle per run of dark modules in a row keeps the path short and the edges exact.
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return Markup(
        f'<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="QR code: {escape(data)}" '
        f'viewBox="{-QUIET_ZONE} {-QUIET_ZONE} {size} {size}" shape-rendering="crispEdges">'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>')
