"""Pose data: balance blocks (and their pictures per level).

Supports follow the text of each level: a hand that "holds on" rests on the counter or
the backrest, a hand that stays "near" hovers just above it, "no support" lets the arms
hang.  Eyes-closed and cushion rungs show the support their safety line names: "a corner
of the room with a chair in front" (``corner``) or "close to the counter with a chair
behind you" (``backed``); the closed eye is drawn above the head.  Where the side view
cannot show the feet (one foot in front of the other, along a line) a framed top view of
the feet sits beside the figure.
"""

from pose_base import (
    CHAIR_AHEAD,
    HOLD_CHAIR,
    NEAR_CHAIR,
    STAND,
    STAND_FRONT,
    at,
    ill,
    on,
    pose,
)

COUNTER_AHEAD = {"type": "counter", "x0": 36, "x1": 80}
HOVER = {"hand": on("counter.edge0", 9, 12)}
HOLD = {"hand": on("counter.edge0", 7, 1)}
COUNTER_BESIDE = {"type": "counter", "x0": -25, "x1": 25, "z0": 30, "z1": 72}   # figure's right, front view
HOVER_FRONT = {"abd": 30, "elbow": 0, "flex": 0}
HOLD_FRONT = {"abd": 41, "elbow": 0, "flex": 0}
CORNER = {"type": "wall", "x": -24, "side": -1}
EYES = {"shape": "eyes_closed", "at": at("head", 0, 32), "args": [0.75], "r": 22}
CUSHION = {"type": "cushion", "x0": -22, "x1": 26}


def inset(layout, x=300, y=150, w=92, h=62):
    """Top view of the feet in a frame, bottom right of the canvas."""
    return [("feet_inset", x, y, w, h, layout)]


def corner(figure=None, cushion=False, marks=(), **kw):
    """Eyes closed: wall behind, chair in front, hands just above the backrest."""
    props = [CORNER, CHAIR_AHEAD] + ([CUSHION] if cushion else [])
    fig = pose(STAND, x=0, floor=9 if cushion else 0, arm=NEAR_CHAIR)
    if figure:
        fig = pose(fig, **figure)
    return {"props": props, "figure": fig, "marks": [EYES, *marks], **kw}


CHAIR_BEHIND = {"type": "chair", "x": -20, "face": 1}   # seat towards the figure's back


def backed(figure=None, cushion=False, eyes=True, **kw):
    """Close to the counter (hands just above it) with a chair behind you."""
    props = [COUNTER_AHEAD, CHAIR_BEHIND] + ([CUSHION] if cushion else [])
    fig = pose(STAND, x=0, floor=9 if cushion else 0, arm=HOVER)
    if figure:
        fig = pose(fig, **figure)
    return {"props": props, "figure": fig, "marks": [EYES] if eyes else [], **kw}


# --- feet together: front view, counter on the right --------------------------
def together(arm_r, legs=-3, cushion=False):
    props = [COUNTER_BESIDE] + ([{"type": "cushion", "x0": -26, "x1": 26}] if cushion else [])
    return {"view": "front", "props": props,
            "figure": pose(STAND_FRONT, x=0, floor=9 if cushion else 0, leg={"abd": legs}, arm_r=arm_r)}


ill("balance.feet-together", together(HOVER_FRONT, legs=7))          # 0 feet slightly apart
ill("balance.feet-together.level-1", together(HOVER_FRONT))          # 1 feet together
ill("balance.feet-together.level-2", backed())                       # 2 eyes closed
ill("balance.feet-together.level-3", backed(cushion=True, eyes=False))  # 3 on a cushion
ill("balance.feet-together.level-4", backed(cushion=True))           # 4 on a cushion, eyes closed

# --- one foot in front of the other -------------------------------------------
HALF = {"leg_r": {"foot": [10, 8]}, "leg_l": {"foot": [-4, 8]}}
TANDEM = {"leg_r": {"foot": [9, 8]}, "leg_l": {"foot": [-9, 8]}}


def tandem_ill(key, arm, feet, layout):
    ill(key, {"props": [COUNTER_AHEAD], "figure": pose(STAND, at=[0, 81], arm=arm, **feet)},
        panels_x=110, overlay=inset(layout, x=262, y=118, w=104, h=70))


tandem_ill("balance.tandem-stance", {"hand": None}, dict(HALF, arm_r=HOLD, arm_l={"flex": 0, "abd": 6, "elbow": 10}),
           "half")                                                    # 0 half, one hand on the counter
tandem_ill("balance.tandem-stance.level-1", HOVER, HALF, "half")      # 1 no support
tandem_ill("balance.tandem-stance.level-2", HOVER, TANDEM, "tandem")  # 2 heel against toes
ill("balance.tandem-stance.level-4",
    backed(figure=dict(TANDEM, at=[0, 81])),
    panels_x=104, overlay=inset("tandem", x=276, y=150, w=104, h=70))

