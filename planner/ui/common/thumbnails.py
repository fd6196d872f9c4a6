"""Block pictures as cached pixmaps: the therapist's own picture, else the built-in line drawing
(rendered with QtSvg), else the kind's badge. Rendering happens once per block, size and version."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from planner.domain.model import BlockInfo
from planner.paths import ILLUSTRATIONS_DIR
from planner.ui.common.icons import kind_badge, kind_colour

ImageLoader = Callable[[int], "tuple[bytes, str] | None"]


class Thumbnails:
    """A small LRU cache of block thumbnails; `loader(block_id)` fetches a custom picture's bytes."""

    def __init__(self, loader: ImageLoader | None = None, *, capacity: int = 2000):
        self._loader = loader
        self._cache: OrderedDict[tuple, QPixmap] = OrderedDict()
        self._capacity = capacity

    def clear(self) -> None:
        self._cache.clear()

    def pixmap(self, block: BlockInfo, size: int, *, ratio: float = 1.0) -> QPixmap:
        key = (block.id, block.version, block.has_image, block.illustration, size, ratio)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        pixmap = self._render(block, size, ratio)
        self._cache[key] = pixmap
        if len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        return pixmap

    def _render(self, block: BlockInfo, size: int, ratio: float) -> QPixmap:
        if block.has_image and self._loader is not None:
            found = self._loader(block.id)
            if found is not None:
                image = QImage.fromData(found[0])
                if not image.isNull():
                    return _framed(image, size, ratio, block)
        if block.illustration:
            path = ILLUSTRATIONS_DIR / block.illustration
            if path.is_file():
                renderer = QSvgRenderer(str(path))
                if renderer.isValid():
                    return _svg(renderer, size, ratio, block)
        return kind_badge(block.kind, size, ratio=ratio)


def _canvas(size: int, ratio: float, block: BlockInfo) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setPen(kind_colour(block.kind).lighter(150))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 6, 6)
    return pixmap, painter


def _fit(source: QSize, size: float) -> QRectF:
    if source.isEmpty():
        return QRectF(0, 0, size, size)
    scale = min(size / source.width(), size / source.height())
    w, h = source.width() * scale, source.height() * scale
    return QRectF((size - w) / 2, (size - h) / 2, w, h)


def _svg(renderer: QSvgRenderer, size: int, ratio: float, block: BlockInfo) -> QPixmap:
    pixmap, painter = _canvas(size, ratio, block)
    inner = size - 6
    target = _fit(renderer.defaultSize(), inner).translated(3, 3)
    renderer.render(painter, target)
    painter.end()
    return pixmap


def _framed(image: QImage, size: int, ratio: float, block: BlockInfo) -> QPixmap:
    pixmap, painter = _canvas(size, ratio, block)
    inner = size - 4
    target = _fit(image.size(), inner).translated(2, 2)
    scaled = image.scaled(round(target.width() * ratio), round(target.height() * ratio),
                          Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    painter.drawImage(target, scaled)
    painter.end()
    return pixmap
