"""Register the shipped DejaVu fonts with ReportLab once, so every Latin, Greek and Cyrillic
character a therapist can type is drawn (and extracts back) correctly."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.paths import FONTS_DIR

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"


@cache
def register() -> str:
    """Register the family (idempotent) and return the regular font's name."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(FONTS_DIR / "DejaVuSans-Oblique.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR


@cache
def _face():  # noqa: ANN202
    register()
    return pdfmetrics.getFont(REGULAR).face


def printable(text: str) -> str:
    """`text` with every character the font cannot draw replaced by a visible '□' (U+25A1)."""
    face = _face()
    widths = face.charWidths
    out = []
    for ch in text:
        if ch in "\n\t" or ord(ch) in widths or ch == " ":
            out.append(ch)
        elif ord(ch) < 32 or 0xFFF0 <= ord(ch) or 0xD800 <= ord(ch) <= 0xDFFF:
            continue  # control characters and stray surrogates: drop
        else:
            out.append("\u25a1")
    return "".join(out)
