"""Which size to try next: a ladder of styles and a search guided by measured heights. Pure."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

SIZE_STEP = 0.1         # pt: finer than anyone sees on paper, coarse enough to end quickly
SPACING_STEP = 0.05     # of the line height
# One more line decides whether a panel fits, so estimates are off by a line or so (measured:
# up to 5 % on a mini zine page). Guess with a little room to spare, and try a gentler style
# than one that fits only when it is estimated to fit with room to spare: every try is a
# layout, and 0.1 pt more is not worth one.
GUESS_ROOM = 0.985
GENTLER_ROOM = 0.96


@dataclass(frozen=True)
class Style:
    """A panel's body text size and line spacing."""

    size: float                        # pt
    line_height: float | None = None   # unitless; None when the layout's is not a number

    def css(self) -> str:
        """Return the inline CSS that sets this style on a panel's section."""
        spacing = f" line-height: {self.line_height:.2f};" if self.line_height else ""
        return f"font-size: {self.size:.2f}pt;{spacing}"

    def describe(self) -> str:
        """Return '7.8 pt' or '7.8 pt on 1.20 line spacing'."""
        size = f"{self.size:.1f} pt"
        return f"{size} on {self.line_height:.2f} line spacing" if self.line_height else size


def ladder(base: Style, floor: float, min_line_height: float | None) -> tuple[Style, ...]:
    """Return the styles to try, gentlest first: tighter line spacing, then smaller text."""
    styles = [base]
    spacing = base.line_height
    if spacing and min_line_height and min_line_height < spacing:
        # Spacing first: it keeps the letters as large as the layout made them.
        while round(spacing - SPACING_STEP, 3) >= min_line_height:
            spacing = round(spacing - SPACING_STEP, 3)
            styles.append(Style(base.size, spacing))
        if spacing > min_line_height:
            spacing = min_line_height
            styles.append(Style(base.size, spacing))
    size = base.size
    while round(size - SIZE_STEP, 3) >= floor:
        size = round(size - SIZE_STEP, 3)
        styles.append(Style(size, spacing))
    if floor < size:
        styles.append(Style(floor, spacing))
    return tuple(styles)


def predicted(style: Style, base: Style, needed: float) -> float:
    """Return the height a panel needs in this style, from what it needs in the base style.

    Lines get shorter as the text gets smaller (more words per line) and each line gets lower:
    the height goes with the square of the size, and with the line spacing.
    """
    ratio = (style.size / base.size) ** 2
    if style.line_height and base.line_height:
        ratio *= style.line_height / base.line_height
    return needed * ratio


@dataclass(frozen=True)
class Search:
    """The search for one panel's gentlest style that fits, over its ladder."""

    styles: tuple[Style, ...]
    available: float                                        # pt of height on one page
    needed: dict[int, float] = field(default_factory=dict)  # ladder index -> measured height
    fits: dict[int, bool] = field(default_factory=dict)

    @classmethod
    def start(cls, styles: tuple[Style, ...], available: float, needed: float) -> "Search":
        """Return a search that knows the base style needs `needed` pt and does not fit."""
        return cls(styles, available, {0: needed}, {0: False})

    def measured(self, index: int, needed: float, fits: bool) -> "Search":
        """Return the search after one style was laid out and measured."""
        return replace(self, needed={**self.needed, index: needed},
                       fits={**self.fits, index: fits})

    @property
    def best(self) -> int | None:
        """Return the gentlest style known to fit, or None."""
        return min((i for i, ok in self.fits.items() if ok), default=None)

    @property
    def done(self) -> bool:
        """Tell whether trying more styles cannot find a gentler one that fits."""
        low, best = self._bracket()
        if best is None:
            return low == len(self.styles) - 1
        return best == low + 1 or self._estimate(best - 1) > self.available * GENTLER_ROOM

    def next(self) -> int:
        """Return the ladder index to try next: the gentlest style estimated to fit."""
        low, best = self._bracket()
        high = best if best is not None else len(self.styles)
        for index in range(low + 1, high):
            if self._estimate(index) <= self.available * GUESS_ROOM:
                return index
        return high - 1

    def _bracket(self) -> tuple[int, int | None]:
        low = max(i for i, ok in self.fits.items() if not ok)
        return low, self.best

    def _estimate(self, index: int) -> float:
        """Return the model's height for a style, corrected by the nearest measurements."""
        base = self.styles[0]
        model = predicted(self.styles[index], base, self.needed[0])
        below = max((i for i in self.needed if i <= index), default=0)
        above = min((i for i in self.needed if i >= index), default=below)
        error_below = self.needed[below] / predicted(self.styles[below], base, self.needed[0])
        error_above = self.needed[above] / predicted(self.styles[above], base, self.needed[0])
        if above == below:
            return model * error_below
        share = (index - below) / (above - below)
        return model * (error_below + share * (error_above - error_below))
