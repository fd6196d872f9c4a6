"""Issue 15, item 2 (d): the Dutch program shows no English in any dialog a test can open.

The window is built in Dutch (`apply_ui_language("nl")`: our catalogue and Qt's own), every dialog
is opened the way a therapist opens it, and every visible text is read: titles, labels, buttons,
group boxes, tabs, placeholders, tooltips, table and tree headers. A text fails when it is an
English message id whose Dutch translation differs (shown untranslated), or when it holds a
common English word. The database refusals are opened on a damaged, a foreign and a newer file;
Qt's own file dialog (not the platform's) is opened as the program opens it.

Texts the other helpers are converting right now (the review's reasons, the handout's words) are
listed in ALLOWED with the helper's name, to shrink after merging.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from planner import i18n
from planner.domain.errors import HerstelplanError
from planner.domain.wizard import WizardRequest
from planner.paths import LOCALE_DIR
from planner.services import checkins, patients, wizard
from planner.services.database import open_database
from planner.ui.settings.qt_translations import apply_ui_language
from tests.i18n.test_catalogues import extracted
from tests.ui.helpers import dialog as find_dialog

TODAY = dt.date.today()

# Words that are English and not Dutch (case-insensitive, whole words).
ENGLISH_WORDS = re.compile(
    r"\b(the|and|with|your|you|this|please|cannot|could|should|which|there|been|have|from|into|"
    r"would|what|when|where|choose|select|file|files|folder|name|look|next)\b", re.IGNORECASE)
# Qt's and our own short button words (case-sensitive, whole words).
ENGLISH_BUTTONS = re.compile(r"\b(Cancel|Open|Save|Close|Apply|Yes|Retry|Discard|Delete|Quit|"
                             r"Reset|Finish|Restore|Ignore|Abort)\b")

# Texts that may stay English in the Dutch program, with the reason (or the helper converting them).
ALLOWED: dict[str, str] = {}


@cache
def english_ids() -> dict[str, str]:
    """English message id (without & and a trailing colon or ellipsis) -> its Dutch translation,
    for the ids Dutch words differently."""
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as fp:
        catalogue = read_po(fp, locale="nl")
    out: dict[str, str] = {}
    for message_id, context in extracted():
        text = message_id if isinstance(message_id, str) else message_id[0]
        entry = catalogue.get(text, context=context)
        dutch = entry.string if entry is not None else ""
        dutch = dutch[0] if isinstance(dutch, tuple) else dutch
        if dutch and dutch != text and not re.search(r"%\(|\{", text):
            out[_plain(text)] = dutch
    return out


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text).replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _without_data(text: str) -> str:
    """Leave out what is data, not the program's words: paths, URLs, file names, key names."""
    text = re.sub(r"(`[^`]*`|\w+://\S+|/[^\s,;:)]+|\S+\.(sqlite3|pdf|json|png|jpe?g|svg))", " ", text)
    return re.sub(r"\b(Ctrl|Shift|Alt|Del|Enter|Esc|Tab|PgUp|PgDown|Backspace|Return|F\d+)\b", " ", text)


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user sees in `top` and its visible children."""
    found: list[tuple[str, str]] = [("title", top.windowTitle())]
    widgets = [top, *(w for w in top.findChildren(QWidget) if w.isVisibleTo(top))]
    for widget in widgets:
        where = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.toolTip():
            found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            found.append((where, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            found.append((f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, QTabWidget):
            found += [(f"{where} tab", widget.tabText(i)) for i in range(widget.count())]
        elif isinstance(widget, QComboBox) and widget.isEditable() is False:
            found.append((f"{where} current", widget.currentText()))
        if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
            header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
            if header.isVisibleTo(top):
                model = widget.model()
                found += [(f"{where} header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                          for c in range(model.columnCount(QModelIndex())) if not header.isSectionHidden(c)]
    return [(where, text) for where, text in found if text and text.strip()]


def english_in(texts: list[tuple[str, str]]) -> list[str]:
    problems = []
    ids = english_ids()
    for where, raw in texts:
        text = _plain(raw)
        if text in ALLOWED:
            continue
        if text in ids or text.rstrip(":…. ") in ids:
            problems.append(f"{where}: {text!r} is untranslated (Dutch: {ids.get(text) or ids.get(text.rstrip(':…. '))!r})")
            continue
        rest = _without_data(text)
        words = ENGLISH_WORDS.findall(rest) + ENGLISH_BUTTONS.findall(rest)
        if words:
            problems.append(f"{where}: {text!r} holds English ({', '.join(sorted(set(words)))})")
    return problems


def assert_dutch(top: QWidget) -> None:
    texts = visible_texts(top)
    assert len(texts) >= 2, texts  # the reading itself works
    problems = english_in(texts)
    assert not problems, "\n".join(problems)


# ---- fixtures -----------------------------------------------------------------------------------


@pytest.fixture
def dutch(qapp) -> Iterator[None]:
    apply_ui_language("nl")
    yield
    apply_ui_language("en")


@pytest.fixture
def plan(db):
    """A Dutch patient with a wizard plan that started three weeks ago and two check-ins."""
    patient = patients.create_patient(db, name="Jannie de Vries", language="nl", complaint="Lage rugpijn",
                                      birth_date=dt.date(1950, 5, 1))
    made = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug in beweging", region="lower-back"),
                                          start_date=TODAY - dt.timedelta(days=21))
    for days in (8, 4):
        checkins.record_checkin(db, made.id, date=TODAY - dt.timedelta(days=days), pain_during=3,
                                next_morning="same", sessions_done=3, sessions_planned=4, today=TODAY)
    return made


@pytest.fixture
def window(qtbot, db, tmp_path, dutch, plan):
    from planner.ui.settings.settings import Settings
    from planner.ui.window.main_window import MainWindow
    from tests.ui.helpers import open_plan

    win = MainWindow(db, settings=Settings.at_path(tmp_path / "desk.ini"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    open_plan(win, plan)
    yield win
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
    win.flush()


def _through_action(qtbot, window, action: str, name: str) -> QWidget:
    window.actions[action].trigger()
    return find_dialog(qtbot, name)


# ---- the checks work --------------------------------------------------------------------------


def test_the_check_finds_english_in_a_dialog(qtbot, dutch):
    """An English id left untranslated and an English sentence are both reported."""
    box = QDialog()
    qtbot.addWidget(box)
    box.setWindowTitle("Patients")  # an id Dutch words as "Patiënten"
    QLabel("Choose the file to open", box)
    problems = english_in(visible_texts(box))
    assert any("'Patients' is untranslated" in p for p in problems)
    assert any("Choose the file" in p for p in problems)
    box.setWindowTitle("Patiënten")
    assert len(english_in(visible_texts(box))) == 1


# ---- the window and its dialogs -----------------------------------------------------------------


def test_the_main_window_is_dutch(window):
    assert_dutch(window)


def test_every_menu_entry_is_dutch(window):
    """The menus as the menu bar shows them, with each entry's tooltip and status tip."""
    texts = []
    for top in window.menuBar().actions():
        texts.append(("menu", top.text()))
        for action in top.menu().actions() if top.menu() is not None else ():
            texts += [(f"menu {top.text()}", action.text()), (f"tip {action.text()}", action.statusTip())]
            if action.toolTip() != action.text().replace("&", ""):
                texts.append((f"tooltip {action.text()}", action.toolTip()))
    texts = [(where, text) for where, text in texts if text]
    assert len(texts) > 40
    problems = english_in(texts)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("action", "name"), [
    ("new_patient", "patientDialog"),
    ("edit_patient", "patientDialog"),
    ("new_plan", "newPlanDialog"),
    ("new_plan_wizard", "wizardDialog"),
    ("new_block", "blockDialog"),
    ("backup", "backupDialog"),
    ("restore_backup", "backupDialog"),
    ("outcome_measures", "measuresDialog"),
    ("check_in", "checkInDialog"),
    ("progress_phase", "reviewDialog"),
    ("step_back", "stepBackDialog"),
    ("progress_chart", "chartDialog"),
    ("audit_trail", "auditDialog"),
    ("erase_patient", "eraseDialog"),
    ("shortcuts", "shortcutsDialog"),
])
def test_each_dialog_is_dutch(qtbot, window, action, name):
    assert_dutch(_through_action(qtbot, window, action, name))


