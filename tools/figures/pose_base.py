"""Pose helpers, base postures, prop shortcuts and the registry of illustrations.

The pose data itself is in poses_<kind>.py; poses.py collects it.

An illustration has one or two ``panels`` (start, end) drawn side by side with
an arrow between them (``"between": "<->"`` for a back-and-forth movement,
``None`` for none).  A panel has:

  view     "side" (default), "front", or {"yaw": deg, "pitch": deg}
  props    list of props: chair, counter, table, wall, mat, step, cushion, line,
           towel (see figlib.Prop); named points such as "chair.back" can be
           used as targets
  figure   the pose (see figlib docstring for angles); placement is one of
           "x" (pelvis x, lowest point dropped onto "floor"), "sit": "chair",
           or "at": [x, y]
  marks    pictogram symbols placed at a figure point, e.g.
           {"shape": "eyes_closed", "at": at("head", 0, 34), "args": [0.8], "r": 22}
           (r = half size, for the layout bounds)
  ghost    overrides of ``figure`` for a dashed end position; ``ghost_parts``
           says which parts are drawn (arm_r, leg_r, trunk, head, all)
  arrows   {"from": P, "to": P, "bend": k} or {"arc": {"center": P, "r":, "from": deg,
           "to": deg}}, optional "double": true; P is [x, y], a figure point
           name ("knee_r", "hand_l", "g:toe_r" on the ghost, "chair.back") or
           {"at": P, "dx":, "dy":}
  bands    list of point lists for an exercise band

Illustration options: ``between`` (see above), ``panels_x`` (left edge instead
of centring) and ``overlay`` (pictogram elements from pictograms.py, canvas
coordinates), e.g. a clock or a check mark next to the figure.

Pictures per level: a block whose level puts the body in another position
(standing instead of lying, on a cushion, eyes closed with a support nearby) gets
its own picture under the key ``<block key>.level-<n>`` (n = 0-based index into the
block's ``levels``); the program uses it for that level when the file exists.

Base postures below are merged with per-pose overrides via ``pose(BASE, ...)``.
Side view: the figure faces right and "_r" limbs are the near ones.

Adding or fixing a picture: add/edit an ``ill("<block key>", panel, ...)`` call
in poses_<kind>.py, run ``python tools/figures/render.py <key> --out=/tmp/x``,
convert to PNG (rsvg-convert -w 600) and look at it; then run render.py
without arguments to rewrite resources/illustrations/.  The layout is checked:
a picture that does not fit the fixed 400 x 240 canvas at the common scale
raises an error instead of being shrunk.
"""

import copy


def pose(base, **over):
    """Copy ``base`` and apply overrides; dict values (arm, leg_r, neck, ...) are merged."""
    out = copy.deepcopy(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            d = dict(out[k])
            d.update(v)
            out[k] = d
        else:
            out[k] = v
    return out


def at(point, dx=0.0, dy=0.0):
    return {"at": point, "dx": dx, "dy": dy}


def on(anchor, dx=0.0, dy=0.0, z=None):
    """Limb target on a prop point or a figure point."""
    d = {"to": anchor, "dx": dx, "dy": dy}
    if z is not None:
        d["z"] = z
    return d


def floor_below(point, dx=0.0, y=8.0):
    """Limb target on the floor (or mat) straight below a figure point."""
    return {"below": point, "dx": dx, "y": y}


# --- base postures -----------------------------------------------------------
STAND = {"orient": "stand", "arm": {"flex": 4, "abd": 6, "elbow": 12}, "leg": {"foot_angle": 0}}
STAND_FRONT = pose(STAND, arm={"flex": 0, "abd": 8, "elbow": 5})
SIT = {"sit": "chair", "arm": {"flex": 12, "elbow": 75}, "leg": {"flex": 90, "knee": 90, "foot_angle": 0}}
SIT_LAP = pose(SIT, arm={"flex": 8, "elbow": 85, "rot": 15})
ARMS_CROSSED = {"flex": 22, "abd": 10, "rot": 75, "elbow": 115}
SUPINE = {"orient": "supine", "floor": 4, "arm": {"flex": -6}, "leg": {"flex": 0, "foot_angle": 90}}
HOOK = pose(SUPINE, leg={"flex": 55, "knee": 100, "foot_angle": 0})   # on the back, knees bent
SIDE_LYING = {"orient": "side", "floor": 4, "arm_r": {"flex": 180, "elbow": 0},
              "arm_l": {"flex": 10, "elbow": 10}, "leg": {"flex": 45, "knee": 90, "ankle": -10}}
PRONE = {"orient": "prone", "floor": 4, "arm": {"flex": 150, "elbow": 60}, "leg": {"ankle": -60}}
QUAD = {"orient": "quad", "floor": 4, "tilt": 14, "neck": {"flex": -20},
        "leg": {"flex": 76, "knee": 90, "ankle": -45},
        "arm": {"hand": floor_below("shoulder_r", dx=4)}}

# --- prop shortcuts ----------------------------------------------------------
CHAIR = {"type": "chair", "x": 20}
MAT = {"type": "mat", "x0": -80, "x1": 70}


def mat(x0, x1):
    return {"type": "mat", "x0": x0, "x1": x1}


def chair_front(x=55):
    """Chair in front of a standing figure, backrest towards the figure."""
    return {"type": "chair", "x": x + 38, "face": 1}


def chair_side(x=-8):
    """Chair beside the figure (far side), backrest at x, seat behind the figure."""
    return {"type": "chair", "x": x - 38, "face": -1, "z": -30}


def counter_side(x0=-30, x1=30):
    return {"type": "counter", "x0": x0, "x1": x1, "z0": -70, "z1": -22}


ILLUSTRATIONS = {}


def ill(key, *panels, **kw):
    spec = {"panels": list(panels)}
    spec.update(kw)
    ILLUSTRATIONS[key] = spec


# views
SEATED_FRONT = {"yaw": -62}     # three-quarter front view: thighs stay visible
LYING_SIDE = {"pitch": 22}      # side lying, seen from the front and a little above
FROM_FEET = {"yaw": -40, "pitch": 35}


# shared between several kinds
CHAIR_AHEAD = {"type": "chair", "x": 66, "face": 1}      # backrest within reach of a standing figure
HOLD_CHAIR = {"hand": on("chair.back", 0, 1)}            # hands resting on the backrest
NEAR_CHAIR = {"hand": on("chair.back", -2, 14)}          # hands just above it, not holding on


def breath_out(length=44, dy=-3):
    return {"wave": {"from": at("head", 17, dy), "to": at("head", 17 + length, dy), "amp": 3,
                     "n": max(2, int(length / 18))}}


BELLY_HAND = {"flex": 8, "rot": 62, "elbow": 92}


BED = {"type": "bed", "x0": -70, "x1": 96}


PILLOW = {"type": "cushion", "x0": -66, "x1": -36, "y0": 30, "h": 7, "z0": -26, "z1": 26}


SLEEPER = pose(SUPINE, at=[14, 39], neck={"flex": 22}, arm={"flex": -4})


WALK = pose(STAND, at=[0, 81], arm_r={"flex": -25, "elbow": 20}, arm_l={"flex": 30, "elbow": 30},
            leg_r={"foot": [24, 8]}, leg_l={"foot": [-22, 12], "foot_angle": 25})
