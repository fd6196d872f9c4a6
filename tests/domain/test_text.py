"""Folding for search: case and accents ignored, and the fast path folds exactly like the plain rule."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from planner.domain.text import fold


def _reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_case_and_accents_fold_away():
    """'Één', 'ÖZLEM' and 'Straße' fold to what a therapist types without accents."""
    assert fold("Één been") == "een been"
    assert fold("ÖZLEM Yılmaz") == "ozlem yılmaz"
    assert fold("Straße") == "strasse"
    assert fold("Balans") == "balans"


@given(st.text())
def test_fold_matches_the_plain_rule_for_any_text(text):
    """Any text, ASCII or not, folds to casefold + NFKD without combining marks."""
    assert fold(text) == _reference(text)
