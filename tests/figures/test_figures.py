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


LEVEL_NAME = re.compile(r"^(?P<key>.+)\.level-(?P<n>0|[1-9][0-9]*)\.svg$")


def blocks_by_key():
    out = {}
    for path in sorted(BLOCK_DIR.glob("*/*.json")):
        block = json.loads(path.read_text(encoding="utf-8"))
        out[block["key"]] = block
    return out


def level_svgs():
    return [p for p in svg_files() if ".level-" in p.name]


def test_every_level_picture_names_a_block_and_one_of_its_levels():
    """<key>.level-<n>.svg: the block exists and n indexes its levels list (0-based)."""
    blocks = blocks_by_key()
    wrong = []
    for path in level_svgs():
        m = LEVEL_NAME.match(path.name)
        if not m:
            wrong.append(f"{path.name}: not <key>.level-<n>.svg")
            continue
        block = blocks.get(m["key"])
        if block is None:
            wrong.append(f"{path.name}: no block {m['key']}")
        elif int(m["n"]) >= len(block.get("levels") or []):
            wrong.append(f"{path.name}: {m['key']} has {len(block.get('levels') or [])} levels")
    assert not wrong, wrong


def test_level_name_check_rejects_bad_names():
    """The name check above fails on a wrong key, a level past the end and a malformed index."""
    blocks = blocks_by_key()
    knee = blocks["strength.knee-plank"]
    assert LEVEL_NAME.match("strength.knee-plank.level-2.svg")["n"] == "2"
    assert int(LEVEL_NAME.match(f"strength.knee-plank.level-{len(knee['levels'])}.svg")["n"]) >= len(knee["levels"])
    assert LEVEL_NAME.match("strength.knee-plank.level-01.svg") is None
    assert LEVEL_NAME.match("strength.knee-plank.level-x.svg") is None
    assert "strength.no-such-block" not in blocks


@pytest.mark.parametrize("key, levels", [
    ("strength.knee-plank", [0, 2]),
    ("strength.side-leg-lift", [0]),
    ("strength.bird-dog", [0]),
    ("mobility.chin-tuck", [0, 2]),
    ("strength.sit-to-stand", [0]),
])
def test_the_levels_the_issue_names_have_their_own_picture(key, levels):
    """Issue 12 finding 1: these levels put the body in another position than the basic picture."""
    for n in levels:
        path = SVG_DIR / f"{key}.level-{n}.svg"
        assert path.is_file(), path.name
        assert path.read_bytes() != (SVG_DIR / f"{key}.svg").read_bytes()


def test_level_pictures_are_rendered_from_pose_data(rendered):
    """The byte-for-byte check covers the level pictures: each comes from the renderer."""
    names = {p.name for p in level_svgs()}
    assert names and names <= set(rendered)


