"""The cover: "Jouw herstelplan", the patient's name and own goal, the plan as a timeline, the
therapist and clinic, and how to use the booklet."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from planner.domain.model import ClinicInfo
from planner.handout import images, markup
from planner.handout.flowables import Timeline, TimelineRow, WritingLines, framed
from planner.handout.markup import Paragraph
from planner.handout.model import HandoutGain, HandoutPlan
from planner.handout.styles import Styles
from planner.handout.texts import Words

CLINIC_FIELD_MAX = 500  # the longest clinic field the settings accept
ROADMAP_ROWS = 8  # the desk cover shows at most this many phases around the current one


def roadmap_window(plan: HandoutPlan, limit: int | None = ROADMAP_ROWS) -> range:
    """The phases the cover's roadmap shows: all of them, or `limit` around the current phase."""
    count = len(plan.phases)
    if limit is None or count <= limit:
        return range(count)
    first = min(max(plan.current_phase - 2, 0), count - limit)
    return range(first, first + limit)


def timeline(plan: HandoutPlan, w: Words, st: Styles, *, limit: int | None = ROADMAP_ROWS) -> Flowable | None:
    """The phases as bars across the weeks, the current one marked; None for a plan without phases."""
    if not plan.phases:
        return None
    rows = []
    window = roadmap_window(plan, limit)
    for index in window:
        phase = plan.phases[index]
        label = f"<b>{index + 1}.</b> {markup.text(markup.clip(phase.name, 80))}"
        current = index == plan.current_phase
        if current:
            label += f"<br/><b>{markup.text('→ ' + w('you_are_here'))}</b>"
        rows.append(TimelineRow(label=label, first_week=phase.first_week, weeks=max(phase.weeks, 1),
                                weeks_text=w.weeks(phase.first_week, phase.weeks), current=current))
    shown = [plan.phases[index] for index in window]
    total = max(p.first_week + max(p.weeks, 1) - 1 for p in shown)
    return Timeline(rows, total_weeks=total, week_word=w("week"), st=st, first_week=shown[0].first_week)


def clinic_lines(clinic: ClinicInfo, w: Words, *, with_address: bool = True) -> list[str]:
    """'Label value' lines (markup) for the clinic details that are filled in."""
    lines = []
    for key, value in (
        ("therapist_label", clinic.therapist),
        ("clinic_label", clinic.name),
        ("phone_label", clinic.phone),
        ("email_label", clinic.email),
        ("address_label", clinic.address if with_address else ""),
    ):
        if value.strip():  # clipped to the field's limit: the lines go into boxes that cannot split
            lines.append(f"{markup.bold(w(key))}: {markup.text(markup.clip(value, CLINIC_FIELD_MAX))}")
    return lines


