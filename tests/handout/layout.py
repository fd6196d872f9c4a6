"""Read a handout's pages back as a reader would see them: how full each page is, what its lowest
line is (text, font size), and where sections start."""

from __future__ import annotations

import io
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

        def visit(text: str, cm, tm, font_dict, font_size, found=found) -> None:  # noqa: ANN001, ARG001
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
