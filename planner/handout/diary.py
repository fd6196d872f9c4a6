"""The diary: one page for the current phase (more only when the phase has many weeks or the
print is large). At the top how to fill it in and "something new?" naming the red-flag signs with
"call your therapist today"; in a time-contingent plan the agreed amounts as one table (a line per
exercise, the weeks side by side, an amount that stays the same printed once) with the plan's rule
under it, in a pain-contingent plan the pain traffic light's bands. Then per week a small grid with
seven day columns: exercises done (a box a day), pain during (0–10), a worse next morning (a cross),
morning pain (0–10, optional) and something new (a box a day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
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


def something_new(w: Words, st: Styles) -> Paragraph:
    """'Something new?' with every red-flag sign and 'call your therapist today': once on the page,
    above the weeks that each ask it (a box a day)."""
    signs = ", ".join(glossary.red_flags_short(w.lang))
    return Paragraph(f"{markup.bold(w('diary_new_label'))} {markup.text(w('diary_new_tick', signs=signs))}",
                     _tight(st.boxed_note, st))


def _tight(style: ParagraphStyle, st: Styles) -> ParagraphStyle:
    """A box of the diary page with less air around it (the page holds a phase of three weeks)."""
    pad = st.size * 0.4
    return ParagraphStyle(f"{style.name}_diary", parent=style, borderPadding=pad, leftIndent=pad,
                          rightIndent=pad, spaceBefore=pad + 2, spaceAfter=pad + 5)


def _title(text: str, st: Styles) -> Paragraph:
    """The diary's heading, one line: at heading size when it fits, else a size smaller."""
    style = st.h2 if stringWidth(text, st.h2.fontName, st.h2.fontSize) <= st.width else st.h3
    return Paragraph(markup.text(text), ParagraphStyle("diary_title", parent=style, textColor=st.h2.textColor))


def _grid(plan: HandoutPlan, week: int, w: Words, st: Styles) -> Table:
    """One week: a box a day for 'done' (one box: a day's cell has no room for more that an older hand
    can tick), pain during, a worse morning, morning pain, and 'something new?' (the signs are named
    once, above the weeks)."""
    labels, first = _days(plan, week, w)
    cell = ParagraphStyle("diary_cell", parent=st.cell, leading=round(st.size * 1.2, 2))  # one-line rows
    title = w("diary_week", week=week)
    label_w = st.width * 0.27  # 'Ochtend slechter' fits; 'Wed 23' too
    day_w = (st.width - label_w) / 7
    box = st.size * 1.0
    data: list[list[Any]] = [[Paragraph(markup.bold(title), cell)]  # paragraphs, tick boxes, empty cells
                        + [Paragraph(markup.text(label), cell) for label in labels]]
    data.append([Paragraph(markup.text(w("diary_done")), cell)] + [TickBoxes(1, box) for _ in range(7)])
    data.append([Paragraph(markup.text(w("diary_during")), cell)] + [""] * 7)
    data.append([Paragraph(markup.text(w("diary_worse")), cell)] + [TickBoxes(1, box) for _ in range(7)])
    data.append([Paragraph(markup.text(w("diary_morning")), cell)] + [""] * 7)
    data.append([Paragraph(markup.bold(w("diary_new_label")), cell)] + [TickBoxes(1, box) for _ in range(7)])
    table = Table(data, colWidths=[label_w] + [day_w] * 7)
    pad = st.size * 0.1
    table.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), styles.TINT),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (1, 0), (-1, -1), 1),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1),
    ]))
    return table


def _amount_rows(plan: HandoutPlan, weeks: Sequence[tuple[int, int]], lang: str) -> dict[str, dict[int, Dosage]]:
    """Every exercise of the diary weeks (title, in plan order) with its agreed amount per week."""
    rows: dict[str, dict[int, Dosage]] = {}
    for week, index in weeks:
        phase = plan.phases[index]
        for item in _exercises(phase):
            if row_words(item.dosage, lang) or item.week_amounts:
                rows.setdefault(item.title, {})[week] = week_amount(item, week - phase.first_week)
    return rows


def _common_days(amounts: Sequence[Dosage]) -> int | None:
    """The days a week shared by every week's amount (told once beside the name), or None."""
    days = {dosage.days_per_week for dosage in amounts}
    only = days.pop() if len(days) == 1 else None
    return only if only and only < 7 else None


AMOUNT_WEEKS = 3  # weeks side by side in one amounts table (a cell keeps room for '2 keer 11 herhalingen')


