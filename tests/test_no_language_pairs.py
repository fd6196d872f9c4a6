"""Issue 15 item 2: languages are data. No module chooses words with `lang == "nl"`, holds one field
per language (`reasons_nl: ...`) or lists the languages as `("nl", "en")`; the domain returns
messages (planner.domain.messages) and the place that shows them words them (planner.i18n.word)."""

from __future__ import annotations

import re
from pathlib import Path

PLANNER = Path(__file__).resolve().parent.parent / "planner"

PATTERNS = {
    "a choice by language": re.compile(r"""[=!]=\s*["']nl["']"""),
    "a field per language": re.compile(r"""^\s*\w+_(?:nl|en)\s*:\s*[\w"']""", re.MULTILINE),
    "the languages as a literal": re.compile(r"""\(\s*["']nl["']\s*,\s*["']en["']\s*\)"""),
}

#: Files still converted on other branches of issue 15 (words-handout, ui-i18n, once). Remove a file
#: here once it is clean: `test_the_allowlist_names_only_files_that_still_need_it` says which.
NOT_YET_CONVERTED = frozenset({
})


def _found() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PLANNER.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(PLANNER.parent).as_posix()
        for what, pattern in PATTERNS.items():
            for match in pattern.finditer(source):
                line = source.count("\n", 0, match.start()) + 1
                found.setdefault(name, []).append(f"{name}:{line}: {what}: {match.group(0).strip()}")
    return found


def test_no_module_chooses_words_by_language():
    found = _found()
    offenders = [hit for name, hits in found.items() if name not in NOT_YET_CONVERTED for hit in hits]
    assert not offenders, "\n".join(offenders)


def test_the_allowlist_names_only_files_that_still_need_it():
    found = _found()
    clean = sorted(name for name in NOT_YET_CONVERTED if name not in found)
    assert not clean, f"clean now, remove from NOT_YET_CONVERTED: {clean}"


def test_the_patterns_catch_what_they_are_meant_to():
    samples = {
        "a choice by language": 'nl = lang == "nl"',
        "a field per language": "    reasons_nl: tuple[str, ...] = ()",
        "the languages as a literal": 'for lang in ("nl", "en"):',
    }
    for what, sample in samples.items():
        assert PATTERNS[what].search(sample), what
    assert not PATTERNS["a field per language"].search('    "title_nl": 3,')
