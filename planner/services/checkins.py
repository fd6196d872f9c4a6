"""Check-in use cases: record, list, delete and restore check-ins; advice, chart data, summary PDF.

A check-in is the patient's report (often typed in from a paper diary). Recording one is a
transaction of its own with an audit event; it does not change the plan, so the plan's version
(and any open editor) is left alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import select

from planner.domain.errors import NotFound, ValidationError
from planner.domain.messages import Msg, msg, pmsg
from planner.domain.model import CheckInView, NextMorning, PlanView, ProgressionMode
from planner.domain.monitoring import checkin_light
from planner.domain.review import Review as Advice
from planner.domain.series import ProgressSeries, progress_series
from planner.domain.thresholds import RedFlag
from planner.domain.timeline import current_phase_index, planned_sessions_per_week
from planner.handout.progress_summary import ProgressSummary, SummaryRow, render_progress_summary
from planner.i18n import word
from planner.services.clinic import get_clinic
from planner.services.plan_rows import load_plan as _load
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import checkin_view, plan_view

MAX_NOTE = 2000
MAX_SESSIONS = 99


def validate_checkin(fields: dict[str, Any], *, today: dt.date | None = None) -> dict[str, Msg]:
    """Field -> what is wrong and what to do (empty when the check-in can be saved)."""
    today = today or dt.date.today()
    problems: dict[str, Msg] = {}
    date = fields.get("date")
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        problems["date"] = msg("Enter a valid date.")
    elif date > today + dt.timedelta(days=1):
        problems["date"] = msg("The date is in the future: enter the day the patient exercised.")
    elif date.year < 2000:
        problems["date"] = msg("The date is too far in the past.")
    pain = fields.get("pain_during")
    if not isinstance(pain, int) or isinstance(pain, bool) or not 0 <= pain <= 10:
        problems["pain_during"] = msg("Pain during the exercises is a number from {low} to {high}.",
                                      low=0, high=10)
    try:
        NextMorning(cast(str, fields.get("next_morning")))  # None or an unknown word: ValueError
    except ValueError:
        problems["next_morning"] = msg("Choose better, same, worse or unknown for the next morning.")
    for name, top, words in (
            ("morning_pain", 10, msg("Morning pain is a number from {low} to {high} (or leave it empty).",
                                     low=0, high=10)),
            ("expected_harm", 100, msg("Expected harm is a number from {low} to {high} (or leave it empty).",
                                       low=0, high=100))):
        value = fields.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top):
            problems[name] = words
    flags = fields.get("red_flags")
    if flags is not None:
        try:
            [RedFlag(f) for f in flags]
        except (TypeError, ValueError):
            problems["red_flags"] = msg("Unknown red flag: use {choices}.",
                                        choices=", ".join(f.value for f in RedFlag))
    for name in ("sessions_done", "sessions_planned"):
        value = fields.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SESSIONS:
            problems[name] = msg("Sessions are a number from {low} to {high}.", low=0, high=MAX_SESSIONS)
    confidence = fields.get("confidence")
    if confidence is not None and (not isinstance(confidence, int) or not 0 <= confidence <= 10):
        problems["confidence"] = msg("Confidence is a number from {low} to {high} (or leave it empty).",
                                     low=0, high=10)
    if len(fields.get("note") or "") > MAX_NOTE:
        problems["note"] = msg("The note is too long: at most {n} characters.", n=MAX_NOTE)
    return problems


def record_checkin(
    db: Database, plan_id: int, *, date: dt.date, pain_during: int, next_morning: NextMorning | str,
    sessions_done: int, sessions_planned: int, confidence: int | None = None, note: str = "",
    today: dt.date | None = None, checkin_id: int | None = None, morning_pain: int | None = None,
    red_flags: list[str] | tuple[str, ...] | None = None, expected_harm: int | None = None,
) -> CheckInView:
    """Save one check-in for a patient's plan (checkin_id: to restore a deleted one exactly).

    `red_flags`: None when the question was not asked, empty when answered no. A date before the
    plan's start, or a date that already has a check-in, is refused with a message.
    """
    fields = {"date": date, "pain_during": pain_during, "next_morning": next_morning,
              "sessions_done": sessions_done, "sessions_planned": sessions_planned,
              "confidence": confidence, "note": note, "morning_pain": morning_pain,
              "red_flags": red_flags, "expected_harm": expected_harm}
    problems = validate_checkin(fields, today=today)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        plan = session.get(t.Plan, plan_id)
        if plan is None:
            raise NotFound(msg("Plan {plan_id} does not exist.", plan_id=str(plan_id)))
        if plan.is_template:
            raise ValidationError({"plan": msg("A template has no patient: check-ins belong to a patient's plan.")})
        if plan.start_date is not None and date < plan.start_date:
            raise ValidationError({"date": msg("The date is before the plan's start ({start}): enter a day "
                                               "from the start on.", start=plan.start_date)})
        same_day = session.scalar(select(t.CheckIn.id).where(t.CheckIn.plan_id == plan_id, t.CheckIn.date == date))
        if same_day is not None:
            raise ValidationError({"date": msg("There is already a check-in on {date}: delete that one "
                                               "first, or choose another day.", date=date)})
        row = t.CheckIn(id=checkin_id, plan_id=plan_id, date=date, pain_during=pain_during,
                        next_morning=NextMorning(next_morning).value, sessions_done=sessions_done,
                        sessions_planned=sessions_planned, confidence=confidence, note=note.strip(),
                        morning_pain=morning_pain, expected_harm=expected_harm,
                        red_flags=None if red_flags is None else [RedFlag(f).value for f in red_flags])
        session.add(row)
        session.flush()
        audit.record(session, "checkin.add", patient_id=plan.patient_id, plan_id=plan_id, detail=date.isoformat())
        return checkin_view(row)


def list_checkins(db: Database, plan_id: int) -> list[CheckInView]:
    """A plan's check-ins, oldest first."""
    stmt = select(t.CheckIn).where(t.CheckIn.plan_id == plan_id).order_by(t.CheckIn.date, t.CheckIn.id)
    with db.reading() as session:
        return [checkin_view(row) for row in session.scalars(stmt)]


