"""Reading the library for lists: the fast column reads give exactly the blocks get_block gives, the
brief list leaves out only what a list does not show, and pictures are flagged without being read."""

from __future__ import annotations

import dataclasses

from planner.domain.dosage import Dosage
from planner.domain.model import BlockText
from planner.services import library, patients, plan_items, plans

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\0" * 40


def _own(db, title: str):
    return library.create_custom_block(db, {
        "kind": "strength", "regions": ["knee", "hip"], "equipment": ["chair"], "dosage": {"sets": 2, "reps": 8},
        "levels": [{"nl": "Makkelijk", "en": "Easy"}],
        "text": {"nl": {"title": title, "purpose": "Sterker worden", "steps": ["Sta op"], "safety": "Rustig"},
                 "en": {"title": title + " (en)", "purpose": "Get stronger", "steps": ["Stand up"]}}})


def test_the_whole_list_equals_reading_each_block(db):
    """Every block of list_blocks is equal to get_block of it: texts, dosage, levels, tags, picture."""
    own = _own(db, "Opstaan uit de stoel")
    library.set_block_image(db, own.id, PNG, "image/png")
    listed = library.list_blocks(db)
    assert len(listed) > 80
    for block in listed:
        assert block == library.get_block(db, block.id), block.key
    assert next(b for b in listed if b.id == own.id).has_image


def test_the_brief_list_leaves_out_only_details(db):
    """The brief list has the same blocks in the same order with titles, purposes, tags and picture flag;
    dosage, levels, steps, safety and body are empty."""
    _own(db, "Traplopen")
    full, brief = library.list_blocks(db), library.list_blocks(db, brief=True)
    assert [b.id for b in brief] == [b.id for b in full]
    for whole, short in zip(full, brief, strict=True):
        expected = dataclasses.replace(
            whole, dosage=Dosage(), levels=(),
            texts={lang: BlockText(title=t.title, purpose=t.purpose) for lang, t in whole.texts.items()})
        assert short == expected, whole.key


def test_filters_agree_between_brief_and_full_lists(db):
    """Query, kind, region and equipment pick the same blocks in the brief and the full list."""
    _own(db, "Kniebuiging bij de stoel")
    for filters in ({"query": "stoel"}, {"kind": "balance"}, {"region": "knee", "equipment": "chair"},
                    {"query": "BRUG", "kind": "strength"}):
        assert ([b.id for b in library.list_blocks(db, brief=True, **filters)]
                == [b.id for b in library.list_blocks(db, **filters)]), filters


def test_picture_flag_follows_adding_and_removing_it(db):
    """set_block_image says at once whether a picture is attached; a plan's block says so too."""
    own = _own(db, "Brug op de bank")
    assert library.set_block_image(db, own.id, PNG, "image/png").has_image
    patient = patients.create_patient(db, name="Ilse Mulder")
    plan = plans.create_plan(db, patient_id=patient.id, title="Plan", phases=[{"name": "Fase 1"}])
    plan_items.add_item(db, plan.phases[0].id, own.id)
    item = plans.get_plan(db, plan.id).phases[0].items[0]
    assert item.block.has_image and library.block_image(db, own.id) == (PNG, "image/png")
    assert not library.set_block_image(db, own.id, None, None).has_image
    assert not plans.get_plan(db, plan.id).phases[0].items[0].block.has_image
