"""Plan-file format 2 (docs/plan-file-format.md): the check of `$.plan.exposure`, the ladder."""

from __future__ import annotations

from typing import Any

from planner.domain.messages import msg
from planner.services.transfer import MAX_TITLE, _fail, _list, _object, _string, _whole


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
