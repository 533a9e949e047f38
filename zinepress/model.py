"""The model every stage shares: zines, panels, regions and layouts, as frozen dataclasses."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from zinepress.load.dial import Dial

PANEL_KINDS = ("text", "cover", "list", "quote", "image", "crisis-lines", "sources", "notes",
               "back-cover")
# Fields of a panel that hold words a translator translates (lists add `items.<n>`).
TEXT_FIELDS = ("title", "subtitle", "heading", "body", "caption", "alt", "attribution")
# Top-level zine fields a translator translates.
ZINE_TEXT_FIELDS = ("title", "subtitle", "content_note", "credits")


@dataclass(frozen=True)
class Panel:
    """One page of content."""

    id: str
    kind: str = "text"
    text: dict[str, str] = field(default_factory=dict)   # field -> Markdown/plain text
    items: tuple[str, ...] = ()
    note: str | None = None          # for translators
    critical: bool = False
    src: str | None = None           # image path, inside the zine folder
    image: bytes | None = field(default=None, repr=False)   # its bytes, read and checked once
    line: int = 0                    # where the panel starts in zine.yaml
    lines: dict[str, int] = field(default_factory=dict)   # field (or items.<n>) -> line

    def get(self, name: str) -> str:
        """Return a text field, or '' when the panel has none."""
        return self.text.get(name, "")


@dataclass(frozen=True)
class Source:
    """A work the zine cites."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class Variant:
    """One language × region pair."""

    lang: str
    region: str

    @property
    def name(self) -> str:
        return f"{self.lang}-{self.region}"

    @classmethod
    def parse(cls, text: str) -> "Variant":
        """Split 'es-mx' (or 'en-ar-b', a sub-national region) into language and region."""
        lang, _, region = text.partition("-")
        return cls(lang.lower(), region.lower())


@dataclass(frozen=True)
class Zine:
    """A zine folder, loaded and validated."""

    slug: str
    folder: Path
    language: str
    text: dict[str, str]                  # title, subtitle, content_note, credits
    license: str
    sources: tuple[Source, ...]
    panels: tuple[Panel, ...]
    editions: dict[str, tuple[str, ...]]
    variants: tuple[Variant, ...]
    layouts: dict[str, str]               # layout name -> edition
    yaml_path: Path = Path()
    # language -> the layouts it is built in by default, when fewer than `layouts` (`languages:`)
    language_layouts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    back_poster: bool = False             # print the crisis lines as a poster on the minizine's back
    theme: str | None = None              # a folder of themes/; None: the default theme
    cover: "Cover | None" = None          # a picture on the cover

    @property
    def title(self) -> str:
        return self.text.get("title", "")

    def images(self) -> dict[str, bytes]:
        """Return each image panel's checked bytes by the path its `src` names."""
        found = {str(self.folder / p.src): p.image for p in self.panels
                 if p.src and p.image is not None}
        if self.cover is not None and self.cover.image is not None:
            found[str(self.folder / self.cover.src)] = self.cover.image
        return found

    def panel(self, panel_id: str) -> Panel:
        """Return the panel with this id."""
        return next(p for p in self.panels if p.id == panel_id)

    def edition(self, name: str) -> tuple[Panel, ...]:
        """Return the panels of an edition, in order."""
        return tuple(self.panel(i) for i in self.editions[name])


@dataclass(frozen=True)
class Citation:
    """One publisher's page behind a corroborated line: where, when it was published, its words."""

    url: str
    published: dt.date | None
    quote: str
    line: int = 0


@dataclass(frozen=True)
class Verification:
    """Who says a number is right, and when someone last read them."""

    status: str             # first-party | government | corroborated | secondary | unconfirmed
    checked: dt.date | None
    source: str | None
    published: dt.date | None = None
    line: int = 0
    sources: tuple[Citation, ...] = ()     # every publisher found, for `corroborated`
    status_line: int = 0


@dataclass(frozen=True)
class Hours:
    """When a contact answers."""

    always: bool = False
    daily: tuple[str, str] | None = None
    text: str | None = None


