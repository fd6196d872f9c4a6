"""The diary: one page per week, the week's blocks as rows and seven day columns of tick boxes
(one box per session of the day, up to three), plus rows to write the pain during exercise and
the next morning (0–10), the traffic-light legend and room for notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from planner.domain.dosage import volume_words
from planner.domain.kinds import Kind
from planner.handout import markup, styles
from planner.handout.flowables import TickBoxes, WritingLines
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutItem, HandoutOptions, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words

MAX_BOXES = 3


def diary_weeks(plan: HandoutPlan, options: HandoutOptions) -> list[tuple[int, int]]:
    """(plan week, phase index) for every diary page: the weeks of the current phase, or
    `options.diary_weeks` weeks from the start of the current phase (running into later phases)."""
    if not plan.phases:
        return []
    current = plan.phases[plan.current_phase]
    count = options.diary_weeks if options.diary_weeks is not None else max(current.weeks, 1)
    pages = []
    for offset in range(max(count, 0)):
        week = current.first_week + offset
        index = plan.current_phase
        for candidate, phase in enumerate(plan.phases):
            if phase.first_week <= week:
                index = max(index, candidate)
        pages.append((week, index))
    return pages


def boxes_per_day(item: HandoutItem) -> int:
    """Tick boxes per day: one per session when that is a few, otherwise one for 'done today'."""
    times = item.dosage.times_per_day or 1
    return times if times <= MAX_BOXES else 1


def row_words(item: HandoutItem, lang: str) -> str:
    """The dosage for a diary row: the tick boxes already show the times a day and the seven days."""
    dosage = item.dosage
    days = dosage.days_per_week if dosage.days_per_week and dosage.days_per_week < 7 else None
    return volume_words(replace(dosage, times_per_day=None, days_per_week=days), lang)


def _days(plan: HandoutPlan, week: int, w: Words) -> tuple[list[str], dt.date | None]:
    if plan.start_date is None:
        return list(w["days_short"]), None
    first = plan.start_date + dt.timedelta(weeks=week - 1)
    days = [first + dt.timedelta(days=n) for n in range(7)]
    return [f"{w['days_short'][d.weekday()]}<br/>{d.day}" for d in days], first


def _table(items: list[HandoutItem], plan: HandoutPlan, week: int, w: Words, st: Styles) -> Table:
    day_labels, _ = _days(plan, week, w)
    label_w = st.width * 0.40
    day_w = (st.width - label_w) / 7
    box = st.size * 1.1
    head = [Paragraph(markup.bold(w("diary_exercise")), st.cell)]
    head += [Paragraph(f"<b>{label}</b>", st.cell) for label in day_labels]
    data: list[list] = [head]
    for item in items:
        words = row_words(item, w.lang)
        label = markup.bold(markup.clip(item.title, 70))
        if words:
            label += f"<br/>{markup.text(markup.clip(words, 120))}"
        data.append([Paragraph(label, st.cell)] + [TickBoxes(boxes_per_day(item), box) for _ in range(7)])
    for key in ("diary_pain_during", "diary_pain_morning"):
        data.append([Paragraph(markup.bold(w(key)), st.cell)] + [""] * 7)
    heights = [None] * (len(items) + 1) + [st.size * 2.6] * 2
    table = Table(data, colWidths=[label_w] + [day_w] * 7, rowHeights=heights, repeatRows=1)
    pad = st.size * 0.35
    table.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), styles.TINT),
        ("BACKGROUND", (0, len(items) + 1), (0, -1), styles.TINT),
        ("LINEABOVE", (0, len(items) + 1), (-1, len(items) + 1), 1.5, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (1, 1), (-1, -1), 2),  # room for two boxes side by side in large print
        ("RIGHTPADDING", (1, 1), (-1, -1), 2),
    ]))
    return table


def week_page(plan: HandoutPlan, week: int, phase_index: int, w: Words, st: Styles) -> list[Flowable]:
    """One diary page."""
    phase = plan.phases[phase_index]
    items = [item for item in phase.items if item.kind is not Kind.EDUCATION]
    subtitle = w("diary_phase", n=phase_index + 1, name=markup.clip(phase.name, 80))
    _, first = _days(plan, week, w)
    if first is not None:
        last = first + dt.timedelta(days=6)
        subtitle += " · " + w("diary_dates", start=w.short_date(first), end=w.date(last))
    story: list[Flowable] = [
        Paragraph(markup.text(w("diary_title", week=week)), st.h1),
        Paragraph(markup.bold(subtitle), st.lead),
        markup.para(w("diary_how"), st.body),
        Spacer(1, st.size * 0.2),
    ]
    if items:
        story.append(_table(items, plan, week, w, st))
    else:
        story.append(markup.para(w("diary_nothing"), st.body))
    story.append(KeepTogether([
        Spacer(1, st.size * 0.6),
        markup.para(w.light("diary_legend"), st.box),
        Paragraph(markup.bold(w("diary_notes")), st.body),
        WritingLines(2, st.size * 2.2),
    ]))
    return story


def diary(plan: HandoutPlan, options: HandoutOptions, w: Words, st: Styles) -> list[Flowable]:
    """All diary pages, each starting on a new page."""
    story: list[Flowable] = []
    for week, index in diary_weeks(plan, options):
        story.append(PageBreak())
        story.extend(week_page(plan, week, index, w, st))
    return story