def test_pain_traffic_light_has_red_amber_green_in_order():
    """Issue 12 finding 9: the traffic light is in colour, red on top, amber, green at the bottom."""
    root = ET.parse(SVG_DIR / "education.pain-traffic-light.svg").getroot()
    fills = [(float(c.get("cy")), c.get("fill").lower()) for c in root.iter(SVG_NS + "circle")
             if c.get("fill", "").lower() not in ("none", "#000", "#fff", "#000000", "#ffffff")]
    colours = [f for _, f in sorted(fills)]
    assert colours == ["#b71c1c", "#f5a623", "#43a047"]

    def grey(c):
        r, g, b = (int(c[i:i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b
    levels = sorted(grey(c) for c in colours)
    assert min(b - a for a, b in zip(levels, levels[1:], strict=False)) > 30   # still apart in black and white


def figure_in_panel(key, panel_index):
    """Build the figure of one panel with its prop anchors (world coordinates)."""
    render = load_renderer()
    F = sys.modules["figlib"]  # noqa: N806 - the module's name in the figure code
    panel = render.all_specs()[key]["panels"][panel_index]
    anchors = {}
    for spec in panel.get("props", []):
        for k, v in F.Prop(spec).anchors.items():
            anchors[spec.get("name", spec["type"]) + "." + k] = v
    return F.Figure(panel["figure"], anchors), anchors


@pytest.mark.parametrize("key, anchor", [
    ("balance.single-leg-stance", "chair.back"),
    ("balance.heel-toe-rock", "chair.back"),
    ("strength.calf-raise", "chair.back"),
    ("strength.calf-raise.level-2", "chair.back"),
    ("strength.mini-squat", "chair.back"),
    ("balance.step-over-line", "chair.back"),
    ("strength.step-up", "rail.top"),          # the rail is long: its anchor is the middle
    ("strength.step-up.level-0", "rail.top"),
    ("strength.sit-to-stand.level-0", "chair.arm"),    # sitting and pushing up (standing: hands free)
    ("balance.tandem-stance", "counter.edge0"),
])
def test_hands_touch_the_support_the_text_says_to_hold(key, anchor):
    """Issue 12 finding 9: where the steps say hold on, a hand rests on the support in every panel."""
    render = load_renderer()
    n = len(render.all_specs()[key]["panels"])
    for i in range(2 if key == "strength.sit-to-stand.level-0" else n):
        fig, anchors = figure_in_panel(key, i)
        a = anchors[anchor]
        gap = min(((fig.point("hand_" + s)[0] - a[0]) ** 2 + (fig.point("hand_" + s)[1] - a[1]) ** 2) ** 0.5
                  for s in ("r", "l"))
        limit = 20 if anchor.startswith("rail") else 10
        assert gap < limit, f"{key} panel {i}: hand {gap:.0f} units from {anchor}"


def test_hover_levels_keep_the_hands_off_the_support():
    """The no-support levels really differ: the hands hover above the backrest, not on it."""
    fig, anchors = figure_in_panel("balance.heel-toe-rock.level-2", 0)
    a = anchors["chair.back"]
    assert fig.point("hand_r")[1] > a[1] + 8


def balance_levels(word):
    """(block key, level index) of every balance level whose English label contains ``word``."""
    out = []
    for key, block in blocks_by_key().items():
        if block["kind"] == "balance":
            out += [(key, i) for i, lv in enumerate(block.get("levels") or []) if word in lv["en"].lower()]
    return out


def props_of(spec):
    return {p["type"] for panel in spec["panels"] for p in panel.get("props", [])}


def test_eyes_closed_rungs_show_a_corner_and_a_chair_and_the_closed_eye():
    """Issue 12 item 8: an eyes-closed balance level has its own picture with the support its safety
    line names: a corner of the room (wall) or the counter, and a chair."""
    specs = load_renderer().all_specs()
    found = balance_levels("eyes closed")
    assert len(found) >= 5
    for key, n in found:
        spec = specs.get(f"{key}.level-{n}")
        assert spec is not None, f"{key}.level-{n} has no picture"
        props = props_of(spec)
        assert "chair" in props and props & {"wall", "counter"}, f"{key}.level-{n}"
        assert all(any(m["shape"] == "eyes_closed" for m in p.get("marks", [])) for p in spec["panels"])


def test_soft_surface_rungs_stand_on_a_cushion():
    """A balance level on a cushion shows the cushion (and, without eyes, the counter or the corner)."""
    specs = load_renderer().all_specs()
    found = balance_levels("cushion")
    assert found
    for key, n in found:
        name = key if key == "balance.cushion-stance" else f"{key}.level-{n}"
        spec = specs.get(name)
        assert spec is not None, f"{name} has no picture"
        assert "cushion" in props_of(spec) and props_of(spec) & {"counter", "wall", "chair"}, name


def test_no_support_levels_have_their_own_picture_without_holding_on():
    """A balance level that says "no support" does not reuse the basic picture of a hand on the support."""
    specs = load_renderer().all_specs()
    found = balance_levels("no support")
    assert found
    for key, n in found:
        assert f"{key}.level-{n}" in specs, f"{key}.level-{n} has no picture"
