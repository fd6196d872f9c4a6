"""What the program wrote into a plan, kept as the messages it came from (issue 12, item 4).

The wizard writes a phase's name, focus and criteria, and the plan's title, as text in the plan's
language (what the editor shows and the therapist edits) and keeps the message next to it
(phases.made_words, plans.made_title). A handout in another language words the message anew, but
only while the stored text is still exactly what the program made (`made_text`): once the
therapist edited it, the typed text prints as is, in every language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from planner.domain.messages import Msg, worded
from planner.languages import codes


@dataclass(frozen=True, slots=True)
class MadeWords:
    """The messages the program wrote into a phase (its name, focus and criteria to move on), kept
    next to the text: None where the program wrote nothing (a phase the therapist named)."""

    name: Msg | None = None
    focus: Msg | None = None
    criteria: Msg | None = None

    def to_data(self) -> dict[str, Any] | None:
        """JSON-safe data (phases.made_words, snapshots, plan files); None when nothing was made."""
        data = {field: message.to_data() for field, message in
                (("name", self.name), ("focus", self.focus), ("criteria", self.criteria)) if message is not None}
        return data or None

    @classmethod
    def from_data(cls, data: Any) -> MadeWords:
        """What `to_data` wrote; a damaged part is left out (its stored text then prints as is)."""
        if not isinstance(data, Mapping):
            return cls()
        found: dict[str, Msg] = {}
        for field in ("name", "focus", "criteria"):
            try:
                found[field] = Msg.from_data(data.get(field))
            except ValueError:
                continue
        return cls(**found)


def stored_message(data: Any) -> Msg | None:
    """A stored message (a plan's made title), or None when there is none or it is damaged."""
    try:
        return Msg.from_data(data) if data is not None else None
    except ValueError:
        return None


def stored_data(message: Msg | None) -> dict[str, Any] | None:
    return message.to_data() if message is not None else None


def made_languages(plan_language: str) -> tuple[str, ...]:
    """The languages a stored text the program made may be in: the plan's, then every shipped one
    (a plan whose language was changed after the wizard still has the wizard's words)."""
    return (plan_language, *(code for code in codes() if code != plan_language))


def made_text(message: Msg | None, stored: str, lang: str, *, made_in: str | Iterable[str]) -> str:
    """`stored` for a text in `lang`: the program's `message` worded in `lang` when `stored` is still
    exactly what the program made (the message worded in the plan's language `made_in`, or in any
    of several, the plan's first: a plan whose language was changed after the wizard); else the
    stored text as typed."""
    if message is None:
        return stored
    for made_lang in (made_in,) if isinstance(made_in, str) else made_in:
        if worded(message, made_lang) == stored:
            return worded(message, lang)
    return stored