def _amounts_table(title: str, rows: dict[str, dict[int, Dosage]], weeks: Sequence[int], w: Words,
                   st: Styles, *, rule: str = "") -> Table:
    """One line per exercise, the weeks side by side; an amount that stays the same in these weeks
    (breathing, a hold) is printed once across them."""
    cell = ParagraphStyle("diary_amount", parent=st.cell, leading=round(st.size * 1.2, 2))
    week_w = min(st.width * 0.2, (st.width * 0.62) / len(weeks))
    name_w = st.width - week_w * len(weeks)
    data: list[list[Any]] = [[Paragraph(markup.bold(title), cell)]
                        + [Paragraph(markup.bold(w("diary_week", week=week)), cell) for week in weeks]]
    spans: list[tuple[Any, ...]] = []
    for name, by_week in rows.items():
        amounts = [by_week[week] for week in weeks if week in by_week]
        if not amounts:
            continue
        label = markup.bold(markup.clip(name, 60))
        words = [row_words(by_week[week], w.lang) if week in by_week else "–" for week in weeks]
        if len(set(words)) == 1 and len(weeks) > 1:  # the same every week: once, across the table
            spans.append(("SPAN", (0, len(data)), (-1, len(data))))
            data.append([Paragraph(f"{label}: {markup.text(words[0])}", cell)] + [""] * len(weeks))
            continue
        days = _common_days(amounts)  # the days a week beside the name, the weeks' cells stay short
        if days:
            label += "<br/>" + markup.text(volume_words(Dosage(days_per_week=days), w.lang))
            words = [row_words(replace(by_week[week], days_per_week=None), w.lang) if week in by_week else "–"
                     for week in weeks]
        data.append([Paragraph(label, cell)] + [Paragraph(markup.text(text), cell) for text in words])
    if rule:  # the rule for these amounts under them, across the table
        spans.append(("SPAN", (0, len(data)), (-1, len(data))))
        spans.append(("BACKGROUND", (0, len(data)), (-1, len(data)), styles.TINT))
        data.append([Paragraph(markup.text(rule), cell)] + [""] * len(weeks))
    table = Table(data, colWidths=[name_w] + [week_w] * len(weeks), repeatRows=1)
    pad = st.size * 0.1
    table.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), styles.TINT),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad * 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        *spans,
    ]))
    return table


def amounts(plan: HandoutPlan, weeks: Sequence[tuple[int, int]], w: Words, st: Styles, *,
            rule: str = "") -> list[Flowable]:
    """The agreed amounts of the diary weeks: a table of at most AMOUNT_WEEKS weeks side by side,
    with `rule` under the last one."""
    rows = _amount_rows(plan, weeks, w.lang)
    if not rows:
        return []
    numbers = [week for week, _ in weeks]
    flow: list[Flowable] = []
    for start in range(0, len(numbers), AMOUNT_WEEKS):
        last = start + AMOUNT_WEEKS >= len(numbers)
        flow.append(_amounts_table(w("ga_title"), rows, numbers[start:start + AMOUNT_WEEKS], w, st,
                                   rule=rule if last else ""))
        flow.append(Spacer(1, st.size * 0.5))
    return flow


def diary(plan: HandoutPlan, options: HandoutOptions, w: Words, st: Styles) -> list[Flowable]:
    """The diary for the current phase (the caller starts it on a new page); [] without phases."""
    weeks = diary_weeks(plan, options)
    if not weeks:
        return []
    phase = plan.phases[plan.current_phase]
    story: list[Flowable] = [
        _title(w("diary_phase_title", n=plan.current_phase + 1, name=markup.clip(phase.name, 40)), st),
        Paragraph(w("diary_how_short"), st.body),  # own text with <b> markup, no user text
        something_new(w, st),
    ]
    if not _exercises(phase):
        story.append(markup.para(w("diary_nothing"), st.body))
    table = amounts(plan, weeks, w, st, rule=w("diary_legend_time", mornings=th.WORSE_MORNINGS_TO_HOLD,
                                                  hold=th.HOLD_WEEKS)) if plan.time_contingent else []
    if table:  # graded activity: the amounts once, the weeks side by side, the rule under them
        story.extend(table)
    elif plan.time_contingent:
        story.append(markup.para(w("diary_legend_time", mornings=th.WORSE_MORNINGS_TO_HOLD, hold=th.HOLD_WEEKS),
                                 _tight(st.box, st)))
    else:  # the pain traffic light's bands, before the numbers they are about
        story.append(markup.para(w.light("diary_legend", plan.pain_limit), _tight(st.box, st)))
    for week, _ in weeks:
        story.append(KeepTogether([_grid(plan, week, w, st), Spacer(1, st.size * 0.3)]))
    return story
