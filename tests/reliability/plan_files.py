"""Plan files for the import tests and the fuzzer: a valid document, and hypothesis strategies that
break it in every way a file from another computer can be broken."""

from __future__ import annotations

import base64
import copy
import json
from typing import Any

from hypothesis import strategies as st


def _small_png() -> bytes:
    """A real 8 × 8 PNG (pictures in plan files are decoded completely on import)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


PNG = base64.b64encode(_small_png()).decode("ascii")


def valid_document() -> dict[str, Any]:
    """A plan file that imports: built-in blocks, an embedded custom block with a picture, dosages."""
    return {
        "format": "herstelplan-plan",
        "version": 1,
        "kind": "template",
        "generator": "tests",
        "plan": {
            "title": "Nek in beweging",
            "goal": "Weer fietsen",
            "language": "nl",
            "mode": "pain",
            "weekly_cap_pct": 10,
            "phases": [
                {"name": "Start", "weeks": 2, "focus": "Rustig", "criteria": "Groen",
                 "items": [
                     {"block": "mobility.chin-tuck", "dosage": {"sets": 2, "reps": 10}, "patient_note": "Rustig"},
                     {"block": "custom.9", "dosage": {"minutes": 5}},
                 ]},
                {"name": "Opbouw", "weeks": 3,
                 "items": [{"block": "strength.bridge", "dosage": {"sets": 3, "reps": 12, "load_kg": 2.5}}]},
            ],
        },
        "blocks": [
            {"key": "custom.9", "kind": "breathing", "origin": "breathing.long-exhale",
             "regions": ["whole-body"], "equipment": [], "illustration": "breathing.long-exhale.svg",
             "dosage": {"minutes": 5, "inhale_seconds": 4, "exhale_seconds": 6}, "levels": [],
             "text": {"nl": {"title": "Ademen bij de koffie", "purpose": "Rust", "steps": ["Zit", "Adem"],
                             "safety": "Stop bij duizeligheid", "body": []},
                      "en": {"title": "Breathing with coffee", "purpose": "", "steps": [], "safety": "",
                             "body": []}},
             "image": {"mime": "image/png", "data": PNG}},
        ],
    }


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def paths(value: Any, path: str = "$") -> list[tuple[str, Any]]:
    """Every (JSON path, value) in a document, objects and lists included."""
    out = [(path, value)]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(paths(child, f"{path}.{key}"))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out.extend(paths(child, f"{path}[{index}]"))
    return out


def _locate(doc: Any, path: str) -> tuple[Any, Any]:
    """(container, key or index) of `path` inside `doc`."""
    parts: list[Any] = []
    for token in path[1:].replace("[", ".[").split("."):
        if not token:
            continue
        parts.append(int(token[1:-1]) if token.startswith("[") else token)
    target = doc
    for part in parts[:-1]:
        target = target[part]
    return target, parts[-1]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes, str | None]:
    """(what was done, file bytes, the JSON path the error must name or None when any path will do)."""
    doc = valid_document()
    every = paths(doc)[1:]
    objects = [(p, v) for p, v in paths(doc) if isinstance(v, dict)]
    kind = draw(st.sampled_from(["replace", "delete", "unknown", "duplicate", "nonfinite", "version", "truncate"]))
    if kind == "replace":
        path, _ = draw(st.sampled_from(every))
        container, key = _locate(doc, path)
        container[key] = draw(json_values)
        return f"replace {path}", json.dumps(doc).encode(), None
    if kind == "delete":
        path, _ = draw(st.sampled_from(every))
        container, key = _locate(doc, path)
        del container[key]
        return f"delete {path}", json.dumps(doc).encode(), None
    if kind == "unknown":
        path, obj = draw(st.sampled_from(objects))
        name = "x-" + draw(st.text(max_size=10).filter(lambda n: "." not in n and "[" not in n))
        container = doc if path == "$" else _locate(doc, path)[0][_locate(doc, path)[1]]
        container[name] = draw(json_values)
        return f"unknown {path}.{name}", json.dumps(doc).encode(), f"{path}.{name}"
    if kind == "duplicate":
        path, obj = draw(st.sampled_from([(p, o) for p, o in objects if o]))
        name = draw(st.sampled_from(sorted(obj)))
        text = json.dumps(doc)
        target = json.dumps(obj)
        twice = target[:-1] + f", {json.dumps(name)}: {json.dumps(obj[name])}" + "}"
        # the first object that reads the same gets the duplicate (paths are in document order)
        first = next(p for p, o in objects if isinstance(o, dict) and json.dumps(o) == target)
        return f"duplicate {first}.{name}", text.replace(target, twice, 1).encode(), f"{first}.{name}"
    if kind == "nonfinite":
        token = draw(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "123456789012345678901"]))
        field = draw(st.sampled_from(["$.plan.weekly_cap_pct", "$.plan.phases[0].weeks",
                                      "$.plan.phases[0].items[0].dosage.sets",
                                      "$.plan.phases[1].items[0].dosage.load_kg"]))
        container, key = _locate(doc, field)
        container[key] = "@@TOKEN@@"
        return f"{token} at {field}", json.dumps(doc).replace('"@@TOKEN@@"', token).encode(), field
    if kind == "version":
        from planner.store.transfer import VERSION

        version = draw(st.integers(VERSION + 1, 10**6))
        doc["version"] = version
        return f"version {version}", json.dumps(doc).encode(), "$.version"
    raw = json.dumps(doc).encode()
    cut = draw(st.integers(0, len(raw) - 1))
    return f"truncated at {cut}", raw[:cut], "$"


def deep_copy(doc: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(doc)
