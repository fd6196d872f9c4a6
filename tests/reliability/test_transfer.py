"""Plan files: export, import, strict checking with the wrong field named, all-or-nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.services import library, maintenance, patients, plan_items, plans, transfer
from planner.store.transfer import VERSION as FILE_VERSION
from tests.reliability.plan_files import valid_document

ROOT = Path(__file__).resolve().parents[2]


def state(db_path: Path) -> tuple[int, ...]:
    """Row counts that any import changes."""
    con = sqlite3.connect(db_path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
                     for table in ("plans", "phases", "plan_items", "blocks", "block_texts", "audit_events"))
    finally:
        con.close()


def _without_keys(doc: dict) -> dict:
    """A document with custom block keys replaced by their order (keys are local to a database)."""
    text = json.dumps(doc, sort_keys=True)
    for index, block in enumerate(doc["blocks"]):
        text = text.replace(json.dumps(block["key"]), json.dumps(f"custom-block-{index}"))
    return json.loads(text)


def test_import_then_export_gives_the_same_file(db):
    """A template file imports (custom block and picture included) and exports to the same content."""
    doc = valid_document()
    plan = transfer.import_data(db, doc)
    assert plan.is_template and [len(p.items) for p in plan.phases] == [2, 1]
    custom = plan.phases[0].items[1].block
    assert not custom.builtin and custom.key != "custom.9" and custom.has_image
    again = transfer.export_data(db, plan.id)
    assert _without_keys(transfer.check(again)) == _without_keys(transfer.check(doc))  # defaults filled in
    assert _without_keys(transfer.export_data(db, transfer.import_data(db, again).id)) == _without_keys(again)


def test_reimporting_reuses_an_identical_custom_block(db, db_path):
    """Importing the same file twice adds a second template but not a second copy of its custom block."""
    transfer.import_data(db, valid_document())
    blocks = state(db_path)[3]
    transfer.import_data(db, valid_document())
    assert state(db_path)[3] == blocks


def test_a_patients_plan_file_carries_no_patient_data(db, tmp_path):
    """Exporting a patient's plan leaves out their name, goal, private notes and dates."""
    patient = patients.create_patient(db, name="Wilhelmina Verborgen", complaint="Knie")
    plan = plans.create_plan(db, patient_id=patient.id, title="Knie sterker", goal="Met Wilhelmina's kleinzoon voetballen",
                             phases=[{"name": "Start", "weeks": 2}])
    block = library.list_blocks(db, kind="strength")[0]
    plan_items.add_item(db, plan.phases[0].id, block.id, patient_note="Rustig opbouwen", private_note="Angstig, let op")
    out = transfer.export_plan_file(db, plan.id, tmp_path / "knie.json")
    raw = out.read_text(encoding="utf-8")
    for secret in ("Wilhelmina", "Verborgen", "Angstig", "Knie\"", "voetballen"):
        assert secret not in raw
    assert "Rustig opbouwen" in raw  # the note for the patient is part of the plan
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    imported = transfer.import_plan_file(db, out, patient_id=patient.id)
    assert not imported.is_template and imported.patient_id == patient.id
    assert imported.phases[0].items[0].private_note == ""


BAD = [
    ("wrong format", lambda d: d.update(format="something-else"), "$.format", "not a Herstelplan plan file"),
    ("newer version", lambda d: d.update(version=FILE_VERSION + 1), "$.version", "newer Herstelplan"),
    ("unknown field", lambda d: d["plan"].update(colour="red"), "$.plan.colour", "unknown field"),
    ("missing title", lambda d: d["plan"].pop("title"), "$.plan.title", "missing"),
    ("empty title", lambda d: d["plan"].update(title="   "), "$.plan.title", "must not be empty"),
    ("long title", lambda d: d["plan"].update(title="x" * 201), "$.plan.title", "at most 200"),
    ("weeks as text", lambda d: d["plan"]["phases"][1].update(weeks="3"), "$.plan.phases[1].weeks", "whole number"),
    ("weeks 0", lambda d: d["plan"]["phases"][1].update(weeks=0), "$.plan.phases[1].weeks", "from 1 to 52"),
    ("weeks true", lambda d: d["plan"]["phases"][1].update(weeks=True), "$.plan.phases[1].weeks", "whole number"),
    ("sets 99", lambda d: d["plan"]["phases"][0]["items"][0]["dosage"].update(sets=99),
     "$.plan.phases[0].items[0].dosage.sets", "from 1 to 10"),
    ("reps 2.5", lambda d: d["plan"]["phases"][0]["items"][0]["dosage"].update(reps=2.5),
     "$.plan.phases[0].items[0].dosage.reps", "whole number"),
    ("unknown dosage", lambda d: d["plan"]["phases"][0]["items"][0]["dosage"].update(speed=3),
     "$.plan.phases[0].items[0].dosage.speed", "unknown field"),
    ("unknown language", lambda d: d["plan"].update(language="fr"), "$.plan.language", "nl, en"),
    ("custom key not embedded", lambda d: d["plan"]["phases"][1]["items"].append({"block": "custom.77"}),
     "$.plan.phases[1].items[1].block", "not in this file's blocks"),
    ("bad key", lambda d: d["plan"]["phases"][1]["items"][0].update(block="../../etc"),
     "$.plan.phases[1].items[0].block", "lower-case"),
    ("illustration path", lambda d: d["blocks"][0].update(illustration="../../../etc/passwd.svg"),
     "$.blocks[0].illustration", "file name"),
    ("image not png", lambda d: d["blocks"][0]["image"].update(data="aGVsbG8="), "$.blocks[0].image.data", "picture"),
    ("image not base64", lambda d: d["blocks"][0]["image"].update(data="***"), "$.blocks[0].image.data", "base64"),
    ("lone surrogate", lambda d: d["plan"].update(goal="\ud800"), "$.plan.goal", "lone surrogate"),
    ("control character", lambda d: d["plan"].update(goal="a\x00b"), "$.plan.goal", "control character"),
    ("too many phases", lambda d: d["plan"].update(phases=[{"name": "x", "weeks": 1}] * 53), "$.plan.phases", "at most 52"),
    ("unknown region", lambda d: d["blocks"][0].update(regions=["elbow"]), "$.blocks[0].regions[0]", "one of"),
    ("two blocks one key", lambda d: d["blocks"].append(dict(d["blocks"][0])), "$.blocks[1].key", "two blocks"),
    ("no title at all", lambda d: d["blocks"][0]["text"]["nl"].update(title="") or d["blocks"][0]["text"]["en"].update(title=""),
     "$.blocks[0].text", "title"),
]