# --- standing on one leg: hands on the backrest ---------------------------------
ONE_LEG = {"leg_r": {"flex": 25, "knee": 70, "foot_angle": None, "ankle": -10}}
ill("balance.single-leg-stance",
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=HOLD_CHAIR)},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=HOLD_CHAIR, **ONE_LEG),
     "arrows": [{"from": at("heel_r", -12, -10), "to": at("heel_r", -12, 10)}]})
ill("balance.single-leg-stance.level-2",                               # no support
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=NEAR_CHAIR, **ONE_LEG)})
ill("balance.single-leg-stance.level-4", corner(figure=ONE_LEG))      # eyes closed

# --- walking along a line: hand along the counter, top view of the steps ----------
COUNTER_ALONG = {"type": "counter", "x0": -70, "x1": 60, "z0": -70, "z1": -22}
ALONG = {"hand": on("counter.top", 10, 1, z=-26)}
SMALL_STEP = {"leg_r": {"foot": [16, 8]}, "leg_l": {"foot": [-12, 12], "foot_angle": 25}}
HEEL_TOE = {"leg_r": {"foot": [9, 8]}, "leg_l": {"foot": [-9, 12], "foot_angle": 25}}
FORWARD = {"from": at("head", -22, 30), "to": at("head", 26, 30)}


def line_walk(feet, arm_l, layout):
    return ({"props": [COUNTER_ALONG],
             "figure": pose(STAND, at=[0, 81], arm_l=arm_l, arm_r={"flex": 0, "abd": 20}, **feet),
             "arrows": [FORWARD]},)


ill("balance.heel-to-toe-walk", *line_walk(SMALL_STEP, ALONG, "steps"),
    panels_x=60, overlay=inset("steps", x=254, y=112, w=136, h=76))
ill("balance.heel-to-toe-walk.level-1", *line_walk(HEEL_TOE, ALONG, "line"),
    panels_x=60, overlay=inset("line", x=254, y=112, w=136, h=76))
ill("balance.heel-to-toe-walk.level-2",
    {"figure": pose(STAND, at=[0, 81], arm={"flex": 0, "abd": 28}, **HEEL_TOE), "arrows": [FORWARD]},
    panels_x=110, overlay=inset("line", x=254, y=112, w=136, h=76))

# --- weight shift ---------------------------------------------------------------
SHIFT_ARROW = {"from": at("head", 16, 22), "to": at("head", -16, 22)}


def shift(arm_r, cushion=False):
    props = [COUNTER_BESIDE] + ([{"type": "cushion", "x0": -30, "x1": 30}] if cushion else [])
    fl = 9 if cushion else 0
    return ({"view": "front", "props": props,
             "figure": pose(STAND_FRONT, x=0, floor=fl, leg={"abd": 5}, arm_r=arm_r)},
            {"view": "front", "props": props,
             "figure": pose(STAND_FRONT, x=-9, floor=fl, leg_r={"abd": -1}, leg_l={"abd": 11}, arm_r=arm_r),
             "arrows": [SHIFT_ARROW]})


ill("balance.weight-shift", *shift(HOLD_FRONT), between="<->")            # 0 hands on the counter
ill("balance.weight-shift.level-1", *shift(HOVER_FRONT), between="<->")   # 1 no support
ill("balance.weight-shift.level-2",                                       # 2 forward and back
    {"props": [COUNTER_AHEAD], "figure": pose(STAND, at=[-4, 81], tilt=-4, arm=HOVER, **HALF)},
    {"props": [COUNTER_AHEAD], "figure": pose(STAND, at=[4, 81], tilt=5, arm=HOVER, **HALF),
     "arrows": [{"from": at("head", -22, 22), "to": at("head", 6, 22)}]},
    between="<->")
ill("balance.weight-shift.level-4", *shift(HOVER_FRONT, cushion=True), between="<->")

# --- reaching out ------------------------------------------------------------------
COUNTER_BEHIND = {"type": "counter", "x0": -80, "x1": -14, "z0": -70, "z1": -22}


def reach(cushion=False):
    props = [COUNTER_BEHIND] + ([CUSHION] if cushion else [])
    fl = 9 if cushion else 0
    keep = {"hand": on("counter.edge1", -8, 4)}
    return ({"props": props, "figure": pose(STAND, x=0, floor=fl, arm_l=keep)},
            {"props": props, "figure": pose(STAND, x=0, floor=fl, bend=16, arm_l=keep, arm_r={"flex": 90, "elbow": 0}),
             "arrows": [{"from": at("hand_r", -8, 14), "to": at("hand_r", 16, 14)}]})


ill("balance.reach-out", *reach())
ill("balance.reach-out.level-4", *reach(cushion=True))