def test_the_settings_are_dutch_on_every_tab(qtbot, window):
    settings = _through_action(qtbot, window, "settings", "settingsDialog")
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        assert_dutch(settings)


def test_refusals_in_the_patient_and_block_dialogs_are_dutch(qtbot, window):
    """Saving an empty form shows the services' validation messages: Dutch, not English."""
    patient = _through_action(qtbot, window, "new_patient", "patientDialog")
    patient.birth.setText("31-02-1990x")
    patient.accept()
    assert any(label.isVisible() and label.text() for label in patient.errors.values())
    assert_dutch(patient)
    patient.close()
    block = _through_action(qtbot, window, "new_block", "blockDialog")
    block.accept()
    assert_dutch(block)


def test_the_export_choice_is_dutch(qtbot, dutch):
    from planner.handout.model import HandoutOptions
    from planner.ui.files.export_choice import ExportChoiceDialog

    choice = ExportChoiceDialog(None, HandoutOptions(lang="nl"), older=True)
    qtbot.addWidget(choice)
    choice.show()
    assert_dutch(choice)


def test_about_is_dutch(qtbot, window):
    seen: list[str] = []

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                 and w.parentWidget() is window]  # not a box another test left open
        if not boxes:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(boxes[0].windowTitle())
        problems.extend(english_in(visible_texts(boxes[0])))
        boxes[0].accept()

    problems: list[str] = []
    QTimer.singleShot(0, read_and_close)
    window.actions["about"].trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["Over Herstelplan"]
    assert not problems, "\n".join(problems)


