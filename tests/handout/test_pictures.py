"""Pictures: SVG illustrations converted once and cached, the therapist's own image preferred, a
missing or broken picture leaves no gap and no crash, and the clinic logo is placed on the cover."""

from __future__ import annotations

import io
import os

from PIL import Image

from planner.domain.model import ClinicInfo
from planner.handout import images
from planner.handout.document import render
from planner.handout.model import HandoutOptions
from planner.handout.phases import picture_beside
from planner.handout.styles import build
from tests.handout.helpers import item, plan, reader, text

SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 240">
<rect width="400" height="240" fill="#fff"/><path d="M20 200 L380 40" stroke="#000" stroke-width="8"/></svg>"""


def _png(width: int = 120, height: int = 80) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (30, 60, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_svg_is_converted_once_per_file_version(tmp_path):
    """The same SVG file gives the cached drawing; changing the file converts it again."""
    path = tmp_path / "figure.svg"
    path.write_text(SVG)
    first = images.svg_drawing(path)
    assert first is not None and images.svg_drawing(path) is first
    path.write_text(SVG.replace("#000", "#333") + " ")
    os.utime(path, ns=(1, 2))
    assert images.svg_drawing(path) is not first


def test_missing_or_broken_svg_gives_no_picture(tmp_path):
    """A missing file, an empty file and a file that is not SVG give None, not an exception."""
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg this is not xml")
    empty = tmp_path / "empty.svg"
    empty.write_text("")
    for path in (tmp_path / "missing.svg", broken, empty, None):
        assert images.svg_drawing(path) is None
    assert images.bitmap(b"not an image", 100, 100) is None and images.bitmap(None, 100, 100) is None


def test_block_without_picture_uses_the_full_width_and_still_prints(tmp_path):
    """Without any picture the steps are laid out on their own (no empty picture box) and all text prints."""
    st = build()
    steps = ["a", "b"]
    assert picture_beside(None, steps, st) == steps
    lost = item(title="Zonder plaatje", illustration=tmp_path / "nowhere.svg")
    data = render(plan(items=(lost,)), HandoutOptions())
    flat = text(data)
    assert "Zonder plaatje" in flat and "Til je billen op." in flat
    assert "Zo vaak: 2 keer 10 herhalingen, 3 dagen per week" in flat


def test_illustration_is_drawn_as_vectors_and_own_image_is_embedded(tmp_path):
    """A built-in illustration adds no bitmap; the therapist's own picture is embedded as an image."""
    path = tmp_path / "figure.svg"
    path.write_text(SVG)
    drawn = item(illustration=path)
    data = render(plan(items=(drawn,)), HandoutOptions())
    assert sum(len(page.images) for page in reader(data).pages) == 0
    own = item(image=_png(), illustration=None)
    data = render(plan(items=(own,)), HandoutOptions())
    assert sum(len(page.images) for page in reader(data).pages) == 1


def test_broken_own_image_falls_back_to_the_illustration(tmp_path):
    """A damaged uploaded image is skipped: the built-in illustration is used and the export succeeds."""
    path = tmp_path / "figure.svg"
    path.write_text(SVG)
    fallback = item(image=b"\x89PNG broken", illustration=path)
    picture = images.picture(fallback.image, fallback.illustration, 100, 60)
    assert isinstance(picture, images.Picture)
    data = render(plan(items=(fallback,)), HandoutOptions())
    assert "Bruggetje" in text(data)


def test_clinic_logo_is_on_the_cover():
    """A clinic logo is embedded once, on the first page; a broken logo is left out silently."""
    clinic = ClinicInfo(name="De Linde", logo=_png(400, 160))
    pdf = reader(render(plan(clinic=clinic), HandoutOptions()))
    assert len(pdf.pages[0].images) == 1
    assert sum(len(page.images) for page in pdf.pages[1:]) == 0
    broken = ClinicInfo(name="De Linde", logo=b"GIF89a nonsense")
    assert "Jouw herstelplan" in text(render(plan(clinic=broken), HandoutOptions()))


def test_svg_cannot_pull_files_from_outside_its_folder(tmp_path):
    """An SVG that references a file outside the illustrations folder does not embed it."""
    outside = tmp_path / "secret.png"
    outside.write_bytes(_png())
    folder = tmp_path / "pictures"
    folder.mkdir()
    svg = folder / "sneaky.svg"
    svg.write_text(SVG.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ').replace(
        "</svg>", '<image xlink:href="../secret.png" x="0" y="0" width="50" height="50"/></svg>'))
    data = render(plan(items=(item(illustration=svg),)), HandoutOptions())
    assert sum(len(page.images) for page in reader(data).pages) == 0


def test_picture_operators_are_rendered_once_and_reused(tmp_path):
    """An illustration's PDF operators are computed once and reused for every later handout."""
    path = tmp_path / "figure.svg"
    path.write_text(SVG)
    drawing = images.svg_drawing(path)
    first = images.operators(drawing)
    assert first is not None and " Tf" not in first and images.operators(drawing) is first
