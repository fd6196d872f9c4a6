"""Read a handout's pages back as a reader would see them: how full each page is, what its lowest
line is (text, font size), and where sections start."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

from planner.handout import styles


@dataclass(frozen=True)
class Line:
    text: str
    size: float
    y: float  # from the bottom of the page, in points


def page_lines(data: bytes, *, large_print: bool = False) -> list[list[Line]]:
    """The text lines of every page with their font size and height, the footer left out."""
    pages: list[list[Line]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        found: list[Line] = []

        def visit(text: str, cm, tm, font_dict, font_size, found=found) -> None:
            if text.strip():
                size = font_size * tm[0] if tm[0] else font_size
                found.append(Line(text.strip(), round(size, 1), tm[5] * (cm[3] or 1) + cm[5]))

        page.extract_text(visitor_text=visit)
        st = styles.build(large_print=large_print)
        pages.append([line for line in found if line.y > st.bottom - 2])  # above the footer rule
    return pages


def fill(lines: list[Line], *, page_height: float, top: float, bottom: float) -> float:
    """Share of the text frame used down to the lowest line (0 empty .. 1 full)."""
    if not lines:
        return 0.0
    lowest = min(line.y for line in lines)
    frame = page_height - top - bottom
    return (page_height - top - lowest) / frame


_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_TJ = re.compile(rb"/(F[\w+]+) [\d.]+ Tf[^()]*?\(((?:\\.|[^\\)])*)\) Tj")


def drawn_strings(data: bytes) -> list[str]:
    """Every string as drawn (Tj operands in the order the glyphs are placed, left to right), decoded
    through each font subset's ToUnicode map. Unlike text extraction, no reordering is applied: this
    shows whether right-to-left text was put on the page in visual order."""
    found: list[str] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"]["/Font"]
        maps: dict[bytes, dict[int, str]] = {}
        for name, ref in fonts.items():
            font = ref.get_object()
            cmap = font.get("/ToUnicode")
            if cmap is None:
                continue
            table = {int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                     for code, text in _BFCHAR.findall(cmap.get_object().get_data().split(b"beginbfchar", 1)[-1])}
            maps[name.encode()[1:]] = table
        stream = page.get_contents().get_data()
        for font, raw in _TJ.findall(stream):
            codes = _unescape(raw)
            table = maps.get(font)
            found.append("".join(table.get(code, chr(code)) for code in codes) if table else codes.decode("latin-1"))
    return found


def _unescape(raw: bytes) -> bytes:
    """A PDF literal string's bytes (octal escapes and backslash escapes resolved)."""
    out, index = bytearray(), 0
    while index < len(raw):
        char = raw[index]
        if char == 0x5C:  # backslash
            following = raw[index + 1: index + 4]
            octal = re.match(rb"[0-7]{1,3}", following)
            if octal:
                out.append(int(octal.group(0), 8))
                index += 1 + len(octal.group(0))
                continue
            out.append({ord("n"): 10, ord("r"): 13, ord("t"): 9}.get(raw[index + 1], raw[index + 1]))
            index += 2
            continue
        out.append(char)
        index += 1
    return bytes(out)
