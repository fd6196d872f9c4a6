"""Render a HandoutPlan to PDF bytes with ReportLab Platypus: a pure function of its input.

The desk handout (default): cover with the roadmap and the next phase as a preview; what changed
(if anything); the rules of the plan's own mode with the red flags; why this works, with the
current phase's lessons; the current phase in full; one diary page. The whole booklet (`full`): every phase in full, daily life and contact
instead of the preview. Sections start on a new page.
"""

from __future__ import annotations

import threading

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from planner.handout import (
    cover,
    daily,
    desk,
    diary,
    education,
    fonts,
    markup,
    page,
    phases,
    rules,
    styles,
)
from planner.handout.model import HandoutOptions, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words
from planner.languages import language

DESK_CHANGES = 5  # lines of "what changed" on the desk handout; the rest is told at the desk
COVER_CHANGES = 8  # ... or as many as this when they fit on the cover


def not_reviewed(w: Words, st: Styles) -> list[Flowable]:
    """On the cover of a handout in a language no therapist who speaks it has checked yet: that
    note, in that language (languages.json, "reviewed"). Nothing for a reviewed language."""
    lang = language(w.lang)
    if lang.reviewed:
        return []
    return [markup.para(w("not_reviewed", language=lang.name), st.box), Spacer(1, st.size * 0.6)]


def _front(plan: HandoutPlan, w: Words, st: Styles, *, roadmap_limit: int | None) -> list[Flowable]:
    """The cover and 'how to use'; what follows flows on (a section heading never ends a page)."""
    front, guide = cover.cover(plan, w, st, roadmap_limit=roadmap_limit), cover.how_to(plan, w, st)
    front[:0] = not_reviewed(w, st)
    if cover.fits(front + guide, st):
        return [*front[:-2], *guide, *front[-2:], _gap(st)]
    return [*front, PageBreak(), *guide, _gap(st)]


def _gap(st: Styles) -> Flowable:
    """Between sections that share pages: a new page only when less than a third is left."""
    return CondPageBreak(st.height * 0.33)


def desk_story(plan: HandoutPlan, options: HandoutOptions, w: Words, st: Styles) -> list[Flowable]:
    """The desk handout: cover with the roadmap, why it works, the rules of the plan's own mode,
    the current phase in full, the next phase as a preview, and one diary page."""
    flow = _front(plan, w, st, roadmap_limit=cover.ROADMAP_ROWS)
    ahead = desk.preview(plan, w, st) if plan.phases else []  # near the roadmap (a phase's end would often
    # take a page); what changed with it on the cover when the cover has the room (all of it, or the first
    # lines), else its first lines after the cover
    for limit in (COVER_CHANGES, DESK_CHANGES):
        news = education.changes(plan, w, st, limit=limit)
        if news and cover.fits([*flow[:-1], *news, *ahead], st):
            flow[-1:-1] = [*news, *ahead]
            break
    else:
        flow[-1:-1] = ahead
        flow.extend(news)
    flow.extend(rules.rules(plan, w, st))  # the rules first: the pages fill better than after 'why'
    flow.append(_gap(st))
    flow.extend(education.why(plan, w, st, with_topics=False, topics=desk.lessons(plan, w, st)))
    if plan.phases:
        flow.append(_gap(st))
        flow.extend(phases.phase(plan, plan.current_phase, w, st, render=desk.block, order=desk.order))
    diary_pages = diary.diary(plan, options, w, st)
    if diary_pages:  # on a page of its own, unless the page before holds only a few lines
        flow.append(CondPageBreak(st.height * 0.75))
        flow.extend(diary_pages)
    return flow


def full_story(plan: HandoutPlan, options: HandoutOptions, w: Words, st: Styles) -> list[Flowable]:
    """The whole booklet: every phase in full, daily life, contact, and the current phase's diary."""
    flow = _front(plan, w, st, roadmap_limit=cover.ROADMAP_ROWS)  # every phase follows in full
    flow.extend(education.changes(plan, w, st))
    flow.extend(rules.rules(plan, w, st))  # the same order as the desk handout
    flow.append(_gap(st))
    flow.extend(education.why(plan, w, st))
    for index in range(len(plan.phases)):
        flow.append(PageBreak())
        flow.extend(phases.phase(plan, index, w, st))
    flow.append(PageBreak())
    flow.extend(daily.daily_life(plan, w, st))
    flow.extend(daily.contact(plan, w, st))
    diary_pages = diary.diary(plan, options, w, st)
    if diary_pages:
        flow.append(PageBreak())
        flow.extend(diary_pages)
    return flow


def story(plan: HandoutPlan, options: HandoutOptions) -> list[Flowable]:
    """The handout's flowables: the desk handout, or the whole booklet with `options.full`."""
    w = Words(options.lang)
    st = styles.build(paper=options.paper, large_print=options.large_print)
    return (full_story if options.full else desk_story)(plan, options, w, st)


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
        lang=language(w.lang).bcp47,
    )
    footer = page.Footer(left=footer_left, page_text=w("footer_page"), st=st)
    return page.build(story(plan, options), st=st, footer=footer, meta=meta)
