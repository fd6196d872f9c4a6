"""Plan snapshots and "what changed since your last visit" in the patient's words.

A snapshot is plain JSON-safe data (stored in plan_revisions.snapshot): the plan's phases and
items with their titles and level words in both languages, and which phase was current. Changes
compare the current phase then with the current phase now, block by block:
"Bruggetje: nu 3 keer 12 herhalingen (was 2 keer 10)".
"""

from __future__ import annotations

from typing import Any

from planner.domain.change_words import amount_words, frequency_words, level_text
from planner.domain.dosage import Dosage
from planner.domain.model import PlanView

SNAPSHOT_FORMAT = 1


def snapshot(plan: PlanView, *, current_phase: int) -> dict[str, Any]:
    """The plan as the patient has it now, as JSON-safe data."""
    return {
        "format": SNAPSHOT_FORMAT,
        "title": plan.title,
        "goal": plan.goal,
        "current_phase": current_phase,
        "phases": [
            {
                "id": phase.id,
                "name": phase.name,
                "weeks": phase.weeks,
                "items": [
                    {
                        "item_id": item.id,
                        "block_key": item.block.key,
                        "kind": item.block.kind.value,
                        "title": {lang: item.block.title(lang) for lang in ("nl", "en")},
                        "level_text": {lang: level_text(item.block, item.dosage.level, lang) for lang in ("nl", "en")},
                        "dosage": item.dosage.to_dict(),
                    }
                    for item in phase.items
                ],
            }
            for phase in plan.phases
        ],
    }


def _current(snap: dict[str, Any]) -> dict[str, Any] | None:
    phases: list[dict[str, Any]] = snap.get("phases") or []
    if not phases:
        return None
    index = min(max(int(snap.get("current_phase") or 0), 0), len(phases) - 1)
    return phases[index]


def _dosage(item: dict[str, Any]) -> Dosage:
    try:
        return Dosage.from_dict(item.get("dosage"))
    except (TypeError, ValueError):
        return Dosage()


def _num(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def item_change_lines(title: str, old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    """The patient's lines for one block whose dosage or level changed."""
    nl = lang == "nl"
    before, after = _dosage(old), _dosage(new)
    lines: list[str] = []
    old_amount, new_amount = amount_words(before, lang), amount_words(after, lang)
    if old_amount != new_amount and new_amount:
        same_shape = bool(before.reps and after.reps and (before.sets or 1) > 1 and (after.sets or 1) > 1)
        was = amount_words(before, lang, short=same_shape) or "–"
        lines.append(f"{title}: nu {new_amount} (was {was})" if nl else f"{title}: now {new_amount} (was {was})")
    old_level, new_level = (old.get("level_text") or {}).get(lang, ""), (new.get("level_text") or {}).get(lang, "")
    if new_level and old_level != new_level:
        harder = (after.level or 0) > (before.level or 0)
        word = ("een stap moeilijker" if harder else "een stap makkelijker") if nl else (
            "one step harder" if harder else "one step easier")
        lines.append(f"{title}: {word}: {new_level}")
    if before.load_kg != after.load_kg and after.load_kg:
        was = f"{_num(before.load_kg, lang)} kg" if before.load_kg else ("geen" if nl else "none")
        lines.append(f"{title}: gewicht nu {_num(after.load_kg, lang)} kg (was {was})" if nl
                     else f"{title}: weight now {_num(after.load_kg, lang)} kg (was {was})")
    breath_in_level = bool(new_level and old_level != new_level and str(after.exhale_seconds) in new_level)
    if (before.inhale_seconds, before.exhale_seconds) != (after.inhale_seconds, after.exhale_seconds) \
            and after.exhale_seconds and not breath_in_level:
        lines.append(
            f"{title}: nu {after.inhale_seconds or 4} tellen in, {after.exhale_seconds} tellen uit "
            f"(was {before.inhale_seconds or 4} in, {before.exhale_seconds or '–'} uit)" if nl else
            f"{title}: now breathe in for {after.inhale_seconds or 4}, out for {after.exhale_seconds} "
            f"(was {before.inhale_seconds or 4} in, {before.exhale_seconds or '–'} out)"
        )
    old_freq, new_freq = frequency_words(before, lang), frequency_words(after, lang)
    if old_freq != new_freq and new_freq:
        lines.append(f"{title}: nu {new_freq} (was {old_freq or '–'})" if nl
                     else f"{title}: now {new_freq} (was {old_freq or '–'})")
    return lines


def changes_between(old: dict[str, Any], new: dict[str, Any], lang: str) -> list[str]:
    """What changed for the patient between two snapshots, as short sentences in `lang`."""
    nl = lang == "nl"
    old_phase, new_phase = _current(old), _current(new)
    if new_phase is None:
        return []
    lines: list[str] = []
    if old_phase is None or old_phase.get("id") != new_phase.get("id"):
        weeks = new_phase.get("weeks", 0)
        lines.append(f"Nieuwe fase: {new_phase.get('name', '')} ({weeks} {'week' if weeks == 1 else 'weken'})" if nl
                     else f"New phase: {new_phase.get('name', '')} ({weeks} {'week' if weeks == 1 else 'weeks'})")
    pool: dict[str, list[dict[str, Any]]] = {}
    for item in (old_phase or {}).get("items", []):
        pool.setdefault(item.get("block_key", ""), []).append(item)
    added: list[str] = []
    for item in new_phase.get("items", []):
        title = (item.get("title") or {}).get(lang) or item.get("block_key", "")
        previous = pool.get(item.get("block_key", "")) or []
        if previous:
            lines += item_change_lines(title, previous.pop(0), item, lang)
            continue
        if item.get("kind") == "education":
            added.append(f"Nieuw om te lezen: {title}" if nl else f"New to read: {title}")
            continue
        amount = amount_words(_dosage(item), lang)
        added.append(f"Nieuw: {title}" + (f", {amount}" if amount else "") if nl
                     else f"New: {title}" + (f", {amount}" if amount else ""))
    removed = [  # a topic read before is not 'stopped': only exercises are named
        (f"Niet meer nodig: {(item.get('title') or {}).get(lang, '')}" if nl
         else f"No longer needed: {(item.get('title') or {}).get(lang, '')}")
        for items in pool.values() for item in items if item.get("kind") != "education"
    ]
    return lines + added + removed