@dataclass(frozen=True)
class Contact:
    """One way to reach a service."""

    type: str                         # phone | sms | chat | web | email | videophone
    dial: Dial | None = None          # parsed once at load: printed, linked and encoded from it
    keyword: str | None = None
    url: str | None = None
    address: str | None = None
    hours: Hours | None = None
    cost: str | None = None           # free | standard-rates | None (unknown)
    languages: tuple[str, ...] = ()
    interpreters: bool = False
    verification: Verification | None = None
    override: dict[str, str] | None = None
    line: int = 0
    press: str | None = None          # a menu option to press after dialling ("1")
    dial_line: int = 0


@dataclass(frozen=True)
class Service:
    """A crisis line or directory."""

    id: str
    name: str
    contacts: tuple[Contact, ...]
    verification: Verification
    operator: str | None = None
    topics: tuple[str, ...] = ()
    audience: str = "everyone"
    confidentiality_note: str | None = None
    line: int = 0
    override: dict[str, str] | None = None     # applies to every dial string of the service
    path: Path = Path()                         # the region file it is written in


@dataclass(frozen=True)
class Emergency:
    """The region's emergency number, always printed apart from helplines."""

    dial: Dial
    also: tuple[Dial, ...] = ()
    verification: Verification | None = None
    override: dict[str, str] | None = None
    line: int = 0
    lines: tuple[int, ...] = ()       # the line of `dial`, then of each `also` number
    path: Path = Path()               # the region file it is written in


@dataclass(frozen=True)
class Region:
    """A region file: where a handout is for."""

    code: str
    name: str
    paper: str
    services: tuple[Service, ...]
    emergency: Emergency | None = None
    inherits: str | None = None
    hide: tuple[str, ...] = ()
    path: Path = Path()


@dataclass(frozen=True)
class Paper:
    """Sizes for one paper of a layout, in pt."""

    name: str
    sheet: tuple[float, float]
    page: tuple[float, float]


DEFAULT_THEME = "plain"       # the look of a zine that names none, and of `--theme` left out


@dataclass(frozen=True)
class Theme:
    """A look: a folder under themes/ with its theme.yaml, CSS and ornaments."""

    name: str
    folder: Path
    description: str
    css: str = "theme.css"
    fonts: tuple[str, ...] = ()       # the font families it uses (fonts/fonts.yaml)
    accent: str | None = None         # its one colour besides black, if any
    short: tuple[str, ...] = ("top",)  # what a panel that stays short gets: top, centre, heading
    css_text: str = ""                 # the CSS, read once at load
    files: tuple[tuple[str, bytes], ...] = ()   # its ornaments' checked bytes, by path


@dataclass(frozen=True)
class Cover:
    """The cover's picture: a file in the zine folder and its description."""

    src: str
    alt: str
    image: bytes | None = field(default=None, repr=False)   # the checked bytes that print


@dataclass(frozen=True)
class Layout:
    """A format: a folder under layouts/ with its layout.yaml."""

    name: str
    folder: Path
    description: str
    papers: dict[str, Paper]
    imposition: str = "single"
    pages: int | None = None          # exact page count, or None for any
    multiple: int = 1                 # pad the page count to a multiple of this
    pad_with: str = "notes"           # kind of the panels that pad
    duplex: bool = False
    template: str = "pages.html"
    marks: str | None = None          # template of the sheet overlay (guides, notes)
    pdf_variant: str | None = None
    min_body_pt: float = 8.0          # smallest body text: the fit stage's floor, the lint's too
    links: bool = False               # clickable links (the reader edition)
    min_line_height: float | None = None   # the fit stage may tighten line spacing to this
    max_body_pt: float | None = None       # the fit stage grows text up to this; None: never
    max_line_height: float | None = None   # ... and may open line spacing up to this
    max_size_ratio: float = 1.25           # largest body size / smallest, across an edition
    min_text_pt: float = 6.0          # smallest fine print (dates, notes) anywhere on a page
    max_line_chars: int | None = None      # warn about lines longer than this
    min_image_dpi: float = 150.0      # warn about images coarser than this at printed size
    shared: tuple[Path, ...] = ()     # the _shared template folders, the project's first
    overlay: tuple[Path, ...] = ()    # a project's folders that customize this built-in layout
