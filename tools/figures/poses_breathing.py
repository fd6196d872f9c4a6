"""Pose data: breathing blocks."""

from pose_base import (
    BED,
    BELLY_HAND,
    CHAIR,
    HOOK,
    MAT,
    PILLOW,
    SIT,
    SIT_LAP,
    SLEEPER,
    STAND,
    SUPINE,
    at,
    breath_out,
    ill,
    mat,
    pose,
)

# Breathing




ill("breathing.arms-up",
    {"props": [CHAIR], "figure": pose(SIT, arm={"flex": 0, "elbow": 10})},
    {"props": [CHAIR], "figure": pose(SIT, arm={"flex": 150, "elbow": 10}),
     "arrows": [{"arc": {"center": "shoulder_r", "r": 62, "from": -40, "to": 40}}]})

ill("breathing.arms-up.level-2",                                     # standing, arms out to the side and up
    {"view": "front", "figure": pose(STAND, x=0, arm={"flex": 0, "abd": 10, "elbow": 5})},
    {"view": "front", "figure": pose(STAND, x=0, arm={"flex": 0, "abd": 165, "elbow": 10}),
     "arrows": [{"arc": {"center": "shoulder_r", "r": 62, "from": -120, "to": -200}}]})

ill("breathing.before-sleep",
    {"props": [BED, PILLOW, {"type": "blanket", "x0": 0, "x1": 92, "y0": 30, "h": 19}], "figure": SLEEPER,
     "arrows": [{"wave": {"from": at("head", 4, 16), "to": at("head", 26, 52), "amp": 3, "n": 2}}]},
    overlay=[("moon", 330, 58, 24)])

ill("breathing.belly-lying",
    {"props": [MAT], "figure": pose(HOOK, arm_r={"flex": 10, "rot": 80, "elbow": 90}, arm_l={"flex": 0}),
     "arrows": [{"from": at("mid", 8, 20), "to": at("mid", 8, 38)}]})

ill("breathing.belly-sitting",
    {"props": [CHAIR], "figure": pose(SIT, arm_r=BELLY_HAND),
     "arrows": [{"from": at("mid", 20, -6), "to": at("mid", 38, -6)}]})

ill("breathing.body-scan",
    {"props": [mat(-82, 86)], "figure": SUPINE,
     "arrows": [{"from": at("toe_r", 4, 18), "to": at("head", 0, 30)}]})

ill("breathing.calm-minute",
    {"figure": pose(STAND, x=0),
     "arrows": [breath_out(40)]})

ill("breathing.long-exhale",
    {"props": [CHAIR], "figure": pose(SIT, arm_r=BELLY_HAND), "arrows": [breath_out(70)]})

RIB_HANDS = {"flex": 5, "abd": 38, "rot": 80, "elbow": 100}
ill("breathing.rib-breathing",
    {"view": "front", "props": [CHAIR], "figure": pose(SIT, arm=RIB_HANDS),
     "arrows": [{"from": at("mid", 22, 4), "to": at("mid", 40, 4)}, {"from": at("mid", -22, 4), "to": at("mid", -40, 4)}]})

ill("breathing.tense-release",
    {"view": "front", "props": [CHAIR], "figure": pose(SIT_LAP, shrug=9, arm={"flex": 5, "abd": 14, "elbow": 60}),
     "arrows": [{"from": at("shoulder_r", -2, 14), "to": at("shoulder_r", -2, 30)},
                {"from": at("shoulder_l", 2, 14), "to": at("shoulder_l", 2, 30)}]},
    {"view": "front", "props": [CHAIR], "figure": pose(SIT_LAP, arm={"flex": 5, "abd": 6, "elbow": 60}),
     "arrows": [{"from": at("shoulder_r", -2, 30), "to": at("shoulder_r", -2, 14)},
                {"from": at("shoulder_l", 2, 30), "to": at("shoulder_l", 2, 14)}]})
