"""The clinic logo check: sound PNG/JPEG pictures are shrunk; anything else gets a clear reason."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from planner.domain.errors import ValidationError
from planner.services import logo


def png_bytes(width: int, height: int, *, mode: str = "RGB", colour=(20, 90, 160)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), colour).save(out, "PNG")
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels but holds almost no data (a decompression bomb shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b"")


def test_large_png_is_scaled_to_800_pixels_keeping_its_shape():
    """A 2000 × 1000 PNG becomes an 800 × 400 PNG."""
    prepared = logo.prepare_logo(png_bytes(2000, 1000))
    assert (prepared.width, prepared.height, prepared.mime) == (800, 400, "image/png")
    assert Image.open(io.BytesIO(prepared.data)).size == (800, 400)


def test_jpeg_photo_stays_jpeg_and_transparent_png_stays_png():
    """Photos stay JPEG (small); a logo with transparency keeps it as PNG."""
    out = io.BytesIO()
    Image.new("RGB", (1600, 1200), (200, 30, 30)).save(out, "JPEG")
    photo = logo.prepare_logo(out.getvalue())
    assert (photo.mime, photo.width, photo.height) == ("image/jpeg", 800, 600)
    clear = logo.prepare_logo(png_bytes(300, 100, mode="RGBA", colour=(0, 0, 0, 0)))
    assert clear.mime == "image/png"
    assert Image.open(io.BytesIO(clear.data)).mode == "RGBA"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"this is a text file, not a picture", "not a picture"),
        (png_header_only(8000, 7000), "larger than 50 megapixels"),
        (png_bytes(400, 300)[:120], "damaged"),
        (b"GIF89a" + png_bytes(10, 10)[8:], "not a picture"),
    ],
    ids=["text", "56-megapixels", "truncated", "gif-in-disguise"],
)
def test_unusable_files_are_refused_with_a_reason(data: bytes, words: str):
    """Text, a huge picture, a damaged picture: each is refused with a sentence that says why."""
    with pytest.raises(ValidationError) as caught:
        logo.prepare_logo(data)
    assert words in str(caught.value.problems["logo"])


def test_other_formats_are_refused(tmp_path: Path):
    """A real GIF or BMP is refused with 'only PNG and JPEG'."""
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, "BMP")
    with pytest.raises(ValidationError) as caught:
        logo.prepare_logo(out.getvalue())
    assert "Only PNG and JPEG" in str(caught.value.problems["logo"])


def test_missing_file_is_refused(tmp_path: Path):
    """A file that vanished between choosing and reading gives 'could not be read'."""
    with pytest.raises(ValidationError) as caught:
        logo.read_logo_file(tmp_path / "gone.png")
    assert "could not be read" in str(caught.value.problems["logo"])
