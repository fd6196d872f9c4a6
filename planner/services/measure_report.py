"""What the measures say, for people: the CSV for audits, the summary for the patient file, and the
goals and gains for the handout (only what improved or stayed the same, in the patient's words).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from babel.numbers import format_decimal

from planner.domain.measures import (
    SPECS,
    Better,
    GpeAnswer,
    Instrument,
    Verdict,
    change_of,
    mean_change,
)
from planner.i18n import N_, translation
from planner.services.checkins import progress_overview
from planner.services.measures import MeasureView, list_measures
from planner.store.engine import Database

CSV_HEADER = ("date", "instrument", "item", "score", "direction", "unit", "answer")

DIRECTION = {Better.LOWER: N_("lower is better"), Better.HIGHER: N_("higher is better"), Better.NONE: ""}
INSTRUMENT_NAME = {
    Instrument.NPRS: N_("NPRS, average pain over the last 24 hours (0-10)"),
    Instrument.PSK: N_("PSK, difficulty of an activity (0-10, 10 = impossible)"),
    Instrument.PSFS: N_("PSFS, ability in an activity (0-10, 10 = able as before)"),
    Instrument.GPE: N_("GPE, change since the start (1-7)"),
}
GPE_WORDS = {
    GpeAnswer.FULLY_RECOVERED: N_("fully recovered"),
    GpeAnswer.MUCH_IMPROVED: N_("much improved"),
    GpeAnswer.SLIGHTLY_IMPROVED: N_("slightly improved"),
    GpeAnswer.UNCHANGED: N_("unchanged"),
    GpeAnswer.SLIGHTLY_WORSE: N_("slightly worse"),
    GpeAnswer.MUCH_WORSE: N_("much worse"),
    GpeAnswer.WORSE_THAN_EVER: N_("worse than ever"),
}
VERDICT_WORDS = {
    Verdict.IMPROVED: N_("a real improvement (line %(line)s%(borrowed)s)"),
    Verdict.WORSE: N_("a real worsening (line %(line)s%(borrowed)s)"),
    Verdict.NO_REAL_CHANGE: N_("less than a real change (line %(line)s%(borrowed)s)"),
    Verdict.NO_LINE: N_("no line for a real change"),
}


def _local(value: float, lang: str) -> str:
    """A number as the reader of `lang` writes it (7,5 in Dutch); whole numbers without decimals."""
    if float(value).is_integer():
        return str(int(value))
    return format_decimal(value, format="#,##0.#", locale=lang)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def scores_csv(db: Database, patient_id: int) -> str:
    """Every score of a patient as CSV (UTF-8 text, ISO dates, no name), oldest first."""
    rows = []
    for measure in list_measures(db, patient_id):
        for score in measure.scores:
            answer = ""
            if measure.instrument is Instrument.GPE:
                answer = GPE_WORDS[GpeAnswer.from_code(int(score.value))]
            item = measure.label if measure.instrument in (Instrument.PSK, Instrument.PSFS, Instrument.CUSTOM) else ""
            unit = measure.unit if measure.instrument is Instrument.CUSTOM else _scale(measure.instrument)
            rows.append((score.date.isoformat(), measure.instrument.value, item, _number(score.value),
                         score.better.value, unit, answer))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(rows)
    return out.getvalue()


def _scale(instrument: Instrument) -> str:
    spec = SPECS[instrument]
    return f"{_number(spec.low)}-{_number(spec.high)}"


def _measure_name(measure: MeasureView, gettext: Callable[[str], str]) -> str:
    if measure.instrument is Instrument.CUSTOM:
        unit = f" ({measure.unit})" if measure.unit else ""
        return f"{measure.label}{unit}, {gettext(DIRECTION[measure.better])}"
    name = gettext(INSTRUMENT_NAME[measure.instrument])
    if measure.instrument in (Instrument.PSK, Instrument.PSFS):
        name = f'{name}: "{measure.label}"'
    direction = DIRECTION[measure.better]
    return f"{name}, {gettext(direction)}" if direction else name


def _measure_line(measure: MeasureView, gettext: Callable[[str], str], num: Callable[[float], str]) -> str:
    scores = measure.scores
    if not scores:
        not_yet = gettext("not measured yet")
        return f"- {_measure_name(measure, gettext)}: {not_yet}"
    if measure.instrument is Instrument.GPE:
        last = scores[-1]
        answer = GpeAnswer.from_code(int(last.value))
        verdict = gettext("improved") if answer.improved else gettext("not counted as improved")
        return (f"- {_measure_name(measure, gettext)}: "
                f"{gettext(GPE_WORDS[answer])} ({last.date.isoformat()}): {verdict}")
    first, last = scores[0], scores[-1]
    head = f"- {_measure_name(measure, gettext)}: {num(first.value)} ({first.date.isoformat()})"
    if len(scores) == 1:
        once = gettext("measured once so far")
        return f"{head}; {once}"
    change = change_of(measure.points, measure.better, measure.real_change)
    assert change is not None
    borrowed = gettext(", borrowed") if measure.borrowed else ""
    verdict = gettext(VERDICT_WORDS[change.verdict]) % {
        "line": num(measure.real_change or 0), "borrowed": borrowed}
    sign, word_change = "+" if change.delta > 0 else "", gettext("change")
    return (f"{head} -> {num(last.value)} ({last.date.isoformat()}); "
            f"{word_change} {sign}{num(change.delta)}: {verdict}")


def plan_summary(db: Database, plan_id: int, *, lang: str) -> str:
    """Plain text for the clinic's record system: fixed labels, no markup."""
    gettext = translation(lang).gettext
    overview = progress_overview(db, plan_id)
    plan = overview.plan
    lines = [
        gettext("Plan") + f": {plan.title}",
        gettext("Goal") + f": {plan.goal or '-'}",
    ]
    if plan.phases:
        index = overview.current_phase
        phase = plan.phases[index]
        lines.append((gettext("Current phase") + f": {index + 1}/{len(plan.phases)} {phase.name}").rstrip())
    order = list(Instrument)
    measures = sorted(list_measures(db, plan.patient_id) if plan.patient_id else (),
                      key=lambda m: (order.index(m.instrument), m.position, m.id))
    lines.append(gettext("Measures (intake -> now)") + ":")
    num = partial(_local, lang=lang)
    lines += [_measure_line(m, gettext, num) for m in measures] or ["- " + gettext("none recorded")]
    lines += _mean_lines(measures, gettext, num)
    advice = overview.advice
    lines.append(gettext("Last advice") + f": {advice.headline(lang)}")
    lines += [f"- {reason}" for reason in advice.reasons(lang)]
    nxt = plan.next_appointment.strftime("%Y-%m-%d %H:%M") if plan.next_appointment else "-"
    lines.append(gettext("Next appointment") + f": {nxt}")
    return "\n".join(lines) + "\n"


