"""The export dialog, driven like a user: desk handout by default, the whole booklet on request,
large print pre-selected for a patient aged 65 or over; the same choice as a default in settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from planner.handout.model import HandoutOptions
from planner.services import demo, patients, plans
from planner.ui.files.export import default_file_name, export_plan
from planner.ui.files.export_choice import ExportChoiceDialog, older_patient
from planner.ui.settings.settings import HandoutDefaults, Settings


@pytest.fixture
def desk(qapp, tmp_path: Path) -> Settings:
    return Settings.at_path(tmp_path / "desk.ini")


@pytest.fixture
def plan_id(db) -> int:
    return demo.ensure_demo(db)


def _set_birth(db, plan_id: int, birth: dt.date) -> None:
    patients.update_patient(db, plans.get_plan(db, plan_id).patient_id, birth_date=birth)


def _answer(qtbot, monkeypatch, tmp_path: Path, *, clicks: tuple[str, ...] = ()) -> list[ExportChoiceDialog]:
    """When the choice dialog opens: click the named widgets, then 'Choose file…'; the save dialog
    answers tmp_path/out.pdf."""
    seen: list[ExportChoiceDialog] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(tmp_path / "out.pdf"), "")))

    def act() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportChoiceDialog) and w.isVisible())
        seen.append(dialog)
        try:
            for name in clicks:
                getattr(dialog, name).click()  # as a click on the button (offscreen mouse events miss radios)
            qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()  # never leave a test hanging in exec()

    QTimer.singleShot(200, act)
    return seen


def _pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def test_desk_handout_is_the_default_and_large_print_is_preselected_for_65_plus(qtbot, db, desk, plan_id,
                                                                                tmp_path, monkeypatch):
    """Demo patient born 1954: the dialog opens on 'Desk handout' with large print ticked (and says
    why); accepting exports the desk handout in large print."""
    _set_birth(db, plan_id, dt.date(1954, 3, 12))
    seen = _answer(qtbot, monkeypatch, tmp_path)
    job = export_plan(None, db, plan_id, desk)
    dialog = seen[0]
    assert dialog.desk_radio.isChecked() and not dialog.full_radio.isChecked()
    assert dialog.large_print_check.isChecked() and not dialog.older_hint.isHidden()
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert _pages(tmp_path / "out.pdf") <= 12


def test_younger_patient_gets_normal_print_and_the_whole_booklet_on_request(qtbot, db, desk, plan_id,
                                                                             tmp_path, monkeypatch):
    """A 40-year-old: normal print pre-selected; choosing 'Whole booklet' exports every phase."""
    _set_birth(db, plan_id, dt.date.today().replace(year=dt.date.today().year - 40))
    seen = _answer(qtbot, monkeypatch, tmp_path, clicks=("full_radio",))
    job = export_plan(None, db, plan_id, desk)
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert not seen[0].large_print_check.isChecked() and seen[0].older_hint.isHidden()
    assert _pages(tmp_path / "out.pdf") > 8
    text = " ".join(page.extract_text() for page in PdfReader(str(tmp_path / "out.pdf")).pages)
    assert "Fase 3 van 3" in text and "Fase 2 van 3" in text


def test_cancel_in_the_choice_dialog_exports_nothing(qtbot, db, desk, plan_id, tmp_path, monkeypatch):
    """Cancel: no save dialog, no file."""
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: asked.append(args) or ("", "")))

    def cancel() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportChoiceDialog) and w.isVisible())
        dialog.reject()

    QTimer.singleShot(200, cancel)
    assert export_plan(None, db, plan_id, desk) is None
    assert asked == [] and not list(tmp_path.glob("*.pdf"))


def test_the_settings_default_preselects_the_whole_booklet(qtbot, db, desk, plan_id):
    """With 'Whole booklet' as the desk's default, the dialog opens on it; the setting survives a restart."""
    desk.handout_defaults = HandoutDefaults(full=True)
    assert Settings.at_path(desk.qsettings.fileName()).handout_defaults.full is True
    dialog = ExportChoiceDialog(None, HandoutOptions(full=desk.handout_defaults.full), older=False)
    qtbot.addWidget(dialog)
    assert dialog.full_radio.isChecked()
    qtbot.mouseClick(dialog.desk_radio, Qt.MouseButton.LeftButton)
    assert dialog.options().full is False


def test_settings_dialog_has_the_booklet_choice(qtbot, db, desk):
    """Settings → Handout: 'Whole booklet' is a checkbox whose state is saved as the default."""
    from planner.ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(db, desk)
    qtbot.addWidget(dialog)
    assert not dialog.full_booklet_check.isChecked()
    qtbot.mouseClick(dialog.full_booklet_check, Qt.MouseButton.LeftButton)
    assert dialog.handout_defaults().full is True


def test_older_patient_and_file_name_in_the_plans_language(db, plan_id):
    """65 or over counts as older (thresholds.OLDER_ADULT_AGE); a plan without title or name is saved
    under the handout's own title in the plan's language."""
    plan = plans.get_plan(db, plan_id)
    _set_birth(db, plan_id, dt.date(1950, 1, 1))
    assert older_patient(db, plan)
    _set_birth(db, plan_id, dt.date.today().replace(year=dt.date.today().year - 30))
    assert not older_patient(db, plan)
    from dataclasses import replace

    bare = replace(plan, title="", patient_name="", language="nl")
    assert default_file_name(bare) == "Jouw herstelplan.pdf"
    assert default_file_name(replace(bare, language="en")) == "Your recovery plan.pdf"


def test_choice_dialog_in_dutch(qtbot):
    """With the program in Dutch the dialog speaks Dutch (B1)."""
    from planner import i18n

    i18n.set_language("nl")
    try:
        dialog = ExportChoiceDialog(None, HandoutOptions(), older=True)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Handout opslaan"
        assert dialog.full_radio.text() == "&Heel boekje: alle fases volledig"
        assert dialog.older_hint.text().startswith("Grote letters zijn gekozen")
    finally:
        i18n.set_language("en")


def test_exporting_an_english_wizard_plan_in_dutch_proposes_a_dutch_file_name_and_prints_dutch_phases(
        qtbot, db, desk, tmp_path, monkeypatch):
    """Issue 12, finding 4: the plan the wizard made in English ('Plan for your knee', 'Building up'),
    exported as a Dutch handout: the save dialog proposes the Dutch title, the PDF names its phases in Dutch."""
    from planner.domain.plan_words import region_title
    from planner.domain.wizard import WizardRequest
    from planner.services import wizard

    patient = patients.create_patient(db, name="Ann Smith", language="en")
    plan = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(region="knee", language="en", phases=3))
    seen = _answer(qtbot, monkeypatch, tmp_path)
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _parent, _title, path, _filter: proposed.append(path)
                                     or (str(tmp_path / "out.pdf"), "")))
    job = export_plan(None, db, plan.id, desk, options=HandoutOptions(lang="nl"))
    with qtbot.waitSignal(job.finished, timeout=20000):
        pass
    assert seen and Path(proposed[0]).name == f"{region_title('knee', 'nl')} - Ann Smith.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(str(tmp_path / "out.pdf")).pages)
    assert "Begrijpen en rustig beginnen" in text and "Understand and start calmly" not in text
