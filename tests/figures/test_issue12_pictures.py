"""Issue 12, finding 9: the pictures the issue found unclear, each checked on its pose data.

tests/figures/test_figures.py checks the traffic light's colours and the hands on the supports; these
check the others: a forearm side plank, a hamstring bridge told apart from the bridge, heel-to-toe
feet shown from above, a visible line with a chair beside it, water for swimming, standing up from a
chair for new movement habits, and a figure four drawn once, uncluttered.
"""

from __future__ import annotations

import pytest

from tests.figures.test_figures import SVG_DIR, figure_in_panel, load_renderer


@pytest.fixture(scope="module")
def specs() -> dict:
    return load_renderer().all_specs()


def _props(spec: dict) -> list[dict]:
    return [prop for panel in spec["panels"] for prop in panel.get("props", [])]


def test_side_plank_rests_on_the_forearm_and_the_forearm_shows(specs):
    """The text says forearm: in every panel the lower arm lies flat under the shoulder, and where it
    points into the picture (along its depth) the view is turned so it is seen, not end-on (which
    drew a straight arm)."""
    panels = specs["strength.side-plank"]["panels"]
    for index, panel in enumerate(panels):
        fig, _ = figure_in_panel("strength.side-plank", index)
        side = min(("r", "l"), key=lambda s: fig.point("elbow_" + s)[1])  # the arm on the floor
        elbow, hand, shoulder = (fig.point(f"{part}_{side}") for part in ("elbow", "hand", "shoulder"))
        assert abs(elbow[1] - hand[1]) <= 4, f"panel {index}: forearm not flat ({elbow}, {hand})"
        assert shoulder[1] - elbow[1] >= 15, f"panel {index}: the shoulder is not above the elbow"
        if abs(hand[2] - elbow[2]) > abs(hand[0] - elbow[0]):  # the forearm runs into the picture
            assert abs(panel.get("view", {}).get("yaw", 0)) >= 20, f"panel {index}: the forearm is seen end-on"


def test_hamstring_bridge_is_told_apart_from_the_bridge(specs):
    """The hamstring bridge shows the foot on its heel (a close-up) and is another picture than the bridge."""
    overlays = [entry[0] for entry in specs["strength.hamstring-bridge"].get("overlay", [])]
    assert "heel_inset" in overlays
    assert (SVG_DIR / "strength.hamstring-bridge.svg").read_bytes() != (SVG_DIR / "strength.bridge.svg").read_bytes()


@pytest.mark.parametrize("key", ["balance.heel-to-toe-walk", "balance.tandem-stance"])
def test_heel_to_toe_pictures_show_the_feet_from_above(specs, key):
    """Heel against toes does not read from the side (it looked like ordinary walking and standing):
    a view of the feet from above is part of the picture, and a support is within reach."""
    overlays = [entry[0] for entry in specs[key].get("overlay", [])]
    assert "feet_inset" in overlays
    assert {prop["type"] for prop in _props(specs[key])} & {"counter", "chair", "rail", "wall"}


def test_step_over_line_shows_a_visible_line_and_a_chair(specs):
    """The line to step over is drawn wide enough to see, with a chair to hold on to."""
    props = _props(specs["balance.step-over-line"])
    lines = [prop for prop in props if prop["type"] == "line"]
    assert lines and min(prop.get("w", 0) for prop in lines) >= 8
    assert any(prop["type"] == "chair" for prop in props)


def test_gentle_swimming_is_in_the_water(specs):
    """The body under the water line, the head above it (not a figure lying on a line)."""
    spec = specs["daily.gentle-swimming"]
    water = next(prop for prop in _props(spec) if prop["type"] == "water")
    fig, _ = figure_in_panel("daily.gentle-swimming", 0)
    assert water["y"] - fig.point("pelvis")[1] >= 10 and water["y"] - fig.point("mid")[1] >= 10
    assert fig.point("head")[1] > water["y"]
    assert all(panel.get("floor") is False for panel in spec["panels"])  # no floor line under a swimmer


def test_new_movement_habits_reads_as_standing_up_from_a_chair(specs):
    """A chair in every panel, the figure sitting first and standing last."""
    panels = specs["education.new-movement-habits"]["panels"]
    assert len(panels) >= 2 and all(any(p["type"] == "chair" for p in panel.get("props", [])) for panel in panels)
    first, _ = figure_in_panel("education.new-movement-habits", 0)
    last, _ = figure_in_panel("education.new-movement-habits", len(panels) - 1)
    assert last.point("pelvis")[1] - first.point("pelvis")[1] >= 20  # the hips rise: sitting -> standing


def test_figure_four_is_one_uncluttered_drawing(specs):
    """One figure on one mat (the old picture was cluttered)."""
    spec = specs["mobility.figure-four-stretch"]
    assert len(spec["panels"]) == 1 and len(_props(spec)) <= 1 and not spec.get("overlay")


def test_knee_plank_at_the_counter_has_its_hands_on_the_counter(specs):
    """The easiest knee plank ("at the counter, hands on the edge") has its own picture, hands on the counter."""
    assert "strength.knee-plank.level-0" in specs
    for index in range(len(specs["strength.knee-plank.level-0"]["panels"])):
        fig, anchors = figure_in_panel("strength.knee-plank.level-0", index)
        top = anchors["counter.top"]
        for side in ("r", "l"):
            hand = fig.point("hand_" + side)
            assert abs(hand[1] - top[1]) <= 10, f"panel {index}: hand_{side} is not on the counter"
