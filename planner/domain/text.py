"""Text helpers that need no third-party code: folding for search."""

from __future__ import annotations

import unicodedata


class _Marks(dict[int, "int | None"]):
    """str.translate table that drops combining marks (accents after NFKD) and keeps the rest;
    filled per character on first sight, so folding runs at C speed after the first few texts."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_MARKS = _Marks()


def fold(text: str) -> str:
    """Lower-case `text` and strip accents, so 'Balans' and 'bálans' both match 'balans'."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose (most texts: the library folds 5,000 blocks at start)
        return folded
    return unicodedata.normalize("NFKD", folded).translate(_MARKS)