def _heading(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    title = Paragraph(markup.text(w("cover_title")), st.cover_title)
    logo = images.bitmap(plan.clinic.logo, 5.0 * cm, 2.2 * cm)
    if logo is None:
        return [title]
    logo.hAlign = "RIGHT"
    return [logo, Spacer(1, st.size * 0.6), title]


def contact_box(plan: HandoutPlan, w: Words, st: Styles) -> Flowable:
    """The therapist and clinic with the phone number, or a line to write the number on."""
    lines = clinic_lines(plan.clinic, w)
    flow: list[Flowable] = []
    if lines:  # a paragraph, not a table cell: long clinic details split over pages
        flow.append(Paragraph("<br/>".join(lines), st.body))
    if not plan.clinic.phone.strip():
        flow.append(Paragraph(markup.bold(w("phone_write")), st.body))
        flow.append(WritingLines(1, st.size * 2.0))
    if plan.next_appointment is not None:
        flow.append(Paragraph(f"{markup.bold(w('next_title'))}: {markup.text(w.appointment(plan.next_appointment))}",
                              st.body))
    else:
        flow.append(Paragraph(markup.bold(w("next_none")), st.body))
        flow.append(WritingLines(1, st.size * 2.0))
    if sum(f.wrap(st.width, st.height)[1] for f in flow) > st.height * 0.5:
        return KeepTogether(flow)  # too long for a frame that cannot split: no frame
    return framed(flow, st)


def cover(plan: HandoutPlan, w: Words, st: Styles, *, roadmap_limit: int | None = ROADMAP_ROWS) -> list[Flowable]:
    """The flowables of the cover page (it may run over for very long goals; it never breaks)."""
    story: list[Flowable] = [*_heading(plan, w, st)]
    if plan.patient_name.strip():
        story.append(markup.para(plan.patient_name.strip(), st.cover_name))
    if plan.title.strip() and plan.title.strip() != plan.patient_name.strip():
        story.append(markup.para(plan.title.strip(), st.lead))
    story.append(Spacer(1, st.size * 0.6))
    if plan.goal.strip():
        story.append(Paragraph(markup.text(w("goal_label")), st.label))
        goal = markup.paragraphs(plan.goal, st.goal)
        if len(goal) == 1 and len(plan.goal) < 300:
            goal = [Paragraph(f"“{goal[0].text}”", st.goal)]
        story.extend(goal)
    story.extend(goals_and_gains(plan, w, st))
    drawing = timeline(plan, w, st, limit=roadmap_limit)
    if drawing is not None:
        story.append(Paragraph(markup.text(w("plan_label")), st.h2))
        window = roadmap_window(plan, roadmap_limit)
        if len(window) < len(plan.phases):
            story.append(markup.para(w("roadmap_part", total=len(plan.phases), a=window.start + 1,
                                       b=window.stop), st.body))
        story.append(drawing)
        if plan.start_date is not None:
            story.append(Spacer(1, st.size * 0.4))
            story.append(markup.para(w("starts_on", date=w.date(plan.start_date)), st.body))
    story.append(Spacer(1, st.size * 0.6))
    story.append(contact_box(plan, w, st))
    story.append(Spacer(1, st.size * 0.4))
    story.append(markup.para(w("made_on", date=w.date(plan.issued)), st.body))
    return story


def _score(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def gain_line(gain: HandoutGain, w: Words) -> str:
    """One activity, in the patient's words, on its own scale: never a line about getting worse."""
    same = gain.first == gain.last
    key = ("gain_able" if gain.higher_is_better else "gain_harder") + ("_same" if same else "")
    return w(key, activity=gain.activity.strip(), first=_score(gain.first), last=_score(gain.last))


def goals_and_gains(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """The activities the patient chose (what they work towards) and what they have gained."""
    story: list[Flowable] = []
    if plan.goals:
        story.append(Paragraph(markup.text(w("towards_label")), st.label))
        story.extend(markup.para("• " + markup.clip(goal.strip(), 200), st.body) for goal in plan.goals)
    if plan.gains:
        story.append(Paragraph(markup.text(w("gained_label")), st.label))
        story.extend(markup.para(gain_line(gain, w), st.body) for gain in plan.gains)
    return story


def how_to(plan: HandoutPlan, w: Words, st: Styles) -> list[Flowable]:
    """'How to use this booklet': on the cover when it fits there, else at the top of page 2."""
    story: list[Flowable] = [Paragraph(markup.text(w("how_title")), st.h2)]
    for number, step in enumerate(w["how_steps_time" if plan.time_contingent else "how_steps_pain"], 1):
        story.append(markup.para(step, st.step, bulletText=f"{number}."))
    return story


def _measured(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables a frame lays out: a KeepTogether's content (its own wrap needs a canvas when
    the content is taller than the page, which a very long phase name can make it)."""
    out: list[Flowable] = []
    for flowable in flowables:
        content = flowable._content if isinstance(flowable, KeepTogether) else None  # type: ignore[attr-defined]  # noqa: SLF001 - no public accessor
        out.extend(_measured(list(content)) if content is not None else [flowable])
    return out


def fits(flowables: list[Flowable], st: Styles) -> bool:
    """Whether `flowables` fit on one page (measured the way the frame will lay them out)."""
    total = 0.0
    for flowable in _measured(flowables):
        total += flowable.wrap(st.width, st.height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if total > st.height - st.size:
            return False
    return True
