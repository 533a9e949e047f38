"""fit/halves.py: the fewest cuts that fit, found in about log2(n) measurements."""
from __future__ import annotations

import pytest

from zinepress.fit.halves import fewest_cuts


@pytest.mark.parametrize("most,needed", [(1, 1), (10, 1), (10, 7), (10, 10), (299, 123)])
def test_the_fewest_cuts_are_found_in_few_measurements(most: int, needed: int) -> None:
    measured = []

    def fits(cut: int) -> bool:
        measured.append(cut)
        return cut >= needed
    assert fewest_cuts(most, fits) == needed
    assert len(measured) <= most.bit_length() + 1


def test_when_nothing_fits_every_cut_is_made_after_one_measurement() -> None:
    measured = []
    assert fewest_cuts(100, lambda cut: measured.append(cut) or False) == 100
    assert measured == [100]


def test_nothing_to_cut_measures_nothing() -> None:
    assert fewest_cuts(0, lambda cut: pytest.fail("measured")) == 0