def delete_checkin(db: Database, checkin_id: int) -> CheckInView:
    """Delete a check-in; returns it, so `restore_checkin` can put it back (undo)."""
    with db.transaction() as session:
        row = session.get(t.CheckIn, checkin_id)
        if row is None:
            raise NotFound(msg("Check-in {checkin_id} does not exist.", checkin_id=str(checkin_id)))
        view = checkin_view(row)
        plan = session.get(t.Plan, row.plan_id)
        audit.record(session, "checkin.delete", patient_id=plan.patient_id if plan else None,
                     plan_id=row.plan_id, detail=row.date.isoformat())
        session.delete(row)
        return view


def restore_checkin(db: Database, checkin: CheckInView) -> CheckInView:
    """Undo of delete_checkin: the same check-in back, with its id."""
    return record_checkin(
        db, checkin.plan_id, date=checkin.date, pain_during=checkin.pain_during,
        next_morning=checkin.next_morning, sessions_done=checkin.sessions_done,
        sessions_planned=checkin.sessions_planned, confidence=checkin.confidence, note=checkin.note,
        checkin_id=checkin.id, today=max(checkin.date, dt.date.today()), morning_pain=checkin.morning_pain,
        red_flags=checkin.red_flags, expected_harm=checkin.expected_harm,
    )


@dataclass(frozen=True, slots=True)
class ProgressOverview:
    """One read of everything the progress chart and summary show."""

    plan: PlanView
    checkins: tuple[CheckInView, ...]
    advice: Advice
    series: ProgressSeries
    current_phase: int


def progress_overview(db: Database, plan_id: int, *, today: dt.date | None = None) -> ProgressOverview:
    """The plan, its check-ins, the advice and the chart series, read in one snapshot (the review's)."""
    from planner.services.review import plan_review

    today = today or dt.date.today()
    done = plan_review(db, plan_id, today=today)
    plan, checkins = done.plan, done.checkins
    return ProgressOverview(plan=plan, checkins=checkins, advice=done.review,
                            series=progress_series(plan, checkins),
                            current_phase=current_phase_index(plan, today))


def planned_sessions(db: Database, plan_id: int, *, on: dt.date | None = None) -> int:
    """Sessions a week the plan asks for in the phase current on `on` (the check-in default)."""
    plan = plan_view_for(db, plan_id)
    if not plan.phases:
        return 7
    return planned_sessions_per_week(plan.phases[current_phase_index(plan, on)])


def plan_view_for(db: Database, plan_id: int) -> PlanView:
    with db.reading() as session:
        return plan_view(_load(session, plan_id))


#: The next morning as the progress summary's table says it.
MORNING_WORDS: dict[NextMorning, Msg] = {
    NextMorning.BETTER: pmsg("next morning", "better"), NextMorning.SAME: pmsg("next morning", "same"),
    NextMorning.WORSE: pmsg("next morning", "worse"), NextMorning.UNKNOWN: pmsg("next morning", "unknown"),
}


def mode_message(plan: PlanView) -> Msg:
    """How the plan progresses, in a sentence for the progress summary."""
    if plan.mode is ProgressionMode.TIME:
        return msg("Time-contingent: steps on schedule, at most {pct} % more a week.", pct=plan.weekly_cap_pct)
    return msg("Pain-contingent: a step forward when every next morning was settled and nothing red "
               "(amber is allowed: half a step).")


def progress_summary(db: Database, plan_id: int, *, lang: str, today: dt.date | None = None) -> ProgressSummary:
    """Everything the printable progress summary shows, worded in `lang`."""
    overview = progress_overview(db, plan_id, today=today)
    plan, advice = overview.plan, overview.advice
    rows = tuple(
        SummaryRow(c.date, c.pain_during, checkin_light(c), word(MORNING_WORDS[NextMorning(c.next_morning)], lang),
                   c.sessions_done, c.sessions_planned, c.confidence, c.note)
        for c in overview.checkins
    )
    return ProgressSummary(
        lang=lang, patient_name=plan.patient_name, plan_title=plan.title, goal=plan.goal,
        mode_text=word(mode_message(plan), lang), issued=today or dt.date.today(),
        advice_headline=advice.headline(lang), advice_light=advice.light,
        advice_reasons=advice.reasons(lang), rows=rows, series=overview.series,
        clinic_name=get_clinic(db).name,
    )


def progress_summary_pdf(db: Database, plan_id: int, *, lang: str, today: dt.date | None = None) -> bytes:
    """The short printable progress summary of a plan as PDF bytes."""
    return render_progress_summary(progress_summary(db, plan_id, lang=lang, today=today))
