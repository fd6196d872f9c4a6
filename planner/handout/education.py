"""'Why this works' (own framing plus the body text of the plan's education blocks) and
'what changed since your last visit'."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from planner.domain.kinds import Kind
from planner.handout import images, markup, phases, styles
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutItem, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words


def education_items(plan: HandoutPlan) -> list[HandoutItem]:
    """The plan's education blocks in plan order, each once."""
    seen: set[str] = set()
    found = []
    for phase in plan.phases:
        for item in phase.items:
            if item.kind is Kind.EDUCATION and item.title not in seen:
                seen.add(item.title)
                found.append(item)
    return found


def changes(plan: HandoutPlan, w: Words, st: Styles, *, limit: int | None = None) -> list[Flowable]:
    """The 'what changed since your last visit' list (at most `limit` lines, then how many more),
    or nothing when there are no changes."""
    lines = [line for line in plan.changes if line.strip()]
    if not lines:
        return []
    story: list[Flowable] = [Paragraph(markup.text(w("changes_title")), st.h2)]
    shown = lines if limit is None or len(lines) <= limit else lines[: limit - 1]
    story.extend(markup.para(line.strip(), st.bullet, bulletText="•") for line in shown)
    if len(shown) < len(lines):
        story.append(markup.para(w("changes_more", n=len(lines) - len(shown)), st.bullet, bulletText="•"))
    story.append(Spacer(1, st.size))
    return story


def _pillars(w: Words, st: Styles) -> Table:
    cells = [[Paragraph(f"{markup.bold(name)}<br/>{markup.text(text)}", st.cell)]
             for name, text in w["why_pillars"]]
    row = [cell[0] for cell in cells]
    table = Table([row], colWidths=[st.width / len(row)] * len(row))
    table.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), styles.TINT),
        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
        ("LINEABOVE", (0, 0), (-1, 0), 2.5, styles.ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), st.size * 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.size * 0.6),
        ("LEFTPADDING", (0, 0), (-1, -1), st.size * 0.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), st.size * 0.4),
    ]))
    return table


def _topic(item: HandoutItem, w: Words, st: Styles) -> list[Flowable]:
    paragraphs: list[Flowable] = []
    for text in item.body or ((item.purpose,) if item.purpose else ()):
        paragraphs.extend(markup.paragraphs(text, st.body))
    if item.safety.strip():
        paragraphs.append(markup.labelled(w("safety_label"), item.safety.strip(), st.caution))
    if item.patient_note.strip():
        paragraphs.extend(markup.paragraphs(item.patient_note, st.boxed_note))
    if not paragraphs:
        return []
    heading = markup.para(item.title, st.h2)
    width = st.side_picture_width
    picture = images.picture(item.image, item.illustration, width, width * 0.75)
    if picture is None:
        return [heading, *paragraphs]
    # a new page unless the heading, the picture and a few lines fit: never a heading alone at the foot
    room = CondPageBreak(picture.wrap(width, st.height)[1] + st.h2.leading * 2 + st.size * 2)
    return [room, heading, *phases.flow_around(picture, paragraphs, st, width=width, side="right")]


def why(plan: HandoutPlan, w: Words, st: Styles, *, with_topics: bool = True,
        topics: Sequence[Flowable] = ()) -> list[Flowable]:
    """The 'why this works' section; `with_topics` adds the texts of the plan's education blocks,
    `topics` other flowables in their place (the desk handout's blocks of the current phase)."""
    story: list[Flowable] = [Paragraph(markup.text(w("why_title")), st.h1)]
    story.extend(markup.para(text, st.body) for text in w["why_intro"])
    pillars = [Spacer(1, st.size * 0.3), _pillars(w, st), Spacer(1, st.size * 0.5)]
    if not topics:
        story.extend(pillars)
    for item in education_items(plan) if with_topics else ():
        story.extend(_topic(item, w, st))
    story.extend(topics)
    if topics:  # the desk's lessons right under the 'why' (they fill the page), the summary after them
        story.extend(pillars)
    expect: list[Flowable] = [Paragraph(markup.text(w("why_expect_title")), st.h2)]
    expect.extend(markup.para(text, st.body) for text in w["why_expect_time" if plan.time_contingent else "why_expect_pain"])
    story.append(KeepTogether(expect))
    return story
