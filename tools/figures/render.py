#!/usr/bin/env python3
"""(Re)write every exercise illustration into resources/illustrations/.

    python tools/figures/render.py            # write all SVGs
    python tools/figures/render.py KEY...     # only these keys
    python tools/figures/render.py --check    # exit 1 if a file would change
    python tools/figures/render.py --out=DIR  # write elsewhere (previews)

Pose data: tools/figures/poses_*.py (figures, format in pose_base.py), tools/figures/pictograms.py
(education pictograms).  Engine: tools/figures/figlib.py.  Standard library only.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import figlib as F  # noqa: E402
import pictograms  # noqa: E402
import poses  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(ROOT, "resources", "illustrations")
MARGIN = 8.0
GAP = 40.0


def render_panel(panel):
    cam = F.Camera(panel.get("view", "side"))
    canvas = F.Canvas()
    anchors = {}
    props = []
    for spec in panel.get("props", []):
        pr = F.Prop(spec)
        props.append(pr)
        name = spec.get("name", spec["type"])
        for k, v in pr.anchors.items():
            anchors[name + "." + k] = v
    for pr in props:
        F.prop_items(canvas, pr, cam)
    figs = {}
    if "figure" in panel:
        figs[""] = F.Figure(panel["figure"], anchors)
        F.figure_items(canvas, figs[""], cam)
    if "ghost" in panel:
        g = dict(panel["figure"])
        g.update(panel["ghost"])
        figs["g:"] = F.Figure(g, anchors)
        F.figure_items(canvas, figs["g:"], cam, ghost_parts=panel.get("ghost_parts", ["all"]))

    def ref(spec):
        if isinstance(spec, dict):
            base = ref(spec["at"])
            return (base[0] + spec.get("dx", 0.0), base[1] + spec.get("dy", 0.0))
        if isinstance(spec, str):
            for prefix in ("g:", ""):
                if prefix and spec.startswith(prefix):
                    p = cam.p(figs[prefix].point(spec[len(prefix):]))
                    return (p[0], p[1])
            if "." in spec:
                p = cam.p(anchors[spec])
                return (p[0], p[1])
            p = cam.p(figs[""].point(spec))
            return (p[0], p[1])
        if len(spec) == 3:
            p = cam.p(tuple(spec))
            return (p[0], p[1])
        return (float(spec[0]), float(spec[1]))

    for band in panel.get("bands", []):
        F.band_items(canvas, [ref(q) for q in band])
    for a in panel.get("arrows", []):
        F.arrow_items(canvas, F.arrow_points(a, ref), double=a.get("double", False))
    for m in panel.get("marks", []):
        c = ref(m["at"])
        r = m.get("r", 24.0)

        def build(T, c=c, m=m):
            q = T(c)
            return pictograms.draw([(m["shape"], q[0], q[1], *m.get("args", []))]).split("\n")
        canvas.add(4, 0, build, (c[0] - r, c[1] - r, c[0] + r, c[1] + r))
    b = canvas.bounds
    box = [min(q[0] for q in b), min(q[1] for q in b), max(q[2] for q in b), max(q[3] for q in b)]
    if panel.get("floor", cam.flat):
        x0, x1 = box[0] - 5, box[2] + 5
        fx = panel.get("floor_x")
        if fx:
            x0, x1 = fx

        def floor(T, x0=x0, x1=x1):
            return [f'<path d="{F.path_d([T((x0, -1.5)), T((x1, -1.5))])}" stroke="#000" stroke-width="3"/>']
        canvas.add(3, -1, floor)
        box[0], box[2] = min(box[0], x0 - 2), max(box[2], x1 + 2)
        box[1] = min(box[1], -3.0)
    canvas.backdrop = any(not pr.support and not pr.front for pr in props)
    return canvas, box


def render_illustration(key, spec):
    if "pictogram" in spec:
        body = pictograms.draw(spec["pictogram"])
        return svg_wrap(body)
    panels = [render_panel(p) for p in spec["panels"]]
    between = spec.get("between", "->" if len(panels) > 1 else None)
    widths = [bx[2] - bx[0] for _, bx in panels]
    total = sum(widths) + GAP * (len(panels) - 1)
    if total > F.CANVAS_W - 2 * MARGIN + 0.01:
        raise ValueError(f"{key}: too wide ({total:.0f} units)")
    ymin = min(bx[1] for _, bx in panels)
    ymax = max(bx[3] for _, bx in panels)
    h = ymax - ymin
    if h > F.CANVAS_H - 2 * MARGIN + 0.01:
        raise ValueError(f"{key}: too tall ({h:.0f} units)")
    top = (F.CANVAS_H - h) / 2.0
    floor_y = top + ymax
    x = spec.get("panels_x", (F.CANVAS_W - total) / 2.0)
    if "panels_x" in spec and x + total > F.CANVAS_W - MARGIN + 0.01:
        raise ValueError(f"{key}: panels run off the right edge")
    out = []
    for i, (canvas, bx) in enumerate(panels):
        ox = x - bx[0]

        def T(q, ox=ox):
            return (ox + q[0], floor_y - q[1])
        out.extend(canvas.emit(T, canvas.backdrop))
        x += widths[i]
        if i < len(panels) - 1 and between:
            nb = panels[i + 1][1]
            lo = max(bx[1], nb[1], 0.0)
            hi = min(bx[3], nb[3])
            ym = spec.get("between_y", (lo + hi) / 2.0)
            c = F.Canvas()
            if between == "<->":   # back and forth: two half arrows
                F.arrow_items(c, [(x + 8, floor_y - ym - 5), (x + GAP - 8, floor_y - ym - 5)])
                F.arrow_items(c, [(x + GAP - 8, floor_y - ym + 5), (x + 8, floor_y - ym + 5)])
            else:
                F.arrow_items(c, [(x + 9, floor_y - ym), (x + GAP - 9, floor_y - ym)])
            for _, _, _, fn in c.items:
                out.extend(fn(lambda q: q))
            x += GAP
    if "overlay" in spec:
        out.append(pictograms.draw(spec["overlay"]))
    return svg_wrap("\n".join(out))


def svg_wrap(body):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {F.fmt(F.CANVAS_W)} {F.fmt(F.CANVAS_H)}">\n'
            f'<rect width="{F.fmt(F.CANVAS_W)}" height="{F.fmt(F.CANVAS_H)}" fill="#fff"/>\n'
            f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">\n{body}\n</g>\n</svg>\n')


def all_specs():
    specs = {}
    specs.update(poses.ILLUSTRATIONS)
    for k, v in pictograms.ILLUSTRATIONS.items():
        if k in specs:
            raise ValueError("duplicate key " + k)
        specs[k] = v
    return dict(sorted(specs.items()))


def render_all():
    """Return {file name: SVG text} for every illustration."""
    return {key + ".svg": render_illustration(key, spec) for key, spec in all_specs().items()}


def main(argv):
    check = "--check" in argv
    out_dir = OUT_DIR
    for a in argv:
        if a.startswith("--out="):
            out_dir = a[len("--out="):]
    keys = [a for a in argv if not a.startswith("--")]
    specs = all_specs()
    if keys:
        specs = {k: specs[k] for k in keys}
    os.makedirs(out_dir, exist_ok=True)
    changed = 0
    errors = []
    for key, spec in specs.items():
        try:
            text = render_illustration(key, spec)
        except ValueError as e:
            errors.append(str(e))
            continue
        path = os.path.join(out_dir, key + ".svg")
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old != text.encode("utf-8"):
            changed += 1
            if not check:
                with open(path, "wb") as f:
                    f.write(text.encode("utf-8"))
    verb = "would change" if check else "written"
    print(f"{len(specs)} illustrations, {changed} {verb}")
    for e in errors:
        print("ERROR", e)
    return 1 if (errors or (check and changed)) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
