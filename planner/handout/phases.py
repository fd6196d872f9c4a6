"""One section per phase: name, weeks, focus, the blocks in order, and when to move on.

An exercise is one block of the page: what kind it is, its title, why it helps, its picture next
to the numbered steps, a fixed dosage line, the level, the safety cue and the therapist's note.
KeepTogether keeps an exercise with its picture; only text that is longer than a page splits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    ImageAndFlowables,
    KeepTogether,
    Spacer,
    Table,
)

from planner.domain.dosage import detail_words, volume_words
from planner.domain.kinds import Kind
from planner.handout import images, markup, styles
from planner.handout.flowables import BlockHeading, KeepMostlyTogether
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutItem, HandoutPhase, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words

PICTURE_RATIO = 0.6  # the illustrations are drawn 400 × 240


def dose_box(item: HandoutItem, w: Words, st: Styles, *, limit: int | None = None,
             narrow: bool = False) -> Paragraph | None:
    """The scannable dosage line (bold) with the secondary lines under it, in a tinted box.

    The pain limit shows only where it differs from the plan's `limit` (printed once as the rule).
    """
    dosage = item.dosage
    if dosage.pain_limit is not None and dosage.pain_limit == limit:
        dosage = replace(dosage, pain_limit=None)
    main = volume_words(dosage, w.lang)
    details = detail_words(dosage, w.lang)
    if not main and not details:
        return None
    lines = []
    if main:
        lines.append(f"{markup.bold(w('dose_label'))} <b>{markup.text(main)}</b>")
    lines.extend(markup.text(line) for line in details)
    return Paragraph("<br/>".join(lines), st.box_narrow if narrow else st.box)


def numbered(steps: tuple[str, ...], st: Styles) -> list[Flowable]:
    """Numbered steps with a hanging indent."""
    return [markup.para(step, st.step, bulletText=f"{n}.") for n, step in enumerate(steps, 1) if step.strip()]


class _Column(Table):
    """A picture with its dosage box as one 'image' for ImageAndFlowables (which asks its image
    for `_restrictSize`)."""

    def _restrictSize(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: N802
        return self.wrap(avail_width, avail_height)

    def _unRestrictSize(self) -> None:  # noqa: N802
        """Nothing to undo."""


def picture_beside(picture: Flowable | None, text: list[Flowable], st: Styles, *,
                   aside: Sequence[Flowable] = ()) -> list[Flowable]:
    """The picture on the left with `aside` (the dosage box) under it; the text on the right,
    flowing on under the picture column when it is longer (no empty column beside long steps)."""
    if picture is None:
        return [*text, *aside]
    if not text:
        return [picture, Spacer(1, st.size * 0.5), *aside]
    column: Flowable = picture
    if aside:
        column = _Column([[picture], [list(aside)]], colWidths=[st.picture_width])
        column.setStyle(styles.table_style(st, [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), st.size * 0.2),
        ]))
    return flow_around(column, text, st, width=st.picture_width, side="left")


def flow_around(image: Flowable, text: list[Flowable], st: Styles, *, width: float, side: str) -> list[Flowable]:
    """`text` flowing around `image` (`width` wide) on `side`.

    Only about half a page of text flows around the picture; the rest follows at full width
    (ImageAndFlowables re-splits long paragraphs over and over: a 5,000-character text would take minutes).
    """
    text_w = st.width - width - st.size
    around: list[Flowable] = []
    used = 0.0
    for flowable in text:
        used += flowable.wrap(text_w, st.height)[1] + flowable.getSpaceAfter()
        if used > st.height * 0.5:
            break
        around.append(flowable)
    if not around:  # the first paragraph alone is longer than half a page: picture above the text
        return [image, Spacer(1, st.size * 0.4), *text]
    left, right = (0.0, st.size) if side == "left" else (st.size, 3.0)  # 0 and 3: ReportLab's defaults
    beside = ImageAndFlowables(image, around, imageLeftPadding=left, imageRightPadding=right,  # type: ignore[arg-type]  # any flowable serves as the picture
                               imageBottomPadding=st.size * 0.4, imageSide=side)
    return [beside, *text[len(around):]]


def _picture(item: HandoutItem, st: Styles) -> Flowable | None:
    return images.picture(item.image, item.illustration, st.picture_width, st.picture_width * PICTURE_RATIO)


def _note(item: HandoutItem, w: Words, st: Styles) -> list[Flowable]:
    note = item.patient_note.strip()
    if not note:
        return []
    first, *rest = markup.paragraphs(note, st.boxed_note)
    return [Paragraph(f"{markup.bold(w('note_label'))} {first.text}", st.boxed_note), *rest]


def _head(item: HandoutItem, w: Words, st: Styles) -> list[Flowable]:
    head: list[Flowable] = [BlockHeading(markup.para(item.title, st.h3), w.kind(item.kind), st)]
    if item.purpose.strip():
        head.append(markup.para(item.purpose.strip(), st.body))
    return head


def exercise(item: HandoutItem, w: Words, st: Styles, *, limit: int | None = None) -> Flowable:
    """One exercise (breathing, mobility, balance, strength) as a block that stays together.

    The picture with the dosage box under it on the left; why it helps, the steps, the level and
    the safety cue on the right (the room beside a picture is used, the block stays about a third
    of a page); the therapist's note across the page under it.
    """
    flow: list[Flowable] = [BlockHeading(markup.para(item.title, st.h3), w.kind(item.kind), st)]
    steps = numbered(item.steps, st)
    box = dose_box(item, w, st, limit=limit, narrow=True)
    purpose = [markup.para(item.purpose.strip(), st.body)] if item.purpose.strip() else []
    cues = []
    if item.level_text.strip():
        cues.append(markup.labelled(w("level_label"), item.level_text.strip(), st.caution))
    if item.safety.strip():
        cues.append(markup.labelled(w("safety_label"), item.safety.strip(), st.caution))
    picture = _picture(item, st)
    if picture is None:
        wide = dose_box(item, w, st, limit=limit) if box is not None else None
        flow.extend([*purpose, *steps, *([wide] if wide is not None else []), *cues])
    else:
        beside = picture_beside(picture, [*purpose, *steps, *cues], st, aside=[box] if box is not None else ())
        last = 0  # the last step and the cues under the picture go on to the next page together, never a
        while last < min(3, len(beside) - 1) and isinstance(beside[-1 - last], Paragraph):  # lone safety line
            last += 1
        flow.extend([*beside[:-last], KeepTogether(beside[-last:])] if last > 1 else beside)
    flow.extend(_note(item, w, st))
    return KeepMostlyTogether(flow, room=st.height * 0.4)


def education(item: HandoutItem, w: Words, st: Styles, *, limit: int | None = None) -> Flowable:  # noqa: ARG001
    """An education block inside a phase: what to do with it; the text itself is on 'why' pages."""
    flow = _head(item, w, st)
    steps = numbered(item.steps, st)
    if steps:
        steps.insert(0, Paragraph(markup.bold(w("steps_label")), st.body))
    flow.extend(picture_beside(_picture(item, st), steps, st))
    if item.body:
        flow.append(markup.para(w("education_more"), st.caution))
    if item.safety.strip():
        flow.append(markup.labelled(w("safety_label"), item.safety.strip(), st.caution))
    flow.extend(_note(item, w, st))
    return KeepTogether(flow)


def daily(item: HandoutItem, w: Words, st: Styles, *, limit: int | None = None) -> Flowable:
    """A daily-life block inside a phase: title and dosage; the tips are in the daily-life section."""
    flow = _head(item, w, st)
    box = dose_box(item, w, st, limit=limit)
    if box is not None:
        flow.append(box)
    flow.append(markup.para(w("daily_more"), st.caution))
    flow.extend(_note(item, w, st))
    return KeepTogether(flow)


def block(item: HandoutItem, w: Words, st: Styles, *, limit: int | None = None) -> Flowable:
    """One plan item as the whole booklet shows it inside its phase."""
    if item.kind is Kind.EDUCATION:
        return education(item, w, st, limit=limit)
    if item.kind is Kind.DAILY:
        return daily(item, w, st, limit=limit)
    return exercise(item, w, st, limit=limit)


def _labelled(label: str, value: str, style: ParagraphStyle, *, then: str = "") -> list[Paragraph]:
    """User text (one paragraph per block) with `label` in bold before its first block and our
    own sentence `then` after its last: no separate heading line for a one-line answer."""
    blocks: list[Paragraph] = markup.paragraphs(value, style)
    if not blocks:
        return []
    colon = "" if label.rstrip().endswith(("?", ":")) else ":"
    blocks[0] = Paragraph(f"{markup.bold(label + colon)} {blocks[0].text}", style)
    if then:
        blocks[-1] = Paragraph(f"{blocks[-1].text} {markup.text(then)}", style)
    return blocks


BlockRenderer = Callable[..., "Flowable | list[Flowable]"]


def week_dates(plan: HandoutPlan, first_week: int, weeks: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of a run of plan weeks, when the plan has a start date."""
    if plan.start_date is None:
        return None
    start = plan.start_date + dt.timedelta(weeks=first_week - 1)
    return start, start + dt.timedelta(weeks=max(weeks, 1), days=-1)


