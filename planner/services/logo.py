"""Check and shrink a clinic logo before it is stored: PNG or JPEG, at most 50 megapixels, ≤ 800 px.

The picture is inspected before it is decoded (a huge or hostile file is refused without
allocating its pixels), turned upright by its EXIF orientation, scaled down and re-encoded, so the
database never holds the original file and every handout embeds a small image.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from planner.domain.errors import ValidationError
from planner.domain.messages import Msg, msg

MAX_MEGAPIXELS = 50
MAX_SIDE = 800
MAX_FILE_BYTES = 64 * 1024 * 1024
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


@dataclass(frozen=True, slots=True)
class PreparedLogo:
    """A logo ready for update_clinic(logo=..., logo_mime=...)."""

    data: bytes
    mime: str
    width: int
    height: int


def _problem(message: Msg) -> ValidationError:
    return ValidationError({"logo": message})


def read_logo_file(path: str | Path) -> PreparedLogo:
    """Read a picture file and prepare it as a logo; ValidationError(problems['logo']) when unusable."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _problem(msg("The file is larger than {mb} MB. Choose a smaller picture.",
                               mb=MAX_FILE_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as error:
        raise _problem(msg("The file could not be read ({reason}). Check that it exists and try again.",
                           reason=error.strerror or error)) from error
    return prepare_logo(data)


def prepare_logo(data: bytes) -> PreparedLogo:
    """Check `data` is a sound PNG or JPEG of at most 50 megapixels and scale it to ≤ 800 px."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise _problem(_too_large()) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise _problem(msg("This file is not a picture Herstelplan can read. Choose a PNG or JPEG file.")) from error
    if image.format not in _FORMATS:
        raise _problem(msg("Only PNG and JPEG pictures can be used as a logo. Save the logo as PNG and try again."))
    width, height = image.size
    if width * height > MAX_MEGAPIXELS * 1_000_000:
        raise _problem(_too_large())
    source_format = image.format
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise _problem(msg("The picture is damaged and cannot be read. Choose another file.")) from error
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if source_format == "JPEG" and not has_alpha:
        image.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
        source_format = "PNG"
    return PreparedLogo(out.getvalue(), _FORMATS[source_format], image.width, image.height)


def _too_large() -> Msg:
    return msg("The picture is larger than {max} megapixels. Save a smaller version and try again.",
               max=MAX_MEGAPIXELS)
