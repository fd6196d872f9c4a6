"""Pose data: strength blocks."""

from pose_base import (
    ARMS_CROSSED,
    CHAIR,
    CHAIR_AHEAD,
    HOLD_CHAIR,
    HOOK,
    LYING_SIDE,
    MAT,
    PRONE,
    QUAD,
    SIDE_LYING,
    SIT,
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
ARMCHAIR = dict(CHAIR, arms=True)
ON_ARMREST = {"hand": on("chair.arm", 0, 2)}
ill("strength.sit-to-stand.level-0",                      # pushing up with the hands on the armrests
    {"props": [ARMCHAIR], "figure": pose(SIT, arm=ON_ARMREST, bend=12)},
    {"props": [ARMCHAIR], "figure": pose(STAND, at=[8, 60], bend=40, neck={"flex": -15}, arm=ON_ARMREST,
                                         leg={"foot": [30, 8]})},
    {"props": [ARMCHAIR], "figure": pose(STAND, x=0)})

SQUAT_CHAIR = CHAIR_AHEAD
ill("strength.mini-squat",
    {"props": [SQUAT_CHAIR], "figure": pose(STAND, x=0, arm=HOLD_CHAIR)},
    {"props": [SQUAT_CHAIR], "figure": pose(STAND, at=[-4, 70], bend=25, arm=HOLD_CHAIR,
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

# on the heels: only the heels touch the floor, toes pulled up; the close-up of the foot sets it
# apart from the ordinary bridge (feet flat on the floor)
HEEL_UP = [("heel_inset", 262, 80, 96, 96)]
HBRIDGE = pose(SUPINE, x=0, leg={"foot": [56, 12], "foot_angle": 95})
ill("strength.hamstring-bridge",                          # 1 feet further away
    {"props": [mat(-72, 62)], "figure": pose(HBRIDGE, tilt=14),
     "arrows": [{"from": at("pelvis", 0, -10), "to": at("pelvis", 0, 14)}]},
    panels_x=56, overlay=HEEL_UP)
HB_CLOSE = pose(SUPINE, x=0, leg={"foot": [42, 12], "foot_angle": 95})
ill("strength.hamstring-bridge.level-0",                  # 0 feet close to the bottom
    {"props": [mat(-72, 62)], "figure": pose(HB_CLOSE, tilt=22),
     "arrows": [{"from": at("pelvis", 0, -10), "to": at("pelvis", 0, 14)}]},
    panels_x=56, overlay=HEEL_UP)

SL = pose(SIDE_LYING, arm_r={"flex": 180, "elbow": 120}, leg_r={"flex": 50, "knee": 90}, leg_l={"flex": 0, "knee": 0, "ankle": 0})
ill("strength.side-leg-lift",
    {"view": LYING_SIDE, "props": [mat(-68, 62)], "figure": SL},
    {"view": LYING_SIDE, "props": [mat(-68, 62)], "figure": pose(SL, leg_l={"abd": 35}),
     "arrows": [{"arc": {"center": "hip_l", "r": 62, "from": 0, "to": 28}}]})

# head on the lower arm, top hand on the mat in front of the chest for support
CLAM = pose(SIDE_LYING, leg={"flex": 45, "knee": 90, "ankle": -10},
            arm_l={"hand": {"below": "mid", "dx": 10, "y": 5, "z": 24}})
ill("strength.clamshell",
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": CLAM},
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": pose(CLAM, leg_l={"spin": 60}),
     "arrows": [{"from": at("knee_l", 14, -10), "to": at("knee_l", 14, 10), "bend": 0.2}]})
ill("strength.clamshell.level-2",                         # with an exercise band around the knees
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": CLAM, "bands": [["knee_r", "knee_l"]]},
    {"view": LYING_SIDE, "props": [mat(-80, 70)], "figure": pose(CLAM, leg_l={"spin": 60}),
     "bands": [["knee_r", "knee_l"]],
     "arrows": [{"from": at("knee_l", 14, -10), "to": at("knee_l", 14, 10), "bend": 0.2}]})

ill("strength.calf-raise",
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=HOLD_CHAIR)},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, leg={"foot_angle": -40}, arm=HOLD_CHAIR),
     "arrows": [{"from": at("heel_r", -10, -4), "to": at("heel_r", -10, 18)}]})
