"""Movement arrows: straight, curved, arcs and waves, with filled heads."""

import math

from fig_geometry import bbox_pts, fmt, path_d, wave_points

# ----------------------------------------------------------------------------
# Arrows (panel coordinates)
ARROW_W = 4.2
HEAD_L = 12.0
HEAD_HW = 7.5




def arrow_points(spec, ref):
    """Polyline approximating the arrow path; ``ref`` resolves named points."""
    if "wave" in spec:
        w = spec["wave"]
        return wave_points(ref(w["from"]), ref(w["to"]), w.get("amp", 3.0), w.get("n", 2))
    if "arc" in spec:
        a = spec["arc"]
        c = ref(a["center"])
        r = a["r"]
        a0, a1 = a["from"], a["to"]
        ry_ = a.get("ry", r)
        n = max(8, int(abs(a1 - a0) / 6))
        return [(c[0] + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
                 c[1] + ry_ * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]
    p0, p1 = ref(spec["from"]), ref(spec["to"])
    bend = spec.get("bend", 0.0)
    if not bend:
        return [p0, p1]
    mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
    dx, dy = p1[0] - p0[0], p1[1] - p0[1]
    c = (mx - dy * bend * 2, my + dx * bend * 2)  # control point (left of travel for bend > 0)
    n = 16
    return [((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0],
             (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1])
            for t in (i / n for i in range(n + 1))]


def _trim_end(pts, amount):
    pts = list(pts)
    while len(pts) >= 2:
        (x0, y0), (x1, y1) = pts[-2], pts[-1]
        L = math.hypot(x1 - x0, y1 - y0)
        if L > amount:
            t = (L - amount) / L
            pts[-1] = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
            return pts
        amount -= L
        pts.pop()
    return pts


def _end_dir(pts):
    (x0, y0), (x1, y1) = pts[-2], pts[-1]
    i = len(pts) - 2
    while math.hypot(x1 - x0, y1 - y0) < 3 and i > 0:
        i -= 1
        x0, y0 = pts[i]
    L = math.hypot(x1 - x0, y1 - y0) or 1.0
    return (x1 - x0) / L, (y1 - y0) / L


def arrow_items(canvas, pts, double=False, layer=4):
    pts = list(pts)
    heads = []
    body = pts
    ends = [False] + ([True] if double else [])
    for rev in ends:
        seq = body[::-1] if rev else body
        ux, uy = _end_dir(seq)
        tip = seq[-1]
        heads.append((tip, ux, uy))
        seq = _trim_end(seq, HEAD_L * 0.7)
        body = seq[::-1] if rev else seq

    def build(T):
        d = path_d([T(q) for q in body])
        out = [f'<path d="{d}" stroke="#fff" stroke-width="{fmt(ARROW_W + 4)}"/>']
        tri = []
        for (tip, ux, uy) in heads:
            bx, by = tip[0] - ux * HEAD_L, tip[1] - uy * HEAD_L
            tri.append([tip, (bx - uy * HEAD_HW, by + ux * HEAD_HW), (bx + uy * HEAD_HW, by - ux * HEAD_HW)])
        for t in tri:
            out.append(f'<path d="{path_d([T(q) for q in t], True)}" fill="#fff" stroke="#fff" stroke-width="4"/>')
        out.append(f'<path d="{d}" stroke="#000" stroke-width="{fmt(ARROW_W)}"/>')
        for t in tri:
            out.append(f'<path d="{path_d([T(q) for q in t], True)}" fill="#000" stroke="#000" stroke-width="1.5"/>')
        return out
    allp = list(pts)
    canvas.add(layer, 0, build, bbox_pts(allp, HEAD_HW))
