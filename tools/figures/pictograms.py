"""Pictograms for education blocks (and symbols used next to figures).

Same line style as the figures: black strokes with round caps, one light grey,
no text.  Coordinates are canvas units (viewBox 0 0 400 240, y down).

An entry in ILLUSTRATIONS is ``{"pictogram": [element, ...]}``; an element is a
tuple ``(name, *args)`` naming one of the drawing functions in SHAPES.  Figure
illustrations may add ``"overlay": [element, ...]`` to draw symbols beside a
figure (see render.py).
"""

import math

from figlib import GREY, fmt

INK = 8.0      # main stroke, same as the limbs
THIN = 5.0


def _p(points):
    return " ".join(f"{fmt(x)} {fmt(y)}" for x, y in points)


def line(points, w=INK, dash=None, color="#000"):
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return '<path d="M{}" stroke="{}" stroke-width="{}"{}/>'.format(" L".join(_p([q]) for q in points), color, fmt(w), extra)


def poly(points, fill="#000", w=INK, stroke="#000"):
    return '<path d="M{}Z" fill="{}" stroke="{}" stroke-width="{}"/>'.format(
        " L".join(_p([q]) for q in points), fill, stroke, fmt(w))


def circle(cx, cy, r, fill="none", w=INK, stroke="#000"):
    sw = f' stroke="{stroke}" stroke-width="{fmt(w)}"' if w else ""
    return f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="{fill}"{sw}/>'