ONE_FOOT = {"leg_l": {"flex": 10, "knee": 80, "foot_angle": None, "ankle": -20}}
ill("strength.calf-raise.level-2",                        # on one leg, holding on
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=HOLD_CHAIR, **ONE_FOOT)},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, leg_r={"foot_angle": -40}, arm=HOLD_CHAIR, **ONE_FOOT),
     "arrows": [{"from": at("heel_r", -10, -4), "to": at("heel_r", -10, 18)}]})

def step_up(h, both_hands):
    """Step of height ``h`` with a rail beside it; the far hand (or both) holds the rail."""
    step = {"type": "step", "x0": 10, "x1": 56, "h": h}
    rail = {"type": "rail", "x0": -40, "x1": 62, "h": 88, "z": -30}
    hold = {"hand": on("rail.top", -18, 1, z=-28)}
    arms = {"arm": hold} if both_hands else {"arm_l": hold}
    hold2 = {"hand": on("rail.top", 16, 1, z=-28)}
    arms2 = {"arm": hold2} if both_hands else {"arm_l": hold2}
    return ({"props": [step, rail], "figure": pose(STAND, at=[-6, 82], leg_r={"foot": [26, 8 + h]},
                                                   leg_l={"foot": [-10, 8]}, **arms)},
            {"props": [step, rail], "figure": pose(STAND, x=30, floor=h, **arms2),
             "arrows": [{"from": [-16, 40], "to": [12, 60 + h], "bend": -0.2}]})


ill("strength.step-up", *step_up(16, False))                # bottom stair, one hand on the rail
ill("strength.step-up.level-0", *step_up(10, True))        # low step, both hands
ill("strength.step-up.level-2", *step_up(24, False))       # higher step

LUNGE_CHAIR = {"type": "chair", "x": -58, "face": -1, "z": -30}
ill("strength.supported-lunge",
    {"props": [LUNGE_CHAIR], "figure": pose(STAND, at=[0, 80], arm_l={"hand": on("chair.back", 2, 2)},
                                           leg_r={"foot": [34, 8]}, leg_l={"foot": [-30, 12], "foot_angle": 35})},
    {"props": [LUNGE_CHAIR], "figure": pose(STAND, at=[0, 52], arm_l={"hand": on("chair.back", 2, 2)},
                                           leg_r={"foot": [34, 8]}, leg_l={"foot": [-30, 12], "foot_angle": 40}),
     "arrows": [{"from": at("head", 22, 6), "to": at("head", 22, -22)}]})

