"""The plan as handed to the patient, and "what changed since your last visit" in their words.

A revision keeps a PlanSnapshot (planner.domain.snapshot, stored as data in
plan_revisions.snapshot): the plan's phases and items with each block's title and level words in
every shipped language, and which phase was current. Changes compare the current phase then with
the current phase now, block by block, as messages worded where they are shown:
"Bruggetje: nu 3 keer 12 herhalingen (was 2 keer 10)".
"""

from __future__ import annotations

from planner.domain.change_words import amount_words, frequency_words, level_text
from planner.domain.kinds import LANGUAGES
from planner.domain.made_words import made_languages
from planner.domain.messages import Msg, msg, nmsg
from planner.domain.model import PlanView
from planner.domain.snapshot import ItemSnapshot, PhaseSnapshot, PlanSnapshot, words


def snapshot(plan: PlanView, *, current_phase: int) -> PlanSnapshot:
    """The plan as the patient has it now, with the words they read in every language."""
    return PlanSnapshot(
        title=plan.title, goal=plan.goal, language=plan.language, mode=str(plan.mode.value),
        weekly_cap_pct=plan.weekly_cap_pct, current_phase=current_phase, made_title=plan.made_title,
        phases=tuple(
            PhaseSnapshot(
                phase_id=phase.id, name=phase.name, weeks=phase.weeks, focus=phase.focus, criteria=phase.criteria,
                made=phase.made,
                items=tuple(
                    ItemSnapshot(
                        item_id=item.id, block_key=item.block.key, kind=item.block.kind.value, dosage=item.dosage,
                        title=words({lang: item.block.title(lang) for lang in LANGUAGES}),
                        level_text=words({lang: level_text(item.block, item.dosage.level, lang) for lang in LANGUAGES}),
                    )
                    for item in phase.items
                ),
            )
            for phase in plan.phases
        ),
    )


def _level_changed(old: ItemSnapshot, new: ItemSnapshot, lang: str) -> bool:
    """A new rung on the ladder, or new words for it (a snapshot from before `lang` was shipped
    compares the rung only)."""
    if lang not in dict(old.level_text) and old.level_text:
        return old.dosage.level != new.dosage.level
    return old.level_text_in(lang) != new.level_text_in(lang)


def item_changes(title: str, old: ItemSnapshot, new: ItemSnapshot, lang: str) -> list[Msg]:
    """The patient's lines for one block whose dosage or level changed."""
    before, after = old.dosage, new.dosage
    lines: list[Msg] = []
    old_amount, new_amount = amount_words(before, lang), amount_words(after, lang)
    if old_amount != new_amount and new_amount:
        same_shape = bool(before.reps and after.reps and (before.sets or 1) > 1 and (after.sets or 1) > 1)
        was = amount_words(before, lang, short=same_shape) or "–"
        lines.append(msg("{title}: now {now} (was {was})", title=title, now=new_amount, was=was))
    new_level = new.level_text_in(lang)
    level_changed = bool(new_level) and _level_changed(old, new, lang)
    if level_changed:
        if (after.level or 0) > (before.level or 0):
            lines.append(msg("{title}: one step harder: {level}", title=title, level=new_level))
        else:
            lines.append(msg("{title}: one step easier: {level}", title=title, level=new_level))
    if before.load_kg != after.load_kg and after.load_kg:
        weight = msg("{kg} kg", kg=before.load_kg) if before.load_kg else msg("none")
        lines.append(msg("{title}: weight now {kg} kg (was {was})", title=title, kg=after.load_kg, was=weight))
    breath_in_level = level_changed and str(after.exhale_seconds) in new_level
    if (before.inhale_seconds, before.exhale_seconds) != (after.inhale_seconds, after.exhale_seconds) \
            and after.exhale_seconds and not breath_in_level:
        lines.append(msg("{title}: now breathe in for {inhale}, out for {exhale} (was {was_in} in, {was_out} out)",
                         title=title, inhale=after.inhale_seconds or 4, exhale=after.exhale_seconds,
                         was_in=before.inhale_seconds or 4, was_out=before.exhale_seconds or "–"))
    old_freq, new_freq = frequency_words(before, lang), frequency_words(after, lang)
    if old_freq != new_freq and new_freq:
        lines.append(msg("{title}: now {now} (was {was})", title=title, now=new_freq, was=old_freq or "–"))
    return lines


def changes_between(old: PlanSnapshot, new: PlanSnapshot, lang: str) -> list[Msg]:
    """What changed for the patient between two snapshots, as short messages (block titles and
    amounts in `lang`); `planner.i18n.word(message, lang)` words them."""
    old_phase, new_phase = old.current(), new.current()
    if new_phase is None:
        return []
    lines: list[Msg] = []
    if old_phase is None or old_phase.phase_id != new_phase.phase_id:
        lines.append(msg("New phase: {name} ({weeks})", name=new_phase.name_in(lang, made_languages(new.language)),
                         weeks=nmsg("{n} week", "{n} weeks", new_phase.weeks)))
    pool: dict[str, list[ItemSnapshot]] = {}
    for item in old_phase.items if old_phase is not None else ():
        pool.setdefault(item.block_key, []).append(item)
    added: list[Msg] = []
    for item in new_phase.items:
        title = item.title_in(lang)
        previous = pool.get(item.block_key) or []
        if previous:
            lines += item_changes(title, previous.pop(0), item, lang)
        elif item.kind == "education":
            added.append(msg("New to read: {title}", title=title))
        elif amount := amount_words(item.dosage, lang):
            added.append(msg("New: {title}, {amount}", title=title, amount=amount))
        else:
            added.append(msg("New: {title}", title=title))
    removed = [  # a topic read before is not 'stopped': only exercises are named
        msg("No longer needed: {title}", title=item.title_in(lang))
        for items in pool.values() for item in items if item.kind != "education"
    ]
    return lines + added + removed
