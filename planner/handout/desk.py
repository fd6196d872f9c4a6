"""The desk handout's own parts: the current phase's education blocks in full on the 'why' pages
(`lessons`), its daily-life blocks in full under the phase's heading and then its exercises, whole,
two to a page (`order`, `block`); and the next phase as a short preview.

The whole booklet (`--full`) keeps the education texts on the 'why' pages and the daily-life texts
in their own section; the desk handout has no room for a daily-life section, so it prints those
blocks in the phase. Text blocks may go on on the next page; exercise blocks never leave a gap they
could not fill, so the text blocks come first and the exercises follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from planner.domain.kinds import Kind
from planner.handout import images, markup, phases
from planner.handout.flowables import BlockHeading
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutItem, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words


def _text_block(item: HandoutItem, w: Words, st: Styles, *, limit: int | None) -> list[Flowable]:
    """An education or daily-life block in full: heading, text with the picture, steps, amount,
    safety line and the therapist's note. Long texts split between pages; the heading stays with
    them, and the steps stay with the amount and safety line (what to do, on one page)."""
    body: list[Flowable] = []
    for paragraph in item.body or ((item.purpose,) if item.purpose else ()):
        body.extend(markup.paragraphs(paragraph, st.body))
    steps = phases.numbered(item.steps, st)
    if steps and item.kind is Kind.EDUCATION:
        steps.insert(0, Paragraph(markup.bold(w("steps_label")), st.body))
    tail: list[Flowable] = []
    box = phases.dose_box(item, w, st, limit=limit) if item.kind is Kind.DAILY else None
    if box is not None:
        tail.append(box)
    if item.safety.strip():
        tail.append(markup.labelled(w("safety_label"), item.safety.strip(), st.caution))
    width = st.side_picture_width
    narrow = st.width - width - st.size
    todo = [*steps, *tail]
    together = bool(body) and _height(todo, st.width) < st.height * 0.35  # else they go on as they fit
    text = body if together else [*body, *steps]
    picture = images.picture(item.image, item.illustration, width, width * phases.PICTURE_RATIO)
    heading: Flowable = BlockHeading(markup.para(item.title, st.h3), w.kind(item.kind), st)
    story: list[Flowable] = [CondPageBreak(st.height * 0.2)]  # never a heading alone at the bottom
    if picture is not None and text:
        story.append(KeepTogether([heading, Spacer(1, st.size * 0.3)]))
        story.extend(phases.flow_around(picture, text, st, width=width, side="right"))
    else:
        story.append(heading)
        story.extend(text)
    if together:
        story.append(KeepTogether(todo))
    elif tail:  # the amount and safety line keep the last two lines of text with them
        keep: list[Flowable] = []
        while story and isinstance(story[-1], Paragraph) and len(keep) < 2:
            keep.insert(0, story.pop())
        story.append(KeepTogether([*keep, *tail]))
    story.extend(phases._note(item, w, st))  # noqa: SLF001 - the same note box as in the booklet
    if _height([*body, *todo], narrow) < st.height * 0.25:  # a short block stays together: no page of a few stray lines
        return [story[0], KeepTogether(story[1:])]
    return story


def _height(flowables: list[Flowable], width: float) -> float:
    return sum(f.wrap(width, 10_000)[1] + f.getSpaceAfter() for f in flowables)


def lessons(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """The current phase's education blocks in full, for the 'why this works' pages: what they
    explain is why the plan works (the whole booklet keeps their texts there too)."""
    if not plan.phases:
        return []
    story: list[Flowable] = []
    for item in plan.phases[plan.current_phase].items:
        if item.kind is Kind.EDUCATION:
            story.extend(_text_block(item, w, st, limit=plan.pain_limit))
            story.append(Spacer(1, st.size * 0.6))
    return story


def order(items: Sequence[HandoutItem]) -> list[HandoutItem]:
    """The desk's order in a phase: daily life first (text that may go on on the next page, right
    under the phase's heading), then the exercises in the plan's order, whole, two to a page."""
    return [item for item in items if item.kind is Kind.DAILY] + [item for item in items if item.kind is not Kind.DAILY]


def block(item: HandoutItem, w: Words, st: Styles, *, limit: int | None = None) -> Flowable | list[Flowable]:
    """One item of the current phase on the desk handout (its education blocks are on the 'why'
    pages: `lessons`)."""
    if item.kind is Kind.EDUCATION:
        return []
    if item.kind is Kind.DAILY:
        return _text_block(item, w, st, limit=limit)
    return phases.exercise(item, w, st, limit=limit)


def preview(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """The next phase in a few lines: its name, from which week, its focus, and what is new."""
    index = plan.current_phase + 1
    if index >= len(plan.phases):
        return [markup.para(w("last_phase"), st.box)]
    nxt, now = plan.phases[index], plan.phases[plan.current_phase]
    known = {item.title for item in now.items}
    new = [item.title for item in nxt.items if item.title not in known and item.kind is not Kind.EDUCATION]
    flow: list[Flowable] = [
        Paragraph(markup.text(w("next_phase_title", n=index + 1, name=markup.clip(nxt.name, 120))), st.h2),
        markup.para(w("next_phase_when", week=nxt.first_week), st.body),
    ]
    if nxt.focus.strip():
        flow.append(markup.para(markup.clip(nxt.focus, 400), st.body))
    if new:  # one paragraph, not a list: the preview stays a few lines
        names = ", ".join(markup.clip(title, 80) for title in new[:12])
        flow.append(Paragraph(f"{markup.bold(w('next_phase_items'))} {markup.text(names)}.", st.body))
    else:
        flow.append(markup.para(w("next_phase_same"), st.body))
    return [KeepTogether(flow)]
