"""Painting figures and props as SVG fragments: camera, depth order, halos, ghosts."""

import math

from fig_geometry import (
    GREY,
    HALO,
    HEAD_R,
    LW,
    PROP_W,
    TW,
    VIEWS,
    add,
    bbox_pts,
    fmt,
    lerp,
    mm,
    mul,
    mv,
    path_d,
    rx,
    ry,
    sub,
    wave_points,
)


# ----------------------------------------------------------------------------
# Drawing
class Camera:
    def __init__(self, view):
        if isinstance(view, str):
            yaw, pitch = VIEWS[view]
        else:
            yaw, pitch = view.get("yaw", 0.0), view.get("pitch", 0.0)
        self.m = mm(rx(pitch), ry(yaw))
        self.flat = abs(pitch) < 1e-6

    def p(self, v):
        q = mv(self.m, v)
        return (q[0], q[1], q[2])




class Canvas:
    """Collects drawing items in panel coordinates (x right, y up)."""

    def __init__(self):
        self.items = []   # (layer, depth, seq, svg-fragment-builder)
        self.seq = 0
        self.bounds = []  # (x0, y0, x1, y1)

    def add(self, layer, depth, fn, bounds=None):
        self.items.append((layer, depth, self.seq, fn))
        self.seq += 1
        if bounds:
            self.bounds.append(bounds)

    def emit(self, T, backdrop=False):
        """SVG fragments in drawing order; decides which figure parts get a white halo."""
        out = []
        drawn = []
        for layer, depth, _seq, fn in sorted(self.items, key=lambda it: (it[0], it[1], it[2])):
            if layer == 2:
                halo = any(d < depth - 3 for d in drawn) or (
                    backdrop and not any(abs(d - depth) <= 3 for d in drawn))
                drawn.append(depth)
                out.extend(fn(T, halo))
            else:
                out.extend(fn(T))
        return out




def trunk_outline(fig, cam):
    """Points of the trunk polygon, projected; collapses to a line in side view."""
    p = fig.pts
    P, M, N = p["pelvis"], p["mid"], p["neck"]
    sh_mid = lerp(p["shoulder_r"], p["shoulder_l"], 0.5)
    wh = sub(p["hip_r"], P)
    ws = mul(sub(p["shoulder_r"], p["shoulder_l"]), 0.5)
    ctrl = sub(mul(M, 2.0), lerp(P, sh_mid, 0.5))
    right, left, spine = [], [], []
    n = 6
    for i in range(n + 1):
        t = i / n
        c = add(mul(P, (1 - t) ** 2), mul(ctrl, 2 * (1 - t) * t), mul(sh_mid, t * t))
        w = mul(lerp(wh, ws, t), 0.5)
        right.append(cam.p(add(c, w)))
        left.append(cam.p(sub(c, w)))
        spine.append(cam.p(c))
    return right + left[::-1], spine, cam.p(N)


