"""Pose data: daily-life blocks and the education blocks drawn with a figure."""

from pose_base import (
    BED,
    CHAIR,
    PILLOW,
    PRONE,
    SIT,
    SIT_LAP,
    SLEEPER,
    STAND,
    WALK,
    at,
    breath_out,
    ill,
    on,
    pose,
)

# Daily life
ill("daily.calm-walk",
    {"props": [{"type": "plant", "x": 70}], "figure": WALK,
     "arrows": [{"from": at("head", -16, 28), "to": at("head", 30, 28)}]})

ill("daily.change-posture",
    {"props": [CHAIR], "figure": SIT_LAP},
    {"props": [CHAIR], "figure": pose(STAND, x=-4)},
    between="<->", panels_x=60, overlay=[("clock", 330, 70, 34, 10, 30)])

ill("daily.garden-and-housework",
    {"props": [{"type": "cushion", "x0": -26, "x1": 8, "h": 7}, {"type": "plant", "x": 58}],
     "figure": pose(STAND, x=0, floor=7, bend=40, neck={"flex": 10},
                    leg={"flex": 10, "knee": 100, "foot_angle": None, "ankle": -50},
                    arm_r={"hand": [48, 14]}, arm_l={"hand": [40, 10]})})

ill("daily.gentle-cycling",
    {"props": [{"type": "bike", "x": 0}],
     "figure": pose(STAND, sit="bike", dy=-2, bend=28, neck={"flex": -18},
                    arm={"hand": on("bike.bar", 0, 0)},
                    leg_r={"foot": on("bike.bb", 8, -4), "foot_angle": None, "ankle": -10},
                    leg_l={"foot": on("bike.bb", -8, 8), "foot_angle": None, "ankle": -10})})

# swimming: the body in the water under the wave line, the head above it, one arm reaching
# forward and one pulling
ill("daily.gentle-swimming",
    {"props": [{"type": "water", "x0": -105, "x1": 105, "y": 62}],
     "figure": pose(PRONE, at=[0, 44], tilt=6, neck={"flex": -65},
                    arm_r={"flex": 165, "abd": 8, "elbow": 5}, arm_l={"flex": 120, "abd": 30, "elbow": 40},
                    leg_r={"flex": -6, "knee": 15, "ankle": -60}, leg_l={"flex": 8, "knee": 35, "ankle": -60}),
     "floor": False})

ill("daily.relaxation-moments",
    {"props": [CHAIR], "figure": pose(SIT_LAP, bend=-12, neck={"flex": 8}, leg={"flex": 80, "knee": 60, "foot_angle": 0}),
     "arrows": [breath_out(36)]},
    overlay=[("wave", 270, 330, 60, 8, 1.5, 5), ("wave", 270, 330, 84, 8, 1.5, 5)])

DESK = {"type": "table", "x0": 40, "x1": 100}
ill("daily.screen-breaks",
    {"props": [CHAIR, DESK, {"type": "monitor", "x": 84}],
     "figure": pose(SIT, neck={"flex": 5}, arm={"hand": on("table.edge0", 16, 5)})},
    {"props": [CHAIR], "figure": pose(STAND, x=-4, arm={"flex": 170, "elbow": 10}),
     "arrows": [{"arc": {"center": "shoulder_r", "r": 62, "from": -30, "to": 60}}]})

ill("daily.sleep-routine",
    {"props": [BED, PILLOW, {"type": "blanket", "x0": 0, "x1": 92, "y0": 30, "h": 19}], "figure": SLEEPER},
    panels_x=20, overlay=[("moon", 300, 70, 26), ("clock", 360, 104, 24, 10, 30)])

# ============================================================================
# Education blocks drawn with a figure (the others are pictograms.py)
ill("education.movement-is-safe",
    {"figure": WALK, "arrows": [{"from": at("head", -16, 28), "to": at("head", 30, 28)}]},
    panels_x=110, overlay=[("check", 300, 120, 1.6)])

# practising one movement with attention: standing up from a chair, step by step
ill("education.new-movement-habits",
    {"props": [CHAIR], "figure": pose(SIT_LAP)},
    {"props": [CHAIR], "figure": pose(STAND, at=[6, 62], bend=42, neck={"flex": -15},
                                      arm={"hand": on("knee_r", 2, 8)}, leg={"foot": [24, 8]})},
    {"props": [CHAIR], "figure": pose(STAND, x=-4)},
    panels_x=10, overlay=[("check", 360, 116, 0.95)])

ill("education.strength-is-safe",
    {"figure": pose(STAND, x=0, weights=True, arm={"flex": 10, "elbow": 140}),
     "arrows": [{"from": at("hand_r", 22, -20), "to": at("hand_r", 22, 8)}]},
    panels_x=130, overlay=[("check", 300, 120, 1.6)])
