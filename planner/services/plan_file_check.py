"""Reading a plan file strictly (docs/plan-file-format.md, formats 1 and 2): parse the bytes and
check every field before anything is imported.

No duplicate keys, no NaN or Infinity, no unknown fields or versions, sizes within limits, pictures
that are what they say. The first wrong field is refused with a TransferError naming it as a JSON
path (`$.plan.phases[1].items[0].dosage.sets`). `check` returns the file normalised (defaults filled
in), as the data that planner.domain.snapshot.PlanSnapshot.from_data reads.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from typing import Any

from planner.domain.dosage import RANGES, Dosage, validate
from planner.domain.errors import HerstelplanError
from planner.domain.kinds import EQUIPMENT, LANGUAGES, REGIONS, Kind
from planner.domain.messages import Msg, msg
from planner.services import pictures
from planner.store import transfer as files

MAX_FILE_BYTES = 20_000_000
MAX_TITLE, MAX_TEXT, MAX_LIST = 200, 20_000, 100
MAX_PHASES, MAX_ITEMS, MAX_BLOCKS = 52, 60, 200
MAX_IMAGE_BYTES = 5_000_000
KEY = re.compile(r"^[a-z0-9][a-z0-9.-]{0,119}$")
SVG_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.svg$")
IMAGE_TYPES = ("image/png", "image/jpeg")
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class TransferError(HerstelplanError):
    """A plan file that cannot be imported; `path` is the JSON path of the wrong field."""

    def __init__(self, path: str, problem: Msg, *, sentence: bool = False):
        """`problem`: a phrase ("must be text"), or with `sentence` a whole sentence of its own."""
        self.path, self.problem = path, problem
        if sentence:
            super().__init__(msg("This file cannot be imported: {path}: {problem} Nothing was changed.",
                                 path=_shown(path), problem=problem))
        else:
            super().__init__(msg("This file cannot be imported: {path}: {problem}. Nothing was changed.",
                                 path=_shown(path), problem=problem))


_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    """A field name from the file as it may be printed: control characters (terminal escape
    codes), lone surrogates and text-direction overrides written as \\uXXXX."""
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Duplicates(dict[str, Any]):
    """An object that had a key twice; reported with its path once the tree is walked."""

    def __init__(self, pairs: list[tuple[str, Any]], duplicate: str):
        super().__init__(pairs)
        self.duplicate = duplicate


class _Bad:
    """A number JSON should not carry (NaN, Infinity, 1e999, a thousand digits), kept for its path."""

    def __init__(self, token: str):
        self.token = token


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            return _Duplicates(pairs, key)
        seen.add(key)
    return dict(pairs)


def _float(token: str) -> float | _Bad:
    value = float(token)
    return value if math.isfinite(value) else _Bad(token)


def _int(token: str) -> int | _Bad:
    return int(token) if len(token) <= 18 else _Bad(token[:20] + "…")


def parse(raw: bytes) -> Any:
    """The JSON value in `raw`, read strictly; TransferError('$', ...) when it is not JSON at all."""
    if len(raw) > MAX_FILE_BYTES:
        raise TransferError("$", msg("the file is larger than {mb} MB", mb=MAX_FILE_BYTES // 1_000_000))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TransferError("$", msg("the file is not UTF-8 text (byte {at})", at=error.start)) from None
    try:
        return json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_Bad, parse_float=_float, parse_int=_int
        )
    except json.JSONDecodeError as error:
        raise TransferError(
            "$", msg("not valid JSON at line {line}, column {col} ({reason})", line=error.lineno, col=error.colno,
                     reason=error.msg)
        ) from None
    except RecursionError:
        raise TransferError("$", msg("nested too deeply")) from None


# ---- checking ---------------------------------------------------------------------------------


def _fail(path: str, problem: Msg) -> TransferError:
    return TransferError(path, problem)


def _object(value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    if isinstance(value, _Duplicates):
        raise _fail(f"{path}.{value.duplicate}", msg("this field appears twice"))
    if not isinstance(value, dict):
        raise _fail(path, msg("must be an object"))
    for key in value:
        if key not in required and key not in optional:
            raise _fail(f"{path}.{key}", msg("unknown field"))
    for key in required:
        if key not in value:
            raise _fail(f"{path}.{key}", msg("this field is missing"))
    return value


def _string(value: Any, path: str, *, limit: int, required: bool = False) -> str:
    if not isinstance(value, str):
        raise _fail(path, msg("must be text"))
    if len(value) > limit:
        raise _fail(path, msg("at most {n} characters", n=limit))
    if required and not value.strip():
        raise _fail(path, msg("must not be empty"))
    if _BAD_CHARS.search(value):
        raise _fail(path, msg("contains a control character"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _fail(path, msg("contains an invalid character (a lone surrogate)")) from None
    return value


def _list(value: Any, path: str, *, limit: int) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(path, msg("must be a list"))
    if len(value) > limit:
        raise _fail(path, msg("at most {n} entries", n=limit))
    return value


def _whole(value: Any, path: str, low: int, high: int) -> int:
    if isinstance(value, _Bad):
        raise _fail(path, msg("{token} is not an allowed number", token=value.token))
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(path, msg("must be a whole number from {low} to {high}", low=low, high=high))
    return value


def _choice(value: Any, path: str, choices: tuple[str, ...]) -> str:
    if value not in choices or not isinstance(value, str):
        raise _fail(path, msg("must be one of: {choices}", choices=", ".join(choices)))
    return value


def _dosage(value: Any, path: str) -> dict[str, Any]:
    data = _object(value, path, (), Dosage.field_names())
    for name, number in data.items():
        if isinstance(number, _Bad):
            raise _fail(f"{path}.{name}", msg("{token} is not an allowed number", token=number.token))
        if number is None:
            continue
        problems = validate(Dosage(**{name: number}))
        if problems:
            low, high = RANGES[name]
            raise _fail(f"{path}.{name}", msg("must be a number from {low} to {high}", low=low, high=high)
                        if name == "load_kg" else
                        msg("must be a whole number from {low} to {high}", low=low, high=high))
    return {k: v for k, v in data.items() if v is not None}


def _texts(value: Any, path: str) -> dict[str, dict[str, Any]]:
    texts = _object(value, path, (), LANGUAGES)
    out: dict[str, dict[str, Any]] = {}
    for lang, entry in texts.items():
        where = f"{path}.{lang}"
        fields = _object(entry, where, (), files.TEXT_FIELDS)
        out[lang] = {
            "title": _string(fields.get("title", ""), f"{where}.title", limit=MAX_TITLE),
            "purpose": _string(fields.get("purpose", ""), f"{where}.purpose", limit=MAX_TEXT),
            "safety": _string(fields.get("safety", ""), f"{where}.safety", limit=MAX_TEXT),
            "steps": [_string(s, f"{where}.steps[{i}]", limit=MAX_TEXT)
                      for i, s in enumerate(_list(fields.get("steps", []), f"{where}.steps", limit=MAX_LIST))],
            "body": [_string(s, f"{where}.body[{i}]", limit=MAX_TEXT)
                     for i, s in enumerate(_list(fields.get("body", []), f"{where}.body", limit=MAX_LIST))],
        }
    if not any(entry["title"].strip() for entry in out.values()):
        raise _fail(f"{path}", msg("a title is needed in at least one language"))
    return out


def _level_own(entry: dict[str, Any], path: str) -> dict[str, Any]:
    """A level's own steps and safety cue per language, and its own picture (library FORMAT.md)."""
    own: dict[str, Any] = {}
    if "text" in entry:
        own["text"] = {}
        for lang, parts in _object(entry["text"], f"{path}.text", (), LANGUAGES).items():
            where = f"{path}.text.{lang}"
            parts = _object(parts, where, (), ("steps", "safety", "title"))
            own["text"][lang] = {}
            if "steps" in parts:
                own["text"][lang]["steps"] = [_string(s, f"{where}.steps[{i}]", limit=MAX_TEXT) for i, s in
                                              enumerate(_list(parts["steps"], f"{where}.steps", limit=MAX_LIST))]
            if "safety" in parts:
                own["text"][lang]["safety"] = _string(parts["safety"], f"{where}.safety", limit=MAX_TEXT)
            if "title" in parts:
                own["text"][lang]["title"] = _string(parts["title"], f"{where}.title", limit=MAX_TITLE)
    if entry.get("illustration") is not None:
        if not SVG_NAME.match(_string(entry["illustration"], f"{path}.illustration", limit=200)):
            raise _fail(f"{path}.illustration", msg("must be the file name of a built-in illustration (name.svg)"))
        own["illustration"] = entry["illustration"]
    return own