def figure_items(canvas, fig, cam, ghost_parts=None):
    """Add a figure (or, with ghost_parts, the dashed outline of some parts)."""
    p = fig.pts
    P = {k: cam.p(v) for k, v in p.items()}

    def xy(q):
        return (q[0], q[1])

    items = []
    # trunk + neck
    poly, spine, neck = trunk_outline(fig, cam)
    head = P["head"]
    neck_top = lerp(neck, head, 0.75)
    items.append(("trunk", (poly[len(poly) // 2][2] + poly[0][2]) / 2 - 0.5,
                  [("poly", [xy(q) for q in poly], TW), ("line", [xy(neck), xy(neck_top)], LW + 1)]))
    # head with a small nose to show the facing direction
    nose_dir = mv(cam.m, mv(fig.rh, (1, -0.15, 0)))
    hv = (nose_dir[0], nose_dir[1])
    hl = math.hypot(*hv)
    head_parts = [("circle", xy(head), HEAD_R)]
    if hl > 0.35:
        ux, uy = hv[0] / hl, hv[1] / hl
        k = min(1.0, hl)
        a = (head[0] + ux * HEAD_R * 0.5, head[1] + uy * HEAD_R * 0.5)
        b = (head[0] + ux * (HEAD_R + 3.0 * k), head[1] + uy * (HEAD_R + 3.0 * k))
        head_parts.append(("nose", [a, b], 5.0))
    items.append(("head", head[2] + 0.5, head_parts))
    for s in ("r", "l"):
        arm = [P["shoulder_" + s], P["elbow_" + s], P["hand_" + s]]
        parts = [("limb", [xy(q) for q in arm], LW)]
        if fig.weights:
            lat = mv(cam.m, fig.dirs["handlat_" + s])
            h = P["hand_" + s]
            a = (h[0] - lat[0] * 9, h[1] - lat[1] * 9)
            b = (h[0] + lat[0] * 9, h[1] + lat[1] * 9)
            parts.insert(0, ("weight", [a, b], 0))
        items.append(("arm_" + s, sum(q[2] for q in arm) / 3, parts))
        leg = [P["hip_" + s], P["knee_" + s], P["ankle_" + s]]
        foot = [P["heel_" + s], P["toe_" + s]]
        items.append(("leg_" + s, sum(q[2] for q in leg + foot) / 5,
                      [("limb", [xy(q) for q in leg], LW), ("foot", [xy(q) for q in foot], LW)]))
    for name, depth, parts in items:
        if ghost_parts is not None and name not in ghost_parts and "all" not in ghost_parts:
            continue
        pts_all = []
        for kind, data, w in parts:
            if kind == "circle":
                pts_all.append((data[0] - w, data[1] - w))
                pts_all.append((data[0] + w, data[1] + w))
            elif kind == "weight":
                for q in data:
                    pts_all.extend([(q[0] - 7, q[1] - 7), (q[0] + 7, q[1] + 7)])
            else:
                pts_all.extend(data)
        bounds = bbox_pts(pts_all, TW / 2 if name == "trunk" else LW / 2)
        if ghost_parts is not None:
            canvas.add(1, depth, _ghost_fn(name, parts), bounds)
        else:
            canvas.add(2, depth, _solid_fn(name, parts), bounds)


def _shorten_start(pts, amount):
    """Drop ``amount`` units from the start of a polyline (for halos at joints)."""
    if len(pts) < 2:
        return pts
    (x0, y0), (x1, y1) = pts[0], pts[1]
    L = math.hypot(x1 - x0, y1 - y0)
    if L <= amount + 1:
        return pts[1:] if len(pts) > 2 else [pts[1], pts[1]]
    t = amount / L
    return [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)] + pts[1:]


def _solid_fn(name, parts):
    def build(T, use_halo=True):
        halo, ink = [], []
        for kind, data, w in parts:
            pts = [T(q) for q in data] if kind != "circle" else None
            if kind == "poly":
                d = path_d(pts, closed=True)
                ink.append(f'<path d="{d}" fill="#000" stroke="#000" stroke-width="{fmt(w)}"/>')
            elif kind == "circle":
                c = T(data)
                halo.append(f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(w + HALO / 2)}" fill="#fff"/>')
                ink.append(f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(w)}" fill="#000"/>')
            elif kind == "nose":
                ink.append(f'<path d="{path_d(pts)}" stroke="#000" stroke-width="{fmt(w)}"/>')
            elif kind == "weight":
                ink.append(f'<path d="{path_d(pts)}" stroke="#000" stroke-width="4"/>')
                for c in pts:
                    ink.append(f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="6.5" fill="{GREY}" stroke="#000" stroke-width="{fmt(PROP_W)}"/>')
            else:
                hp = _shorten_start(pts, 9.0) if kind == "limb" else pts
                halo.append(f'<path d="{path_d(hp)}" stroke="#fff" stroke-width="{fmt(w + HALO)}"/>')
                ink.append(f'<path d="{path_d(pts)}" stroke="#000" stroke-width="{fmt(w)}"/>')
        return (halo if use_halo else []) + ink
    return build


def _ghost_fn(name, parts):
    def build(T):
        out = []
        for kind, data, w in parts:
            if kind == "circle":
                c = T(data)
                out.append(f'<circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(w - 1)}" fill="#fff" stroke="#000" stroke-width="2.5" '
                           'stroke-dasharray="4 3.5"/>')
                continue
            if kind == "weight":
                continue
            pts = [T(q) for q in data]
            d = path_d(pts, closed=(kind == "poly"))
            ww = w if kind != "poly" else w
            out.append(f'<path d="{d}" stroke="#000" stroke-width="{fmt(ww + 1)}" stroke-dasharray="4.5 4"/>')
            out.append(f'<path d="{d}" stroke="#fff" stroke-width="{fmt(ww - 3.5)}"/>')
        return out
    return build


def prop_items(canvas, prop, cam):
    layer = 3 if prop.front else 0
    for (x0, x1, y0, y1, z0, z1, fill) in prop.boxes:
        corners = {}
        for i, x in enumerate((x0, x1)):
            for j, y in enumerate((y0, y1)):
                for k, z in enumerate((z0, z1)):
                    corners[(i, j, k)] = cam.p((x, y, z))
        faces = [((0, -1), ((0, 0, 0), (0, 1, 0), (0, 1, 1), (0, 0, 1))),
                 ((0, 1), ((1, 0, 0), (1, 1, 0), (1, 1, 1), (1, 0, 1))),
                 ((1, -1), ((0, 0, 0), (1, 0, 0), (1, 0, 1), (0, 0, 1))),
                 ((1, 1), ((0, 1, 0), (1, 1, 0), (1, 1, 1), (0, 1, 1))),
                 ((2, -1), ((0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0))),
                 ((2, 1), ((0, 0, 1), (1, 0, 1), (1, 1, 1), (0, 1, 1)))]
        vis = []
        for (axis, sign), idx in faces:
            nrm = [0.0, 0.0, 0.0]
            nrm[axis] = float(sign)
            nz = mv(cam.m, tuple(nrm))[2]
            if nz > 1e-6:
                vis.append([(corners[c][0], corners[c][1]) for c in idx])
        depth = cam.p(((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2))[2]
        allpts = [v[:2] for v in corners.values()]
        bounds = None if prop.tall else bbox_pts(allpts, PROP_W)
        if prop.tall:
            xs = [q[0] for q in allpts]
            bounds = (min(xs) - 2, 0.0, max(xs) + 2, 0.0)

        def build(T, vis=vis, fill=fill, tall=prop.tall):
            if tall:  # walls end at the top edge (some SVG renderers do not clip to the viewBox)
                T0 = T

                def T(q):
                    x, y = T0(q)
                    return (x, max(y, 1.5))
            if fill.endswith(":none"):   # area without outline (water)
                return [f'<path d="{path_d([T(q) for q in f], closed=True)}" fill="{fill[:-5]}"/>'
                        for f in vis]
            return [f'<path d="{path_d([T(q) for q in f], closed=True)}" fill="{fill}" stroke="#000" stroke-width="{fmt(PROP_W)}"/>' for f in vis]
        canvas.add(layer, -1000 + depth, build, bounds)
        if prop.support and cam.flat and not prop.front:
            def reink(T, vis=vis):
                return [f'<path d="{path_d([T(q) for q in f], closed=True)}" stroke="#000" stroke-width="{fmt(PROP_W)}"/>' for f in vis]
            canvas.add(3, depth, reink)
    for (c, r, fill) in prop.circles:
        pc = cam.p(c)

        def build(T, pc=pc, r=r, fill=fill):
            q = T(pc[:2])
            if fill:
                return [f'<circle cx="{fmt(q[0])}" cy="{fmt(q[1])}" r="{fmt(r)}" fill="{fill}"/>']
            return [f'<circle cx="{fmt(q[0])}" cy="{fmt(q[1])}" r="{fmt(r)}" stroke="#000" stroke-width="3.5"/>']
        canvas.add(layer, -1000 + pc[2], build, bbox_pts([pc], r + 2))
    for (x0, x1, y, _z) in prop.waves:
        pts = wave_points((x0, y), (x1, y), 3.0, max(2, int((x1 - x0) / 24)))

        def build(T, pts=pts):
            return [f'<path d="{path_d([T(q) for q in pts])}" stroke="#000" stroke-width="3"/>']
        canvas.add(3, 0, build, bbox_pts(pts, 2))
    for (a, b, w) in prop.lines:
        pa, pb = cam.p(a), cam.p(b)

        def build(T, pa=pa, pb=pb, w=w):
            return [f'<path d="{path_d([T(pa[:2]), T(pb[:2])])}" stroke="#000" stroke-width="{fmt(w)}"/>']
        canvas.add(layer, -1000 + (pa[2] + pb[2]) / 2 - 0.01, build, bbox_pts([pa, pb], w / 2))


def band_items(canvas, pts2d):
    def build(T):
        d = path_d([T(q) for q in pts2d])
        return [f'<path d="{d}" stroke="#fff" stroke-width="6.5"/>',
                f'<path d="{d}" stroke="#000" stroke-width="2.8"/>']
    canvas.add(3, 0, build, bbox_pts(pts2d, 2))
