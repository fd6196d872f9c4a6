"""Checks for the exercise illustrations (tools/figures -> resources/illustrations)."""

import importlib.util
import json
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIG_DIR = ROOT / "tools" / "figures"
SVG_DIR = ROOT / "resources" / "illustrations"
BLOCK_DIR = ROOT / "resources" / "library" / "blocks"
SVG_NS = "{http://www.w3.org/2000/svg}"


def load_renderer():
    spec = importlib.util.spec_from_file_location("herstelplan_figures_render", FIG_DIR / "render.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rendered():
    return load_renderer().render_all()


def svg_files():
    return sorted(SVG_DIR.glob("*.svg"))


def test_rerender_matches_committed_svgs(rendered):
    """Re-rendering the pose data reproduces every committed SVG byte for byte."""
    for name, text in rendered.items():
        path = SVG_DIR / name
        assert path.exists(), f"missing {name}: run python tools/figures/render.py"
        assert path.read_bytes() == text.encode("utf-8"), f"{name} is stale: run python tools/figures/render.py"


def test_no_orphan_svgs(rendered):
    """Every SVG in resources/illustrations comes from the renderer (none hand-edited or left over)."""
    assert sorted(p.name for p in svg_files()) == sorted(rendered)


def test_rendering_is_deterministic(rendered):
    """Rendering twice in one process gives identical output."""
    assert load_renderer().render_all() == rendered


@pytest.mark.parametrize("path", svg_files(), ids=lambda p: p.name)
def test_svg_parses_with_viewbox_and_no_text(path):
    """Each SVG is well-formed XML with a viewBox, no fixed pixel size and no text."""
    root = ET.parse(path).getroot()
    assert root.tag == SVG_NS + "svg"
    box = [float(v) for v in root.get("viewBox").split()]
    assert len(box) == 4 and box[2] > 0 and box[3] > 0
    assert 1.2 <= box[2] / box[3] <= 2.1
    assert root.get("width") is None and root.get("height") is None
    assert not any(el.tag in (SVG_NS + "text", SVG_NS + "image") for el in root.iter())


@pytest.mark.parametrize("path", svg_files(), ids=lambda p: p.name)
def test_drawing_stays_inside_the_viewbox(path):
    """Straight paths and circles stay inside the viewBox (PDF renderers may not clip)."""
    root = ET.parse(path).getroot()
    x0, y0, w, h = (float(v) for v in root.get("viewBox").split())
    points = []
    for el in root.iter():
        if el.tag == SVG_NS + "path":
            d = el.get("d")
            if set(re.sub(r"[-0-9. ]", "", d)) <= set("MLZ"):
                nums = [float(v) for v in re.findall(r"-?[0-9.]+", d)]
                points.extend(zip(nums[0::2], nums[1::2], strict=True))
        elif el.tag == SVG_NS + "circle":
            cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
            points.extend([(cx - r, cy - r), (cx + r, cy + r)])
    outside = [p for p in points if not (x0 <= p[0] <= x0 + w and y0 <= p[1] <= y0 + h)]
    assert not outside, outside[:5]


def test_every_block_has_its_illustration():
    """Every block JSON names an illustration file (<key>.svg) that exists."""
    blocks = sorted(BLOCK_DIR.glob("*/*.json"))
    missing = []
    for path in blocks:
        block = json.loads(path.read_text(encoding="utf-8"))
        name = block.get("illustration")
        if not name or not (SVG_DIR / name).is_file():
            missing.append(f"{path.name} -> {name}")
    assert not missing, missing
