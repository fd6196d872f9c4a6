"""The page: one frame, and a footer on every page with the patient's name, the clinic and
"pagina 2 van 7", numbered in one pass by a canvas that holds its pages until it knows the total."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from planner.handout import fonts, markup, styles
from planner.handout.styles import Styles


@dataclass(frozen=True)
class Footer:
    """What the footer shows; `page_text` has {page} and {total} placeholders."""

    left: str
    page_text: str
    st: Styles


class NumberedCanvas(Canvas):
    """A canvas that draws each page's footer at save time, when the page count is known."""

    def __init__(self, *args: Any, footer: Footer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's own, not in its stubs

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _draw_footer(self, total: int) -> None:
        footer, st = self._footer, self._footer.st
        size = st.footer_size
        page = footer.page_text.format(page=self.getPageNumber(), total=total)
        y = st.bottom - size * 2.4
        self.saveState()
        self.setStrokeColor(styles.ACCENT)
        self.setLineWidth(0.8)
        self.line(st.left, y + size * 1.3, st.page[0] - st.right, y + size * 1.3)
        self.setFillColor(colors.black)
        self.setFont(fonts.REGULAR, size)
        self.drawRightString(st.page[0] - st.right, y, page)
        room = st.width - stringWidth(page, fonts.REGULAR, size) - size * 1.5
        self.drawString(st.left, y, _fit(footer.left, room, size))
        self.restoreState()


def _fit(text: str, room: float, size: float) -> str:
    """`text` shortened with an ellipsis until it fits `room` points."""
    text = fonts.printable(markup.visual(" ".join(text.split())))
    if stringWidth(text, fonts.REGULAR, size) <= room:
        return text
    low, high = 0, min(len(text), int(room / (size * 0.2)) + 1)  # no glyph is narrower than 0.2 em
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", fonts.REGULAR, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    lang: str


def build(story: list[Flowable], *, st: Styles, footer: Footer, meta: Metadata) -> bytes:
    """Lay out `story` on pages and return the PDF bytes (deterministic: invariant mode)."""
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=st.page,
        leftMargin=st.left,
        rightMargin=st.right,
        topMargin=st.top,
        bottomMargin=st.bottom,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="Herstelplan",
        lang=meta.lang,
        displayDocTitle=1,
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=st.size,
        initialLeading=st.body.leading,
    )
    frame = Frame(st.left, st.bottom, st.width, st.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=partial(NumberedCanvas, footer=footer))
    return out.getvalue()
