"""The jointed figure: forward kinematics from joint angles, limb targets, placement."""

import math

from fig_geometry import (
    AXES,
    FOREARM,
    HEAD_R,
    HIP_W,
    LW,
    NECK,
    ORIENT,
    SHIN,
    SHOULDER_W,
    THIGH,
    TRUNK,
    TW,
    UPPER_ARM,
    add,
    chain,
    mm,
    mul,
    mv,
    rotate_about,
    rx,
    ry,
    rz,
    sub,
    tr,
)


# ----------------------------------------------------------------------------
# The figure
def limb_params(pose, kind, side):
    p = {}
    p.update(pose.get(kind, {}))
    p.update(pose.get(kind + "_" + side, {}))
    return {k: v for k, v in p.items() if v is not None}


class Figure:
    def __init__(self, pose, anchors):
        self.pose = pose
        self.anchors = anchors
        self.weights = bool(pose.get("weights"))
        self._build()

    # -- resolve a target given as [x, y, z] / [x, y] or {"to": "chair.back", "dx":.., "dy":..}
    def resolve(self, t, z_default):
        if isinstance(t, dict) and "below" in t:
            base = self.pts[t["below"]]
            return (base[0] + t.get("dx", 0.0), t.get("y", 0.0), base[2] if t.get("z") is None else t["z"])
        if isinstance(t, dict):
            base = self.pts[t["to"]] if t["to"] in self.pts else self.anchors[t["to"]]
            return (base[0] + t.get("dx", 0.0), base[1] + t.get("dy", 0.0),
                    z_default if t.get("z") is None else t["z"])
        if len(t) == 2:
            return (t[0], t[1], z_default)
        return tuple(t)

    def _build(self):
        pose = self.pose
        r0 = ((1, 0, 0), (0, 1, 0), (0, 0, 1))
        steps = list(ORIENT[pose.get("orient", "stand")])
        if pose.get("roll"):
            steps.append(("x", pose["roll"]))
        if pose.get("tilt"):
            steps.append(("z", pose["tilt"]))
        for axis, deg in steps:
            r0 = mm(AXES[axis](deg), r0)
        self.r0 = r0
        bend = pose.get("bend", 0.0)
        bl, bh = pose.get("bend_low", bend / 2.0), pose.get("bend_high", bend / 2.0)
        side, twist = pose.get("side", 0.0), pose.get("twist", 0.0)
        rl = chain(r0, rz(-bl), rx(side / 2.0), ry(-twist / 2.0))
        rc = chain(rl, rz(-bh), rx(side / 2.0), ry(-twist / 2.0))
        self.rl, self.rc = rl, rc
        pts = {}
        P = (0.0, 0.0, 0.0)
        M = add(P, mv(rl, (0, TRUNK / 2, 0)))
        N = add(M, mv(rc, (0, TRUNK / 2, 0)))
        pts["pelvis"], pts["mid"], pts["neck"] = P, M, N
        shrug, retract = pose.get("shrug", 0.0), pose.get("retract", 0.0)
        for s, name in ((1, "r"), (-1, "l")):
            pts["shoulder_" + name] = add(N, mv(rc, (-retract, -4 + shrug, s * SHOULDER_W)))
            pts["hip_" + name] = add(P, mv(r0, (0, 0, s * HIP_W)))
        nk = pose.get("neck", {})
        rh = chain(rc, rz(-nk.get("flex", 0.0)), rx(nk.get("side", 0.0)), ry(-nk.get("turn", 0.0)))
        self.rh = rh
        pts["head"] = add(N, mv(rh, (0, NECK + HEAD_R, 0)), mv(rc, (-nk.get("shift", 0.0), 0, 0)))
        self.pts = pts
        self.dirs = {}
        self.ik = {}
        for side_name in ("r", "l"):
            self._arm(side_name)
            self._leg(side_name)
        # place the root
        if "at" in pose:
            off = (pose["at"][0], pose["at"][1], 0.0)
        elif "sit" in pose:
            seat = self.anchors[pose["sit"] + ".seat"]
            off = (seat[0] + pose.get("dx", 0.0), seat[1] + LW / 2 + pose.get("dy", 0.0), 0.0)
        else:
            low = self.lowest(skip_ik=True)
            off = (pose.get("x", 0.0), pose.get("floor", 0.0) - low, 0.0)
        self.translate(off)
        for side_name in ("r", "l"):
            if "arm:" + side_name in self.ik:
                self._arm(side_name, self.ik["arm:" + side_name])
            if "leg:" + side_name in self.ik:
                self._leg(side_name, self.ik["leg:" + side_name])

    def translate(self, off):
        self.pts = {k: add(v, off) for k, v in self.pts.items()}

    def _arm(self, side, target=None):
        pose = self.pose
        p = limb_params(pose, "arm", side)
        s = 1 if side == "r" else -1
        S = self.pts["shoulder_" + side]
        if target is None and "hand" in p:
            self.ik["arm:" + side] = p["hand"]
        if target is not None:
            T = self.resolve(target, S[2])
            flex, elbow = solve2(self.rc, S, T, UPPER_ARM, FOREARM, knee=False)
            abd, rot = 0.0, p.get("rot", 0.0) if "rot" in p else 0.0
        else:
            flex, elbow = p.get("flex", 0.0), p.get("elbow", 0.0)
            abd, rot = p.get("abd", 0.0), p.get("rot", 0.0)
        ra = chain(self.rc, rz(flex), rx(-s * abd), ry(s * rot))
        E = add(S, mv(ra, (0, -UPPER_ARM, 0)))
        rf = chain(ra, rz(elbow))
        H = add(E, mv(rf, (0, -FOREARM, 0)))
        self.pts["elbow_" + side], self.pts["hand_" + side] = E, H
        self.dirs["handlat_" + side] = mv(rf, (0, 0, 1))

    def _leg(self, side, target=None):
        pose = self.pose
        p = limb_params(pose, "leg", side)
        s = 1 if side == "r" else -1
        Hp = self.pts["hip_" + side]
        if target is None and "foot" in p:
            self.ik["leg:" + side] = p["foot"]
        if target is not None:
            T = self.resolve(target, Hp[2])
            flex, knee = solve2(self.r0, Hp, T, THIGH, SHIN, knee=True)
            abd, rot = 0.0, 0.0
        else:
            flex, knee = p.get("flex", 0.0), p.get("knee", 0.0)
            abd, rot = p.get("abd", 0.0), p.get("rot", 0.0)
        rt = chain(self.r0, rz(flex), rx(-s * abd), ry(s * rot))
        K = add(Hp, mv(rt, (0, -THIGH, 0)))
        rs = chain(rt, rz(-knee))
        A = add(K, mv(rs, (0, -SHIN, 0)))
        ankle = p.get("ankle", 0.0)
        if "foot_angle" in p:  # world angle of the sole: 0 = flat on the floor, + = toes up
            f0 = mv(rs, (1, 0, 0))
            ankle = p["foot_angle"] - math.degrees(math.atan2(f0[1], f0[0]))
        rfoot = chain(rs, rz(ankle))
        f, u = mv(rfoot, (1, 0, 0)), mv(rfoot, (0, 1, 0))
        heel = add(A, mul(f, -3.0), mul(u, -4.0))
        toe = add(A, mul(f, 14.0), mul(u, -4.0))
        spin = p.get("spin", 0.0)
        if spin:
            axis = sub(A, Hp)
            lat = mv(self.r0, (0, 0, s))
            k1 = rotate_about(K, Hp, axis, spin)
            if sum(a * b for a, b in zip(sub(k1, K), lat, strict=False)) < 0:
                spin = -spin
            K, heel, toe = (rotate_about(q, Hp, axis, spin) for q in (K, heel, toe))
        self.pts.update({"knee_" + side: K, "ankle_" + side: A, "heel_" + side: heel, "toe_" + side: toe})

    def lowest(self, skip_ik=False):
        low = None
        items = self.parts()
        for name, pts, rad in items:
            if skip_ik and (("arm:" + name[-1]) in self.ik and name.startswith("arm")
                            or ("leg:" + name[-1]) in self.ik and name.startswith("leg")):
                continue
            for q in pts:
                v = q[1] - rad
                low = v if low is None else min(low, v)
        return low

    def parts(self):
        """(name, 3D points, radius) for bounds."""
        p = self.pts
        out = [("trunk", [p["pelvis"], p["mid"], p["neck"], p["shoulder_r"], p["shoulder_l"],
                          p["hip_r"], p["hip_l"]], TW / 2),
               ("head", [p["head"]], HEAD_R)]
        for s in ("r", "l"):
            out.append(("arm_" + s, [p["elbow_" + s], p["hand_" + s]], LW / 2))
            out.append(("leg_" + s, [p["knee_" + s], p["ankle_" + s], p["heel_" + s], p["toe_" + s]], LW / 2))
        return out

    def point(self, name):
        return self.pts[name]


def solve2(frame, root, target, a, b, knee):
    """Two-link solver in the side plane of ``frame``: returns (flex, bend)."""
    d = mv(tr(frame), sub(target, root))
    dx, dy = d[0], d[1]
    D = min(math.hypot(dx, dy), a + b - 0.01)
    D = max(D, abs(a - b) + 0.01)
    ad = math.degrees(math.atan2(dx, -dy))
    alpha = math.degrees(math.acos(max(-1, min(1, (a * a + D * D - b * b) / (2 * a * D)))))
    inner = math.degrees(math.acos(max(-1, min(1, (a * a + b * b - D * D) / (2 * a * b)))))
    bend = 180.0 - inner
    if knee:
        return ad + alpha, bend
    return ad - alpha, bend
