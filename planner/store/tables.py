"""The ORM tables (SQLAlchemy 2, typed). Alembic migrations in `migrations/` must match these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, column_property, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Block(Base):
    """A library item: built-in (read-only, stable key) or the therapist's own."""

    __tablename__ = "blocks"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    origin_key: Mapped[str | None] = mapped_column(String(120))
    regions: Mapped[list[Any]] = mapped_column(default=list)
    equipment: Mapped[list[Any]] = mapped_column(default=list)
    illustration: Mapped[str | None] = mapped_column(String(200))
    # The therapist's own picture (up to 1200 px): read only when asked for, so lists and plans
    # (which join their blocks) never carry the bytes; has_image says whether there is one.
    image: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    image_mime: Mapped[str | None] = mapped_column(String(40))
    has_image: Mapped[bool] = column_property(image.is_not(None))
    dosage: Mapped[dict[str, Any]] = mapped_column(default=dict)
    levels: Mapped[list[Any]] = mapped_column(default=list)
    search_text: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # How the block progresses (volume, level, rung, none); NULL: derived from its kind and key.
    progression: Mapped[str | None] = mapped_column(String(10))

    texts: Mapped[list[BlockText]] = relationship(
        back_populates="block", cascade="all, delete-orphan", lazy="selectin"
    )


class BlockText(Base):
    """Patient-facing texts of a block in one language."""

    __tablename__ = "block_texts"

    block_id: Mapped[int] = mapped_column(ForeignKey("blocks.id", ondelete="CASCADE"), primary_key=True)
    lang: Mapped[str] = mapped_column(String(5), primary_key=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[list[Any]] = mapped_column(default=list)
    safety: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[list[Any]] = mapped_column(default=list)

    block: Mapped[Block] = relationship(back_populates="texts")


class Patient(Base):
    __tablename__ = "patients"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    complaint: Mapped[str] = mapped_column(Text, default="")
    region: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(5), default="nl")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    fell_last_year: Mapped[bool] = mapped_column(Boolean, default=False)
    fears_falling: Mapped[bool] = mapped_column(Boolean, default=False)

    plans: Mapped[list[Plan]] = relationship(back_populates="patient", cascade="all, delete-orphan")


class Plan(Base):
    """A patient's plan, or a template when it has no patient."""

    __tablename__ = "plans"
    __table_args__ = (Index("ix_plans_patient_id_updated_at", "patient_id", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"))
    is_template: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    template_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    template_version: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200), default="")
    goal: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="nl")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    next_appointment: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    mode: Mapped[str] = mapped_column(String(10), default="time")  # time-contingent: the default
    weekly_cap_pct: Mapped[int] = mapped_column(Integer, default=10)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # The roadmap: the phase the patient is in (a phase id; NULL: the first phase), the accepted
    # reviews (step backs with the dosages before them, holds, moves on) and the exposure ladder.
    current_phase_id: Mapped[int | None] = mapped_column(Integer)
    review_log: Mapped[list[Any] | None] = mapped_column(JSON)
    exposure: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Balance rungs the therapist ticked "done safely in the practice": [[block key, level], ...].
    practice_ticks: Mapped[list[Any] | None] = mapped_column(JSON)
    # The message the program wrote as the title (planner.domain.made_words; NULL: typed, or older).
    made_title: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    patient: Mapped[Patient | None] = relationship(back_populates="plans")
    phases: Mapped[list[Phase]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Phase.position"
    )
    checkins: Mapped[list[CheckIn]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="CheckIn.date"
    )

    __mapper_args__ = {"version_id_col": version}


