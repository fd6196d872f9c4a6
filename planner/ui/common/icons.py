"""Icons from resources/icons (one line style) and the coloured badge that marks each kind of block."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from planner.domain.kinds import Kind
from planner.paths import RESOURCES
from planner.ui.common.labels import KIND_COLOURS

ICONS_DIR = RESOURCES / "icons"


@cache
def icon(name: str) -> QIcon:
    """The toolbar/menu icon `name` (an empty icon when the file is missing, never an error)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def kind_colour(kind: Kind | str) -> QColor:
    return QColor(KIND_COLOURS.get(Kind(kind), "#607d8b"))


@cache
def _kind_renderer(kind: str) -> QSvgRenderer:
    return QSvgRenderer(str(ICONS_DIR / f"kind-{kind}.svg"))


def kind_badge(kind: Kind | str, size: int, *, ratio: float = 1.0) -> QPixmap:
    """A rounded square in the kind's colour with its white glyph: colour and shape both say the kind."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kind_colour(kind))
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22)
    margin = size * 0.18
    _kind_renderer(str(Kind(kind).value)).render(painter, QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    return pixmap


@cache
def kind_icon(kind: str) -> QIcon:
    result = QIcon()
    for size in (16, 24, 32):
        result.addPixmap(kind_badge(kind, size))
    return result
