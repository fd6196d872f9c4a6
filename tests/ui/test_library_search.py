"""Issue 13, finding 3: the library search finds the same blocks in the English and the Dutch program,
in both languages, with word forms (Snowball stemmers), and ranks the exact title first. Typed into
the real search field."""

from __future__ import annotations

import pytest

from planner.i18n import set_language
from planner.services import library as library_service
from planner.ui.common.bus import ChangeBus
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.library.library_model import BLOCK_ROLE
from planner.ui.library.library_panel import LibraryPanel

# The issue's table: what the Dutch program found (the English one found less). Both must find at least these.
DUTCH_UI_COUNTS = {"balans": 10, "kracht": 21, "ademhaling": 10, "knie": 20, "stoel": 25}


@pytest.fixture(params=["en", "nl"])
def panel(request, qtbot, db, english):
    set_language(request.param)
    made = LibraryPanel(db, ChangeBus(), Thumbnails())
    qtbot.addWidget(made)
    made.show()
    return made


def found(qtbot, panel: LibraryPanel, text: str) -> list:
    panel.search.clear()
    qtbot.keyClicks(panel.search, text)
    return [panel.proxy.index(row, 0).data(BLOCK_ROLE) for row in range(panel.proxy.rowCount())]


def test_the_issue_table_finds_at_least_the_dutch_counts_in_both_languages(qtbot, panel):
    counts = {word: len(found(qtbot, panel, word)) for word in DUTCH_UI_COUNTS}
    print("search table", panel.model.rowCount(), counts)
    for word, wanted in DUTCH_UI_COUNTS.items():
        assert counts[word] >= wanted, (word, counts[word])


def test_english_and_dutch_words_find_the_same_tags_whatever_the_language(qtbot, panel):
    """Every block tagged knee (chair) is found by `knee` and by `knie` (`chair`, `stoel`)."""
    blocks = panel.model.blocks()
    for tag, words in (("knee", ("knee", "knie")), ("chair", ("chair", "stoel"))):
        tagged = {b.id for b in blocks if tag in b.regions or tag in b.equipment}
        assert tagged
        for word in words:
            assert tagged <= {b.id for b in found(qtbot, panel, word)}, word


def test_word_forms_find_breathing_and_knee_blocks(qtbot, panel):
    """`ademhalen` finds the breathing blocks; `oefening knie` finds knee blocks and only those."""
    breathing = found(qtbot, panel, "ademhalen")
    assert breathing and sum(b.kind.value == "breathing" for b in breathing) >= len(breathing) // 2
    assert any(b.key == "breathing.long-exhale" for b in breathing) or len(breathing) >= 3
    knee = found(qtbot, panel, "oefening knie")
    assert knee and all("knee" in b.regions or "knie" in (b.title("nl") + b.text("nl").purpose).lower()
                        for b in knee)
    exercises = {b.id for b in panel.model.blocks() if "knee" in b.regions and b.kind.value != "education"}
    assert exercises <= {b.id for b in knee}  # every knee exercise, not only those that say "oefening"


def test_an_exact_title_comes_first_in_either_language(qtbot, panel):
    for query in ("wat is pijn", "What is pain?", "WAT IS PIJN"):
        assert found(qtbot, panel, query)[0].key == "education.what-is-pain", query
        assert panel.current_block().key == "education.what-is-pain"


def test_titles_starting_with_the_word_come_before_other_matches(qtbot, panel):
    """`brug` (bridge): the blocks with a title word starting with it come before those that only
    mention it."""
    blocks = found(qtbot, panel, "bridge")
    titled = [any(w.startswith("bridge") for t in b.texts.values() for w in t.title.lower().split()) for b in blocks]
    assert titled and titled[0]
    assert titled == sorted(titled, reverse=True)


def test_the_search_reads_every_language_of_a_block(db):
    """A sanity check on the service: both titles of every block are searchable."""
    from planner.services.library_search import SearchEntry, SearchIndex

    blocks = library_service.list_blocks(db, brief=True)
    index = SearchIndex([SearchEntry(titles=tuple(t.title for t in b.texts.values())) for b in blocks])
    for row, block in enumerate(blocks[:20]):
        for text in block.texts.values():
            assert index.search(text.title)[0] == row or block.texts["nl"].title == block.texts["en"].title
