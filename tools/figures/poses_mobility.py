"""Pose data: mobility blocks."""

from pose_base import (
    ARMS_CROSSED,
    CHAIR,
    FROM_FEET,
    HOOK,
    LYING_SIDE,
    MAT,
    QUAD,
    SEATED_FRONT,
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

# Mobility
ill("mobility.chin-tuck",
    {"props": [CHAIR], "figure": SIT_LAP},
    {"props": [CHAIR], "figure": pose(SIT_LAP, neck={"shift": 6, "flex": 8}),
     "arrows": [{"from": at("head", 30, -1), "to": at("head", 16, -1)}]})

THIN_PILLOW = {"type": "cushion", "x0": -92, "x1": -62, "y0": 4, "h": 5}
LYING_HEAD = pose(HOOK, x=0, floor=4, arm={"flex": -4})   # knees bent, head on a thin pillow
ill("mobility.chin-tuck.level-0",                                     # lying, head on a thin pillow
    {"props": [mat(-94, 84), THIN_PILLOW], "figure": pose(LYING_HEAD, neck={"shift": 5, "flex": 10}),
     "arrows": [{"from": at("head", 4, 34), "to": at("head", 4, 16)}]})
CHIN_WALL = {"type": "wall", "x": -16, "side": -1}
ill("mobility.chin-tuck.level-2",                                     # standing, back and head against a wall
    {"props": [CHIN_WALL], "figure": pose(STAND, x=-6, neck={"shift": -3})},
    {"props": [CHIN_WALL], "figure": pose(STAND, x=-6, neck={"shift": 4, "flex": 6}),
     "arrows": [{"from": at("head", 30, -1), "to": at("head", 16, -1)}]})

ill("mobility.neck-turn",
    {"view": SEATED_FRONT, "props": [CHAIR], "figure": SIT_LAP},
    {"view": SEATED_FRONT, "props": [CHAIR], "figure": pose(SIT_LAP, neck={"turn": 75}),
     "arrows": [{"arc": {"center": at("head", 0, 4), "r": 21, "from": 30, "to": 150}}]})

ill("mobility.neck-side-bend",
    {"view": "front", "props": [CHAIR], "figure": SIT_LAP},
    {"view": "front", "props": [CHAIR], "figure": pose(SIT_LAP, neck={"side": 35}),
     "arrows": [{"arc": {"center": "neck", "r": 36, "from": 75, "to": 140}}]})

ill("mobility.shoulder-rolls",
    {"props": [CHAIR], "figure": pose(SIT_LAP, shrug=3),
     "arrows": [{"arc": {"center": at("shoulder_r", -17, 12), "r": 10, "from": -40, "to": 250}}]})

ill("mobility.arm-raise",
    {"props": [CHAIR], "figure": pose(SIT, arm={"flex": 0, "elbow": 10})},
    {"props": [CHAIR], "figure": pose(SIT, arm={"flex": 170, "elbow": 5}),
     "arrows": [{"arc": {"center": "shoulder_r", "r": 62, "from": -40, "to": 62}}]})

ill("mobility.arm-raise.level-0",                                    # one arm, up to shoulder height
    {"props": [CHAIR], "figure": pose(SIT, arm={"flex": 0, "elbow": 10})},
    {"props": [CHAIR], "figure": pose(SIT, arm_l={"flex": 0, "elbow": 10}, arm_r={"flex": 90, "elbow": 0}),
     "arrows": [{"arc": {"center": "shoulder_r", "r": 62, "from": -60, "to": -8}}]})

WALL_R = {"type": "wall", "x": 19}
ill("mobility.wall-slide",
    {"props": [WALL_R], "figure": pose(STAND, x=-14, arm={"flex": 90, "elbow": 90})},      # forearms on the wall
    {"props": [WALL_R], "figure": pose(STAND, x=-9, arm={"flex": 140, "elbow": 40}),
     "arrows": [{"from": [38, 136], "to": [38, 172]}]})

ill("mobility.seated-rotation",
    {"view": "front", "props": [CHAIR], "figure": pose(SIT, arm=ARMS_CROSSED)},
    {"view": "front", "props": [CHAIR], "figure": pose(SIT, arm=ARMS_CROSSED, twist=55, neck={"turn": 30}),
     "arrows": [{"arc": {"center": at("head", 0, 2), "r": 26, "ry": 9, "from": -20, "to": -160}}]})

CAT = pose(QUAD, tilt=24, bend_low=4, bend_high=32, neck={"flex": 35}, leg={"flex": 66})
COW = pose(QUAD, tilt=4, bend_low=14, bend_high=-30, neck={"flex": -30}, leg={"flex": 86})
ill("mobility.cat-cow",
    {"props": [mat(-62, 70)], "figure": CAT,
     "arrows": [{"from": at("mid", -10, 18), "to": at("mid", -10, 34)}]},
    {"props": [mat(-62, 70)], "figure": COW,
     "arrows": [{"from": at("mid", -10, 30), "to": at("mid", -10, 14)}]},
    between="<->")

ON_KNEES = {"hand": on("knee_r", 2, 6)}
ill("mobility.cat-cow.level-0",                                       # sitting, hands on the knees
    {"props": [CHAIR], "figure": pose(SIT, bend_low=10, bend_high=30, neck={"flex": 35}, arm=ON_KNEES),
     "arrows": [{"from": at("mid", -14, 6), "to": at("mid", -24, 14)}]},
    {"props": [CHAIR], "figure": pose(SIT, bend_low=8, bend_high=-22, neck={"flex": -25}, arm=ON_KNEES),
     "arrows": [{"from": at("mid", -22, 8), "to": at("mid", -8, 0)}]},
    between="<->")

BOOK = pose(SIDE_LYING, arm_r={"flex": 90, "elbow": 0}, arm_l={"flex": 90, "elbow": 0}, leg={"flex": 70, "knee": 90})
BOOK_MAT = {"type": "mat", "x0": -80, "x1": 70, "z0": -40, "z1": 62}
ill("mobility.open-book",
    {"view": LYING_SIDE, "props": [BOOK_MAT], "figure": BOOK},
    {"view": LYING_SIDE, "props": [BOOK_MAT], "figure": pose(BOOK, twist=-60, neck={"turn": -40},
                                                            arm_l={"flex": 90, "abd": 140}),
     "arrows": [{"arc": {"center": "shoulder_l", "r": 40, "from": -60, "to": 110}}]})
ON_CHEST = {"flex": 60, "abd": 0, "rot": 70, "elbow": 110}
ill("mobility.open-book.level-0",                         # small turn, the hand stays on the chest
    {"view": LYING_SIDE, "props": [BOOK_MAT], "figure": pose(BOOK, arm_l=ON_CHEST)},
    {"view": LYING_SIDE, "props": [BOOK_MAT], "figure": pose(BOOK, twist=-30, neck={"turn": -25}, arm_l=ON_CHEST),
     "arrows": [{"arc": {"center": "shoulder_l", "r": 34, "from": -20, "to": 90}}]})

ill("mobility.pelvic-tilt",
    {"props": [MAT], "figure": HOOK},
    {"props": [MAT], "figure": pose(HOOK, tilt=-6, bend_low=-6, leg={"flex": 61}),
     "arrows": [{"from": at("mid", 0, 26), "to": at("mid", 0, 10)},
                {"arc": {"center": "pelvis", "r": 20, "from": -60, "to": 30}}]})

KR = pose(HOOK, leg={"flex": 50, "knee": 95})
ill("mobility.knee-rocking",
    {"view": FROM_FEET, "props": [MAT], "figure": KR},
    {"view": FROM_FEET, "props": [MAT], "figure": pose(KR, roll=-45, twist=-45),
     "arrows": [{"arc": {"center": "pelvis", "r": 44, "from": 70, "to": 25}}]})

ill("mobility.knees-to-chest",                                       # 0 one knee at a time
    {"props": [MAT], "figure": HOOK},
    {"props": [MAT], "figure": pose(HOOK, leg_r={"flex": 125, "knee": 125, "foot_angle": None},
                                     arm={"hand": on("knee_r", -6, -8)}),
     "arrows": [{"from": at("knee_r", 22, 4), "to": at("knee_r", 6, 20), "bend": 0.2}]})

ill("mobility.knees-to-chest.level-2",                                # both knees together
    {"props": [MAT], "figure": HOOK},
    {"props": [MAT], "figure": pose(HOOK, leg={"flex": 125, "knee": 125, "foot_angle": None},
                                     arm={"hand": on("knee_r", -6, -8)}),
     "arrows": [{"from": at("knee_r", 22, 4), "to": at("knee_r", 6, 20), "bend": 0.2}]})

ill("mobility.standing-side-bend",
    {"view": "front", "figure": STAND_FRONT},
    {"view": "front", "figure": pose(STAND_FRONT, side=30, arm_r={"abd": 24}, arm_l={"abd": -14}),
     "arrows": [{"arc": {"center": "pelvis", "r": 84, "from": 78, "to": 118}}]})

ill("mobility.standing-side-bend.level-0",                            # sitting on a chair
    {"view": "front", "props": [CHAIR], "figure": SIT_LAP},
    {"view": "front", "props": [CHAIR], "figure": pose(SIT_LAP, side=25, arm_r={"flex": 0, "abd": 20, "elbow": 0},
                                                      arm_l={"flex": 5, "abd": 14, "elbow": 60}),
     "arrows": [{"arc": {"center": "pelvis", "r": 84, "from": 78, "to": 112}}]})
ill("mobility.standing-side-bend.level-2",                            # the other arm over the head
    {"view": "front", "figure": STAND_FRONT},
    {"view": "front", "figure": pose(STAND_FRONT, side=30, arm_r={"abd": 24}, arm_l={"abd": 160, "elbow": 20}),
     "arrows": [{"arc": {"center": "pelvis", "r": 104, "from": 74, "to": 112}}]})

ill("mobility.seated-rotation.level-0",                              # small turn, hands on the knees
    {"view": "front", "props": [CHAIR], "figure": SIT_LAP},
    {"view": "front", "props": [CHAIR], "figure": pose(SIT_LAP, twist=30, neck={"turn": 20}),
     "arrows": [{"arc": {"center": at("head", 0, 2), "r": 26, "ry": 9, "from": -20, "to": -160}}]})

HIPC = {"type": "chair", "x": -62, "face": -1, "z": -30}
ill("mobility.hip-circles",
    {"props": [HIPC], "figure": pose(STAND, x=0, arm_l={"hand": on("chair.back", 2, 2)})},
    {"props": [HIPC], "figure": pose(STAND, x=0, arm_l={"hand": on("chair.back", 2, 2)},
                                    leg_r={"flex": 75, "knee": 90, "foot_angle": None, "ankle": -10}),
     "arrows": [{"arc": {"center": "knee_r", "r": 17, "from": -40, "to": 250}}]})

# figure four: seen from the head end and a little above, so the crossed leg (knee out
# to the side, ankle on the other knee) makes the clear "4"; angles found for the ankle to
# rest just above the other knee
F4_VIEW = {"yaw": 55, "pitch": 25}
FIG4 = pose(HOOK, leg_r={"flex": 70, "abd": 40, "rot": -90, "knee": 110, "foot_angle": None, "ankle": 0})
FIG4_PULL = pose(HOOK, leg_l={"flex": 100, "knee": 90, "foot_angle": None}, arm={"hand": on("knee_l", -10, -10)},
                 leg_r={"flex": 105, "abd": 40, "rot": -90, "knee": 105, "foot_angle": None, "ankle": 0})
ill("mobility.figure-four-stretch", {"view": F4_VIEW, "props": [MAT], "figure": FIG4})   # 0 ankle on knee
for n in (1, 2):                                                      # 1, 2 pulling the leg towards you
    ill(f"mobility.figure-four-stretch.level-{n}",
        {"view": F4_VIEW, "props": [MAT], "figure": FIG4},
        {"view": F4_VIEW, "props": [MAT], "figure": FIG4_PULL})

ill("mobility.heel-slides",
    {"props": [MAT], "figure": SUPINE,
     "ghost": {"leg_r": {"flex": 55, "knee": 100, "foot_angle": 0}}, "ghost_parts": ["leg_r"],
     "arrows": [{"from": at("heel_r", -2, 12), "to": at("g:heel_r", 6, 12)}]})

ill("mobility.seated-knee-bend",
    {"props": [CHAIR], "figure": SIT_LAP},
    {"props": [CHAIR], "figure": pose(SIT_LAP, leg_r={"foot": on("chair.front", -4, -33), "foot_angle": None,
                                                        "ankle": -30}),
     "arrows": [{"from": at("toe_r", 30, 4), "to": at("toe_r", 12, 4)}]})

LEG_OUT = pose(SIT_LAP, leg_r={"foot": on("chair.front", 60, -31), "foot_angle": None})
ill("mobility.ankle-pumps",
    {"props": [CHAIR], "figure": pose(LEG_OUT, leg_r={"ankle": 25}),
     "arrows": [{"arc": {"center": "ankle_r", "r": 23, "from": 10, "to": 60}}]},
    {"props": [CHAIR], "figure": pose(LEG_OUT, leg_r={"foot": on("chair.front", 60, -25), "ankle": -35}),
     "arrows": [{"arc": {"center": "ankle_r", "r": 23, "from": 5, "to": -45}}]},
    between="<->")

ill("mobility.ankle-circles",
    {"props": [CHAIR], "figure": pose(SIT_LAP, leg_r={"flex": 80, "knee": 60, "foot_angle": None, "ankle": -10}),
     "arrows": [{"arc": {"center": at("toe_r", 4, 0), "r": 14, "from": -60, "to": 240}}]})

CALF_WALL = {"type": "wall", "x": 58}
CALF = pose(STAND, x=0, arm={"hand": on("wall.face", -5, 118)})
ill("mobility.calf-stretch",
    {"props": [CALF_WALL], "figure": CALF},
    {"props": [CALF_WALL],
     "figure": pose(CALF, **{"at": [2, 78], "tilt": -12,
                             "leg_r": {"foot": [-36, 8], "foot_angle": 0},
                             "leg_l": {"foot": [30, 8], "foot_angle": 0}}),
     "arrows": [{"from": at("head", -10, 24), "to": at("head", 14, 24)}]})