class Phase(Base):
    __tablename__ = "phases"
    __table_args__ = (Index("ix_phases_plan_id_position", "plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200), default="")
    weeks: Mapped[int] = mapped_column(Integer, default=2)
    focus: Mapped[str] = mapped_column(Text, default="")
    criteria: Mapped[str] = mapped_column(Text, default="")
    # The messages the program wrote as name, focus and criteria: {"name": message data, ...}.
    made_words: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    plan: Mapped[Plan] = relationship(back_populates="phases")
    items: Mapped[list[PlanItem]] = relationship(
        back_populates="phase", cascade="all, delete-orphan", order_by="PlanItem.position"
    )


class PlanItem(Base):
    """A block placed in a phase with its own dosage and notes."""

    __tablename__ = "plan_items"
    __table_args__ = (Index("ix_plan_items_phase_id_position", "phase_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("phases.id", ondelete="CASCADE"))
    block_id: Mapped[int] = mapped_column(ForeignKey("blocks.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    sets: Mapped[int | None] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    hold_seconds: Mapped[int | None] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)
    rest_seconds: Mapped[int | None] = mapped_column(Integer)
    times_per_day: Mapped[int | None] = mapped_column(Integer)
    days_per_week: Mapped[int | None] = mapped_column(Integer)
    load_kg: Mapped[float | None] = mapped_column(Float)
    effort: Mapped[int | None] = mapped_column(Integer)
    pain_limit: Mapped[int | None] = mapped_column(Integer)
    breaths_per_minute: Mapped[int | None] = mapped_column(Integer)
    inhale_seconds: Mapped[int | None] = mapped_column(Integer)
    exhale_seconds: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[int | None] = mapped_column(Integer)
    patient_note: Mapped[str] = mapped_column(Text, default="")
    private_note: Mapped[str] = mapped_column(Text, default="")

    phase: Mapped[Phase] = relationship(back_populates="items")
    block: Mapped[Block] = relationship(lazy="joined")


class CheckIn(Base):
    """A dated report from the patient: the basis for monitoring and advice."""

    __tablename__ = "checkins"
    __table_args__ = (Index("ix_checkins_plan_id_date", "plan_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    pain_during: Mapped[int] = mapped_column(Integer)
    next_morning: Mapped[str] = mapped_column(String(10))
    sessions_done: Mapped[int] = mapped_column(Integer, default=0)
    sessions_planned: Mapped[int] = mapped_column(Integer, default=0)
    confidence: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    morning_pain: Mapped[int | None] = mapped_column(Integer)
    # The red-flag question: NULL not asked, [] answered no, else the flags answered yes.
    red_flags: Mapped[list[Any] | None] = mapped_column(JSON)
    expected_harm: Mapped[int | None] = mapped_column(Integer)

    plan: Mapped[Plan] = relationship(back_populates="checkins")


class PlanRevision(Base):
    """A snapshot of a plan as handed to the patient, for 'what changed since your last visit'."""

    __tablename__ = "plan_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(40), default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Clinic(Base):
    """Clinic details shown on every handout; one row, shared by every desk."""

    __tablename__ = "clinic"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    therapist: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    logo_mime: Mapped[str | None] = mapped_column(String(40))


class AuditEvent(Base):
    """Who changed which patient's plan when (NEN 7513 style trail)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(120), default="")
    patient_id: Mapped[int | None] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str] = mapped_column(Text, default="")


class Measure(Base):
    """One series of an outcome measure for a patient: NPRS, GPE, one PSK/PSFS activity, or an
    own measure. A replaced PSK/PSFS activity ends its series (`ended_on`) and a new one starts."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(Text, default="")  # the activity in the patient's words, or a name
    unit: Mapped[str] = mapped_column(String(40), default="")
    better: Mapped[str] = mapped_column(String(10))
    real_change: Mapped[float | None] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    replaces_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    scores: Mapped[list[MeasureScore]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", passive_deletes=True,
        order_by="MeasureScore.date",
    )


class MeasureScore(Base):
    """One dated score; it carries its instrument and direction, so it reads right on its own."""

    __tablename__ = "measure_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    instrument: Mapped[str] = mapped_column(String(10))
    better: Mapped[str] = mapped_column(String(10))
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plans.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    measure: Mapped[Measure] = relationship(back_populates="scores")
