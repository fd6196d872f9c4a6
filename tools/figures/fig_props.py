"""Props (chair, wall, mat, ...) as 3D boxes, lines and circles with named anchor points."""

from fig_geometry import GREY


# ----------------------------------------------------------------------------
# Props: 3D boxes and lines, with named anchor points
class Prop:
    def __init__(self, spec):
        self.spec = spec
        self.kind = spec["type"]
        self.boxes = []     # (x0, x1, y0, y1, z0, z1, fill)
        self.lines = []     # (p0, p1, width)
        self.circles = []   # (center, r, fill) drawn in the picture plane
        self.waves = []     # (x0, x1, y, z) water line, drawn in front
        self.anchors = {}
        self.front = bool(spec.get("front", False))
        self.support = self.kind in ("mat", "step", "cushion", "line", "towel")
        self.tall = False
        getattr(self, "_" + self.kind.replace("-", "_"))(spec)

    def box(self, x0, x1, y0, y1, z0, z1, fill=GREY):
        self.boxes.append((min(x0, x1), max(x0, x1), y0, y1, z0, z1, fill))

    # chair: ``x`` = front edge of the seat, ``face`` = +1 seat opens to the right
    def _chair(self, s):
        x, f, z = s.get("x", 0.0), s.get("face", 1), s.get("z", 0.0)
        seat, depth, back, half = 41.0, 34.0, 40.0, 15.0
        bx = x - f * depth
        self.box(x, bx, seat - 4, seat, z - half, z + half)
        self.box(bx, bx - f * 4, seat, seat + back, z - half, z + half)
        for lx in (x - f * 3, bx - f * 2):
            for lz in (z - half + 2, z + half - 2):
                self.lines.append(((lx, 0, lz), (lx, seat - 4, lz), 3.0))
        self.anchors["seat"] = (x - f * 19, seat, z)
        self.anchors["front"] = (x, seat, z)
        self.anchors["back"] = (bx - f * 2, seat + back + 1, z)
        if s.get("arms"):   # armrests on both sides, 20 above the seat
            for az in (z - half - 2, z + half + 2):
                self.box(x, bx, seat + 16, seat + 22, az - 2, az + 2)
                self.lines.append(((x - f * 4, seat, az), (x - f * 4, seat + 16, az), 3.5))
            self.anchors["arm"] = (x - f * 4, seat + 22, z + half + 2)

    # grab rail on the wall behind the figure: a bar at height ``h`` on two short brackets
    def _rail(self, s):
        x0, x1, h, z = s.get("x0", -30.0), s.get("x1", 60.0), s.get("h", 90.0), s.get("z", -30.0)
        for x in (x0 + 8, x1 - 8):
            self.lines.append(((x, h - 9, z), (x, h, z), 4.0))
        self.lines.append(((x0, h, z), (x1, h, z), 6.0))
        self.anchors["top"] = ((x0 + x1) / 2, h + 3, z)

    # counter (kitchen worktop): block from x0 to x1
    def _counter(self, s):
        x0, x1 = s.get("x0", 0.0), s.get("x1", 40.0)
        z0, z1 = s.get("z0", -30.0), s.get("z1", 30.0)
        h = 78.0
        self.box(x0, x1, 0, h - 5, z0 + 3, z1)
        self.box(x0 - 3, x1 + 3, h - 5, h, z0, z1 + 2)
        self.anchors["top"] = ((x0 + x1) / 2, h, (z0 + z1) / 2)
        self.anchors["edge0"] = (x0 - 3, h, (z0 + z1) / 2)
        self.anchors["edge1"] = (x1 + 3, h, (z0 + z1) / 2)

    # table: top with legs
    def _table(self, s):
        x0, x1 = s.get("x0", 0.0), s.get("x1", 60.0)
        z0, z1 = s.get("z0", -25.0), s.get("z1", 25.0)
        h = 70.0
        self.box(x0, x1, h - 5, h, z0, z1)
        for lx in (x0 + 4, x1 - 4):
            for lz in (z0 + 3, z1 - 3):
                self.lines.append(((lx, 0, lz), (lx, h - 5, lz), 3.0))
        self.anchors["top"] = ((x0 + x1) / 2, h, (z0 + z1) / 2)
        self.anchors["edge0"] = (x0, h, (z0 + z1) / 2)
        self.anchors["edge1"] = (x1, h, (z0 + z1) / 2)

    # wall: its face at x; ``side`` = -1 wall extends to the left of x
    def _wall(self, s):
        x, side = s.get("x", 0.0), s.get("side", 1)
        self.box(x, x + side * 7, 0, s.get("h", 400.0), -40, 40)
        self.anchors["face"] = (x, 0.0, 0.0)
        self.tall = True

    def _mat(self, s):
        x0, x1 = s.get("x0", -80.0), s.get("x1", 80.0)
        z0, z1 = s.get("z0", -22.0), s.get("z1", 22.0)
        self.box(x0, x1, 0, 4, z0, z1)
        self.anchors["top"] = ((x0 + x1) / 2, 4.0, 0.0)

    def _step(self, s):
        x0, x1, h = s.get("x0", 0.0), s.get("x1", 45.0), s.get("h", 16.0)
        self.box(x0, x1, 0, h, -25, 25)
        self.anchors["top"] = ((x0 + x1) / 2, h, 0.0)

    def _cushion(self, s):
        x0, x1 = s.get("x0", -25.0), s.get("x1", 25.0)
        y0 = s.get("y0", 0.0)
        h = s.get("h", 9.0)
        z0, z1 = s.get("z0", -22.0), s.get("z1", 22.0)
        self.box(x0, x1, y0, y0 + h, z0, z1)
        self.anchors["top"] = ((x0 + x1) / 2, y0 + h, 0.0)

    def _line(self, s):  # tape line on the floor
        x, w, half = s.get("x", 0.0), s.get("w", 10.0), s.get("len", 20.0)
        self.box(x - w / 2, x + w / 2, 0, 2.5, -half, half, "#000")

    def _bed(self, s):
        x0, x1 = s.get("x0", -90.0), s.get("x1", 90.0)
        h = 30.0
        self.box(x0, x1, h - 12, h, -30, 30)                  # mattress
        self.box(x0 - 6, x0, 0, h + 26, -32, 32)              # headboard
        self.box(x1, x1 + 5, 0, h + 6, -32, 32)               # footboard
        for lx in (x0 + 2, x1 - 3):
            self.lines.append(((lx, 0, 28), (lx, h - 12, 28), 3.0))
        self.anchors["top"] = ((x0 + x1) / 2, h, 0.0)
        self.anchors["head"] = (x0, h, 0.0)

    def _blanket(self, s):
        x0, x1, y0, h = s.get("x0", 0.0), s.get("x1", 60.0), s.get("y0", 30.0), s.get("h", 18.0)
        self.box(x0, x1, y0, y0 + h, -34, 34)
        self.front = True

    def _water(self, s):
        x0, x1, y = s.get("x0", -90.0), s.get("x1", 90.0), s.get("y", 40.0)
        self.box(x0, x1, 0, y, -40, -39, GREY + ":none")
        self.waves.append((x0, x1, y, 0.0))

    def _bike(self, s):
        x, r = s.get("x", 0.0), 21.0
        rear, front, bb = (x - 36, r, -8), (x + 40, r, -8), (x, r - 2, -8)
        saddle, bar = (x - 14, 72.0, -8), (x + 28, 86.0, -8)
        for c in (rear, front):
            self.circles.append((c, r, None))
            self.circles.append((c, 3.0, "#000"))
        for a, b in ((rear, bb), (bb, saddle), (saddle, (x + 24, 66, -8)), ((x + 24, 66, -8), bb),
                     ((x + 24, 66, -8), front), ((x + 24, 66, -8), bar), (rear, (x - 12, 64, -8))):
            self.lines.append((a, b, 3.5))
        self.lines.append(((saddle[0] - 7, saddle[1] + 1, -8), (saddle[0] + 6, saddle[1] + 1, -8), 6.0))
        self.lines.append(((bar[0], bar[1], -8), (bar[0] + 7, bar[1] + 2, -8), 5.0))
        self.anchors["seat"] = (saddle[0], saddle[1] + 2, 0.0)
        self.anchors["bar"] = (bar[0] + 5, bar[1] + 2, 0.0)
        self.anchors["bb"] = (bb[0], bb[1], 0.0)

    def _monitor(self, s):  # screen on a table, facing left
        x, y = s.get("x", 60.0), s.get("y", 70.0)
        self.box(x, x + 5, y + 12, y + 42, -16, 16, "#000")
        self.lines.append(((x + 4, y, 0), (x + 4, y + 12, 0), 4.0))
        self.lines.append(((x - 4, y + 1, 0), (x + 12, y + 1, 0), 3.0))

    def _plant(self, s):
        x = s.get("x", 0.0)
        self.lines.append(((x, 0, 0), (x, 22, 0), 3.0))
        for (ax, ay, bx, by) in ((0, 8, -9, 15), (0, 13, 9, 20), (0, 19, -7, 27), (0, 22, 3, 30)):
            self.lines.append(((x + ax, ay, 0), (x + bx, by, 0), 6.0))

    def _towel(self, s):  # rolled towel, seen end-on in the side view
        x, y, z = s.get("x", 0.0), s.get("y", 0.0), s.get("z", 0.0)
        r = s.get("r", 6.0)
        self.box(x - r, x + r, y, y + 2 * r, z - 20, z + 20)
        self.anchors["top"] = (x, y + 2 * r, z)
