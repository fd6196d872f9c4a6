"""The two small forms of the outcome measures: one visit's scores, and a new activity or measure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError, ValidationError
from planner.domain.measures import SPECS, Better, GpeAnswer, Instrument
from planner.i18n import _, word
from planner.services.measure_report import DIRECTION, GPE_WORDS
from planner.services.measures import MeasureView

NOT_MEASURED = "—"


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


class VisitForm(QDialog):
    """Scores of one visit: a field per active measure; an empty field is 'not measured'."""

    def __init__(self, measures: tuple[MeasureView, ...], *, today: dt.date, follow_up: bool,
                 submit: Callable[[dt.date, dict[int, float]], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.submit = submit
        self.setObjectName("visitForm")
        self.setWindowTitle(_("Record measurement"))
        self.date = QLineEdit(today.isoformat(), objectName="visitDate")
        self.date.setPlaceholderText(_("YYYY-MM-DD"))
        self.fields: dict[int, QWidget] = {}
        form = QFormLayout()
        form.addRow(_("Date"), self.date)
        for measure in measures:
            if not measure.active:
                continue
            if measure.instrument is Instrument.GPE:
                if not follow_up:
                    continue  # GPE asks about change since the start: follow-ups only
                box = QComboBox(objectName=f"score{measure.id}")
                box.addItem(NOT_MEASURED, None)
                for answer in GpeAnswer:
                    box.addItem(f"{answer.code} {_(GPE_WORDS[answer])}", answer.code)
                widget: QWidget = box
            else:
                spec = SPECS.get(measure.instrument)
                spin = QDoubleSpinBox(objectName=f"score{measure.id}")
                low, high = (spec.low, spec.high) if spec else (-1_000_000.0, 1_000_000.0)
                spin.setDecimals(0 if spec else 1)
                spin.setRange(low - 1, high)  # one below the range means "not measured"
                spin.setSpecialValueText(NOT_MEASURED)
                spin.setValue(low - 1)
                widget = spin
            direction = DIRECTION[measure.better]
            label = measure.label or measure.instrument.value.upper()
            if measure.instrument in (Instrument.PSK, Instrument.PSFS):
                label = f"{measure.instrument.value.upper()}: {measure.label}"
            suffix = f" ({_(direction)})" if direction else ""
            form.addRow(label + suffix, widget)
            self.fields[measure.id] = widget
        self.error = QLabel(objectName="visitError", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Save, and close only when the scores were saved; otherwise say what to correct."""
        date = self.visit_date()
        if date is None:
            self.error.setText(_("Write the date as YYYY-MM-DD."))
            return
        try:
            self.submit(date, self.values())
        except ValidationError as error:
            self.error.setText("\n".join(word(m) for m in error.problems.values()))
            return
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            return
        super().accept()

    def values(self) -> dict[int, float]:
        out: dict[int, float] = {}
        for measure_id, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                if widget.currentData() is not None:
                    out[measure_id] = float(widget.currentData())
            elif isinstance(widget, QDoubleSpinBox) and widget.value() > widget.minimum():
                out[measure_id] = widget.value()
        return out

    def visit_date(self) -> dt.date | None:
        return parse_date(self.date.text())


class MeasureForm(QDialog):
    """A new series: NPRS, GPE, a PSK or PSFS activity in the patient's words, or an own measure."""

    def __init__(self, submit: Callable[[MeasureForm], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.submit = submit
        self.setObjectName("measureForm")
        self.setWindowTitle(_("Add activity or measure"))
        self.instrument = QComboBox(objectName="instrumentBox")
        names = {Instrument.NPRS: _("NPRS: average pain, last 24 hours"),
                 Instrument.PSK: _("PSK: an activity the patient finds hard"),
                 Instrument.PSFS: _("PSFS: an activity the patient wants to do again"),
                 Instrument.GPE: _("GPE: change since the start (follow-ups)"),
                 Instrument.CUSTOM: _("An own measure (minutes, metres, a count)")}
        for instrument, text in names.items():
            self.instrument.addItem(text, instrument.value)
        self.label = QLineEdit(objectName="measureLabel")
        self.label.setPlaceholderText(_("In the patient's words, e.g. walking 10 minutes"))
        self.unit = QLineEdit(objectName="measureUnit")
        self.better = QComboBox(objectName="measureBetter")
        self.better.addItem(_(DIRECTION[Better.HIGHER]), Better.HIGHER.value)
        self.better.addItem(_(DIRECTION[Better.LOWER]), Better.LOWER.value)
        self.line = QSpinBox(objectName="measureLine")
        self.line.setRange(0, 100000)
        self.line.setSpecialValueText(_("none"))
        self.hint = QLabel(objectName="measureHint", wordWrap=True)
        form = QFormLayout()
        form.addRow(_("Measure"), self.instrument)
        form.addRow(_("Activity or name"), self.label)
        form.addRow(_("Unit"), self.unit)
        form.addRow(_("Which way is better"), self.better)
        form.addRow(_("Line for a real change"), self.line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.instrument.currentIndexChanged.connect(self._follow)
        self._follow()

    def accept(self) -> None:
        try:
            self.submit(self)
        except ValidationError as error:
            self.hint.setText("\n".join(word(m) for m in error.problems.values()))
            return
        except HerstelplanError as error:
            self.hint.setText(word(error.message))
            return
        super().accept()

    def chosen(self) -> Instrument:
        return Instrument(self.instrument.currentData())

    def _follow(self) -> None:
        instrument = self.chosen()
        own = instrument is Instrument.CUSTOM
        for widget in (self.unit, self.better, self.line):
            widget.setEnabled(own)
        self.label.setEnabled(own or instrument in (Instrument.PSK, Instrument.PSFS))
        spec = SPECS.get(instrument)
        if spec is None:
            self.hint.setText(_("Give the name, the unit and which way is better."))
        elif spec.real_change is None:
            self.hint.setText(_("No line for a real change."))
        else:
            text = _("%(direction)s; a real change is %(line)s points") % {
                "direction": _(DIRECTION[spec.better]), "line": f"{spec.real_change:g}"}
            self.hint.setText(text + (" (" + _("borrowed") + ")" if spec.borrowed else ""))
