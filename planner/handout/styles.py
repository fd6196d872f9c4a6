"""Page geometry, colours and paragraph styles of the handout, built once per (paper, print size).

Health-literacy guidance drives the numbers: body text 12 pt (14 pt in large print), headings
scale with it, everything left-aligned, black text on white, colour only as a second signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle

from planner.handout import fonts

BODY_PT = 12.0
MIN_PICTURE_WIDTH = 6.0 * cm  # a picture narrower than this is hard to read for older eyes
LARGE_BODY_PT = 14.0

INK = colors.black
ACCENT = colors.HexColor("#17365d")  # dark navy: prints as near-black
TINT = colors.HexColor("#e8eef6")  # box background: prints as a light wash, text stays black
RULE = colors.HexColor("#17365d")
GREEN = colors.HexColor("#2e9e44")
AMBER = colors.HexColor("#f2a900")
RED = colors.HexColor("#d62d20")
LAMP_HOUSING = colors.HexColor("#1f1f1f")
PHASE_FILLS = (
    colors.HexColor("#c9d7ea"),
    colors.HexColor("#9fb7d8"),
    colors.HexColor("#dfe7f2"),
    colors.HexColor("#b3c6e0"),
)


@dataclass(frozen=True)
class Styles:
    """Everything about how the handout looks, for one paper size and print size."""

    size: float  # body text in points
    page: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    body: ParagraphStyle
    lead: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    label: ParagraphStyle
    cover_title: ParagraphStyle
    cover_name: ParagraphStyle
    goal: ParagraphStyle
    step: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    box: ParagraphStyle
    box_narrow: ParagraphStyle
    boxed_note: ParagraphStyle
    caution: ParagraphStyle
    dose: ParagraphStyle
    footer_size: float

    @property
    def width(self) -> float:
        """Width of the text frame."""
        return self.page[0] - self.left - self.right

    @property
    def height(self) -> float:
        """Height of the text frame."""
        return self.page[1] - self.top - self.bottom

    @property
    def picture_width(self) -> float:
        """Width of an exercise picture beside its steps (at least MIN_PICTURE_WIDTH)."""
        return max(round(self.width * 0.36, 1), MIN_PICTURE_WIDTH)

    @property
    def side_picture_width(self) -> float:
        """Width of a picture that text flows around (education, daily life): at least 6 cm."""
        return max(round(self.width * 0.36, 1), MIN_PICTURE_WIDTH)


def _style(name: str, size: float, *, bold: bool = False, leading: float = 1.3, **extra: Any) -> ParagraphStyle:
    values = {"textColor": INK, "alignment": TA_LEFT, **extra}
    return ParagraphStyle(
        name,
        fontName=fonts.BOLD if bold else fonts.REGULAR,
        fontSize=size,
        leading=round(size * leading, 2),
        **values,
    )


@cache
def build(*, paper: str = "a4", large_print: bool = False) -> Styles:
    """The styles for one paper size ('a4' or 'letter') and print size."""
    fonts.register()
    s = LARGE_BODY_PT if large_print else BODY_PT
    pad = s * 0.6
    return Styles(
        size=s,
        page=LETTER if paper == "letter" else A4,
        left=2.0 * cm,
        right=2.0 * cm,
        top=1.5 * cm,
        bottom=2.1 * cm,
        body=_style("body", s, spaceAfter=s * 0.35),
        lead=_style("lead", s * 1.1, spaceAfter=s * 0.5),
        h1=_style("h1", s * 2.0, bold=True, keepWithNext=1, leading=1.2, textColor=ACCENT, spaceBefore=s * 0.5,
                  spaceAfter=s * 0.6),
        h2=_style("h2", s * 1.5, bold=True, keepWithNext=1, leading=1.25, textColor=ACCENT, spaceBefore=s * 0.8,
                  spaceAfter=s * 0.4),
        h3=_style("h3", s * 1.25, bold=True, keepWithNext=1, leading=1.25, spaceAfter=s * 0.3),
        label=_style("label", s, bold=True, keepWithNext=1, textColor=ACCENT, spaceAfter=s * 0.15),
        cover_title=_style("cover_title", s * 2.6, bold=True, leading=1.15, textColor=ACCENT,
                           spaceAfter=s * 0.5),
        cover_name=_style("cover_name", s * 1.6, bold=True, leading=1.25, spaceAfter=s * 0.2),
        step=_style("step", s, leftIndent=s * 1.8, bulletIndent=0, bulletFontName=fonts.BOLD,
                    bulletFontSize=s, spaceAfter=s * 0.15),
        bullet=_style("bullet", s, leftIndent=s * 1.3, bulletIndent=s * 0.2, bulletFontName=fonts.BOLD,
                      bulletFontSize=s, spaceAfter=s * 0.2),
        goal=_style("goal", s * 1.3, bold=True, leading=1.3, backColor=TINT, borderPadding=pad * 1.2,
                    spaceBefore=pad, spaceAfter=pad * 2.2, leftIndent=pad * 1.2, rightIndent=pad * 1.2),
        cell=_style("cell", s, leading=1.3),
        cell_bold=_style("cell_bold", s, bold=True, leading=1.3),
        box=_style("box", s, backColor=TINT, borderColor=ACCENT, borderWidth=0, borderPadding=pad,
                   spaceBefore=pad, spaceAfter=pad * 1.8, leftIndent=pad, rightIndent=pad),
        box_narrow=_style("box_narrow", s, backColor=TINT, borderPadding=pad * 0.7, spaceBefore=pad * 0.7,
                          spaceAfter=pad, leftIndent=pad * 0.7, rightIndent=pad * 0.7),
        boxed_note=_style("boxed_note", s, borderColor=ACCENT, borderWidth=1, borderPadding=pad,
                          spaceBefore=pad, spaceAfter=pad * 1.8, leftIndent=pad, rightIndent=pad),
        caution=_style("caution", s, spaceAfter=s * 0.3),
        dose=_style("dose", s, leading=1.3),
        footer_size=s,
    )


def table_style(st: Styles, commands: list[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose default cell font is the handout's own at body size (never Helvetica 10)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.REGULAR, st.size, st.body.leading), *commands])
