"""The handout use cases: what reaches the renderer from the database, the current phase by date,
the therapist's own pictures, and the atomic export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from PIL import Image

from planner.domain.kinds import Kind
from planner.handout.model import HandoutOptions
from planner.services import handouts, library, plan_items, plans
from tests.handout.helpers import reader, text


def test_handout_input_carries_the_plan_but_no_private_notes(db, demo_id):
    """The renderer's input holds every phase and block of the plan and nowhere a private note."""
    plan = plans.get_plan(db, demo_id)
    assert any(item.private_note for phase in plan.phases for item in phase.items)
    described = handouts.handout_input(db, demo_id, HandoutOptions())
    assert [p.name for p in described.phases] == [p.name for p in plan.phases]
    assert [len(p.items) for p in described.phases] == [len(p.items) for p in plan.phases]
    assert described.clinic.phone == "030 123 45 67"
    assert "PRIVATE" not in repr(dataclasses.asdict(described))


def test_phases_get_their_first_week(db, demo_id):
    """Each phase starts in the week after the previous one ends."""
    described = handouts.handout_input(db, demo_id, HandoutOptions())
    assert [(p.first_week, p.weeks) for p in described.phases] == [(1, 2), (3, 3), (6, 3)]  # the demo: 8 weeks in 3 phases


def test_current_phase_follows_the_calendar(db, demo_id):
    """Three weeks after the start the patient is in phase 2; the diary then covers weeks 3–6."""
    start = plans.get_plan(db, demo_id).start_date
    assert handouts.handout_input(db, demo_id, HandoutOptions(), today=start).current_phase == 0
    later = handouts.handout_input(db, demo_id, HandoutOptions(), today=start + dt.timedelta(weeks=3))
    assert later.current_phase == 1


def test_changes_are_passed_to_the_handout(db, demo_id):
    """Lines of 'what changed' given to handout_input print in their own section."""
    described = handouts.handout_input(db, demo_id, HandoutOptions(), changes=("Bruggetje: nu 3 keer 10", " "))
    assert described.changes == ("Bruggetje: nu 3 keer 10",)


def test_block_texts_follow_the_handout_language(db, demo_id):
    """The English handout takes the English block texts."""
    plan = plans.get_plan(db, demo_id)
    first = plan.phases[0].items[0].block
    described = handouts.handout_input(db, demo_id, HandoutOptions(lang="en"))
    assert described.phases[0].items[0].title == first.title("en")
    assert described.phases[0].items[0].kind is first.kind


def test_own_block_picture_reaches_the_pdf(db, demo_id):
    """A therapist's own photo on a custom block is embedded in the handout of a plan using it."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")
    plan = plans.get_plan(db, demo_id)
    strength = next(item for item in plan.phases[0].items if item.block.kind is Kind.STRENGTH)
    custom = library.duplicate_block(db, strength.block.id)
    library.set_block_image(db, custom.id, buffer.getvalue(), "image/jpeg")
    plan_items.add_item(db, plan.phases[0].id, custom.id)
    data = handouts.render_handout(db, demo_id, HandoutOptions())
    assert sum(len(page.images) for page in reader(data).pages) >= 1


def test_export_replaces_the_file_atomically(db, demo_id, tmp_path):
    """Exporting over an existing file replaces it whole and leaves no temporary files behind."""
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "plan.pdf"
    out.write_bytes(b"old")
    handouts.export_handout(db, demo_id, out, HandoutOptions(lang="en", paper="letter", large_print=True))
    assert out.read_bytes().startswith(b"%PDF")
    assert "Your recovery plan" in text(out)
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]


def test_export_to_a_missing_folder_fails_cleanly(db, demo_id, tmp_path):
    """A folder that does not exist raises OSError (the CLI turns it into one line) and writes nothing."""
    with pytest.raises(OSError):
        handouts.export_handout(db, demo_id, tmp_path / "nope" / "plan.pdf", HandoutOptions())
    assert not (tmp_path / "nope").exists()


def test_illustration_names_cannot_leave_the_illustrations_folder(db, demo_id):
    """A stored illustration name with a path in it is reduced to its file name."""
    from planner.services.handouts import _item

    plan = plans.get_plan(db, demo_id)
    original = plan.phases[0].items[0]
    sneaky = dataclasses.replace(original, block=dataclasses.replace(original.block, illustration="../../etc/passwd"))
    assert _item(sneaky, "nl", None).illustration is None


def test_second_export_says_what_changed_since_the_first(db, tmp_path):
    """Exporting marks the plan as given; the next handout lists what changed since then, in words."""
    from pypdf import PdfReader

    from planner.services import plans as plan_service
    from planner.services.demo import ensure_demo

    plan_id = ensure_demo(db)
    first = handouts.export_handout(db, plan_id, tmp_path / "one.pdf", HandoutOptions(lang="nl"))
    assert "Wat is er veranderd" not in "".join(p.extract_text() for p in PdfReader(first).pages)
    plan = plan_service.get_plan(db, plan_id)
    item = next(i for i in plan.phases[0].items if i.dosage.reps)
    plan_items.update_item(db, item.id, dosage={"reps": item.dosage.reps + 2})
    second = handouts.export_handout(db, plan_id, tmp_path / "two.pdf", HandoutOptions(lang="nl"))
    text = " ".join("".join(p.extract_text() for p in PdfReader(second).pages).split())
    assert "Wat is er veranderd sinds je vorige bezoek?" in text
    assert item.block.title("nl") in text.split("Wat is er veranderd sinds je vorige bezoek?")[1]
