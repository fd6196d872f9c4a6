"""One diary week as a grid, laid out like the printed diary page: the seven days as columns, and
rows for pain during (0–10), the next morning (b/s/w; empty = unknown), morning pain (optional) and,
when the plan has an exposure ladder, the expected harm of the current rung (0–100).

Type a digit or a letter in a cell to fill it; Tab and Enter move on. Days before the plan's start,
after today, or that already have a check-in are shown but cannot be typed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from planner.domain.messages import msg
from planner.domain.model import CheckInView, NextMorning
from planner.domain.thresholds import EXPOSURE_SCALE_MAX, PAIN_SCALE_MAX
from planner.i18n import N_, SOURCE_LANGUAGE, _, current_language, word
from planner.languages import language

# Each row's label and the top of its scale (None: not a number).
ROWS = ((N_("Pain during ({low}–{high})"), PAIN_SCALE_MAX), (N_("Next morning (b/s/w)"), None),
        (N_("Morning pain ({low}–{high})"), PAIN_SCALE_MAX), (N_("Expected harm ({low}–{high})"), EXPOSURE_SCALE_MAX))
PAIN, MORNING, MORNING_PAIN, HARM = range(4)
MORNING_WORDS = {
    # English letters b/s/w; the Dutch grid shows b/h/s ("s" for slechter is read in Dutch, below).
    "b": NextMorning.BETTER, "better": NextMorning.BETTER, "beter": NextMorning.BETTER, "+": NextMorning.BETTER,
    "s": NextMorning.SAME, "same": NextMorning.SAME, "h": NextMorning.SAME, "hetzelfde": NextMorning.SAME,
    "=": NextMorning.SAME,
    "w": NextMorning.WORSE, "worse": NextMorning.WORSE, "slechter": NextMorning.WORSE, "-": NextMorning.WORSE,
    "?": NextMorning.UNKNOWN, "u": NextMorning.UNKNOWN, "unknown": NextMorning.UNKNOWN, "onbekend": NextMorning.UNKNOWN,
}
LOCKED = QColor("#eeeeee")


def typed_morning(text: str) -> NextMorning | None:
    """The letters of the program's language come first: in Dutch b (beter), h (hetzelfde),
    s (slechter), where an English "s" would mean "same"."""
    if current_language() == SOURCE_LANGUAGE:
        return None
    return {_("b"): NextMorning.BETTER, _("s"): NextMorning.SAME, _("w"): NextMorning.WORSE}.get(text)


def row_label(row: int) -> str:
    text, high = ROWS[row]
    return word(msg(text, low=0, high=high)) if high is not None else _(text)


def _day(date: dt.date) -> str:
    """"ma 04-05" / "Mon 04-05": the weekday as the program's language abbreviates it."""
    from babel.dates import format_date

    return f"{format_date(date, 'EEE', locale=language(current_language()).locale)} {date:%d-%m}"


def morning_letter(value: NextMorning) -> str:
    return {NextMorning.BETTER: _("b"), NextMorning.SAME: _("s"), NextMorning.WORSE: _("w"),
            NextMorning.UNKNOWN: "?"}[value]


@dataclass(frozen=True, slots=True)
class DayEntry:
    date: dt.date
    pain: int
    morning: NextMorning
    morning_pain: int | None
    harm: int | None


class WeekGrid(QTableWidget):
    """The grid of one week; `entries()` reads the typed days, or raises ValueError with a message."""

    def __init__(self, *, exposure: bool, parent=None):
        super().__init__(len(ROWS) if exposure else len(ROWS) - 1, 7, parent)
        self.setObjectName("weekGrid")
        self.setVerticalHeaderLabels([row_label(r) for r in range(self.rowCount())])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.days: list[dt.date] = []
        self.open_days: set[dt.date] = set()

    def show_week(self, first: dt.date, *, start: dt.date | None, today: dt.date,
                  saved: dict[dt.date, CheckInView]) -> None:
        """Lay out the week from `first`; saved days show their values, locked."""
        self.days = [first + dt.timedelta(days=n) for n in range(7)]
        self.setHorizontalHeaderLabels([_day(d) for d in self.days])
        self.open_days = set()
        for column, day in enumerate(self.days):
            old = saved.get(day)
            locked = old is not None or day > today or (start is not None and day < start)
            if not locked:
                self.open_days.add(day)
            values = ["", "", "", ""]
            if old is not None:
                values = [str(old.pain_during), morning_letter(old.next_morning),
                          "" if old.morning_pain is None else str(old.morning_pain),
                          "" if old.expected_harm is None else str(old.expected_harm)]
            for row in range(self.rowCount()):
                cell = QTableWidgetItem(values[row])
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if locked:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
                    cell.setBackground(LOCKED)
                self.setItem(row, column, cell)
        first_open = next((c for c, d in enumerate(self.days) if d in self.open_days), 0)
        self.setCurrentCell(PAIN, first_open)

    def _number(self, row: int, column: int, top: int, what: str) -> int | None:
        text = self.item(row, column).text().strip()
        if not text:
            return None
        if not text.isdigit() or not 0 <= int(text) <= top:
            day = self.days[column]
            raise ValueError(word(msg("{day}: {what} is a number from {low} to {high}.", day=f"{day:%d-%m}",
                                      what=what, low=0, high=top)), row, column)
        return int(text)

    def entries(self) -> list[DayEntry]:
        """The typed days (a day counts when its pain is filled in)."""
        out: list[DayEntry] = []
        for column, day in enumerate(self.days):
            if day not in self.open_days:
                continue
            pain = self._number(PAIN, column, PAIN_SCALE_MAX, _("pain during"))
            morning_text = self.item(MORNING, column).text().strip().lower()
            morning_pain = self._number(MORNING_PAIN, column, PAIN_SCALE_MAX, _("morning pain"))
            harm = self._number(HARM, column, EXPOSURE_SCALE_MAX, _("expected harm")) if self.rowCount() > HARM else None
            if pain is None:
                if morning_text or morning_pain is not None or harm is not None:
                    raise ValueError(word(msg("{day}: fill in the pain during the exercises ({low} to {high}).",
                                              day=f"{day:%d-%m}", low=0, high=PAIN_SCALE_MAX)), PAIN, column)
                continue
            if morning_text and morning_text not in MORNING_WORDS and typed_morning(morning_text) is None:
                raise ValueError(_("%(day)s: the next morning is b (better), s (same) or w (worse); "
                                   "leave it empty when not known.") % {"day": f"{day:%d-%m}"}, MORNING, column)
            morning = typed_morning(morning_text) or MORNING_WORDS.get(morning_text, NextMorning.UNKNOWN)
            out.append(DayEntry(day, pain, morning, morning_pain, harm))
        return out