def _image(value: Any, path: str) -> dict[str, str] | None:
    if value is None:
        return None
    data = _object(value, path, ("mime", "data"))
    mime = _choice(data["mime"], f"{path}.mime", IMAGE_TYPES)
    encoded = _string(data["data"], f"{path}.data", limit=MAX_IMAGE_BYTES * 4 // 3 + 4)
    try:
        decoded = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise _fail(f"{path}.data", msg("is not base64 data")) from None
    try:
        found = pictures.check_picture(decoded, max_bytes=MAX_IMAGE_BYTES)
    except pictures.PictureError as error:
        raise TransferError(f"{path}.data", error.message, sentence=True) from None
    if found.mime != mime:
        raise _fail(f"{path}.data", msg("is not a {mime} picture", mime=mime))
    return {"mime": mime, "data": encoded}


def _block(value: Any, path: str, version: int = 1) -> dict[str, Any]:
    extra = ("progression",) if version >= 2 else ()
    data = _object(value, path, ("key", "kind", "text"),
                   ("origin", "regions", "equipment", "illustration", "dosage", "levels", "image", *extra))
    key = _string(data["key"], f"{path}.key", limit=120)
    if not KEY.match(key):
        raise _fail(f"{path}.key", msg("use lower-case letters, digits, dots and dashes"))
    origin = data.get("origin")
    if origin is not None and not KEY.match(_string(origin, f"{path}.origin", limit=120)):
        raise _fail(f"{path}.origin", msg("use lower-case letters, digits, dots and dashes"))
    illustration = data.get("illustration")
    if illustration is not None and not SVG_NAME.match(_string(illustration, f"{path}.illustration", limit=200)):
        raise _fail(f"{path}.illustration", msg("must be the file name of a built-in illustration (name.svg)"))
    regions = [_choice(r, f"{path}.regions[{i}]", REGIONS)
               for i, r in enumerate(_list(data.get("regions", []), f"{path}.regions", limit=len(REGIONS)))]
    equipment = [_choice(e, f"{path}.equipment[{i}]", EQUIPMENT)
                 for i, e in enumerate(_list(data.get("equipment", []), f"{path}.equipment", limit=len(EQUIPMENT)))]
    levels = []
    for i, level in enumerate(_list(data.get("levels", []), f"{path}.levels", limit=21)):
        entry = _object(level, f"{path}.levels[{i}]", (), (*LANGUAGES, "text", "illustration"))
        levels.append({**{lang: _string(entry.get(lang, ""), f"{path}.levels[{i}].{lang}", limit=MAX_TITLE * 2)
                          for lang in LANGUAGES}, **_level_own(entry, f"{path}.levels[{i}]")})
    out = {
        "key": key,
        "kind": _choice(data["kind"], f"{path}.kind", tuple(k.value for k in Kind)),
        "origin": origin,
        "regions": regions,
        "equipment": equipment,
        "illustration": illustration,
        "dosage": _dosage(data.get("dosage", {}), f"{path}.dosage"),
        "levels": levels,
        "text": _texts(data["text"], f"{path}.text"),
        "image": _image(data.get("image"), f"{path}.image"),
    }
    if data.get("progression") is not None:
        out["progression"] = _choice(data["progression"], f"{path}.progression", ("volume", "level", "rung", "none"))
    return out


def _message(value: Any, path: str) -> dict[str, Any]:
    """A message the program made, as `Msg.to_data` wrote it (optional; issue 12, item 4)."""
    try:
        return Msg.from_data(value).to_data()
    except ValueError:
        raise _fail(path, msg("is not a message the program made (id, params, plural, count, context)")) from None


def _made(value: Any, path: str) -> dict[str, Any] | None:
    """A phase's made words: {"name"/"focus"/"criteria": message}, each optional."""
    data = _object(value, path, (), ("name", "focus", "criteria"))
    return {key: _message(entry, f"{path}.{key}") for key, entry in data.items()} or None


def _phase(value: Any, path: str, blocks: set[str], version: int) -> dict[str, Any]:
    made = ("made",) if version >= 3 else ()  # format 3: the words the program made, as messages
    data = _object(value, path, ("name", "weeks"), ("focus", "criteria", "items", *made))
    items = []
    for i, entry in enumerate(_list(data.get("items", []), f"{path}.items", limit=MAX_ITEMS)):
        where = f"{path}.items[{i}]"
        item = _object(entry, where, ("block",), ("dosage", "patient_note"))
        key = _string(item["block"], f"{where}.block", limit=120)
        if not KEY.match(key):
            raise _fail(f"{where}.block", msg("use lower-case letters, digits, dots and dashes"))
        if key.startswith("custom.") and key not in blocks:
            raise _fail(f"{where}.block", msg("the custom block {key} is not in this file's blocks", key=key))
        items.append({
            "block": key,
            "dosage": _dosage(item.get("dosage", {}), f"{where}.dosage"),
            "patient_note": _string(item.get("patient_note", ""), f"{where}.patient_note", limit=MAX_TEXT),
        })
    return {
        "name": _string(data["name"], f"{path}.name", limit=MAX_TITLE),
        "weeks": _whole(data["weeks"], f"{path}.weeks", 1, 52),
        "focus": _string(data.get("focus", ""), f"{path}.focus", limit=MAX_TEXT),
        "criteria": _string(data.get("criteria", ""), f"{path}.criteria", limit=MAX_TEXT),
        "items": items,
        **({"made": _made(data["made"], f"{path}.made")} if data.get("made") is not None else {}),
    }


def check_exposure(value: Any, path: str) -> dict[str, Any] | None:
    """Format 2: a graded-exposure ladder (activity, rungs rated 0-100, practised ticks, current rung)."""
    if value is None:
        return None
    data = _object(value, path, ("activity", "rungs"), ("activity_rating", "current"))
    rungs = []
    for i, entry in enumerate(_list(data["rungs"], f"{path}.rungs", limit=20)):
        where = f"{path}.rungs[{i}]"
        rung = _object(entry, where, ("name", "rating"), ("practised",))
        practised = rung.get("practised", False)
        if not isinstance(practised, bool):
            raise _fail(f"{where}.practised", msg("must be true or false"))
        rungs.append({"name": _string(rung["name"], f"{where}.name", limit=MAX_TITLE, required=True),
                      "rating": _whole(rung["rating"], f"{where}.rating", 0, 100), "practised": practised})
    if not rungs:
        raise _fail(f"{path}.rungs", msg("a ladder needs at least one rung"))
    return {"activity": _string(data["activity"], f"{path}.activity", limit=MAX_TITLE, required=True),
            "activity_rating": _whole(data.get("activity_rating", 100), f"{path}.activity_rating", 0, 100),
            "current": _whole(data.get("current", 0), f"{path}.current", 0, len(rungs) - 1),
            "rungs": rungs}


def check(doc: Any) -> dict[str, Any]:
    """The checked, normalised plan file (defaults filled in); TransferError at the first wrong field."""
    root = _object(doc, "$", ("format", "version", "kind", "plan"), ("generator", "blocks"))
    if root["format"] != files.FORMAT:
        raise _fail("$.format", msg("this is not a Herstelplan plan file"))
    version = root["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _fail("$.version", msg("must be a whole number"))
    if version > files.VERSION:
        raise _fail("$.version", msg("the file was written by a newer Herstelplan (format {v}); update "
                                    "Herstelplan to import it", v=version))
    if version < 1:
        raise _fail("$.version", msg("unknown format version {v}", v=version))
    kind = _choice(root["kind"], "$.kind", ("plan", "template"))
    if "generator" in root:
        _string(root["generator"], "$.generator", limit=MAX_TITLE)
    blocks = [_block(b, f"$.blocks[{i}]", version) for i, b in enumerate(_list(root.get("blocks", []), "$.blocks", limit=MAX_BLOCKS))]
    keys = [b["key"] for b in blocks]
    for i, key in enumerate(keys):
        if key in keys[:i]:
            raise _fail(f"$.blocks[{i}].key", msg("two blocks have the key {key}", key=key))
    newer = ("current_phase", "exposure") if version >= 2 else ()  # format 2 (docs/plan-file-format.md)
    plan = _object(root["plan"], "$.plan", ("title", "language", "phases"),
                   ("goal", "mode", "weekly_cap_pct", *newer, *(("made_title",) if version >= 3 else ())))
    phases = [_phase(p, f"$.plan.phases[{i}]", set(keys), version)
              for i, p in enumerate(_list(plan["phases"], "$.plan.phases", limit=MAX_PHASES))]
    current = plan.get("current_phase")
    if current is not None:
        current = _whole(current, "$.plan.current_phase", 0, max(len(phases) - 1, 0))
    return {
        "kind": kind,
        "blocks": blocks,
        "plan": {
            "title": _string(plan["title"], "$.plan.title", limit=MAX_TITLE, required=True).strip(),
            "goal": _string(plan.get("goal", ""), "$.plan.goal", limit=MAX_TEXT),
            "language": _choice(plan["language"], "$.plan.language", LANGUAGES),
            "mode": _choice(plan.get("mode", "pain"), "$.plan.mode", ("pain", "time")),
            "weekly_cap_pct": _whole(plan.get("weekly_cap_pct", 10), "$.plan.weekly_cap_pct", 1, 50),
            "phases": phases,
            "current_phase": current,
            "exposure": check_exposure(plan.get("exposure"), "$.plan.exposure"),
            "made_title": _message(plan["made_title"], "$.plan.made_title")
            if plan.get("made_title") is not None else None,
        },
    }
