"""Errors by kind, each with a message a therapist can act on (translated at the UI edge)."""

from __future__ import annotations


class HerstelplanError(Exception):
    """Base class: `str(error)` is a clear, complete sentence for the user."""


class NotFound(HerstelplanError):
    pass


class ValidationError(HerstelplanError):
    """One or more fields are wrong; `problems` maps field name to what is wrong."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        text = "; ".join(f"{field}: {msg}" for field, msg in self.problems.items())
        super().__init__(f"Please correct: {text}")


class ConflictError(HerstelplanError):
    """Someone else (another desk) saved the same plan since it was loaded here."""

    def __init__(self, message: str, *, title: str = "", saved: int | None = None, editing: int | None = None):
        super().__init__(message)
        self.title, self.saved, self.editing = title, saved, editing

    @classmethod
    def plan_changed(cls, title: str, saved: int, editing: int) -> ConflictError:
        """The one sentence for a plan saved elsewhere, naming both versions (SQLite and PostgreSQL)."""
        return cls(
            f"“{title}” was changed elsewhere (another desk saved version {saved}; "
            f"you were editing version {editing}). Your change was not saved; "
            "the plan has been reloaded with the other changes.",
            title=title, saved=saved, editing=editing,
        )


class DatabaseProblem(HerstelplanError):
    """A known database condition: locked, read-only, full, corrupt, newer, foreign."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)
