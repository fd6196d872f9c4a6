"""A therapist's own picture for a block: checked before anything is stored, scaled to at most
MAX_SIDE pixels and stored as PNG (drawings, transparency) or JPEG (photos)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer

from planner.domain.messages import msg
from planner.i18n import _, word
from planner.services import pictures

MAX_PIXELS = 50_000_000
MAX_SIDE = 1200
MAX_FILE_BYTES = 60 * 1024 * 1024
ACCEPTED = ("png", "jpeg", "jpg", "svg")
FILE_FILTER = "*.png *.jpg *.jpeg *.svg"


class PictureProblem(Exception):
    """Why a picture cannot be used, as a sentence for the user (nothing was stored)."""


def _fit(size: QSize) -> QSize:
    if max(size.width(), size.height()) <= MAX_SIDE:
        return size
    return size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)


def _encode(image: QImage) -> tuple[bytes, str]:
    """PNG when the picture has transparency or few colours (a drawing), else JPEG (a photo)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.hasAlphaChannel():
        image.save(buffer, "PNG")
        return bytes(data.data()), "image/png"
    image.save(buffer, "JPEG", 88)
    jpeg = bytes(data.data())
    png_data = QByteArray()
    png_buffer = QBuffer(png_data)
    png_buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(png_buffer, "PNG")
    png = bytes(png_data.data())
    return (png, "image/png") if len(png) <= len(jpeg) * 1.2 else (jpeg, "image/jpeg")


def _from_svg(data: bytes) -> QImage:
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise PictureProblem(_("The SVG file is damaged or not a drawing."))
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(MAX_SIDE, MAX_SIDE)
    target = size.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
    image = QImage(target, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, target.width(), target.height()))
    painter.end()
    return image


def prepare_picture(path: Path) -> tuple[bytes, str]:
    """Read, check and scale the picture at `path`; raises PictureProblem with the reason."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PictureProblem(word(msg("The file is larger than {mb} MB. Choose a smaller picture.",
                                         mb=MAX_FILE_BYTES // (1024 * 1024))))
        data = path.read_bytes()
    except OSError as error:
        raise PictureProblem(_("The file cannot be read: %(reason)s") % {"reason": error.strerror or error}) from error
    if not data:
        raise PictureProblem(_("The file is empty."))
    if path.suffix.lower() == ".svg" or data.lstrip()[:5] in (b"<?xml", b"<svg ") or b"<svg" in data[:512]:
        return _encode(_from_svg(data))
    try:  # the one picture checker: decoded completely, within the pixel and size limits
        pictures.check_picture(data, max_pixels=MAX_PIXELS, max_bytes=MAX_FILE_BYTES)
    except pictures.PictureError as error:
        raise PictureProblem(word(error.message)) from None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    fmt = bytes(reader.format().data()).decode().lower()
    if fmt not in ACCEPTED:
        raise PictureProblem(_("This is not a PNG, JPEG or SVG picture."))
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise PictureProblem(
            word(msg("The picture is too large ({w} × {h} pixels, more than {mp} megapixels). Make it smaller "
                     "first.", w=size.width(), h=size.height(), mp=MAX_PIXELS / 1_000_000)))
    reader.setAutoTransform(True)
    if size.isValid():
        reader.setScaledSize(_fit(size))
    image = reader.read()
    if image.isNull():
        raise PictureProblem(_("The picture is damaged and cannot be read (%(reason)s).")
                             % {"reason": reader.errorString()})
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return _encode(image)
