"""User text into Paragraph markup safely: escaped, undrawable characters replaced, never markup.

Everything a therapist or patient typed goes through `text()` before it meets a Paragraph, so
`<b>`, `&`, `</para>`, `<img src=...>` or `<font size=200>` print as the characters they are and
nothing is ever fetched from disk or the network through markup.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from planner.handout import fonts


class Paragraph(_Paragraph):
    """A Paragraph that remembers its line breaking per width.

    Platypus wraps a paragraph several times at the same width (KeepTogether measures, the frame
    places, a table cell re-wraps while drawing); line breaking is the costliest step of a
    handout, and its result depends only on the text, the style and the width.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        cached = self.__dict__.get("_wrapped")
        if cached is not None and cached[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = cached
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if self.__dict__.get("blPara") is not None:
            self._wrapped = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return size


def text(value: str) -> str:
    """`value` as Paragraph markup that prints exactly as written (line breaks kept), right-to-left
    scripts in reading order."""
    cleaned = fonts.printable(visual(value.replace("\r\n", "\n").replace("\r", "\n")))
    return escape(cleaned).replace("\n", "<br/>")


def _has_rtl(value: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in value)


def visual(value: str) -> str:
    """`value` in the order it is drawn: each line with right-to-left runs (Hebrew, Arabic) reordered
    by the Unicode bidirectional algorithm (python-bidi), Arabic letters in their joined forms
    (arabic-reshaper). ReportLab draws characters left to right in the order it gets them.

    Known limit: a right-to-left paragraph that wraps over several lines is reordered as a whole,
    so its lines read bottom-up; names and short notes (one line) print correctly.
    """
    if not _has_rtl(value):
        return value
    lines = []
    for line in value.split("\n"):
        if _has_rtl(line):
            if any(unicodedata.bidirectional(ch) == "AL" for ch in line):
                line = arabic_reshaper.reshape(line)
            line = get_display(line)
        lines.append(line)
    return "\n".join(lines)


def bold(value: str) -> str:
    """User (or own) text in bold, escaped."""
    return f"<b>{text(value)}</b>"


def para(value: str, style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    """A Paragraph of plain user text."""
    return Paragraph(text(value), style, **kwargs)


def labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """'Label: value' with the label in bold; both escaped."""
    return Paragraph(f"{bold(label)} {text(value)}", style)


def paragraphs(value: str, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per blank-line-separated block of user text, so long notes split cleanly."""
    blocks = [block.strip() for block in value.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(text(block), style) for block in blocks if block]


def clip(value: str, limit: int) -> str:
    """`value` cut to `limit` characters with an ellipsis: for table cells, which cannot split."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
