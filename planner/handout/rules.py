"""The rules of the plan's own mode, on as few pages as they need: the pain traffic light for a
pain-contingent plan, the agreed amount for graded activity, the ladder rule only when the plan
holds a ladder; then the red flags and what to do on a bad day. Never another mode's rules.

Every number comes from `planner.domain.thresholds`, every concept's word from the glossary.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from planner.domain import glossary
from planner.domain import thresholds as th
from planner.handout import markup, styles
from planner.handout.flowables import framed, heading
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words
from planner.handout.trafficlight import light_table


def numbers(w: Words) -> dict[str, Any]:
    """The placeholders of the rule texts, from the threshold table."""
    share = th.QUOTA_MISSED_SHARE
    return {
        "less": glossary.step_back_words(w.lang),
        "days": th.CALL_AFTER_DAYS,
        "settled": th.SETTLED_TO_RESUME,
        "mornings": th.WORSE_MORNINGS_TO_HOLD,
        "hold": th.HOLD_WEEKS,
        "share": w("half") if share == 0.5 else f"{round(share * 100)} %",
        "twice": th.QUOTA_MISSED_REVIEW,
        "max": th.EXPOSURE_MOVE_ON_MAX,
    }


def _fill(w: Words, key: str, values: dict[str, Any]) -> list[str]:
    return w.lines(key, **values)


def _list(title: str, lines: list[str], st: Styles, *, numbered: bool = False) -> list[Flowable]:
    """A heading with its list; the list may go on on the next page between two items (the heading
    stays with the first two), so a short page never leaves a large gap."""
    items = [markup.para(line, st.step if numbered else st.bullet, bulletText=f"{n}." if numbered else "•")
             for n, line in enumerate(lines, 1)]
    return [KeepTogether([Paragraph(markup.text(title), st.h2), *items[:2]]), *items[2:]]


def pain_rules(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """The pain traffic light with the plan's limit, the step back and when to call."""
    values = numbers(w)
    values["days"] = th.STEP_BACK_MIN_DAYS
    back = _fill(w, "tl_back_pain", values)
    values["days"] = th.CALL_AFTER_DAYS
    return [
        KeepTogether([
            Paragraph(markup.text(w("tl_title")), st.h1),
            markup.para(w("tl_intro"), st.body),
            Spacer(1, st.size * 0.3),
            light_table(w, st, plan.pain_limit),
            markup.para(w("plan_limit", limit=plan.pain_limit), st.box),
        ]),
        *_list(w("tl_back_title"), back, st),
        *_list(w("tl_call_title"), _fill(w, "tl_call_pain", values), st),
    ]


def time_rules(w: Words, st: Styles) -> list[Flowable]:
    """Graded activity: keep to the agreed amount; three worse mornings; a missed week; when to call."""
    values = numbers(w)
    return [
        Paragraph(markup.text(w("ga_title")), st.h1),
        markup.para(w("ga_intro"), st.body),
        *_list(w("ga_rules_title"), w["ga_rules"], st, numbered=True),
        *_list(w("ga_worse_title", **values), _fill(w, "ga_worse", values), st),
        markup.para(w("ga_missed", **values), st.box),
        *_list(w("tl_call_title"), _fill(w, "ga_call", values), st),
    ]


def ladder_rules(w: Words, st: Styles) -> list[Flowable]:
    """The graded-exposure rule, for a plan that holds a ladder."""
    return [*heading(w("ladder_title"), st.h2, st), markup.para(w("ladder_rule", **numbers(w)), st.body)]


def red_flags(w: Words, st: Styles) -> Flowable:
    """'Something new? Call your therapist today', naming every sign (in two columns), and the
    signs that need the GP the same day."""
    signs = [markup.para(sign[0].upper() + sign[1:], st.bullet, bulletText="•") for sign in glossary.red_flags(w.lang)]
    half = (len(signs) + 1) // 2
    inner = st.width - st.size * 1.4
    columns = Table([[signs[:half], signs[half:]]], colWidths=[inner / 2, inner / 2])
    columns.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), st.size * 0.5),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    box = framed([Paragraph(markup.bold(w("flags_title")), st.h3), markup.para(w("flags_intro"), st.body),
                  columns, Spacer(1, st.size * 0.3), Paragraph(markup.bold(w("flags_same_day")), st.body)], st)
    return KeepTogether([Spacer(1, st.size * 0.5), box])


def flare_up(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """What to do on a bad day or in a flare-up, by the plan's own mode."""
    key = "flare_time" if plan.time_contingent else "flare_pain"
    return _list(w("flare_title_short"), _fill(w, key, numbers(w)), st, numbered=True)


def rules(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """The whole rules section (the caller starts it on a new page)."""
    story = time_rules(w, st) if plan.time_contingent else pain_rules(plan, w, st)
    if plan.has_ladder:
        story.extend(ladder_rules(w, st))
    story.extend(flare_up(plan, w, st))
    story.append(red_flags(w, st))
    return story