# --- stepping over a line: seen a little from above, so the tape shows ----------------
OVER_VIEW = {"yaw": -18, "pitch": 16}
TAPE = {"type": "line", "x": 27, "w": 12, "len": 30}
TOWEL = {"type": "towel", "x": 26, "r": 6}
CHAIR_BY = {"type": "chair", "x": -58, "face": -1, "z": -36}    # beside and a little behind
BY_HAND = {"hand": on("chair.back", 0, 1, z=-22)}
BY_NEAR = {"hand": on("chair.back", 2, 14, z=-22)}


def over(obstacle, support=True, back=False, near=False):
    props = [obstacle] + ([CHAIR_BY] if support else [])
    arm_l = (BY_NEAR if near else BY_HAND) if support else {"flex": 0, "abd": 20}
    arm_r = {"flex": 0, "abd": 20} if not support else {}
    start = pose(STAND, x=0, arm_l=arm_l, **({"arm_r": arm_r} if arm_r else {}))
    end = pose(STAND, at=[14, 81], arm_l=arm_l, leg_r={"foot": [48, 8]}, leg_l={"foot": [-2, 8]},
               **({"arm_r": arm_r} if arm_r else {}))
    arrow = {"from": at("toe_r", -30, 16), "to": at("toe_r", 2, 16), "bend": -0.3}
    if back:
        arrow = {"from": at("toe_r", 2, 16), "to": at("toe_r", -30, 16), "bend": 0.3}
    return ({"view": OVER_VIEW, "props": props, "figure": start},
            {"view": OVER_VIEW, "props": props, "figure": end, "arrows": [arrow]})


ill("balance.step-over-line", *over(TAPE), between="<->")                       # 0 hand on the chair
ill("balance.step-over-line.level-1", *over(TAPE, support=False), between="<->")  # no support
ill("balance.step-over-line.level-3", *over(TOWEL, support=False), between="<->")  # over a rolled towel

# --- standing on a cushion: front view so feet apart / together show ------------------
def cushion(arm_r, legs):
    return {"view": "front", "props": [COUNTER_BESIDE, {"type": "cushion", "x0": -26, "x1": 26}],
            "figure": pose(STAND_FRONT, x=0, floor=9, leg={"abd": legs}, arm_r=arm_r)}


ill("balance.cushion-stance", cushion(HOLD_FRONT, 7))                 # 0 feet apart, hands on the counter
ill("balance.cushion-stance.level-1", cushion(HOVER_FRONT, 7))        # 1 no support
ill("balance.cushion-stance.level-2", cushion(HOVER_FRONT, -3))       # 2 feet together
ill("balance.cushion-stance.level-4", backed(cushion=True))           # 4 eyes closed

# --- head turns -------------------------------------------------------------------------
TURN_ARC = {"arc": {"center": at("head", 0, 4), "r": 21, "from": 30, "to": 150}}
TURN_BACK = {"arc": {"center": at("head", 0, 4), "r": 21, "from": 150, "to": 30}}


def turns(legs):
    return ({"view": "front", "props": [COUNTER_BESIDE],
             "figure": pose(STAND_FRONT, x=0, leg={"abd": legs}, neck={"turn": 70}, arm_r=HOVER_FRONT),
             "arrows": [TURN_ARC]},
            {"view": "front", "props": [COUNTER_BESIDE],
             "figure": pose(STAND_FRONT, x=0, leg={"abd": legs}, neck={"turn": -70}, arm_r=HOVER_FRONT),
             "arrows": [TURN_BACK]})


ill("balance.head-turns", *turns(7), between="<->")                   # 0 feet apart
ill("balance.head-turns.level-1", *turns(-3), between="<->")          # 1 feet together
ill("balance.head-turns.level-4",                                     # 4 walking along the counter
    {"props": [COUNTER_ALONG],
     "figure": pose(STAND, at=[0, 81], arm_r={"flex": -20, "elbow": 20}, arm_l={"hand": on("counter.top", 14, 10, z=-26)},
                    neck={"turn": -70}, leg_r={"foot": [22, 8]}, leg_l={"foot": [-20, 12], "foot_angle": 25}),
     "arrows": [{"from": at("head", -22, 44), "to": at("head", 26, 44)},
                {"arc": {"center": at("head", 0, 14), "r": 22, "ry": 12, "from": 25, "to": 155}}]},
    panels_x=150)

# --- rocking heel to toe behind a chair -------------------------------------------------
def rock(arm, arm_l=None):
    extra = {"arm_l": arm_l} if arm_l else {}
    return ({"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=arm, leg={"foot_angle": -30}, **extra),
             "arrows": [{"from": at("heel_r", -10, -6), "to": at("heel_r", -10, 12)}]},
            {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=arm, leg={"foot_angle": 25}, **extra),
             "arrows": [{"from": at("toe_r", 6, -6), "to": at("toe_r", 6, 12)}]})


