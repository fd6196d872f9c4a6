"""Check-ins as use cases: record, validate, delete and restore, advice, chart data and the PDF summary."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from planner.domain.errors import ValidationError
from planner.domain.model import ProgressionMode
from planner.domain.review import Outcome as AdviceKind
from planner.domain.wizard import WizardRequest
from planner.services import checkins, patients, plans, progression, wizard
from planner.store import tables as t

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Mehmet Yilmaz", language="nl")
    return wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Knie sterker", region="knee", weeks=6, phases=2, mode=ProgressionMode.PAIN),
        start_date=TODAY - dt.timedelta(days=8))


def _record(db, plan_id: int, day: int, pain: int, **extra):
    values = {"next_morning": "same", "sessions_done": 3, "sessions_planned": 3, **extra}
    return checkins.record_checkin(db, plan_id, date=TODAY - dt.timedelta(days=day), pain_during=pain,
                                   today=TODAY, **values)


def test_three_check_ins_give_explained_advice_without_touching_the_plan(db, plan):
    """Pain 2, 3, 2 over a week: progress with reasons; the plan's version stays (an open editor is fine)."""
    for day, pain in ((8, 2), (4, 3), (1, 2)):
        _record(db, plan.id, day, pain, confidence=7, note="ging goed")
    assert [c.pain_during for c in checkins.list_checkins(db, plan.id)] == [2, 3, 2]
    advice = progression.current_advice(db, plan.id, today=TODAY)
    assert advice.kind is AdviceKind.PROGRESS
    assert "Vertrouwen in bewegen: 7/10." in advice.reasons("nl")
    assert plans.get_plan(db, plan.id).version == plan.version
    with db.reading() as session:
        actions = session.scalars(select(t.AuditEvent.action).where(t.AuditEvent.plan_id == plan.id)).all()
    assert actions.count("checkin.add") == 3


def test_bad_input_is_refused_with_what_to_do_and_nothing_is_saved(db, plan):
    """Pain 11, a date next month, an unknown morning, negative sessions: one clear message each."""
    with pytest.raises(ValidationError) as caught:
        checkins.record_checkin(db, plan.id, date=TODAY + dt.timedelta(days=30), pain_during=11,
                                next_morning="sometimes", sessions_done=-1, sessions_planned=3, today=TODAY)
    assert set(caught.value.problems) == {"date", "pain_during", "next_morning", "sessions_done"}
    assert "future" in str(caught.value.problems["date"])
    assert checkins.list_checkins(db, plan.id) == []


def test_templates_take_no_check_ins(db):
    """A template has no patient: a check-in is refused."""
    template = plans.create_plan(db, patient_id=None, title="Sjabloon")
    with pytest.raises(ValidationError):
        checkins.record_checkin(db, template.id, date=TODAY, pain_during=2, next_morning="same",
                                sessions_done=1, sessions_planned=1, today=TODAY)


def test_delete_and_restore_keep_the_same_check_in(db, plan):
    """Undo of a delete puts back the same check-in, with its id and note."""
    kept = _record(db, plan.id, 2, 4, note="drukke week")
    deleted = checkins.delete_checkin(db, kept.id)
    assert checkins.list_checkins(db, plan.id) == []
    restored = checkins.restore_checkin(db, deleted)
    assert restored == kept and checkins.list_checkins(db, plan.id) == [kept]


def test_planned_sessions_default_follows_the_current_phase(db, plan):
    """The check-in's default 'planned' is the current phase's exercise days a week."""
    assert checkins.planned_sessions(db, plan.id, on=TODAY) == 7  # breathing and mobility are daily


def test_overview_has_a_point_per_check_in_and_the_summary_pdf_reads_back(db, plan):
    """The chart series counts the check-ins; the PDF names the patient, the advice and its reasons."""
    for day, pain in ((8, 2), (4, 6), (1, 7)):
        _record(db, plan.id, day, pain, next_morning="worse" if pain > 5 else "same")
    overview = checkins.progress_overview(db, plan.id, today=TODAY)
    assert len(overview.series.pain) == 3 and len(overview.series.load) == 2
    assert overview.advice.kind is AdviceKind.STEP_BACK
    pdf = checkins.progress_summary_pdf(db, plan.id, lang="nl", today=TODAY)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Mehmet Yilmaz" in text and "Advies: een stap terug" in text
    assert "rood, pijn 7 tijdens het oefenen is te veel" in text
    assert "slechter" in text
    english = "".join(p.extract_text() for p in PdfReader(io.BytesIO(
        checkins.progress_summary_pdf(db, plan.id, lang="en", today=TODAY))).pages)
    assert "Advice: step back" in english and "Pain-contingent" in english