def _mean_lines(measures: list[MeasureView], gettext: Callable[[str], str], num: Callable[[float], str]) -> list[str]:
    """PSK/PSFS: the mean over the activities, against the line for the mean (2)."""
    lines = []
    for instrument in (Instrument.PSK, Instrument.PSFS):
        own = [m for m in measures if m.instrument is instrument]
        spec = SPECS[instrument]
        change = mean_change([m.points for m in own], spec.better, spec.real_change_mean)
        if change is None:
            continue
        borrowed = gettext(", borrowed") if spec.borrowed else ""
        verdict = gettext(VERDICT_WORDS[change.verdict]) % {
            "line": num(spec.real_change_mean or 0), "borrowed": borrowed}
        sign, word_change = "+" if change.delta > 0 else "", gettext("change")
        name = gettext("%(instrument)s, mean of the activities") % {"instrument": instrument.value.upper()}
        lines.append(f"- {name}: {num(change.first)} -> {num(change.last)}; "
                     f"{word_change} {sign}{num(round(change.delta, 1))}: {verdict}")
    return lines


@dataclass(frozen=True, slots=True)
class Gain:
    """One line of 'what you have gained', in the patient's words."""

    activity: str
    first: float
    last: float
    better: Better


def goals_and_gains(db: Database, patient_id: int) -> tuple[tuple[str, ...], tuple[Gain, ...]]:
    """The PSK/PSFS activities the patient works towards, and those that improved or held.

    Never a line about what got worse: the handout encourages, the therapist discusses the rest.
    """
    goals: list[str] = []
    gains: list[Gain] = []
    for measure in list_measures(db, patient_id, include_ended=False):
        if measure.instrument not in (Instrument.PSK, Instrument.PSFS):
            continue
        goals.append(measure.label)
        change = change_of(measure.points, measure.better, measure.real_change)
        if change is not None and change.not_worse:
            gains.append(Gain(measure.label, change.first, change.last, measure.better))
    return tuple(goals), tuple(gains)
