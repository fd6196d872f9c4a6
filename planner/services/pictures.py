"""One checker for the therapist's own pictures (PNG and JPEG), wherever they come from: the
window's picture import, pictures inside plan files, and the pictures a handout prints.

A picture is accepted only when Pillow decodes it completely (a broken data stream behind a good
first few bytes is caught here, not in every later export), it is not larger than a pixel limit
(read from its header before anything is decoded, so a small file cannot cost gigabytes) and its
file is not larger than a size limit.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass

from planner.domain.messages import MessageError, msg

log = logging.getLogger(__name__)

# Pictures stored with a block are scaled by the window to at most 1200 pixels a side; a stored
# picture (in the database or a plan file) may be up to 2400 × 2400, a file up to 5 MB.
STORED_MAX_PIXELS = 2400 * 2400
STORED_MAX_BYTES = 5_000_000
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


class PictureError(MessageError, ValueError):
    """Why a picture cannot be used, as a sentence for the user (nothing was stored)."""


@dataclass(frozen=True, slots=True)
class Picture:
    width: int
    height: int
    mime: str


def check_picture(data: bytes, *, max_pixels: int = STORED_MAX_PIXELS,
                  max_bytes: int = STORED_MAX_BYTES) -> Picture:
    """The picture's size and type once it has been decoded completely; PictureError otherwise."""
    from PIL import Image, UnidentifiedImageError  # only when a picture is checked

    if len(data) > max_bytes:
        raise PictureError(msg("The picture file is larger than {mb} MB.", mb=max_bytes / 1e6))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
                if kind not in FORMATS:
                    raise PictureError(msg("This is not a PNG or JPEG picture."))
                if width * height > max_pixels:
                    raise PictureError(
                        msg("The picture is too large ({w} × {h} pixels, at most {mp} megapixels).",
                            w=str(width), h=str(height), mp=max_pixels / 1e6))
                image.verify()  # chunk checksums (PNG)
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # every pixel decoded: a broken or cut-off data stream fails here
    except PictureError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PictureError(msg("This is not a PNG or JPEG picture.")) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as error:
        raise PictureError(msg("The picture is damaged and cannot be read ({reason}).",
                               reason=str(error)[:120] or type(error).__name__)) from None
    return Picture(width, height, FORMATS[kind])


def usable(data: bytes | None) -> bool:
    """True for a picture a handout may print; a damaged or oversized one is left out (logged)."""
    if not data:
        return False
    try:
        check_picture(data)
    except PictureError as error:
        log.warning("a stored picture was left out of a handout: %s", error)
        return False
    return True
