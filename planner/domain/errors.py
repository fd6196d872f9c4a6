"""Errors by kind, each carrying a message a therapist can act on (`planner.domain.messages`).

The message is worded where it is shown: the window with `planner.i18n.word(error.message)`, the
command line in English (`str(error)`). Identifiers in messages are passed as text (`id=str(n)`), so
they are not formatted as quantities ("Plan 1.234").
"""

from __future__ import annotations

from planner.domain.messages import MessageError, Msg, msg


def _message(message: Msg | str) -> Msg:
    """A message; a plain English text (code not yet converted) is looked up in the catalogue as is."""
    return message if isinstance(message, Msg) else Msg(message)


class HerstelplanError(MessageError):
    """Base class: `error.message` is a clear, complete sentence for the user."""

    def __init__(self, message: Msg | str):
        super().__init__(_message(message))


class NotFound(HerstelplanError):
    pass


class ValidationError(HerstelplanError):
    """One or more fields are wrong; `problems` maps field name to what is wrong (a message)."""

    def __init__(self, problems: dict[str, Msg] | dict[str, str] | dict[str, Msg | str]):
        self.problems: dict[str, Msg] = {field: _message(problem) for field, problem in problems.items()}
        listed: Msg | None = None
        for field, problem in reversed(self.problems.items()):
            one = msg("{field}: {problem}", field=field, problem=problem)
            listed = one if listed is None else msg("{first}; {rest}", first=one, rest=listed)
        super().__init__(msg("Please correct: {problems}", problems=listed or ""))


class ConflictError(HerstelplanError):
    """Someone else (another desk) saved the same plan since it was loaded here."""

    def __init__(self, message: Msg | str, *, title: str = "", saved: int | None = None,
                 editing: int | None = None):
        super().__init__(message)
        self.title, self.saved, self.editing = title, saved, editing

    @classmethod
    def plan_changed(cls, title: str, saved: int, editing: int) -> ConflictError:
        """The one sentence for a plan saved elsewhere, naming both versions (SQLite and PostgreSQL)."""
        return cls(msg("“{title}” was changed elsewhere (another desk saved version {saved}; you were "
                       "editing version {editing}). Your change was not saved; the plan has been reloaded "
                       "with the other changes.", title=title, saved=str(saved), editing=str(editing)),
                   title=title, saved=saved, editing=editing)


class DatabaseProblem(HerstelplanError):
    """A known database condition: locked, read-only, full, corrupt, newer, foreign."""

    def __init__(self, kind: str, message: Msg | str):
        self.kind = kind
        super().__init__(message)