def arc_pts(cx, cy, r, a0, a1, ry=None, n=None):
    """Points on an arc; angles in degrees, counter-clockwise on screen (y down)."""
    ry = r if ry is None else ry
    n = n or max(8, int(abs(a1 - a0) / 5))
    return [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy - ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def arrow(points, w=4.0, head=12.0, double=False):
    """Polyline arrow with a filled head at the end (screen coordinates)."""
    out = []
    pts = list(points)

    def head_at(seq):
        (x0, y0), (x1, y1) = seq[-2], seq[-1]
        L = math.hypot(x1 - x0, y1 - y0) or 1.0
        ux, uy = (x1 - x0) / L, (y1 - y0) / L
        bx, by = x1 - ux * head, y1 - uy * head
        hw = head * 0.6
        tri = [(x1, y1), (bx - uy * hw, by + ux * hw), (bx + uy * hw, by - ux * hw)]
        seq = list(seq)
        seq[-1] = (x1 - ux * head * 0.7, y1 - uy * head * 0.7)
        return seq, tri
    tris = []
    pts, t = head_at(pts)
    tris.append(t)
    if double:
        r, t = head_at(pts[::-1])
        pts = r[::-1]
        tris.append(t)
    out.append(line(pts, w))
    for t in tris:
        out.append(poly(t, "#000", 1.5))
    return out


# --------------------------------------------------------------------------
# shapes
def brain(cx, cy, s=1.0):
    """Brain seen from the side (front to the right): gently lobed outline, folds, stem."""
    rx, ry = 80 * s, 54 * s
    angles = [196, 160, 126, 96, 66, 38, 10, -18]
    pts = [(cx + rx * math.cos(math.radians(a)), cy - ry * math.sin(math.radians(a))) for a in angles]
    d = f"M{_p([pts[0]])}"
    for a, b in zip(pts, pts[1:], strict=False):
        chord = math.hypot(b[0] - a[0], b[1] - a[1])
        d += f" A{fmt(chord * 0.62)} {fmt(chord * 0.62)} 0 0 1 {_p([b])}"
    low = (cx + 20 * s, cy + 46 * s)
    d += f" Q{_p([(cx + 62 * s, cy + 52 * s)])} {_p([low])} Q{_p([(cx - 40 * s, cy + 52 * s)])} {_p([pts[0]])}Z"
    out = [f'<path d="{d}" fill="{GREY}" stroke="#000" stroke-width="{fmt(INK)}"/>']
    # folds
    out.append(line([(cx - 46 * s, cy + 4 * s), (cx - 22 * s, cy - 8 * s), (cx + 2 * s, cy + 2 * s),
                     (cx + 28 * s, cy - 8 * s), (cx + 52 * s, cy + 2 * s)], THIN))
    out.append(line([(cx - 8 * s, cy - 50 * s), (cx - 2 * s, cy - 28 * s), (cx + 12 * s, cy - 20 * s)], THIN))
    out.append(line([(cx - 34 * s, cy + 26 * s), (cx - 10 * s, cy + 22 * s)], THIN))
    # stem
    out.append(line([(cx - 22 * s, cy + 50 * s), (cx - 18 * s, cy + 84 * s)], INK * 1.3))
    return out


def bell(cx, cy, s=1.0, rings=True):
    """Alarm bell with sound lines."""
    top = cy - 50 * s
    body = [(cx - 10 * s, top + 8 * s), (cx - 34 * s, top + 30 * s), (cx - 40 * s, top + 70 * s),
            (cx - 56 * s, top + 88 * s), (cx + 56 * s, top + 88 * s), (cx + 40 * s, top + 70 * s),
            (cx + 34 * s, top + 30 * s), (cx + 10 * s, top + 8 * s)]
    out = [circle(cx, top + 2 * s, 8 * s, "#000", 0)]
    d = f"M{_p([body[0]])} Q{_p([(cx - 40 * s, top + 4 * s)])} {_p([body[2]])} Q{_p([(cx - 40 * s, top + 84 * s)])} {_p([body[3]])} L{_p([body[4]])} L{_p([(cx + 56 * s, top + 88 * s)])} Q{_p([(cx + 40 * s, top + 84 * s)])} {_p([body[5]])} Q{_p([(cx + 40 * s, top + 4 * s)])} {_p([body[7]])}Z"
    out.append(f'<path d="{d}" fill="{GREY}" stroke="#000" stroke-width="{fmt(INK)}"/>')
    out.append(circle(cx, top + 100 * s, 10 * s, "#000", 0))
    if rings:
        for k in (1, 2):
            r = (58 + 16 * k) * s
            out.append(line(arc_pts(cx, top + 50 * s, r, 25, 60), THIN + 1))
            out.append(line(arc_pts(cx, top + 50 * s, r, 120, 155), THIN + 1))
    return out


def dial(cx, cy, r, value):
    """Half-round gauge; value 0..1 sets the needle (1 = far right, 'very sensitive')."""
    out = [line(arc_pts(cx, cy, r, 180, 0), INK)]
    for i in range(5):
        a = 180 - i * 45
        p0 = (cx + (r - 14) * math.cos(math.radians(a)), cy - (r - 14) * math.sin(math.radians(a)))
        p1 = (cx + (r - 4) * math.cos(math.radians(a)), cy - (r - 4) * math.sin(math.radians(a)))
        out.append(line([p0, p1], 4))
    a = 180 - 180 * value
    tip = (cx + (r - 10) * math.cos(math.radians(a)), cy - (r - 10) * math.sin(math.radians(a)))
    out.append(line([(cx, cy), tip], 6))
    out.append(circle(cx, cy, 7, "#000", 0))
    out.append(line([(cx - r - 6, cy), (cx + r + 6, cy)], THIN))
    return out


RED, AMBER, GREEN = "#b71c1c", "#f5a623", "#43a047"   # grey values 74, 174, 122: distinct in black and white too


def traffic_light(cx, cy, s=1.0, signs=True):
    """Pain traffic light: red on top, amber in the middle, green at the bottom (the usual order),
    each with its sign beside it so it reads in black and white too: red = a step back (arrow
    turning back), amber = keep it the same (an equals sign), green = carry on (arrow forward)."""
    w, h, r = 70 * s, 190 * s, 24 * s
    x0, y0 = cx - w / 2, cy - h / 2
    out = [f'<rect x="{fmt(x0)}" y="{fmt(y0)}" width="{fmt(w)}" height="{fmt(h)}" rx="{fmt(18 * s)}" fill="#fff" stroke="#000" stroke-width="{fmt(INK)}"/>']
    ys = [y0 + h * (0.2 + 0.3 * i) for i in range(3)]
    for y, f in zip(ys, (RED, AMBER, GREEN), strict=True):
        out.append(circle(cx, y, r, f, 5))
    if signs:
        sx = cx + w / 2 + 34 * s
        L = 62 * s
        # red: step back (arrow going right, turning round and pointing back to the left)
        rr = 15 * s
        turn = [(sx, ys[0] - rr)] + arc_pts(sx + L - rr, ys[0], rr, 90, -90) + [(sx, ys[0] + rr)]
        out.extend(arrow(turn, 6, 18))
        # amber: stay the same
        for dy in (-9 * s, 9 * s):
            out.append(line([(sx, ys[1] + dy), (sx + L, ys[1] + dy)], INK))
        # green: carry on
        out.extend(straight_arrow(sx, ys[2], sx + L, ys[2], 6, 18))
    return out


# a shoe print: the sole and, apart from it, the heel (u along the foot, v to the big-toe side)
SOLE = [(-0.14, -0.15), (0.0, -0.16), (0.18, -0.19), (0.33, -0.18), (0.44, -0.12), (0.5, -0.03),
        (0.49, 0.07), (0.42, 0.15), (0.3, 0.19), (0.15, 0.18), (0.0, 0.13), (-0.14, 0.12)]
HEEL = [(-0.5, 0.0), (-0.47, -0.11), (-0.38, -0.15), (-0.24, -0.15), (-0.24, 0.13), (-0.36, 0.14),
        (-0.46, 0.1)]


def foot_print(cx, cy, L, side=1, angle=0.0, fill="#000"):
    """A shoe print seen from above, ``L`` long, pointing along ``angle`` (0 = to the right).
    side +1 = right foot (big-toe side up when pointing right), -1 = left foot."""
    ca, sa = math.cos(math.radians(angle)), -math.sin(math.radians(angle))
    out = []
    for shape in (SOLE, HEEL):
        pts = []
        for u, v in shape:
            u, v = u * L, -v * L * side
            pts.append((cx + u * ca - v * sa, cy + u * sa + v * ca))
        out.append(poly(pts, fill, 2, fill))
    return out


def feet_inset(x, y, w, h, layout="tandem"):
    """Framed top view of the feet (toes to the right, as the figure walks), on a grey line:
    ``tandem`` = heel right against the toes, ``half`` = one foot half in front of the other,
    ``line`` = heel to toe along the line, ``steps`` = small steps along the line."""
    out = [f'<rect x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" rx="10" fill="#fff" stroke="#000" stroke-width="{fmt(THIN)}"/>',
           f'<rect x="{fmt(x + 7)}" y="{fmt(y + h / 2 - 4)}" width="{fmt(w - 14)}" height="8" fill="{GREY}" stroke="none"/>']
    cy = y + h / 2
    inner = w - 18
    if layout in ("line", "steps", "tandem"):   # feet one after the other along the line
        n = 2 if layout == "tandem" else 3
        gap = 1.5 if layout != "steps" else 0.4
        L = min(h * 1.1, inner / (n + (n - 1) * gap * (1 if layout == "steps" else 0)))
        g = gap * L if layout == "steps" else gap
        L = min(L, (inner - g * (n - 1)) / n)
        x0 = x + w / 2 - (n * L + (n - 1) * g) / 2
        for i in range(n):
            out.extend(foot_print(x0 + L / 2 + i * (L + g), cy, L, side=1 if (i + n) % 2 else -1))
        return out
    # half: the front foot beside the back one, its heel level with the middle of the other
    L = min(inner / 1.5, h * 1.1)
    mid = x + w / 2
    out.extend(foot_print(mid - L * 0.25, cy - L * 0.19, L, side=-1))
    out.extend(foot_print(mid + L * 0.25, cy + L * 0.19, L, side=1))
    return out


def heel_inset(x, y, w, h):
    """Framed close-up of a foot from the side: only the heel on the floor, toes pulled up (arrow)."""
    out = [f'<rect x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" rx="10" fill="#fff" stroke="#000" stroke-width="{fmt(THIN)}"/>']
    fy = y + h - 12
    out.append(line([(x + 8, fy), (x + w - 8, fy)], THIN))
    heel = (x + w * 0.3, fy - 6)
    ankle = (heel[0] + 6, heel[1] - 9)
    knee = (x + 10, y + 12)
    toe = (heel[0] + 36 * math.cos(math.radians(48)), heel[1] - 36 * math.sin(math.radians(48)))
    out.append(line([knee, ankle], INK + 3))
    out.append(line([heel, toe], INK + 2))
    out.append(circle(heel[0] - 1, heel[1] - 1, 7, "#000", 0))     # the heel, resting on the floor
    out.extend(arrow(arc_pts(heel[0], heel[1], 50, 8, 44), 4.5, 12))
    return out


def eyes_closed(cx, cy, s=1.0):
    """A closed eye: a downward curve with lashes (for the eyes-closed levels)."""
    pts = arc_pts(cx, cy - 10 * s, 20 * s, 200, 340, ry=14 * s)
    out = [line(pts, THIN + 1)]
    for a in (225, 250, 270, 290, 315):
        p0 = (cx + 20 * s * math.cos(math.radians(a)), cy - 10 * s - 14 * s * math.sin(math.radians(a)))
        p1 = (cx + 27 * s * math.cos(math.radians(a)), cy - 10 * s - 21 * s * math.sin(math.radians(a)))
        out.append(line([p0, p1], 3.5))
    return out


def moon(cx, cy, r):
    """Crescent moon opening to the right."""
    a = (cx + r * 0.35, cy - r * 0.94)
    b = (cx + r * 0.35, cy + r * 0.94)
    d = f"M{_p([a])} A{fmt(r)} {fmt(r)} 0 1 0 {_p([b])} A{fmt(r * 0.78)} {fmt(r * 0.78)} 0 0 1 {_p([a])}Z"
    return [f'<path d="{d}" fill="{GREY}" stroke="#000" stroke-width="{fmt(INK)}"/>']


def star(cx, cy, r):
    return [line([(cx - r, cy), (cx + r, cy)], THIN + 1), line([(cx, cy - r), (cx, cy + r)], THIN + 1)]


def target(cx, cy, r):
    out = [circle(cx, cy, r, "#fff"), circle(cx, cy, r * 0.64, GREY), circle(cx, cy, r * 0.28, "#000", 0)]
    # arrow stuck in the centre, coming from the upper right
    tail = (cx + r * 1.05, cy - r * 0.75)
    out.append(line([(cx + 6, cy - 4), tail], 6))
    for k in (-1, 1):
        out.append(line([(tail[0] - 4, tail[1] + 3), (tail[0] + 6 + 4 * k, tail[1] - 10 + 8 * k)], 4))
    return out


def axes(x0, y0, x1, y1):
    """Graph axes: origin bottom left (x0, y1)."""
    return [line([(x0, y0), (x0, y1), (x1, y1)], THIN)]


def bolt(cx, cy, s=1.0, fill="#000"):
    pts = [(cx + 10 * s, cy - 60 * s), (cx - 26 * s, cy + 6 * s), (cx - 2 * s, cy + 6 * s),
           (cx - 12 * s, cy + 60 * s), (cx + 28 * s, cy - 10 * s), (cx + 4 * s, cy - 10 * s)]
    return [poly(pts, fill, 5)]


def wave(x0, x1, y, amp, n, w=INK):
    pts = []
    steps = int(n * 16)
    for i in range(steps + 1):
        t = i / steps
        pts.append((x0 + (x1 - x0) * t, y - amp * math.sin(t * n * 2 * math.pi)))
    return [line(pts, w)]


def lungs(cx, cy, s=1.0):
    out = []
    for k in (-1, 1):
        pts = [(cx + k * 12 * s, cy - 40 * s), (cx + k * 40 * s, cy - 48 * s), (cx + k * 62 * s, cy),
               (cx + k * 58 * s, cy + 46 * s), (cx + k * 14 * s, cy + 40 * s)]
        d = f"M{_p([pts[0]])} Q{_p([(cx + k * 30 * s, cy - 58 * s)])} {_p([pts[1]])} Q{_p([(cx + k * 64 * s, cy - 34 * s)])} {_p([pts[2]])} Q{_p([(cx + k * 66 * s, cy + 30 * s)])} {_p([pts[3]])} Q{_p([(cx + k * 30 * s, cy + 56 * s)])} {_p([pts[4]])}Z"
        out.append(f'<path d="{d}" fill="{GREY}" stroke="#000" stroke-width="{fmt(INK)}"/>')
    out.append(line([(cx, cy - 74 * s), (cx, cy - 30 * s)], INK))
    out.append(line([(cx - 24 * s, cy - 12 * s), (cx, cy - 32 * s), (cx + 24 * s, cy - 12 * s)], THIN + 1))
    return out


def heart(cx, cy, s=1.0, fill=GREY):
    d = (f"M{_p([(cx, cy + 46 * s)])} C{_p([(cx - 70 * s, cy)])} {_p([(cx - 40 * s, cy - 56 * s)])} {_p([(cx, cy - 22 * s)])} C{_p([(cx + 40 * s, cy - 56 * s)])} {_p([(cx + 70 * s, cy)])} {_p([(cx, cy + 46 * s)])}Z")
    return [f'<path d="{d}" fill="{fill}" stroke="#000" stroke-width="{fmt(INK)}"/>']


def check(cx, cy, s=1.0):
    return [line([(cx - 26 * s, cy), (cx - 6 * s, cy + 22 * s), (cx + 30 * s, cy - 24 * s)], INK * 1.4)]


def spring(x, y0, y1, w, turns):
    pts = [(x, y0)]
    n = turns * 2
    for i in range(1, n):
        pts.append((x + (w / 2 if i % 2 else -w / 2), y0 + (y1 - y0) * i / n))
    pts.append((x, y1))
    return [line([(x - w * 0.7, y0), (x + w * 0.7, y0)], INK), line(pts, THIN + 1),
            line([(x - w * 0.7, y1), (x + w * 0.7, y1)], INK)]


def stairs(x0, y0, step_w, step_h, n):
    """Staircase going up to the right; (x0, y0) = bottom left."""
    pts = [(x0, y0)]
    x, y = x0, y0
    for _ in range(n):
        pts.append((x, y - step_h))
        y -= step_h
        pts.append((x + step_w, y))
        x += step_w
    pts.append((x, y0))
    return [poly(pts, GREY, THIN + 1)]


def flag(x, y, s=1.0):
    return [line([(x, y), (x, y - 56 * s)], THIN + 1),
            poly([(x + 2, y - 56 * s), (x + 34 * s, y - 46 * s), (x + 2, y - 36 * s)], "#000", 3)]


def clock(cx, cy, r, h=10, m=2):
    out = [circle(cx, cy, r, "#fff")]
    for i in range(12):
        a = math.radians(i * 30)
        out.append(line([(cx + (r - 10) * math.sin(a), cy - (r - 10) * math.cos(a)),
                         (cx + (r - 6) * math.sin(a), cy - (r - 6) * math.cos(a))], 3))
    ah = math.radians((h % 12) * 30 + m * 0.5)
    am = math.radians(m * 6)
    out.append(line([(cx, cy), (cx + r * 0.45 * math.sin(ah), cy - r * 0.45 * math.cos(ah))], 6))
    out.append(line([(cx, cy), (cx + r * 0.7 * math.sin(am), cy - r * 0.7 * math.cos(am))], 4))
    return out


def note(cx, cy, s=1.0):
    """A music note (symbol, not text)."""
    return [circle(cx - 10 * s, cy + 26 * s, 11 * s, "#000", 0),
            line([(cx, cy + 26 * s), (cx, cy - 34 * s), (cx + 22 * s, cy - 20 * s)], THIN + 1)]


def loop_arrow(cx, cy, r, a0, a1):
    return arrow(arc_pts(cx, cy, r, a0, a1), 5, 14)


def straight_arrow(x0, y0, x1, y1, w=5.0, head=14.0, double=False):
    return arrow([(x0, y0), (x1, y1)], w, head, double)


def pacing_graph(x0, y0, x1, y1):
    """Boom-bust (dashed, jagged) versus steady build-up (solid steps)."""
    out = axes(x0, y0, x1, y1)
    w = x1 - x0
    jag = [(x0 + 6, y1 - 30), (x0 + w * 0.14, y0 + 20), (x0 + w * 0.24, y1 - 14), (x0 + w * 0.4, y0 + 10),
           (x0 + w * 0.5, y1 - 10), (x0 + w * 0.66, y0 + 16), (x0 + w * 0.76, y1 - 12), (x0 + w * 0.92, y0 + 24)]
    out.append(line(jag, THIN, dash="9 9"))
    steps = [(x0 + 6, y1 - 44)]
    lvl = y1 - 44
    for i in range(1, 6):
        x = x0 + w * 0.18 * i
        steps.append((x, lvl))
        lvl -= 16
        steps.append((x, lvl))
    steps.append((x1 - 12, lvl))
    out.extend(arrow(steps, INK, 16))
    return out


def recovery_graph(x0, y0, x1, y1):
    """Up and down, but going up over time; a flag at the end."""
    out = axes(x0, y0, x1, y1)
    pts = []
    n = 60
    for i in range(n + 1):
        t = i / n
        y = y1 - 20 - t * (y1 - y0 - 70) - 16 * math.sin(t * 3.3 * 2 * math.pi) * (0.6 + 0.4 * t)
        pts.append((x0 + 10 + t * (x1 - x0 - 50), y))
    out.append(line(pts, INK))
    out.extend(flag(pts[-1][0] + 4, pts[-1][1] - 6, 0.9))
    return out


def timeline(x0, x1, y, blocks):
    """Day bar: (length, kind) blocks; kind 'work' = black, 'rest' = grey."""
    out = [line([(x0, y + 36), (x1, y + 36)], THIN)]
    total = sum(b[0] for b in blocks)
    x = x0
    for length, kind in blocks:
        w = (x1 - x0) * length / total
        h = 56 if kind == "work" else 24
        fill = "#000" if kind == "work" else GREY
        out.append(f'<rect x="{fmt(x + 4)}" y="{fmt(y + 30 - h)}" width="{fmt(w - 8)}" height="{fmt(h)}" fill="{fill}" stroke="#000" stroke-width="4"/>')
        x += w
    return out


SHAPES = {name: fn for name, fn in list(globals().items())
          if callable(fn) and not name.startswith("_") and name not in ("fmt",)}


def draw(elements):
    out = []
    for el in elements:
        out.extend(SHAPES[el[0]](*el[1:]))
    return "\n".join(out)


ILLUSTRATIONS = {
    "education.what-is-pain": {"pictogram": [
        ("brain", 250, 108, 1.1),
        ("arrow", [(40, 200), (70, 170), (94, 190), (124, 150), (146, 166), (168, 128)], 6, 18)]},
    "education.pain-alarm": {"pictogram": [
        ("bell", 150, 112, 1.05), ("dial", 310, 150, 52, 0.9)]},
    "education.pain-traffic-light": {"pictogram": [("traffic_light", 150, 120, 1.05)]},
    "education.sleep": {"pictogram": [
        ("moon", 190, 122, 72), ("star", 290, 70, 12), ("star", 316, 130, 9), ("star", 268, 176, 7)]},
    "education.own-goals": {"pictogram": [("target", 190, 124, 84)]},
    "education.pacing": {"pictogram": [("pacing_graph", 80, 30, 330, 212)]},
    "education.flare-ups": {"pictogram": [
        ("bolt", 110, 120, 1.3), ("straight_arrow", 170, 120, 228, 120, 6, 18),
        ("wave", 250, 340, 122, 14, 1.5)]},
    "education.breathing-and-nerves": {"pictogram": [
        ("lungs", 160, 126, 1.15), ("wave", 262, 350, 124, 12, 1.5)]},
    "education.neuroplasticity": {"pictogram": [
        ("brain", 196, 110, 0.95),
        ("loop_arrow", 196, 118, 112, 150, 30), ("loop_arrow", 196, 118, 112, -30, -150)]},
    "education.stress-and-tension": {"pictogram": [
        ("spring", 120, 66, 178, 56, 6), ("bell", 270, 116, 0.95)]},
    "education.what-to-expect": {"pictogram": [("recovery_graph", 80, 24, 330, 214)]},
    "daily.back-to-activity": {"pictogram": [("stairs", 96, 214, 42, 30, 5), ("flag", 318, 64, 1.1)]},
    "daily.enjoyable-activity": {"pictogram": [("heart", 170, 124, 1.35), ("note", 292, 112, 1.2)]},
    "daily.spread-the-load": {"pictogram": [
        ("timeline", 40, 360, 150, [(3, "work"), (1, "rest"), (3, "work"), (1, "rest"), (2, "work"), (1, "rest")]),
        ("clock", 200, 66, 44, 10, 10)]},
}
