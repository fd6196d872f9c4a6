"""Messages as data: the domain says *what* to tell (an English message id and its parameters);
the place that shows it words it in its own language (`planner.i18n.word`).

Message ids use brace placeholders (`"{n} check-ins"`); numbers, plural counts and dates are always
parameters, never part of the id, so a catalogue entry stays right when a number changes. Babel
extracts the ids from the calls below (keywords in `babel.cfg`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Msg:
    """One message to be worded later. `plural`/`count`: an ngettext pair chosen by `count`."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()
    plural: str | None = None
    count: int | None = None
    context: str | None = None

    def param(self, name: str) -> Any:
        return dict(self.params).get(name)

    def to_data(self) -> dict[str, Any]:
        """The message as JSON-safe data (only what is set): parameters that are numbers, text or
        messages; a parameter that is not data (`ByLanguage`, `Joined`, a date) raises ValueError."""
        data: dict[str, Any] = {"id": self.id}
        if self.params:
            data["params"] = {name: _param_data(name, value) for name, value in self.params}
        extra = {"plural": self.plural, "count": self.count, "context": self.context}
        return data | {key: value for key, value in extra.items() if value is not None}

    @classmethod
    def from_data(cls, data: Any, *, _depth: int = 0) -> Msg:
        """The message `to_data` wrote; ValueError for anything else (a damaged or foreign record)."""
        if _depth > MAX_NESTING or not isinstance(data, dict) or not _text(data.get("id")):
            raise ValueError("not a stored message")
        params = data.get("params", {})
        if not isinstance(params, dict) or len(params) > MAX_PARAMS:
            raise ValueError("a stored message's parameters are not a mapping")
        values: list[tuple[str, Any]] = []
        for name, value in params.items():
            if isinstance(value, dict):
                value = cls.from_data(value, _depth=_depth + 1)
            elif not (_number(value) or _text(value)):
                raise ValueError(f"a stored message's parameter {name!r} is not a number, text or message")
            values.append((str(name), value))
        plural, count, context = data.get("plural"), data.get("count"), data.get("context")
        if not (plural is None or _text(plural)) or not (context is None or _text(context)):
            raise ValueError("a stored message's plural or context is not text")
        if count is not None and (isinstance(count, bool) or not isinstance(count, int)):
            raise ValueError("a stored message's count is not a whole number")
        return cls(data["id"], tuple(values), plural=plural, count=count, context=context)

    def __str__(self) -> str:  # English, for logs and exceptions; the window words it with `word`
        from planner.i18n import word  # the domain does not import i18n at load time

        return word(self, "en")


MAX_NESTING = 4  # a stored message's messages in messages, at most this deep
MAX_PARAMS = 20
MAX_TEXT = 2_000  # characters of a stored id or text parameter


def _text(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_TEXT


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _param_data(name: str, value: Any) -> Any:
    if isinstance(value, Msg):
        return value.to_data()
    if _number(value) or isinstance(value, str):
        return value
    raise ValueError(f"the parameter {name!r} ({type(value).__name__}) cannot be stored as data")


@dataclass(frozen=True, slots=True)
class ByLanguage:
    """A parameter that is data in several languages, not a catalogue entry (a block's title, a rung's
    text): `pick(lang)` gives it in the language the message is worded in (`pick=block.title`)."""

    pick: Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Joined:
    """Parameters shown one after the other with a separator that is the same in every language
    (", " between red flags, "; " between the changes of a dosage); each part is worded like a
    parameter (a message, a number, text)."""

    parts: tuple[Any, ...]
    separator: str = ", "


def msg(message_id: str, /, **params: Any) -> Msg:
    """A message: `msg("Pain after {activity}", activity=...)`."""
    return Msg(message_id, tuple(params.items()))


def nmsg(singular: str, plural: str, count: int, /, **params: Any) -> Msg:
    """A message with plural forms chosen by `count` (also available as the parameter `{n}`)."""
    return Msg(singular, tuple({"n": count, **params}.items()), plural=plural, count=count)


def pmsg(context: str, message_id: str, /, **params: Any) -> Msg:
    """A message with a context, where one English text needs two translations."""
    return Msg(message_id, tuple(params.items()), context=context)


def worded(message: Msg | str, lang: str) -> str:
    """`message` in `lang` now: for the words the domain writes into a plan in the plan's language (a
    phase's name) and for the `reasons(lang)`-style conveniences of its results. Elsewhere the place
    that shows a message words it with `planner.i18n.word`."""
    from planner.i18n import word  # the domain does not import i18n at load time

    return word(message, lang)


def percent(value: float, /) -> Msg:
    """A percentage as a parameter ("75 %"): keeps a "%" out of the sentence's own id, where "% of" would
    read as an old-style placeholder."""
    return msg("{n} %", n=value)


class MessageError(Exception):
    """An error that carries a message to be worded where it is shown (never `_(str(error))`)."""

    def __init__(self, message: Msg):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