ill("balance.heel-toe-rock", *rock(HOLD_CHAIR), between="<->")                     # 0 both hands
ill("balance.heel-toe-rock.level-1", *rock(HOLD_CHAIR, {"hand": None, "flex": 0, "abd": 6, "elbow": 10}),
    between="<->")                                                                  # 1 one hand
ill("balance.heel-toe-rock.level-2", *rock(NEAR_CHAIR), between="<->")             # 2 no support
ill("balance.heel-toe-rock.level-4",
    corner(figure={"leg": {"foot_angle": -30}},
           arrows=[{"from": at("heel_r", -10, -6), "to": at("heel_r", -10, 12)}]),
    corner(figure={"leg": {"foot_angle": 25}},
           arrows=[{"from": at("toe_r", 6, -6), "to": at("toe_r", 6, 12)}]),
    between="<->")

# --- later rungs that keep the position of an earlier level -----------------------------
# The program shows the basic picture for a level without its own, so every level whose
# position differs from the basic one gets a file, also when it looks like the rung before
# (the head-turn or pause is in the words, the position in the picture).
SIDE_TURN = {"arc": {"center": at("head", 0, 14), "r": 22, "ry": 12, "from": 25, "to": 155}}   # above the head
NOD = {"arc": {"center": at("head", -2, 0), "r": 22, "from": 60, "to": -60}, "double": True}
ARMS_DOWN = {"hand": None, "flex": 0, "abd": 8, "elbow": 10}

ill("balance.tandem-stance.level-3",                                  # heel against toes, turning the head
    {"props": [COUNTER_AHEAD], "figure": pose(STAND, at=[0, 81], arm=HOVER, neck={"turn": -40}, **TANDEM),
     "arrows": [SIDE_TURN]},
    panels_x=110, overlay=inset("tandem", x=262, y=118, w=104, h=70))

ill("balance.cushion-stance.level-3",                                 # feet together, turning the head
    dict(cushion(HOVER_FRONT, -3), arrows=[TURN_ARC]))

ill("balance.head-turns.level-2", *turns(-3), between="<->")          # feet together (up and down too)
ill("balance.head-turns.level-3",                                     # one foot half in front
    {"props": [COUNTER_AHEAD], "figure": pose(STAND, at=[0, 81], arm=HOVER, neck={"turn": -40}, **HALF),
     "arrows": [SIDE_TURN]},
    panels_x=110, overlay=inset("half", x=262, y=118, w=104, h=70))

ill("balance.heel-to-toe-walk.level-3",                                # backwards too, hand along the counter
    {"props": [COUNTER_ALONG], "figure": pose(STAND, at=[0, 81], arm_l=ALONG, arm_r={"flex": 0, "abd": 20}, **HEEL_TOE),
     "arrows": [dict(FORWARD, double=True)]},
    panels_x=60, overlay=inset("line", x=254, y=112, w=136, h=76))
ill("balance.heel-to-toe-walk.level-4",                                # heel to toe, no support
    {"figure": pose(STAND, at=[0, 81], arm={"flex": 0, "abd": 28}, **HEEL_TOE), "arrows": [FORWARD]},
    panels_x=110, overlay=inset("line", x=254, y=112, w=136, h=76))

ill("balance.heel-toe-rock.level-3", *rock(NEAR_CHAIR), between="<->")             # no support, pausing

ill("balance.single-leg-stance.level-1",                              # one finger on the chair
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm_r=HOLD_CHAIR, arm_l=ARMS_DOWN)},
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm_r=HOLD_CHAIR, arm_l=ARMS_DOWN, **ONE_LEG),
     "arrows": [{"from": at("heel_r", -12, -10), "to": at("heel_r", -12, 10)}]})
ill("balance.single-leg-stance.level-3",                              # no support, turning the head
    {"props": [CHAIR_AHEAD], "figure": pose(STAND, x=0, arm=NEAR_CHAIR, neck={"turn": -40}, **ONE_LEG),
     "arrows": [SIDE_TURN]})

ill("balance.step-over-line.level-2", *over(TAPE, back=True, near=True), between="<->")  # backwards, hand near
ill("balance.step-over-line.level-4", *over(TAPE, support=False), between="<->")             # naming animals

ill("balance.weight-shift.level-3",                                   # circling, feet close together
    {"view": "front", "props": [COUNTER_BESIDE],
     "figure": pose(STAND_FRONT, x=0, leg={"abd": 1}, side=4, arm_r=HOVER_FRONT),
     "arrows": [{"arc": {"center": at("head", 0, 18), "r": 26, "ry": 9, "from": 200, "to": -20}}]})
