"""Item models for the patients panel: the patient list (paged, loads more as the view scrolls) and
one patient's plans."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from planner.domain.model import PatientView, PlanStatus, PlanSummary
from planner.i18n import _, ngettext
from planner.ui.common.formatting import age_years, changed_text, date_text
from planner.ui.common.labels import region_name, status_name
from planner.ui.common.list_delegate import SUBTITLE_ROLE
from planner.ui.common.service_calls import patient_service

if TYPE_CHECKING:
    from planner.services.database import Database

ID_ROLE = Qt.ItemDataRole.UserRole + 1
VIEW_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex

STATUS_COLOURS = {PlanStatus.DRAFT: "#9aa5ad", PlanStatus.ACTIVE: "#2e8b57", PlanStatus.FINISHED: "#3f6fb5"}


class PatientListModel(QAbstractListModel):
    """Patients matching a search, newest activity first, fetched `page_size` at a time."""

    db: Database  # set by the panel's `load(db)` when the window was built before the database opened

    def __init__(self, db: Database | None, *, page_size: int = 100, parent=None):
        super().__init__(parent)
        if db is not None:
            self.db = db
        self.page_size = page_size
        self.query = ""
        self.include_archived = False  # also the archived patients (View → Show archived patients)
        self._rows: list[PatientView] = []
        self._complete = True  # nothing to fetch until a query is set (the view asks at once)

    # -- loading ---------------------------------------------------------------------------------
    def set_query(self, query: str) -> None:
        """Show the first page of patients matching `query` (name or complaint, any case or accents)."""
        self.query = query
        self._load(self.page_size)

    def reload(self) -> None:
        """Re-read as many rows as are shown now (after an edit elsewhere)."""
        self._load(max(self.page_size, len(self._rows)))

    def show_through(self, row: int) -> None:
        """Make sure rows up to `row` are loaded: one query, not a page at a time."""
        if row >= len(self._rows) and not self._complete:
            self._load(row + 1 + self.page_size)

    def _load(self, count: int) -> None:
        rows = patient_service().list_patients(self.db, query=self.query, limit=count, offset=0,
                                             include_archived=self.include_archived)
        self.beginResetModel()
        self._rows = rows
        self._complete = len(rows) < count
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._complete:
            return
        more = patient_service().list_patients(self.db, query=self.query, limit=self.page_size,
                                             offset=len(self._rows), include_archived=self.include_archived)
        known = {row.id for row in self._rows}
        more = [row for row in more if row.id not in known]
        if len(more) < self.page_size:
            self._complete = True
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- reading ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def patient(self, row: int) -> PatientView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, patient_id: int) -> int | None:
        for row, patient in enumerate(self._rows):
            if patient.id == patient_id:
                return row
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        patient = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return patient.name
        if role == Qt.ItemDataRole.ForegroundRole and patient.archived:
            return QColor("#7a858c")
        if role == SUBTITLE_ROLE:
            return _patient_subtitle(patient)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(part for part in (patient.name, patient.complaint) if part)
        if role == ID_ROLE:
            return patient.id
        if role == VIEW_ROLE:
            return patient
        return None


def _patient_subtitle(patient: PatientView) -> str:
    parts = []
    age = age_years(patient.birth_date)
    if age is not None:
        parts.append(ngettext("%(n)d year", "%(n)d years", age) % {"n": age})
    if patient.complaint:
        parts.append(patient.complaint.splitlines()[0])
    elif patient.region:
        parts.append(region_name(patient.region))
    text = " · ".join(parts) or _("No complaint noted")
    return _("Archived") + " · " + text if patient.archived else text


@cache
def status_icon(status: PlanStatus) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    painter.setPen(colour.darker(130))
    painter.setBrush(colour if status is not PlanStatus.DRAFT else Qt.GlobalColor.white)
    painter.drawEllipse(2, 2, 12, 12)
    painter.end()
    return QIcon(pixmap)


class PlanListModel(QAbstractListModel):
    """One patient's plans with status, start date and when they last changed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PlanSummary] = []

    def set_plans(self, plans: list[PlanSummary]) -> None:
        self.beginResetModel()
        self._rows = list(plans)
        self.endResetModel()

    def plan(self, row: int) -> PlanSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, plan_id: int) -> int | None:
        for row, plan in enumerate(self._rows):
            if plan.id == plan_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        plan = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return plan.title
        if role == SUBTITLE_ROLE:
            parts = [status_name(plan.status)]
            if plan.start_date:
                parts.append(_("starts %(date)s") % {"date": date_text(plan.start_date)})
            parts.append(_("changed %(when)s") % {"when": changed_text(plan.updated_at)})
            return " · ".join(parts)
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(plan.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{plan.title}\n{status_name(plan.status)}"
        if role == ID_ROLE:
            return plan.id
        if role == VIEW_ROLE:
            return plan
        return None
