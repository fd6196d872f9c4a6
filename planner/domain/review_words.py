"""The words of a review for the therapist, as messages: the headline per outcome, the red-flag
message, the reason for a real rise of NPRS. Worded where they are shown (`planner.i18n.word`).

The red flags are named here in the therapist's words; the patient's words for the same signs are
`planner.domain.glossary.RED_FLAG_WORDS` (plain words on the handout).
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.messages import Joined, Msg, msg, pmsg
from planner.domain.thresholds import RedFlag

#: The red flags in the therapist's words (context "therapist": the handout words them for the patient).
FLAG_NAMES: dict[RedFlag, Msg] = {
    RedFlag.SADDLE: pmsg("therapist", "numbness in the seat or groin"),
    RedFlag.BLADDER_BOWEL: pmsg("therapist", "a change in bladder or bowel control"),
    RedFlag.SPREADING_WEAKNESS: pmsg("therapist", "weakness or numbness that spreads"),
    RedFlag.FEVER: pmsg("therapist", "fever"),
    RedFlag.WEIGHT_LOSS: pmsg("therapist", "unexplained weight loss"),
    RedFlag.NIGHT_PAIN: pmsg("therapist", "constant pain at night"),
    RedFlag.FALL: pmsg("therapist", "a fall with injury"),
    RedFlag.CHEST: pmsg("therapist", "chest pain or breathlessness"),
}


def flag_name(flag: RedFlag) -> Msg:
    """The therapist's name of a red flag."""
    return FLAG_NAMES[flag]


def flag_names(flags: Sequence[RedFlag]) -> Joined:
    """The flags' names one after the other ("fever, a fall with injury")."""
    return Joined(tuple(flag_name(f) for f in flags))


def nprs_rise_words(previous: float, latest: float, line: float) -> Msg:
    """The reason for a real rise of NPRS since the last measurement (issue 16): named, but the
    advice still follows the diary."""
    return msg("NPRS rose from {previous} to {latest} since the last measurement: at least {line} points, "
               "a real change. Talk it through; the advice follows the diary.",
               previous=previous, latest=latest, line=line)


def flag_words(flags: Sequence[RedFlag]) -> Msg:
    """The stop message naming the flags: same-day medical care for saddle or bladder/bowel."""
    if any(f.same_day_medical_care for f in flags):
        return msg("Red flag: {flags}. Medical care today: the GP or the out-of-hours GP post. No progression.",
                   flags=flag_names(flags))
    return msg("Red flag: {flags}. Call your therapist today. No progression.", flags=flag_names(flags))


_HEADLINES: dict[str, Msg] = {
    "continue": msg("Advice: continue"),
    "hold": msg("Advice: hold this week's quota one more week"),
    "step-back": msg("Advice: step back, and keep moving"),
    "review": msg("Review with the therapist"),
}


def outcome_headline(outcome: str, step: str | None, flags: Sequence[RedFlag]) -> Msg:
    """The headline of a review: its outcome (and step), or for a stop the flags that stopped it."""
    if outcome == "progress":
        return msg("Advice: progress, half a step") if step == "half" else msg("Advice: progress")
    if outcome == "stop":
        return msg("Stop: {flags}", flags=flag_names(flags)) if flags else msg("Stop")
    return _HEADLINES[outcome]
