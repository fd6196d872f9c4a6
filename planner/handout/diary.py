"""The diary: one page for the current phase (more only when the phase has many weeks or the
print is large). Per week a small grid with seven day columns: exercises done (a box a day), pain
during (0–10), a worse next morning (a cross), morning pain (0–10, optional), then a "something
new?" line naming the red-flag signs with "call your therapist today". In a time-contingent plan
each week starts with that week's agreed amount per exercise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from planner.domain import glossary
from planner.domain import thresholds as th
from planner.domain.dosage import Dosage, volume_words
from planner.domain.kinds import Kind
from planner.handout import markup, styles
from planner.handout.flowables import TickBoxes
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutItem, HandoutOptions, HandoutPhase, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words


def diary_weeks(plan: HandoutPlan, options: HandoutOptions) -> list[tuple[int, int]]:
    """(plan week, phase index) for every diary week: the weeks of the current phase, or
    `options.diary_weeks` weeks from the start of the current phase (running into later phases)."""
    if not plan.phases:
        return []
    current = plan.phases[plan.current_phase]
    count = options.diary_weeks if options.diary_weeks is not None else max(current.weeks, 1)
    weeks = []
    for offset in range(max(count, 0)):
        week = current.first_week + offset
        index = plan.current_phase
        for candidate, phase in enumerate(plan.phases):
            if phase.first_week <= week:
                index = max(index, candidate)
        weeks.append((week, index))
    return weeks


def week_amount(item: HandoutItem, week_in_phase: int) -> Dosage:
    """The agreed amount of `item` in week `week_in_phase` (0-based) of its phase in a
    time-contingent plan: the engine's quota for that week (`planner.domain.quotas`), the item's
    dosage where the block has none (not load: breathing, education)."""
    if not item.week_amounts:
        return item.dosage
    return item.week_amounts[max(0, min(week_in_phase, len(item.week_amounts) - 1))]


def row_words(dosage: Dosage, lang: str) -> str:
    """An amount in words without the times a day and the days a week (the grid shows those)."""
    days = dosage.days_per_week if dosage.days_per_week and dosage.days_per_week < 7 else None
    return volume_words(replace(dosage, times_per_day=None, days_per_week=days, pain_limit=None), lang)


def _exercises(phase: HandoutPhase) -> list[HandoutItem]:
    return [item for item in phase.items if item.kind is not Kind.EDUCATION]


def _days(plan: HandoutPlan, week: int, w: Words) -> tuple[list[str], dt.date | None]:
    if plan.start_date is None:
        return list(w["days_short"]), None
    first = plan.start_date + dt.timedelta(weeks=week - 1)
    days = [first + dt.timedelta(days=n) for n in range(7)]
    return [f"{w['days_short'][d.weekday()]} {d.day}" for d in days], first  # one line: 'ma 21' fits


def _grid(plan: HandoutPlan, week: int, w: Words, st: Styles) -> Table:
    """One week: a box a day for 'done' (one box: a day's cell has no room for more that an older hand
    can tick), pain during, a worse morning, morning pain, and the 'something new?' line."""
    labels, first = _days(plan, week, w)
    cell = ParagraphStyle("diary_cell", parent=st.cell, leading=round(st.size * 1.2, 2))  # one-line rows
    title = w("diary_week", week=week)
    label_w = st.width * 0.31
    day_w = (st.width - label_w) / 7
    box = st.size * 1.0
    data: list[list[Any]] = [[Paragraph(markup.bold(title), cell)]  # paragraphs, tick boxes, empty cells
                        + [Paragraph(markup.text(label), cell) for label in labels]]
    data.append([Paragraph(markup.text(w("diary_done")), cell)] + [TickBoxes(1, box) for _ in range(7)])
    data.append([Paragraph(markup.text(w("diary_during")), cell)] + [""] * 7)
    data.append([Paragraph(markup.text(w("diary_worse")), cell)] + [TickBoxes(1, box) for _ in range(7)])
    data.append([Paragraph(markup.text(w("diary_morning")), cell)] + [""] * 7)
    signs = ", ".join(glossary.red_flags_short(w.lang))
    signs = signs[0].upper() + signs[1:]
    data.append([Paragraph(f"☐ {markup.bold(w('diary_new_label'))} {markup.text(w('diary_new', signs=signs))}",
                           cell)] + [""] * 7)
    table = Table(data, colWidths=[label_w] + [day_w] * 7)
    pad = st.size * 0.1
    table.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), styles.TINT),
        ("SPAN", (0, 5), (-1, 5)),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (1, 0), (-1, 4), 1),
        ("RIGHTPADDING", (1, 0), (-1, 4), 1),
    ]))
    return table


def _amounts(week: int, phase: HandoutPhase, w: Words, st: Styles) -> Paragraph | None:
    parts = []
    for item in _exercises(phase):
        words = row_words(week_amount(item, week - phase.first_week), w.lang)
        if words:
            parts.append(f"<b>{markup.text(markup.clip(item.title, 60))}</b>: {markup.text(words)}")
    if not parts:
        return None
    return Paragraph(f"{markup.bold(w('diary_amounts'))} " + "; ".join(parts), st.cell)


def week_block(plan: HandoutPlan, week: int, phase_index: int, w: Words, st: Styles,
               after: Sequence[Flowable] = ()) -> Flowable:
    """One week of the diary, kept together (with `after`, e.g. the legend under the last week)."""
    phase = plan.phases[phase_index]
    flow: list[Flowable] = []
    if plan.time_contingent:
        amounts = _amounts(week, phase, w, st)
        if amounts is not None:
            flow.append(amounts)
            flow.append(Spacer(1, st.size * 0.25))
    flow.append(_grid(plan, week, w, st))
    flow.append(Spacer(1, st.size * 0.15))
    flow.extend(after)
    return KeepTogether(flow)


def diary(plan: HandoutPlan, options: HandoutOptions, w: Words, st: Styles) -> list[Flowable]:
    """The diary for the current phase (the caller starts it on a new page); [] without phases."""
    weeks = diary_weeks(plan, options)
    if not weeks:
        return []
    phase = plan.phases[plan.current_phase]
    story: list[Flowable] = [
        Paragraph(markup.text(w("diary_phase_title", n=plan.current_phase + 1,
                                name=markup.clip(phase.name, 40))), st.h2),
        Paragraph(w("diary_how_short"), st.body),  # own text with <b> markup, no user text
    ]
    if not _exercises(phase):
        story.append(markup.para(w("diary_nothing"), st.body))
    if plan.time_contingent:
        legend = w("diary_legend_time", mornings=th.WORSE_MORNINGS_TO_HOLD, hold=th.HOLD_WEEKS)
    else:
        legend = w.light("diary_legend", plan.pain_limit)
    for number, (week, index) in enumerate(weeks, 1):
        after = [markup.para(legend, st.box)] if number == len(weeks) else []
        story.append(week_block(plan, week, index, w, st, after))
    return story
