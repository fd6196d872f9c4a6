"""One picture checker (Pillow: decoded completely, a pixel limit, a size limit) for the window's
picture import, pictures inside plan files, and the handout (issue 14: 5)."""

from __future__ import annotations

import base64
import io
import sqlite3
import struct
import time
import zlib

import pytest
from PIL import Image

from planner.handout.model import HandoutOptions
from planner.services import handouts, library, pictures, transfer
from tests.reliability.plan_files import valid_document


def _png(width: int = 64, height: int = 48) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 140, 90)).save(out, "PNG")
    return out.getvalue()


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    out, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        out.append((data[at + 4:at + 8], data[at + 8:at + 8 + length]))
        at += 12 + length
    return out


def _assemble(chunks: list[tuple[bytes, bytes]]) -> bytes:
    body = b"".join(struct.pack(">I", len(d)) + k + d + struct.pack(">I", zlib.crc32(k + d)) for k, d in chunks)
    return b"\x89PNG\r\n\x1a\n" + body


def broken_stream_png() -> bytes:
    """Good signature, header and checksums, but the compressed pixel data is garbage in the middle."""
    chunks = _chunks(_png())
    fixed = []
    for kind, data in chunks:
        if kind == b"IDAT":
            data = data[:10] + bytes(b ^ 0x5A for b in data[10:-4]) + data[-4:]
        fixed.append((kind, data))
    return _assemble(fixed)


def huge_png(width: int = 13_300, height: int = 13_300) -> bytes:
    """A small file that claims 177 megapixels (what would cost gigabytes to decode)."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * ((width + 7) // 8 + 1) * 64, 9)
    return _assemble([(b"IHDR", header), (b"IDAT", rows), (b"IEND", b"")])


def test_the_checker_decodes_completely_and_limits_pixels_and_bytes():
    assert pictures.check_picture(_png()).mime == "image/png"
    with pytest.raises(pictures.PictureError, match="damaged"):
        pictures.check_picture(broken_stream_png())
    started = time.monotonic()
    with pytest.raises(pictures.PictureError, match="too large"):
        pictures.check_picture(huge_png())
    assert time.monotonic() - started < 1
    with pytest.raises(pictures.PictureError, match="larger than"):
        pictures.check_picture(_png(), max_bytes=100)
    with pytest.raises(pictures.PictureError, match="not a PNG or JPEG"):
        pictures.check_picture(b"GIF89a" + b"\x00" * 40)


def _with_picture(data: bytes) -> dict:
    doc = valid_document()
    doc["blocks"][0]["image"] = {"mime": "image/png", "data": base64.b64encode(data).decode("ascii")}
    return doc


@pytest.mark.parametrize("make, words", [(broken_stream_png, "damaged"), (huge_png, "too large")])
def test_a_plan_file_with_a_bad_picture_is_refused_and_nothing_changes(db, db_path, make, words):
    """Finding 5: a PNG with a broken data stream or of 177 megapixels is refused on import."""
    con = sqlite3.connect(db_path)
    before = con.execute("SELECT count(*) FROM blocks").fetchone()[0]
    con.close()
    with pytest.raises(transfer.TransferError) as caught:
        transfer.import_data(db, _with_picture(make()))
    assert "$.blocks[0].image.data" in str(caught.value) and words in str(caught.value)
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT count(*) FROM blocks").fetchone()[0] == before
    con.close()


def test_a_damaged_stored_picture_never_breaks_a_handout(db, db_path):
    """A picture that reached the database before the check is left out; the handout still prints."""
    plan = transfer.import_data(db, valid_document())
    block_id = plan.phases[0].items[1].block.id
    assert library.block_image(db, block_id) is not None
    con = sqlite3.connect(db_path)
    con.execute("UPDATE blocks SET image = ? WHERE id = ?", (broken_stream_png(), block_id))
    con.commit()
    con.close()
    pdf = handouts.render_handout(db, plan.id, HandoutOptions(lang="nl"))
    assert pdf.startswith(b"%PDF")


def test_the_window_uses_the_same_checker(qtbot, tmp_path):
    """The window's picture import refuses the broken PNG with the checker's sentence."""
    from planner.ui.library import images

    path = tmp_path / "kapot.png"
    path.write_bytes(broken_stream_png())
    with pytest.raises(images.PictureProblem, match="damaged"):
        images.prepare_picture(path)