@pytest.mark.parametrize("what, change, path, words", BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_is_refused_naming_the_field_and_nothing_changes(db, db_path, _private_data_dir, what, change,
                                                                     path, words):
    """Each kind of mistake is refused with its JSON path and a reason; no row and no backup is added."""
    doc = valid_document()
    change(doc)
    before = state(db_path)
    raw = json.dumps(doc, ensure_ascii=True).encode()
    with pytest.raises(transfer.TransferError) as caught:
        transfer.import_data(db, transfer.parse(raw))
    assert caught.value.path == path
    assert words in str(caught.value) and "Nothing was changed" in str(caught.value)
    assert state(db_path) == before
    assert not [b for b in maintenance.list_backups() if b.reason == "before-import"]


@pytest.mark.parametrize("raw, path, words", [
    (b'{"format": "herstelplan-plan", "format": "x"}', "$.format", "appears twice"),
    (b'{"a": NaN}', "$.a", "unknown field"),
    (b"[1, 2", "$", "line 1, column 6"),
    (b"\xff\xfe{}", "$", "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "$", "nested too deeply"),
    (b"", "$", "not valid JSON"),
])
def test_files_that_are_not_proper_json_are_refused(db, raw, path, words):
    """Duplicate keys, broken JSON, other encodings and absurd nesting are refused, never a crash."""
    with pytest.raises(transfer.TransferError) as caught:
        transfer.import_data(db, transfer.parse(raw))
    assert caught.value.path == path and words in str(caught.value)


def test_nan_and_infinity_are_refused_where_numbers_belong(db):
    """NaN, Infinity and 1e999 are named with their field's path."""
    for token in ("NaN", "Infinity", "-Infinity", "1e999"):
        raw = json.dumps(valid_document()).replace('"load_kg": 2.5', f'"load_kg": {token}').encode()
        with pytest.raises(transfer.TransferError) as caught:
            transfer.import_data(db, transfer.parse(raw))
        assert caught.value.path == "$.plan.phases[1].items[0].dosage.load_kg"


def test_import_is_all_or_nothing(db, db_path):
    """A block this library lacks, found only at the last item, leaves no plan and no custom block behind."""
    doc = valid_document()
    doc["plan"]["phases"][1]["items"].append({"block": "strength.moon-jumps"})
    before = state(db_path)
    with pytest.raises(transfer.TransferError) as caught:
        transfer.import_data(db, doc)
    assert caught.value.path == "$.plan.phases[1].items[1].block" and "not in this library" in str(caught.value)
    assert state(db_path) == before


def test_a_backup_is_made_before_an_import(db, _private_data_dir):
    """A successful import is preceded by a verified backup."""
    transfer.import_data(db, valid_document())
    assert [b.reason for b in maintenance.list_backups()].count("before-import") == 1


def test_a_file_over_the_size_limit_is_refused_before_reading(db, tmp_path, monkeypatch):
    """A huge file is refused by its size."""
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    monkeypatch.setattr(transfer, "MAX_FILE_BYTES", 1024)
    with pytest.raises(transfer.TransferError, match="larger than"):
        transfer.import_plan_file(db, big)


def _run(*args: str, db_path: Path):
    env = {**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_export_plan_and_import(db, db_path, tmp_path):
    """`export-plan ID --out F.json` then `import F.json` (and `--patient`) work; a bad file exits 1 naming the field."""
    template = library.list_templates(db)[0]
    patient = patients.create_patient(db, name="Cli Patient")
    db.dispose()
    out = tmp_path / "t.json"
    done = _run("export-plan", str(template.id), "--out", str(out), db_path=db_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text())["kind"] == "template"
    done = _run("import", str(out), db_path=db_path)
    assert done.returncode == 0 and done.stdout.startswith("imported template"), done.stderr
    done = _run("import", str(out), "--patient", str(patient.id), db_path=db_path)
    assert done.returncode == 0 and done.stdout.startswith("imported plan"), done.stderr
    bad = json.loads(out.read_text())
    bad["plan"]["phases"][0]["weeks"] = 99
    out.write_text(json.dumps(bad))
    before = state(db_path)
    done = _run("import", str(out), db_path=db_path)
    assert done.returncode == 1 and "$.plan.phases[0].weeks" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert state(db_path) == before
