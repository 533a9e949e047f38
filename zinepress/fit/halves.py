"""Search by halves: the fewest cuts after which something fits, in log2(n) measurements. Pure."""
from __future__ import annotations

from typing import Callable


def fewest_cuts(most: int, fits: Callable[[int], bool]) -> int:
    """Return the smallest n in 1..most with fits(n), or `most` when none fits.

    `fits` must be monotone (more cuts never stop a fit), as leaving out crisis contacts is:
    each measurement is a layout, so a panel of 100 services takes 7 of them, not 100 (issue 12).
    """
    low, high = 1, most
    if most < 1 or not fits(most):
        return max(most, 0)
    while low < high:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    return low
