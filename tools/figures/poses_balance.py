"""Pose data: balance blocks."""

from pose_base import (
    CHAIR_AHEAD,
    STAND,
    STAND_FRONT,
    at,
    ill,
    on,
    pose,
)

# Balance
COUNTER_AHEAD = {"type": "counter", "x0": 36, "x1": 80}
HOVER = {"hand": on("counter.edge0", 9, 9)}
COUNTER_BESIDE = {"type": "counter", "x0": -25, "x1": 25, "z0": 30, "z1": 72}   # figure's right, front view
HOVER_FRONT = {"abd": 33, "elbow": 0, "flex": 0}

ill("balance.feet-together",
    {"view": "front", "props": [COUNTER_BESIDE],
     "figure": pose(STAND_FRONT, x=0, leg={"abd": -3}, arm_r=HOVER_FRONT)})

ill("balance.tandem-stance",
    {"props": [COUNTER_AHEAD],
     "figure": pose(STAND, at=[0, 82], arm=HOVER, leg_r={"foot": [12, 8]}, leg_l={"foot": [-7, 8]})})

ill("balance.single-leg-stance",
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm={"hand": on("chair.back", -8, 8)})},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm={"hand": on("chair.back", -8, 8)},
                                           leg_r={"flex": 25, "knee": 70, "foot_angle": None, "ankle": -10}),
     "arrows": [{"from": at("heel_r", -12, -10), "to": at("heel_r", -12, 10)}]})

ill("balance.heel-to-toe-walk",
    {"props": [{"type": "line", "x": -16}, {"type": "line", "x": 30}],
     "figure": pose(STAND, at=[6, 81], arm={"flex": 0, "abd": 20},
                    leg_r={"foot": [30, 8]}, leg_l={"foot": [-16, 14], "foot_angle": 30}),
     "arrows": [{"from": [-20, 172], "to": [34, 172]}]})

ill("balance.weight-shift",
    {"view": "front", "props": [COUNTER_BESIDE], "figure": pose(STAND_FRONT, x=0, leg={"abd": 5},
                                                               arm_r=HOVER_FRONT)},
    {"view": "front", "props": [COUNTER_BESIDE],
     "figure": pose(STAND_FRONT, x=-9, leg_r={"abd": -1}, leg_l={"abd": 11}, arm_r=HOVER_FRONT),
     "arrows": [{"from": at("head", 16, 22), "to": at("head", -16, 22)}]},
    between="<->")

COUNTER_BEHIND = {"type": "counter", "x0": -80, "x1": -14, "z0": -70, "z1": -22}
ill("balance.reach-out",
    {"props": [COUNTER_BEHIND], "figure": pose(STAND, x=0, arm_l={"hand": on("counter.edge1", -8, 4)})},
    {"props": [COUNTER_BEHIND], "figure": pose(STAND, x=0, bend=16, arm_l={"hand": on("counter.edge1", -8, 4)},
                                              arm_r={"flex": 90, "elbow": 0}),
     "arrows": [{"from": at("hand_r", -8, 14), "to": at("hand_r", 16, 14)}]})

LINE = {"type": "line", "x": 24}
ill("balance.step-over-line",
    {"props": [LINE], "figure": pose(STAND, x=0)},
    {"props": [LINE], "figure": pose(STAND, at=[10, 81], leg_r={"foot": [44, 8]}, leg_l={"foot": [-4, 8]}),
     "arrows": [{"from": [4, 20], "to": [44, 20], "bend": -0.35, "double": True}]})

ill("balance.cushion-stance",
    {"props": [COUNTER_AHEAD, {"type": "cushion", "x0": -22, "x1": 26}],
     "figure": pose(STAND, x=0, floor=9, arm=HOVER)})

ill("balance.head-turns",
    {"view": "front", "props": [COUNTER_BESIDE], "figure": pose(STAND_FRONT, x=0, neck={"turn": 70}, arm_r=HOVER_FRONT),
     "arrows": [{"arc": {"center": at("head", 0, 4), "r": 21, "from": 30, "to": 150}}]},
    {"view": "front", "props": [COUNTER_BESIDE], "figure": pose(STAND_FRONT, x=0, neck={"turn": -70}, arm_r=HOVER_FRONT),
     "arrows": [{"arc": {"center": at("head", 0, 4), "r": 21, "from": 150, "to": 30}}]},
    between="<->")

ill("balance.heel-toe-rock",
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm={"hand": on("chair.back", -8, 8)}, leg={"foot_angle": -30}),
     "arrows": [{"from": at("heel_r", -10, -6), "to": at("heel_r", -10, 12)}]},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm={"hand": on("chair.back", -8, 8)}, leg={"foot_angle": 25}),
     "arrows": [{"from": at("toe_r", 6, -6), "to": at("toe_r", 6, 12)}]},
    between="<->")
