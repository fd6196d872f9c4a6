"""Pose data: strength blocks."""

from pose_base import (
    ARMS_CROSSED,
    CHAIR,
    CHAIR_AHEAD,
    HOOK,
    LYING_SIDE,
    MAT,
    PRONE,
    QUAD,
    SIDE_LYING,
    SIT,
    SIT_LAP,
    STAND,
    STAND_FRONT,
    SUPINE,
    at,
    ill,
    mat,
    on,
    pose,
)

# Strength
ill("strength.sit-to-stand",
    {"props": [CHAIR], "figure": pose(SIT, arm=ARMS_CROSSED, bend=15)},
    {"props": [CHAIR], "figure": pose(STAND, x=-4, arm=ARMS_CROSSED)})

SQUAT_CHAIR = {"type": "chair", "x": 88, "face": 1}
ill("strength.mini-squat",
    {"props": [SQUAT_CHAIR], "figure": pose(STAND, x=0, arm={"hand": on("chair.back", -3, 3)})},
    {"props": [SQUAT_CHAIR], "figure": pose(STAND, at=[-4, 70], bend=25, arm={"hand": on("chair.back", -3, 3)},
                                            leg={"foot": [6, 8]}),
     "arrows": [{"from": at("pelvis", -18, 14), "to": at("pelvis", -24, -10)}]})

WALL_L = {"type": "wall", "x": -12, "side": -1}
ill("strength.wall-squat",
    {"props": [WALL_L], "figure": pose(STAND, at=[-5, 80], leg={"foot": [22, 8]})},
    {"props": [WALL_L], "figure": pose(STAND, at=[-5, 50], leg={"foot": [30, 8]}),
     "arrows": [{"from": at("head", 26, 6), "to": at("head", 26, -24)}]})

BRIDGE = pose(HOOK, x=0, leg={"foot": [40, 12]})
ill("strength.bridge",
    {"props": [MAT], "figure": BRIDGE},
    {"props": [MAT], "figure": pose(BRIDGE, tilt=26),
     "arrows": [{"from": at("pelvis", 0, -12), "to": at("pelvis", 0, 14)}]})

HBRIDGE = pose(SUPINE, x=0, leg={"foot": [64, 12], "foot_angle": 80})
ill("strength.hamstring-bridge",
    {"props": [MAT], "figure": HBRIDGE},
    {"props": [MAT], "figure": pose(HBRIDGE, tilt=18),
     "arrows": [{"from": at("pelvis", 0, -10), "to": at("pelvis", 0, 14)}]})

SL = pose(SIDE_LYING, arm_r={"flex": 180, "elbow": 120}, leg_r={"flex": 50, "knee": 90}, leg_l={"flex": 0, "knee": 0, "ankle": 0})
ill("strength.side-leg-lift",
    {"view": LYING_SIDE, "props": [mat(-68, 62)], "figure": SL},
    {"view": LYING_SIDE, "props": [mat(-68, 62)], "figure": pose(SL, leg_l={"abd": 35}),
     "arrows": [{"arc": {"center": "hip_l", "r": 62, "from": 0, "to": 28}}]})

CLAM = pose(SIDE_LYING, leg={"flex": 45, "knee": 90, "ankle": -10})
ill("strength.clamshell",
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": CLAM},
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": pose(CLAM, leg_l={"spin": 60}),
     "arrows": [{"from": at("knee_l", 14, -10), "to": at("knee_l", 14, 10), "bend": 0.2}]})

ill("strength.calf-raise",
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm={"hand": on("chair.back", -3, 3)})},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, leg={"foot_angle": -40},
                                           arm={"hand": on("chair.back", -3, 3)}),
     "arrows": [{"from": at("heel_r", -10, -4), "to": at("heel_r", -10, 18)}]})

STEP = {"type": "step", "x0": 10, "x1": 56}
ill("strength.step-up",
    {"props": [STEP], "figure": pose(STAND, at=[-6, 82], leg_r={"foot": [26, 24]}, leg_l={"foot": [-10, 8]})},
    {"props": [STEP], "figure": pose(STAND, x=30, floor=16),
     "arrows": [{"from": [-16, 40], "to": [12, 76], "bend": -0.2}]})

LUNGE_CHAIR = {"type": "chair", "x": -58, "face": -1, "z": -30}
ill("strength.supported-lunge",
    {"props": [LUNGE_CHAIR], "figure": pose(STAND, at=[0, 80], arm_l={"hand": on("chair.back", 2, 2)},
                                           leg_r={"foot": [34, 8]}, leg_l={"foot": [-30, 12], "foot_angle": 35})},
    {"props": [LUNGE_CHAIR], "figure": pose(STAND, at=[0, 52], arm_l={"hand": on("chair.back", 2, 2)},
                                           leg_r={"foot": [34, 8]}, leg_l={"foot": [-30, 12], "foot_angle": 40}),
     "arrows": [{"from": at("head", 22, 6), "to": at("head", 22, -22)}]})