def phase(plan: HandoutPlan, index: int, w: Words, st: Styles, *, render: BlockRenderer = block,
          order: Callable[[Sequence[HandoutItem]], Sequence[HandoutItem]] = tuple) -> list[Flowable]:
    """The flowables of one phase section (the caller starts it on a new page); `render` draws a
    block, `order` puts the blocks in the order they are printed (the plan's, by default)."""
    ph: HandoutPhase = plan.phases[index]
    total = len(plan.phases)
    when = w.weeks(ph.first_week, ph.weeks)
    dates = week_dates(plan, ph.first_week, ph.weeks)
    if dates is not None:
        when += f" · {w.date(dates[0])} – {w.date(dates[1])}"
    label = w("phase_n_of", n=index + 1, total=total)
    if index == plan.current_phase:
        label += f" · → {w('you_are_here')}"
    story: list[Flowable] = [  # air above when the phase starts under another section
        Paragraph(markup.text(label), ParagraphStyle("phase_label", parent=st.label, spaceBefore=st.size * 0.8)),
        markup.para(ph.name, st.h1),
        Paragraph(markup.bold(when), st.lead),
    ]
    # the focus and the goal of the phase up front, each with its question in bold before it
    story.extend(_labelled(w("focus_label"), ph.focus, st.body))
    if ph.criteria.strip():
        title = w("move_on_title", n=index + 2) if index + 1 < total else w("move_on_last")
        story.extend(_labelled(title, ph.criteria, st.boxed_note, then=w("move_on_note")))
    story.append(Spacer(1, st.size * 0.5))
    items = tuple(order(ph.items or ()))
    if not items:
        story.append(markup.para(w("no_blocks"), st.body))
    for item in items:
        drawn = render(item, w, st, limit=plan.pain_limit)
        drawn = drawn if isinstance(drawn, list) else [drawn]
        if drawn:  # a renderer may leave a block out (the desk handout prints its lessons elsewhere)
            story.extend([CondPageBreak(st.height * 0.25), *drawn, Spacer(1, st.size * 0.6)])
    return story
