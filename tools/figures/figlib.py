"""Herstelplan figure engine: a jointed line figure, props and arrows, drawn as SVG.

Standard library only.  Everything is deterministic: same pose data -> same bytes.

Coordinates
-----------
World: X to the right, Y up, Z towards the viewer; the floor is Y = 0.
Body frame (before ``orient``): the figure faces +X, its up is +Y and its right
side is +Z, so with the default side view you see the figure's right side and
it looks to the right.  ``r`` limbs are the near limbs in the side view.

Angles are in degrees and anatomical:
  spine  bend (forward +), side (to the right +), twist (chest turned right +)
  neck   flex (chin down +), side (ear to right shoulder +), turn (look right +),
         shift (head slid backwards, chin tuck +, in units)
  arm    flex (forward/up +, 180 = overhead), abd (out to the side +),
         rot (internal +), elbow (bend +)
  leg    flex (thigh forward +), abd (out +), rot (internal +), knee (bend +),
         ankle (toes up +, pointing -), spin (knee opened out around the
         hip-ankle axis +, as in a clamshell)
A limb may instead get a target: arm ``hand`` or leg ``foot`` (ankle point);
a tiny two-link solver then finds flex and bend in the body's side plane.
Leg ``foot_angle`` sets the sole's angle to the floor instead of ``ankle``
(0 = flat, negative = on the toes).

Whole body: ``orient`` (stand, supine, prone, side, quad), ``tilt`` (turn the
whole figure in the picture plane, + = counter-clockwise), ``roll`` (about the
world x axis), ``shrug``/``retract`` (shoulder girdle), ``weights`` (dumbbells).
Placement: ``x`` (pelvis x; the lowest point is dropped onto ``floor``, default
0), ``sit`` (name of a prop with a seat, e.g. "chair"), or ``at`` [x, y].

Drawing: parts are painted far to near; a part that passes in front of a
farther part gets a white halo so crossings stay readable in black and white.

The engine lives in fig_geometry, fig_props, fig_body, fig_draw and fig_arrows;
this module gathers their public names so callers can use ``figlib.X``.
"""

from fig_arrows import (  # noqa: F401
    ARROW_W,
    HEAD_HW,
    HEAD_L,
    _end_dir,
    _trim_end,
    arrow_items,
    arrow_points,
)
from fig_body import (  # noqa: F401
    Figure,
    limb_params,
    solve2,
)
from fig_draw import (  # noqa: F401
    Camera,
    Canvas,
    _ghost_fn,
    _shorten_start,
    _solid_fn,
    band_items,
    figure_items,
    prop_items,
    trunk_outline,
)
from fig_geometry import (  # noqa: F401
    AXES,
    CANVAS_H,
    CANVAS_W,
    FOREARM,
    GREY,
    HALO,
    HEAD_R,
    HIP_W,
    LW,
    NECK,
    ORIENT,
    PROP_W,
    SHIN,
    SHOULDER_W,
    THIGH,
    TRUNK,
    TW,
    UPPER_ARM,
    VIEWS,
    add,
    bbox_pts,
    chain,
    fmt,
    lerp,
    mm,
    mul,
    mv,
    norm,
    path_d,
    rotate_about,
    rx,
    ry,
    rz,
    sub,
    tr,
    unit,
    wave_points,
)
from fig_props import (  # noqa: F401
    Prop,
)
