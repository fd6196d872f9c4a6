"""Register the shipped DejaVu fonts with ReportLab once, so every Latin, Greek and Cyrillic
character a therapist can type is drawn (and extracts back) correctly; anything else is replaced
by a visible box instead of crashing or printing nothing."""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from planner.paths import FONTS_DIR

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
REPLACEMENT = "\u25a1"  # '□': visible, and in every DejaVu face


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written as the UTF-16 surrogate
    pair the PDF standard asks for (ReportLab writes '<1F600>', which readers cannot decode, so
    such characters would not extract or reach a screen reader)."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *(f"<{index:02X}> <{_utf16_hex(code)}>" for index, code in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def _fix_to_unicode() -> None:
    """Install the corrected CMap writer unless this ReportLab already writes surrogate pairs."""
    if "<D83DDE00>" not in ttfonts.makeToUnicodeCMap("probe", [0x1F600]):
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@cache
def register() -> str:
    """Register the family (idempotent, once per process) and return the regular font's name."""
    _fix_to_unicode()
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(FONTS_DIR / "DejaVuSans-Oblique.ttf")))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR


def _face_widths(name: str) -> dict[int, int]:
    """The code points the TrueType font `name` has a glyph for, with their widths."""
    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont):
        return {}
    return dict(font.face.charWidths)


@cache
def _drawable() -> frozenset[int]:
    """Code points that both the regular and the bold face can draw (user text may be bold)."""
    register()
    regular, bold = (_face_widths(name) for name in (REGULAR, BOLD))
    return frozenset(code for code in regular if code in bold and code >= 32)


def printable(text: str) -> str:
    """`text` with every character the fonts cannot draw replaced by a visible '□' (U+25A1).

    Control characters, stray surrogates and invisible format characters (soft hyphen, zero-width
    joiners, byte-order mark, variation selectors) are dropped; tabs become spaces; line breaks stay.
    """
    drawable = _drawable()
    if all(ord(ch) in drawable or ch == "\n" for ch in text) and "\u00ad" not in text and "\ufeff" not in text:
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\n" or (code in drawable and not _invisible(code)):
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif code < 32 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF or 0xFFF0 <= code <= 0xFFFF:
            continue  # controls, stray surrogates, specials and non-characters
        elif _invisible(code):
            continue  # variation selectors, tags and zero-width joiners: invisible by design
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def _invisible(code: int) -> bool:
    return (0xFE00 <= code <= 0xFE0F or 0xE0000 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF
            or code in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF))