ill("strength.seated-knee-extension",                     # hands hold on to the seat
    {"props": [CHAIR], "figure": pose(SIT, arm={"hand": on("chair.front", -4, 0)}),
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
ill("strength.shoulder-press.level-0",                    # sitting, hands up to beside the head
    {"props": [CHAIR], "figure": pose(PRESS, arm={"flex": 20, "elbow": 150})},
    {"props": [CHAIR], "figure": pose(PRESS, arm={"flex": 120, "elbow": 95}),
     "arrows": [{"from": at("hand_r", 16, -30), "to": at("hand_r", 16, -6)}]})
ill("strength.shoulder-press.level-2",                    # standing, arms all the way up
    {"figure": pose(STAND, x=0, weights=True, arm={"flex": 20, "elbow": 150})},
    {"figure": pose(STAND, x=0, weights=True, arm={"flex": 175, "elbow": 5}),
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
ill("strength.heel-taps.level-2",                         # tapping a heel, the other arm over the head
    {"props": [MAT], "figure": pose(TABLETOP, leg_r={"flex": 50, "knee": 95}, arm_r={"flex": 90, "elbow": 0},
                                     arm_l={"flex": 165, "elbow": 0}),
     "arrows": [{"from": at("heel_r", 12, 24), "to": at("heel_r", 12, 6)}]})

KP_COUNTER = {"type": "counter", "x0": 22, "x1": 62}
ill("strength.knee-plank.level-0",                        # standing, forearms flat on the counter
    {"props": [KP_COUNTER],
     "figure": pose(STAND, at=[0, 78], tilt=-34, neck={"flex": -25}, arm={"flex": 34, "elbow": 90},
                    leg={"foot": [-44, 8]})},
    panels_x=140)
PRONE_FA = pose(PRONE, tilt=36, arm={"flex": 54, "elbow": 90}, leg={"flex": -36, "ankle": -60})
ill("strength.knee-plank",
    {"props": [mat(-75, 65)], "figure": PRONE_FA},
    {"props": [mat(-75, 65)], "figure": pose(PRONE_FA, tilt=21, arm={"flex": 69},
                                            leg={"flex": 0, "knee": 80, "ankle": -30}),
     "arrows": [{"from": at("pelvis", 0, -10), "to": at("pelvis", 0, 14)}]})
ill("strength.knee-plank.level-2",                        # on the forearms and toes: hold
    {"props": [mat(-90, 80)], "figure": pose(PRONE_FA, tilt=13, arm={"flex": 77},
                                              leg={"flex": 0, "knee": 0, "foot_angle": None, "ankle": -60})})

# side plank on the forearm: seen a little from the head end and above, so the forearm
# flat on the mat (pointing forward) shows instead of looking like a straight arm
SP_VIEW = {"yaw": 32, "pitch": 22}
SPLANK = pose(SIDE_LYING, tilt=-34, arm_r={"flex": 0, "abd": 56, "elbow": 90}, arm_l={"flex": 0, "abd": 0, "elbow": 10},
              leg={"flex": 0, "knee": 90})
HIP_UP = {"from": at("pelvis", 0, -30), "to": at("pelvis", 0, -8)}
ill("strength.side-plank",
    {"view": SP_VIEW, "props": [mat(-80, 60)], "figure": SPLANK},
    {"view": SP_VIEW, "props": [mat(-80, 60)], "figure": pose(SPLANK, tilt=-18, arm_r={"abd": 72}),
     "arrows": [HIP_UP]})
ill("strength.side-plank.level-2",                        # on the forearm and feet, legs straight
    {"view": SP_VIEW, "props": [mat(-90, 80)],
     "figure": pose(SPLANK, tilt=-22, arm_r={"abd": 68}, leg={"flex": 0, "knee": 0, "foot_angle": None, "ankle": 0})})

# --- pictures per level: other positions ------------------------------------------------
# side-leg lift, level 0: standing at a chair, the leg out to the side (front view)
SLL_CHAIR = {"type": "chair", "x": 18, "face": 1, "z": -52}
SLL_HAND = {"abd": 37, "elbow": 0}
ill("strength.side-leg-lift.level-0",
    {"view": "front", "props": [SLL_CHAIR], "figure": pose(STAND_FRONT, x=0, arm_l=SLL_HAND)},
    {"view": "front", "props": [SLL_CHAIR], "figure": pose(STAND_FRONT, x=0, side=-6, arm_l=SLL_HAND,
                                                          leg_r={"abd": 30}),
     "arrows": [{"from": at("ankle_r", 12, -16), "to": at("ankle_r", -12, 0), "bend": -0.15}]})

# bird dog, level 0: on hands and knees, only an arm forward, then only a leg back
ill("strength.bird-dog.level-0",
    {"props": [mat(-52, 58)], "figure": pose(QUAD, arm_r={"hand": None, "flex": 175, "elbow": 0})},
    {"props": [mat(-52, 58)], "figure": pose(QUAD, leg_l={"flex": -5, "knee": 0, "ankle": -30})})

# heel taps, level 0: feet on the floor, lifting one foot at a time
ill("strength.heel-taps.level-0",
    {"props": [MAT], "figure": HOOK},
    {"props": [MAT], "figure": pose(HOOK, leg_r={"flex": 90, "knee": 90, "foot_angle": None, "ankle": 0}),
     "arrows": [{"from": at("heel_r", 14, -30), "to": at("heel_r", 14, -4)}]})

# wall push-up, level 2: hands on the kitchen counter
PUSH_COUNTER = {"type": "counter", "x0": 62, "x1": 90}
PUSH_C = pose(STAND, x=-14, tilt=-24, arm={"hand": on("counter.edge0", 6, 1)})
ill("strength.wall-push-up.level-2",
    {"props": [PUSH_COUNTER], "figure": PUSH_C},
    {"props": [PUSH_COUNTER], "figure": pose(PUSH_C, tilt=-40, x=-4),
     "arrows": [{"from": at("head", -14, 22), "to": at("head", 10, 22)}]})

# mini squat, level 2: without support
SQUAT_BEHIND = {"type": "chair", "x": -24, "face": 1}     # a chair behind you, to sit down on
ill("strength.mini-squat.level-2",
    {"props": [SQUAT_BEHIND], "figure": pose(STAND, x=0, arm={"flex": 60, "elbow": 20})},
    {"props": [SQUAT_BEHIND], "figure": pose(STAND, at=[-6, 66], bend=30, arm={"flex": 80, "elbow": 10},
                                             leg={"foot": [6, 8]}),
     "arrows": [{"from": at("pelvis", -18, 14), "to": at("pelvis", -24, -10)}]})

# hip hinge (bending practice): the bottom goes back, the back stays long, knees a little bent
ill("strength.hip-hinge",                                 # 1 standing free, hands slide down the thighs
    {"figure": pose(STAND, x=0, arm={"flex": 5, "elbow": 5})},
    {"figure": pose(STAND, at=[-12, 76], tilt=-45, arm={"flex": 40, "elbow": 5}, leg={"foot": [8, 8]}),
     "arrows": [{"from": at("pelvis", -16, 10), "to": at("pelvis", -34, 10)}]})
HINGE_COUNTER = {"type": "counter", "x0": 38, "x1": 70}
ill("strength.hip-hinge.level-0",                         # 0 at the kitchen counter, hands on the edge
    {"props": [HINGE_COUNTER], "figure": pose(STAND, x=0, arm={"hand": on("counter.edge0", 4, 1)})},
    {"props": [HINGE_COUNTER], "figure": pose(STAND, at=[-12, 76], tilt=-40, arm={"hand": on("counter.edge0", 4, 1)},
                                              leg={"foot": [6, 8]}),
     "arrows": [{"from": at("pelvis", -16, 10), "to": at("pelvis", -34, 10)}]})

# band external rotation: elbows against the sides, forearms turn out against the band (seen from
# the front and a little above, so the forearms pointing forward show)
ER_VIEW = {"yaw": -80, "pitch": 40}
ER_IN = {"flex": 0, "abd": 5, "elbow": 90, "rot": 10}
ill("strength.band-external-rotation",
    {"view": ER_VIEW, "figure": pose(STAND_FRONT, x=0, arm=ER_IN), "bands": [["hand_r", "hand_l"]]},
    {"view": ER_VIEW, "figure": pose(STAND_FRONT, x=0, arm=dict(ER_IN, rot=-55)), "bands": [["hand_r", "hand_l"]],
     "arrows": [{"from": at("hand_r", 14, 10), "to": at("hand_r", -8, 10)},
                {"from": at("hand_l", -14, 10), "to": at("hand_l", 8, 10)}]})
