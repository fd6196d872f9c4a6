"""Turn ORM rows into the frozen views of `planner.domain.model` (inside the session)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.made_words import MadeWords, stored_message
from planner.domain.model import (
    BlockInfo,
    BlockText,
    CheckInView,
    ClinicInfo,
    ExposureLadder,
    Level,
    NextMorning,
    PatientView,
    PhaseView,
    PlanItemView,
    PlanStatus,
    PlanSummary,
    PlanView,
    ProgressionMode,
    ReviewEntry,
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
        levels=tuple(Level.from_data(lv) for lv in row.levels or ()),
        texts=texts,
        has_image=bool(row.has_image),
        archived=row.archived,
        progression=row.progression,
    )


def block_views(block_rows: Iterable[Any], text_rows: Iterable[Any]) -> list[BlockInfo]:
    """BlockInfo from plain column rows (a Core select: no ORM objects, no image bytes), in the order
    of `block_rows`. A block row has the `blocks` columns without `image`, plus `has_image`; a text
    row has the `block_texts` columns. The same views as `block_view`, several times faster. Rows
    without dosage, levels, steps, safety or body (a brief list) give empty ones."""
    empty: tuple[Any, ...] = ()
    texts: dict[int, dict[str, BlockText]] = {}
    text_rows = list(text_rows)
    if text_rows:
        at = {name: i for i, name in enumerate(text_rows[0]._fields)}  # rows read by position: faster
        block_id, lang, title, purpose = at["block_id"], at["lang"], at["title"], at["purpose"]
        steps, safety, body = at.get("steps"), at.get("safety"), at.get("body")
        for text in text_rows:
            texts.setdefault(text[block_id], {})[text[lang]] = BlockText(
                title=text[title],
                purpose=text[purpose],
                steps=tuple(text[steps] or empty) if steps is not None else empty,
                safety=text[safety] if safety is not None else "",
                body=tuple(text[body] or empty) if body is not None else empty,
            )
    block_rows = list(block_rows)
    if not block_rows:
        return []
    at = {name: i for i, name in enumerate(block_rows[0]._fields)}
    id_, key, kind, builtin, version = at["id"], at["key"], at["kind"], at["builtin"], at["version"]
    regions, equipment, illustration = at["regions"], at["equipment"], at["illustration"]
    has_image, archived, dosage, levels = at["has_image"], at["archived"], at.get("dosage"), at.get("levels")
    kinds = {k.value: k for k in Kind}
    no_dosage = Dosage()
    return [
        BlockInfo(
            id=row[id_],
            key=row[key],
            kind=kinds.get(row[kind]) or Kind(row[kind]),
            builtin=row[builtin],
            version=row[version],
            regions=tuple(row[regions] or empty),
            equipment=tuple(row[equipment] or empty),
            illustration=row[illustration],
            dosage=Dosage.from_dict(row[dosage]) if dosage is not None and row[dosage] else no_dosage,
            levels=tuple(Level.from_data(lv) for lv in row[levels] or empty)
            if levels is not None else empty,
            texts=texts.get(row[id_], {}),
            has_image=bool(row[has_image]),
            archived=row[archived],
        )
        for row in block_rows
    ]


def brief_block_views(rows: Iterable[tuple[Any, ...]], languages: Sequence[str]) -> list[BlockInfo]:
    """BlockInfo for a list: from tuples (id, key, kind, builtin, version, regions, equipment,
    illustration, archived, has_image, then title and purpose for each of `languages`). Regions and
    equipment may come as JSON text (each distinct text is decoded once). Dosage, levels, steps,
    safety and body are left empty."""
    empty: tuple[Any, ...] = ()
    kinds = {k.value: k for k in Kind}
    tags: dict[Any, tuple[str, ...]] = {None: empty}

    def tag_tuple(value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            found = tags.get(value)
            if found is None:
                found = tags[value] = tuple(json.loads(value) or empty)
            return found
        return tuple(value or empty)

    no_dosage = Dosage()
    result = []
    for row in rows:
        id_, key, kind, builtin, version, regions, equipment, illustration, archived, has_image = row[:10]
        texts = {}
        for n, lang in enumerate(languages):
            title, purpose = row[10 + 2 * n], row[11 + 2 * n]
            if title is not None:
                texts[lang] = BlockText(title=title, purpose=purpose or "")
        result.append(BlockInfo(
            id=id_, key=key, kind=kinds.get(kind) or Kind(kind), builtin=bool(builtin), version=version,
            regions=tag_tuple(regions), equipment=tag_tuple(equipment), illustration=illustration,
            dosage=no_dosage, levels=empty, texts=texts, has_image=bool(has_image), archived=bool(archived),
        ))
    return result


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
            made=MadeWords.from_data(phase.made_words),
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
        current_phase_id=row.current_phase_id,
        review_log=tuple(ReviewEntry.from_json(e) for e in row.review_log or ()),
        exposure=ExposureLadder.from_json(row.exposure),
        patient_birth_date=row.patient.birth_date if row.patient is not None else None,
        practice_ticks=frozenset((str(k), int(lv)) for k, lv in row.practice_ticks or ()),
        made_title=stored_message(row.made_title),
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
        fell_last_year=bool(row.fell_last_year),
        fears_falling=bool(row.fears_falling),
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
        morning_pain=row.morning_pain,
        red_flags=None if row.red_flags is None else tuple(row.red_flags),
        expected_harm=row.expected_harm,
    )
