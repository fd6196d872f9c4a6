"""The library search: an index over every block's titles, purposes, kind, body regions and equipment
in every shipped language, whatever the program's language, held in memory and rebuilt when the blocks change.

A query word matches a block when the block's folded text contains it (so typing `adem` already finds
`ademhaling`, and `pijn` finds `rugpijn`), or when it has the same Snowball stem in one of the languages
(`ademhalen` finds `ademhaling`, `exercises` finds `exercise`). Every word must match. The blocks found
are ranked: a title that is exactly the query first (any language), then titles with a word that
starts with each query word, then the rest; within a rank the caller's order is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import snowballstemmer

from planner.domain.text import fold
from planner.languages import codes, language

_WORD = re.compile(r"\w+")
#: Each shipped language's Snowball stemmer (languages.json, "stemmer"; a language without one
#: matches by letters only).
STEM_LANGUAGES: dict[str, str] = {code: language(code).stemmer for code in codes() if language(code).stemmer}
MIN_STEMMED = 4  # shorter query words match by their letters only (a stem of `kn` would match too much)


def words_of(text: str) -> list[str]:
    """The folded words of `text` (case, accents and punctuation dropped)."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """What one block offers the search: its titles (every language), its other texts by language
    (purpose, kind, region and equipment names) and words that belong to no language (key, codes)."""

    titles: tuple[str, ...]
    texts: Mapping[str, Sequence[str]] = field(default_factory=dict)
    words: tuple[str, ...] = ()


class _Stems:
    """One language's stemmer with a memory: a library has a few thousand distinct words."""

    def __init__(self, language: str):
        self._stemmer = snowballstemmer.stemmer(language)
        self._known: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._known.get(word)
        if stem is None:
            stem = self._known[word] = self._stemmer.stemWord(word)
        return stem


class SearchIndex:
    """Search and rank rows (positions in the `entries` given) by a typed query."""

    def __init__(self, entries: Sequence[SearchEntry]):
        self._stemmers = {lang: _Stems(name) for lang, name in STEM_LANGUAGES.items()}
        self._text: list[str] = []  # everything, folded, for matching by letters
        self._titles: list[frozenset[str]] = []  # each title's words joined by one space
        self._title_words: list[str] = []  # " word word …": every title word, after a space
        vocabulary: dict[str, dict[str, list[int]]] = {lang: {} for lang in self._stemmers}
        for row, entry in enumerate(entries):
            self._add(row, entry, vocabulary)
        # Each distinct word is stemmed once (a library of 5,000 blocks has some thousands).
        self._by_stem: dict[tuple[str, str], set[int]] = {}
        for lang, words in vocabulary.items():
            stem = self._stemmers[lang]
            for word, rows in words.items():
                if len(word) < MIN_STEMMED - 1 or not word.isalpha():
                    continue
                found = self._by_stem.get(key := (lang, stem(word)))
                if found is None:
                    self._by_stem[key] = set(rows)
                else:
                    found.update(rows)

    def __len__(self) -> int:
        return len(self._text)

    def _add(self, row: int, entry: SearchEntry, vocabulary: dict[str, dict[str, list[int]]]) -> None:
        titles = [words_of(title) for title in entry.titles]
        title_words = [word for words in titles for word in words]
        self._titles.append(frozenset(" ".join(words) for words in titles if words))
        self._title_words.append(" " + " ".join(title_words))
        everything = [*entry.titles, *entry.words]
        for texts in entry.texts.values():
            everything += texts
        self._text.append(fold(" ".join(everything)))
        for lang, words in vocabulary.items():
            own = set(_WORD.findall(fold(" ".join(entry.texts.get(lang, ())))))
            own.update(title_words)  # the titles in either language
            for word in own:
                rows = words.get(word)
                if rows is None:
                    words[word] = [row]
                else:
                    rows.append(row)

    def _stem_rows(self, word: str) -> set[int]:
        if len(word) < MIN_STEMMED or word.isdigit():
            return set()
        found: set[int] = set()
        for lang, stem in self._stemmers.items():
            found |= self._by_stem.get((lang, stem(word)), set())
        return found

    def search(self, query: str, rows: Iterable[int] | None = None) -> list[int]:
        """The rows (of `rows`, default all) that match every word of `query`, best first."""
        words = words_of(query)
        found = list(range(len(self._text)) if rows is None else rows)
        if not words:
            return found
        text = self._text
        for word in words:  # narrow word by word: each pass looks only at what is left
            by_stem = self._stem_rows(word)
            if by_stem:
                found = [i for i in found if word in text[i] or i in by_stem]
            else:
                found = [i for i in found if word in text[i]]
        return self.rank(words, found)

    def rank(self, words: Sequence[str], rows: Sequence[int]) -> list[int]:
        """Exact titles first, then titles whose words start with every query word, then the rest."""
        phrase = " ".join(words)
        titles, title_words = self._titles, self._title_words
        exact = [i for i in rows if phrase in titles[i]]
        if len(words) == 1:
            start = " " + words[0]
            prefix = [i for i in rows if start in title_words[i]]
        else:
            starts = [" " + word for word in words]
            prefix = [i for i in rows if all(start in title_words[i] for start in starts)]
        if not exact and not prefix:
            return list(rows)
        first = set(exact)
        prefix = [i for i in prefix if i not in first]
        first.update(prefix)
        return exact + prefix + [i for i in rows if i not in first]


__all__ = ["SearchEntry", "SearchIndex", "words_of"]
