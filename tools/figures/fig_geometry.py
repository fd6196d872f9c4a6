"""Proportions, drawing constants, small vector/matrix helpers and number formatting."""

import math

# ----------------------------------------------------------------------------
# Proportions (units = viewBox units; stature about 150)
HEAD_R = 12.0
NECK = 5.0
TRUNK = 45.0
SHOULDER_W = 15.0   # half distance between the shoulder joints
HIP_W = 8.0         # half distance between the hip joints
UPPER_ARM = 28.0
FOREARM = 24.0
THIGH = 37.0
SHIN = 37.0
LW = 9.5            # limb stroke
TW = 15.0           # trunk stroke
HALO = 5.0          # white margin around near parts
PROP_W = 2.5        # prop outline stroke
GREY = "#d4d4d4"
CANVAS_W = 400.0
CANVAS_H = 240.0


# ----------------------------------------------------------------------------
# small vector / matrix helpers (3x3 tuples)
def rx(d):
    c, s = math.cos(math.radians(d)), math.sin(math.radians(d))
    return ((1, 0, 0), (0, c, -s), (0, s, c))


def ry(d):
    c, s = math.cos(math.radians(d)), math.sin(math.radians(d))
    return ((c, 0, s), (0, 1, 0), (-s, 0, c))


def rz(d):
    c, s = math.cos(math.radians(d)), math.sin(math.radians(d))
    return ((c, -s, 0), (s, c, 0), (0, 0, 1))


def mm(a, b):
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)) for i in range(3))


def mv(a, v):
    return tuple(sum(a[i][k] * v[k] for k in range(3)) for i in range(3))


def tr(a):
    return tuple(tuple(a[j][i] for j in range(3)) for i in range(3))


def add(*vs):
    return tuple(sum(c) for c in zip(*vs, strict=False))


def sub(a, b):
    return tuple(x - y for x, y in zip(a, b, strict=False))


def mul(v, k):
    return tuple(x * k for x in v)


def norm(v):
    return math.sqrt(sum(x * x for x in v))


def unit(v):
    n = norm(v)
    return mul(v, 1.0 / n) if n > 1e-9 else v


def lerp(a, b, t):
    return tuple(x + (y - x) * t for x, y in zip(a, b, strict=False))


def rotate_about(p, origin, axis, deg):
    """Rodrigues rotation of point p about the line (origin, axis)."""
    k = unit(axis)
    v = sub(p, origin)
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    cross = (k[1] * v[2] - k[2] * v[1], k[2] * v[0] - k[0] * v[2], k[0] * v[1] - k[1] * v[0])
    dot = sum(a * b for a, b in zip(k, v, strict=False))
    r = add(mul(v, c), mul(cross, s), mul(k, dot * (1 - c)))
    return add(origin, r)


def chain(*ms):
    out = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
    for m in ms:
        out = mm(out, m)
    return out


ORIENT = {
    "stand": (),
    "supine": (("z", 90),),            # on the back, head left, face up
    "prone": (("z", -90),),            # face down, head right
    "side": (("z", 90), ("x", 90)),    # on the right side, head left, front to viewer
    "quad": (("z", -90),),             # body horizontal, head right, front down
}
AXES = {"x": rx, "y": ry, "z": rz}

VIEWS = {"side": (0.0, 0.0), "front": (-90.0, 0.0), "back": (90.0, 0.0)}


def fmt(v):
    s = f"{v:.1f}"
    if s in ("-0.0", "0.0"):
        return "0"
    if s.endswith(".0"):
        s = s[:-2]
    return s


def path_d(points, closed=False):
    d = "M" + " L".join(f"{fmt(x)} {fmt(y)}" for x, y in points)
    return d + ("Z" if closed else "")


def bbox_pts(pts, r):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs) - r, min(ys) - r, max(xs) + r, max(ys) + r)


def wave_points(p0, p1, amp, waves):
    """A sine wave from p0 to p1 (for air flow and water)."""
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    L = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / L, dx / L
    n = int(waves * 12)
    out = []
    for i in range(n + 1):
        t = i / n
        a = amp * math.sin(t * waves * 2 * math.pi) * min(1.0, 3 * t, 3 * (1 - t))
        out.append((p0[0] + dx * t + nx * a, p0[1] + dy * t + ny * a))
    return out
