"""'In daily life': the plan's daily-life blocks (their text, steps and how much per phase), then a
few short tips; and the contact page."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from planner.domain.dosage import volume_words
from planner.domain.kinds import Kind
from planner.handout import images, markup
from planner.handout.cover import clinic_lines
from planner.handout.flowables import WritingLines
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutItem, HandoutPlan
from planner.handout.phases import flow_around, numbered
from planner.handout.styles import Styles
from planner.handout.texts import Words


def daily_items(plan: HandoutPlan) -> list[tuple[HandoutItem, list[tuple[int, HandoutItem]]]]:
    """Each daily-life block once (by title), with its place in every phase that has it."""
    found: dict[str, tuple[HandoutItem, list[tuple[int, HandoutItem]]]] = {}
    for index, phase in enumerate(plan.phases):
        for item in phase.items:
            if item.kind is not Kind.DAILY:
                continue
            entry = found.setdefault(item.title, (item, []))
            entry[1].append((index, item))
    return list(found.values())


def _daily_block(item: HandoutItem, phases: list[tuple[int, HandoutItem]], w: Words, st: Styles) -> list[Flowable]:
    text: list[Flowable] = []
    for paragraph in item.body or ((item.purpose,) if item.purpose else ()):
        text.extend(markup.paragraphs(paragraph, st.body))
    text.extend(numbered(item.steps, st))
    width = st.side_picture_width
    picture = images.picture(item.image, item.illustration, width, width * 0.6)
    story: list[Flowable] = [markup.para(item.title, st.h2)]
    if picture is not None and text:
        # a new page unless the heading, the picture and a few lines fit: never a heading alone at the foot
        story.insert(0, CondPageBreak(picture.wrap(width, st.height)[1] + st.h2.leading * 2 + st.size * 2))
        story.extend(flow_around(picture, text, st, width=width, side="right"))
    else:
        story.extend(text)
    lines = []
    for index, phase_item in phases:
        words = volume_words(phase_item.dosage, w.lang)
        if words:
            lines.append(f"{markup.bold(w('daily_in_phase', n=index + 1))} {markup.text(words)}")
    if lines:
        story.append(Paragraph("<br/>".join(lines), st.box))
    if item.safety.strip():
        story.append(markup.labelled(w("safety_label"), item.safety.strip(), st.caution))
    return story


def daily_life(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """The daily-life section."""
    story: list[Flowable] = [
        Paragraph(markup.text(w("daily_title")), st.h1),
        markup.para(w("daily_intro"), st.lead),
    ]
    for item, phases in daily_items(plan):
        story.extend(_daily_block(item, phases, w, st))
    tips: list[Flowable] = [Paragraph(markup.text(w("tips_title")), st.h2)]
    tips.extend(markup.para(tip, st.bullet, bulletText="•") for tip in w["tips"])
    story.append(KeepTogether(tips))
    return story


def contact(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """Contact details and the next appointment (or lines to write it on)."""
    story: list[Flowable] = [Paragraph(markup.text(w("contact_title")), st.h1)]
    lines = clinic_lines(plan.clinic, w)
    if lines:
        story.append(markup.para(w("contact_intro"), st.body))
        story.append(Paragraph("<br/>".join(lines), st.boxed_note))
    appointment: list[Flowable] = [Paragraph(markup.text(w("next_title")), st.h2)]
    if plan.next_appointment is not None:
        appointment.append(Paragraph(markup.bold(w.appointment(plan.next_appointment)), st.box))
    else:
        appointment.append(markup.para(w("next_none"), st.body))
        appointment.append(WritingLines(2, st.size * 2.2))
    appointment.append(Spacer(1, st.size * 0.5))
    appointment.append(markup.para(w("bring"), st.body))
    story.extend(appointment)
    return [Spacer(1, st.size), KeepTogether(story)]  # one short section: never split over two pages
