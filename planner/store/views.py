"""Turn ORM rows into the frozen views of `planner.domain.model` (inside the session)."""

from __future__ import annotations

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import (
    BlockInfo,
    BlockText,
    CheckInView,
    ClinicInfo,
    Level,
    NextMorning,
    PatientView,
    PhaseView,
    PlanItemView,
    PlanStatus,
    PlanSummary,
    PlanView,
    ProgressionMode,
)
from planner.store import tables as t

DOSAGE_COLUMNS = Dosage.field_names()


def block_view(row: t.Block) -> BlockInfo:
    texts = {
        text.lang: BlockText(
            title=text.title,
            purpose=text.purpose,
            steps=tuple(text.steps or ()),
            safety=text.safety,
            body=tuple(text.body or ()),
        )
        for text in row.texts
    }
    return BlockInfo(
        id=row.id,
        key=row.key,
        kind=Kind(row.kind),
        builtin=row.builtin,
        version=row.version,
        regions=tuple(row.regions or ()),
        equipment=tuple(row.equipment or ()),
        illustration=row.illustration,
        dosage=Dosage.from_dict(row.dosage),
        levels=tuple(Level(nl=lv.get("nl", ""), en=lv.get("en", "")) for lv in row.levels or ()),
        texts=texts,
        has_image=row.image is not None,
        archived=row.archived,
    )


def item_dosage(row: t.PlanItem) -> Dosage:
    return Dosage(**{name: getattr(row, name) for name in DOSAGE_COLUMNS})


def plan_view(row: t.Plan) -> PlanView:
    phases = tuple(
        PhaseView(
            id=phase.id,
            position=phase.position,
            name=phase.name,
            weeks=phase.weeks,
            focus=phase.focus,
            criteria=phase.criteria,
            items=tuple(
                PlanItemView(
                    id=item.id,
                    position=item.position,
                    block=block_view(item.block),
                    dosage=item_dosage(item),
                    patient_note=item.patient_note,
                    private_note=item.private_note,
                )
                for item in phase.items
            ),
        )
        for phase in row.phases
    )
    return PlanView(
        id=row.id,
        title=row.title,
        goal=row.goal,
        language=row.language,
        status=PlanStatus(row.status),
        mode=ProgressionMode(row.mode),
        weekly_cap_pct=row.weekly_cap_pct,
        version=row.version,
        is_template=row.is_template,
        phases=phases,
        patient_id=row.patient_id,
        patient_name=row.patient.name if row.patient is not None else "",
        start_date=row.start_date,
        next_appointment=row.next_appointment,
        template_key=row.template_key,
        updated_at=row.updated_at,
    )


def plan_summary(row: t.Plan, phase_count: int) -> PlanSummary:
    return PlanSummary(
        id=row.id,
        title=row.title,
        status=PlanStatus(row.status),
        start_date=row.start_date,
        updated_at=row.updated_at,
        phases=phase_count,
        is_template=row.is_template,
        language=row.language,
    )


def patient_view(row: t.Patient) -> PatientView:
    return PatientView(
        id=row.id,
        name=row.name,
        birth_date=row.birth_date,
        complaint=row.complaint,
        region=row.region,
        language=row.language,
        private_notes=row.private_notes,
        archived=row.archived,
        updated_at=row.updated_at,
    )


def clinic_view(row: t.Clinic | None) -> ClinicInfo:
    if row is None:
        return ClinicInfo()
    return ClinicInfo(
        name=row.name,
        therapist=row.therapist,
        phone=row.phone,
        email=row.email,
        address=row.address,
        logo=row.logo,
    )


def checkin_view(row: t.CheckIn) -> CheckInView:
    return CheckInView(
        id=row.id,
        plan_id=row.plan_id,
        date=row.date,
        pain_during=row.pain_during,
        next_morning=NextMorning(row.next_morning),
        sessions_done=row.sessions_done,
        sessions_planned=row.sessions_planned,
        confidence=row.confidence,
        note=row.note,
    )