# ---- the database refusals ----------------------------------------------------------------------


def _damaged(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x02" * 8000)


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()


def _newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()


@pytest.mark.parametrize("spoil", [_damaged, _foreign, _newer], ids=["damaged", "foreign", "newer"])
def test_the_database_refusals_are_dutch(qtbot, dutch, db_path, tmp_path, spoil):
    """Open a damaged, a foreign and a newer database: the start-up dialog and the problem box the
    window shows word the store's refusal in Dutch."""
    from planner.ui.common.errors import ErrorReporter
    from planner.ui.files.backup_dialog import StartupProblemDialog

    target = db_path if spoil is not _foreign else tmp_path / "boekhouding.sqlite3"
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    spoil(target)
    with pytest.raises(HerstelplanError) as refused:
        open_database(f"sqlite:///{target}", daily_backup=False).dispose()
    english = str(refused.value)
    shown = StartupProblemDialog(refused.value, f"sqlite:///{target}")
    qtbot.addWidget(shown)
    shown.show()
    text = shown.findChild(QLabel, "problemText").text()
    assert text == i18n.word(refused.value.message, "nl") and text != english
    assert_dutch(shown)
    box = ErrorReporter().show_problem(refused.value)
    qtbot.addWidget(box)
    assert box.text() != english
    assert_dutch(box)


# ---- Qt's own file dialog -----------------------------------------------------------------------


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen],
                         ids=["save", "open"])
def test_qt_file_dialog_is_dutch(qtbot, dutch, tmp_path, mode):
    """The file dialog Qt draws itself (the program's export and restore dialogs, non-native)."""
    box = QFileDialog(None, i18n._("Export handout as PDF"), str(tmp_path), i18n._("PDF files (*.pdf)"))
    box.setOption(QFileDialog.Option.DontUseNativeDialog)
    box.setAcceptMode(mode)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    texts = visible_texts(box)
    assert any("Zoeken in" in text for _where, text in texts), texts
    assert_dutch(box)
