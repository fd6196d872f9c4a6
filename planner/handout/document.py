"""Render a HandoutPlan to PDF bytes with ReportLab Platypus: a pure function of its input.

Order: cover; what changed (if anything); why this works; the pain traffic light; one section per
phase; daily life; a bad day and contact; the diary pages. Every section starts on a new page.
"""

from __future__ import annotations

import threading

from reportlab.platypus import Flowable, PageBreak

from planner.handout import cover, daily, diary, education, fonts, markup, page, phases, styles
from planner.handout.model import HandoutOptions, HandoutPlan
from planner.handout.texts import Words
from planner.handout.trafficlight import traffic_light


def para_text(text: str) -> str:
    """User text made safe for Paragraph markup: escaped, unprintable characters replaced."""
    return markup.text(text)


def story(plan: HandoutPlan, options: HandoutOptions) -> list[Flowable]:
    """The handout's flowables, section by section."""
    w = Words(options.lang)
    st = styles.build(paper=options.paper, large_print=options.large_print)
    front, guide = cover.cover(plan, w, st), cover.how_to(w, st)
    if cover.fits(front + guide, st):
        front, guide = front[:-2] + guide + front[-2:], []
    flow: list[Flowable] = [*front, PageBreak(), *guide]
    flow.extend(education.changes(plan, w, st))
    flow.extend(education.why(plan, w, st))
    flow.append(PageBreak())
    flow.extend(traffic_light(w, st))
    for index in range(len(plan.phases)):
        flow.append(PageBreak())
        flow.extend(phases.phase(plan, index, w, st))
    flow.append(PageBreak())
    flow.extend(daily.daily_life(plan, w, st))
    flow.append(PageBreak())
    flow.extend(daily.bad_day(w, st))
    flow.extend(daily.contact(plan, w, st))
    flow.extend(diary.diary(plan, options, w, st))
    return flow


# ReportLab keeps module-level state (its markup parser, font registry): one render at a time, so a
# preview on one worker thread and an export on another cannot interleave.
_RENDER_LOCK = threading.Lock()


def render(plan: HandoutPlan, options: HandoutOptions) -> bytes:
    """The handout as PDF bytes; the same input gives the same bytes. Safe to call from any thread."""
    with _RENDER_LOCK:
        return _render(plan, options)


def _render(plan: HandoutPlan, options: HandoutOptions) -> bytes:
    fonts.register()
    w = Words(options.lang)
    st = styles.build(paper=options.paper, large_print=options.large_print)
    footer_left = " · ".join(part.strip() for part in (plan.patient_name, plan.clinic.name) if part.strip())
    title = w("cover_title")
    if plan.title.strip():
        title = f"{title}: {plan.title.strip()}"
    meta = page.Metadata(
        title=fonts.printable(title),
        author=fonts.printable(plan.clinic.name.strip()),
        subject=w("meta_subject"),
        lang="nl-NL" if w.lang == "nl" else "en-GB",
    )
    footer = page.Footer(left=footer_left, page_text=w("footer_page"), st=st)
    return page.build(story(plan, options), st=st, footer=footer, meta=meta)
