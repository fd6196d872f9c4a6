"""Pictures for the handout: built-in SVG illustrations (converted once per file and cached) and
the therapist's own PNG/JPEG images and clinic logo, as flowables of a requested size.

A missing or unreadable picture gives None, never an exception or an empty frame: the caller then
lays the text out without a picture.
"""

from __future__ import annotations

import io
import logging
import re
from functools import lru_cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

log = logging.getLogger(__name__)


class Picture(Flowable):
    """A vector drawing scaled to fit a box, keeping its proportions (centred in the box)."""

    def __init__(self, drawing: Drawing, width: float, height: float):
        super().__init__()
        self.drawing = drawing
        self.box_width, self.box_height = width, height
        scale = min(width / drawing.width, height / drawing.height)
        self.scale = scale
        self.width, self.height = drawing.width * scale, drawing.height * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        return self.width, self.height

    def _restrictSize(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: N802, ARG002
        """What ImageAndFlowables asks of its picture: the size it will take."""
        return self.width, self.height

    def _unRestrictSize(self) -> None:  # noqa: N802
        """ImageAndFlowables' counterpart of _restrictSize: nothing to undo."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canvas.clipPath(clip, stroke=0, fill=0)  # an SVG viewport clips; svglib does not
        canvas.scale(self.scale, self.scale)
        ops = operators(self.drawing)
        if ops is None:
            renderPDF.draw(self.drawing, canvas, 0, 0, showBoundary=False)
        else:
            canvas._code.append(ops)  # type: ignore[attr-defined]  # noqa: SLF001 - the drawing's own operators, rendered once
        canvas.restoreState()


_OPERATORS: dict[int, tuple[Drawing, str | None]] = {}
_FONT_ONLY = re.compile(r"^BT /F\d+ [\d.]+ Tf [\d.]+ TL ET$")
_RESOURCE_OPERATORS = re.compile(r"\s(gs|Do|Tf|sh|BI|cs|CS|scn|SCN)\b")


def operators(drawing: Drawing) -> str | None:
    """The PDF content operators that draw `drawing` at the origin, rendered once per drawing.

    renderPDF starts from explicit defaults, so its output does not depend on the page it lands
    on. Output that refers to page resources (transparency, fonts, images, patterns) is not
    reusable across documents: None, and the caller renders the drawing itself.
    """
    found = _OPERATORS.get(id(drawing))
    if found is not None and found[0] is drawing:
        return found[1]
    scratch = Canvas(io.BytesIO(), invariant=1)
    code: list[str] = scratch._code  # type: ignore[attr-defined]  # noqa: SLF001 - the page's operators, appended to
    start = len(code)
    renderPDF.draw(drawing, scratch, 0, 0, showBoundary=False)
    # renderPDF selects a font it never uses (a page resource): drop those no-op text blocks
    drawn = "\n".join(line for line in code[start:] if not _FONT_ONLY.match(line))
    ops = None if _RESOURCE_OPERATORS.search(" " + drawn) else drawn
    if len(_OPERATORS) > 1024:
        _OPERATORS.clear()
    _OPERATORS[id(drawing)] = (drawing, ops)
    return ops


class Bitmap(Flowable):
    """A PNG/JPEG image scaled to fit a box, keeping its proportions."""

    def __init__(self, reader: ImageReader, size: tuple[int, int], width: float, height: float):
        super().__init__()
        self.reader = reader
        scale = min(width / size[0], height / size[1])
        self.width, self.height = size[0] * scale, size[1] * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        return self.width, self.height

    def _restrictSize(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: N802, ARG002
        """What ImageAndFlowables asks of its picture: the size it will take."""
        return self.width, self.height

    def _unRestrictSize(self) -> None:  # noqa: N802
        """ImageAndFlowables' counterpart of _restrictSize: nothing to undo."""

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


@lru_cache(maxsize=512)
def _converted(path: str, stamp: tuple[int, int]) -> Drawing | None:  # noqa: ARG001 - stamp keys the cache
    from svglib.svglib import svg2rlg  # imported on first use: svglib pulls in lxml and cssselect2

    try:
        drawing = svg2rlg(path, external_reference_root=str(Path(path).parent))
    except Exception:  # noqa: BLE001 - a broken picture must never stop a handout
        log.warning("could not read illustration %s", path, exc_info=True)
        return None
    if drawing is None or drawing.width <= 0 or drawing.height <= 0:
        return None
    return drawing


def svg_drawing(path: Path | None) -> Drawing | None:
    """The ReportLab drawing of an SVG file, converted once per file version; None when missing."""
    if path is None:
        return None
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return _converted(str(path), (info.st_mtime_ns, info.st_size))


def svg_picture(path: Path | None, width: float, height: float) -> Picture | None:
    """An SVG illustration as a flowable fitting width × height, or None when it is missing."""
    drawing = svg_drawing(path)
    return Picture(drawing, width, height) if drawing is not None else None


def bitmap(data: bytes | None, width: float, height: float) -> Bitmap | None:
    """A PNG/JPEG image as a flowable fitting width × height, or None when it cannot be read."""
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        size = reader.getSize()
    except Exception:  # noqa: BLE001 - a damaged upload must never stop a handout
        log.warning("could not read an image of %d bytes", len(data), exc_info=True)
        return None
    if not size or size[0] <= 0 or size[1] <= 0:
        return None
    return Bitmap(reader, size, width, height)


def picture(image: bytes | None, illustration: Path | None, width: float, height: float) -> Flowable | None:
    """The therapist's own image when set and readable, else the built-in illustration, else None."""
    return bitmap(image, width, height) or svg_picture(illustration, width, height)