ill("strength.seated-knee-extension",
    {"props": [CHAIR], "figure": SIT_LAP,
     "ghost": {"leg_r": {"flex": 90, "knee": 0, "ankle": 15}}, "ghost_parts": ["leg_r"],
     "arrows": [{"arc": {"center": "knee_r", "r": 46, "from": -80, "to": -10}}]})

PUSH_WALL = {"type": "wall", "x": 64}
PUSH = pose(STAND, x=0, tilt=-10, arm={"hand": on("wall.face", -5, 122)})
ill("strength.wall-push-up",
    {"props": [PUSH_WALL], "figure": PUSH},
    {"props": [PUSH_WALL], "figure": pose(PUSH, tilt=-24, x=12),
     "arrows": [{"from": at("head", -12, 20), "to": at("head", 10, 20)}]})

ROW = pose(SIT, leg={"flex": 80, "knee": 40, "foot_angle": None, "ankle": 10})
ill("strength.band-row",
    {"props": [CHAIR], "figure": pose(ROW, arm={"flex": 40, "elbow": 0}), "bands": [["hand_r", "toe_r"]]},
    {"props": [CHAIR], "figure": pose(ROW, arm={"flex": -20, "elbow": 95}, retract=4),
     "bands": [["hand_r", "toe_r"]],
     "arrows": [{"from": at("elbow_r", 14, 14), "to": at("elbow_r", -8, 14)}]})

PULL_VIEW = {"yaw": -62}
ill("strength.band-pull-apart",
    {"view": PULL_VIEW, "figure": pose(STAND_FRONT, x=0, arm={"flex": 90, "abd": 8, "elbow": 0}),
     "bands": [["hand_r", "hand_l"]]},
    {"view": PULL_VIEW, "figure": pose(STAND_FRONT, x=0, arm={"flex": 90, "abd": 80, "elbow": 0}),
     "bands": [["hand_r", "hand_l"]],
     "arrows": [{"from": at("hand_r", 24, 14), "to": at("hand_r", 0, 14)},
                {"from": at("hand_l", -24, 14), "to": at("hand_l", 0, 14)}]})

PRESS = pose(SIT, weights=True)
ill("strength.shoulder-press",
    {"props": [CHAIR], "figure": pose(PRESS, arm={"flex": 20, "elbow": 150})},
    {"props": [CHAIR], "figure": pose(PRESS, arm={"flex": 175, "elbow": 5}),
     "arrows": [{"from": at("hand_r", 16, -36), "to": at("hand_r", 16, -6)}]})

ill("strength.bird-dog",
    {"props": [mat(-52, 58)], "figure": QUAD},
    {"props": [mat(-52, 58)], "figure": pose(QUAD, arm_r={"hand": None, "flex": 175, "elbow": 0},
                                             leg_l={"flex": -5, "knee": 0, "ankle": -30})})

TABLETOP = pose(SUPINE, leg={"flex": 90, "knee": 90, "ankle": 0})
ill("strength.heel-taps",
    {"props": [MAT], "figure": TABLETOP},
    {"props": [MAT], "figure": pose(TABLETOP, leg_r={"flex": 50, "knee": 95}),
     "arrows": [{"from": at("heel_r", 12, 24), "to": at("heel_r", 12, 6)}]})

PRONE_FA = pose(PRONE, tilt=36, arm={"flex": 54, "elbow": 90}, leg={"flex": -36, "ankle": -60})
ill("strength.knee-plank",
    {"props": [mat(-75, 65)], "figure": PRONE_FA},
    {"props": [mat(-75, 65)], "figure": pose(PRONE_FA, tilt=21, arm={"flex": 69},
                                            leg={"flex": 0, "knee": 80, "ankle": -30}),
     "arrows": [{"from": at("pelvis", 0, -10), "to": at("pelvis", 0, 14)}]})

SPLANK = pose(SIDE_LYING, tilt=-34, arm_r={"flex": 0, "abd": 56, "elbow": 90}, arm_l={"flex": 0, "abd": 0},
              leg={"flex": 0, "knee": 90})
ill("strength.side-plank",
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": SPLANK},
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": pose(SPLANK, tilt=-18, arm_r={"abd": 72}),
     "arrows": [{"from": at("pelvis", 0, -8), "to": at("pelvis", 0, 16)}]})
