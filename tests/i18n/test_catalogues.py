"""Issue 15, item 2: one translation path, checked on the source and the catalogues.

(a) every message id Babel extracts from planner/ has a translation in every shipped language but
English; (b) no f-string, %-formatting, concatenation or .format() inside a translation call, and
none inside an f-string (Babel cannot see it there on Python 3.11, so the id would never reach the
catalogue); (c) no message id holds a number (numbers are parameters), unless listed below with its
reason; and the catalogue holds only ids the code marks (`make messages` would drop any other),
except ids still looked up dynamically by code another helper is converting (listed, to shrink).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from planner import i18n
from planner.languages import SOURCE_LANGUAGE, codes
from planner.paths import LOCALE_DIR

ROOT = Path(__file__).resolve().parents[2]
PLANNER = ROOT / "planner"

# The keywords of babel.cfg / `make messages`: Babel's defaults plus the message constructors.
KEYWORDS = {**DEFAULT_KEYWORDS, "msg": None, "nmsg": (1, 2), "pmsg": ((1, "c"), 2)}
# Which positional arguments of each translation call are message ids.
ID_ARGUMENTS = {"_": (0,), "N_": (0,), "gettext": (0,), "ngettext": (0, 1), "pgettext": (1,),
                "npgettext": (1, 2), "msg": (0,), "nmsg": (0, 1), "pmsg": (1,)}

# (c) Ids that keep a number, each with the reason it is not a parameter.
DIGITS_ALLOWED = {
    "NPRS, average pain over the last 24 hours (0-10)": "the published instrument's own definition",
    "PSK, difficulty of an activity (0-10, 10 = impossible)": "the published instrument's own definition",
    "PSFS, ability in an activity (0-10, 10 = able as before)": "the published instrument's own definition",
    "GPE, change since the start (1-7)": "the published instrument's own definition",
    "NPRS: average pain, last 24 hours": "the published instrument's own definition",
    "Fell in the last 12 months": "the standard fall-screening question (CLINICAL.md)",
    "the file is not UTF-8 text (byte {at})": "UTF-8 is the name of an encoding",
    "is not base64 data": "base64 is the name of an encoding",
    "Herstelplan backups (*.sqlite3);;All files (*)": "a file pattern",
    "The database URL is not valid. Write it like sqlite:///path/to/herstelplan.sqlite3 or "
    "postgresql+psycopg://user@server/herstelplan.": "a URL to type, with the file name",
    "In the patient's words, e.g. walking 10 minutes": "an example the translator may change",
    "e.g. low back pain for 8 months": "an example the translator may change",
    "Not a date. Type it as day-month-year, e.g. 25-12-1960.": "an example date to type",
    # helper "once" owns ui/settings/*: the logo's size belongs in the one picture checker it builds
    "PNG or JPEG. Large pictures are scaled down to 800 pixels.": "the logo limit in the settings' help text",
    'Effort (0–10)': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'Pain limit (0–10)': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'Pain during the exercises: {pains} (green 0-{green_max}, amber {amber_min} or {amber_max}, red above {amber_max}).': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'You practise an activity you find worrying, in small rungs. The first time on a new rung you do together with your therapist. You move up a rung when you are only half as afraid that it will do harm, or when your fear is {max} or lower out of 100. Pain does not decide this.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'Every day: <b>Done</b>: a tick. <b>Pain during</b>: your highest pain while exercising, 0–10. <b>Morning worse</b>: a cross for more pain or stiffness than usual. <b>Morning pain</b>: 0–10, may stay empty.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'At the start, {activity} was hard: {first} out of 10. Now it is {last} out of 10.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    '{activity}: {last} out of 10, the same as at the start. You are holding on to it.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'At the start, you could do {activity} {first} out of 10. Now it is {last} out of 10.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'pain 0–{green}': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'pain {red_from}–10': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'Tick a box when you have done the exercise. For pain, write a number from 0 to 10. 0 is no pain, 10 is the worst pain you can imagine.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'Pain during exercise (0–10)': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    'Pain the next morning (0–10)': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
    '0–{green} green: carry on. {amber_from}–{amber} amber: keep it the same. Above {amber} or worse the next morning: red, take a step back.': "the 0–10 pain scale (0–100 fear scale) itself: the instrument, fixed for every plan",
}

# Catalogue entries no code marks today but code still looks up at run time (worded through
# `review_words.counted` or a plain-text ValidationError): the helpers converting that code mark
# them (or their new ids); shrink this after merging.
DYNAMIC_PENDING = {

}

_PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifgr]|\{\w*(?:![rsa])?(?::[^{}]*)?\}")


@cache
def extracted() -> dict[tuple[str | tuple[str, ...], str | None], str]:
    """Every message id in planner/ as Babel extracts it (in memory), with where it was found."""
    found: dict[tuple[str | tuple[str, ...], str | None], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(PLANNER), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        found.setdefault((message, context), f"planner/{filename}:{lineno}")
    return found


def _catalogue(code: str):
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as fp:
        return read_po(fp, locale=code)


def _first(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_babel_finds_the_message_ids_of_every_layer():
    """The extraction itself works: the window, the errors of the store and the services' refusals."""
    ids = {_first(key[0]) for key in extracted()}
    assert len(ids) > 500
    assert "Patients" in ids  # the window
    assert "This database was not made by Herstelplan. Choose another file or an empty one; the file was " \
           "left untouched." in ids  # store/migrate.py
    assert "At most {n} characters." in ids  # the services' validation


@pytest.mark.parametrize("code", [c for c in codes() if c != SOURCE_LANGUAGE])
def test_every_message_id_has_a_translation(code):
    """(a) A message the code can show has a non-empty translation in every shipped language."""
    catalogue = _catalogue(code)
    missing = []
    for (message_id, context), where in extracted().items():
        entry = catalogue.get(_first(message_id), context=context)
        strings = () if entry is None else (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if not strings or not all(strings):
            missing.append(f"{where}: {_first(message_id)!r}")
    assert not missing, f"{len(missing)} message ids without a {code} translation:\n" + "\n".join(missing)


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in ID_ARGUMENTS:
                yield name, node


def _built(node: ast.expr) -> str | None:
    """What is wrong with a message id built at run time, or None."""
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return "%-formatting"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return "a concatenation"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return f".{node.func.attr}()"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str":
        return "str(...): an error is worded with i18n.word(error.message)"
    return None


def test_no_message_is_built_inside_a_translation_call():
    """(b) `_(f"...")`, `_("..." % x)`, `_("a" + b)`, `_(str(error))`: the id would change with the
    value and never match the catalogue. Numbers and names go in as parameters."""
    problems = []
    for path in sorted(PLANNER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, call in _calls(tree):
            for index in ID_ARGUMENTS[name]:
                if index < len(call.args) and (wrong := _built(call.args[index])):
                    problems.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name}() with {wrong}")
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for name, call in _calls(node):
                    if call.args and isinstance(call.args[0], ast.Constant):
                        problems.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name}() inside an f-string "
                                        "(Babel cannot extract it there)")
    assert not problems, "\n".join(problems)


def test_the_scan_catches_what_it_forbids():
    """The check above is not vacuous: each forbidden form is found in a small sample."""
    sample = ast.parse('_(f"x {n}")\n_("a %d" % n)\nmsg("a" + b)\n_(str(e))\nf"{_(\'Log\')}"\n_("fine {n}")')
    forms = [_built(call.args[0]) for _name, call in _calls(sample)]
    assert forms[:4] == ["an f-string", "%-formatting", "a concatenation",
                         "str(...): an error is worded with i18n.word(error.message)"]
    assert forms[-1] is None


def test_no_message_id_holds_a_number():
    """(c) "At most 20000 characters." breaks silently when the limit changes: numbers are parameters
    ("At most {n} characters."). Placeholders themselves do not count."""
    with_digits = {}
    for (message_id, _context), where in extracted().items():
        ids = message_id if isinstance(message_id, tuple) else (message_id,)
        if any(re.search(r"\d", _PLACEHOLDER.sub("", text or "")) for text in ids):
            with_digits[_first(message_id)] = where
    unexplained = {text: where for text, where in with_digits.items() if text not in DIGITS_ALLOWED}
    assert not unexplained, "\n".join(f"{where}: {text!r}" for text, where in unexplained.items())
    stale = set(DIGITS_ALLOWED) - set(with_digits)
    assert not stale, f"allowed but no longer in the code (remove from DIGITS_ALLOWED): {stale}"


@pytest.mark.parametrize("code", [c for c in codes() if c != SOURCE_LANGUAGE])
def test_the_catalogue_holds_only_ids_the_code_marks(code):
    """An id only reached through a dynamic lookup (`_(variable)` of an unmarked text) is invisible
    to Babel: `make messages` drops it and the program silently shows English. Every entry must be
    marked where it is created, except the listed ones other helpers are converting."""
    marked = {_first(key[0]) for key in extracted()}
    unmarked = sorted(_first(m.id) for m in _catalogue(code) if m.id and _first(m.id) not in marked)
    assert [text for text in unmarked if text not in DYNAMIC_PENDING] == []
    assert set(DYNAMIC_PENDING) <= set(unmarked), "marked now: remove from DYNAMIC_PENDING"


# Files whose problems are still English text, with the helper converting them (shrink after merging).
ERRORS_PENDING: dict[str, str] = {}  # files still raising plain text, with the helper converting them

# Error classes and which positional argument is their message.
ERRORS = {"HerstelplanError": 0, "NotFound": 0, "ConflictError": 0, "DatabaseProblem": 1, "UnreadableFile": 0,
          "PictureError": 0, "TransferError": 1, "MessageError": 0, "ValidationError": 0, "_fail": 1, "_problem": 0}


def _text_not_message(node: ast.expr) -> bool:
    """A plain or translated string where a message (`msg(...)`) belongs."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")


def test_errors_are_raised_with_messages():
    """`raise NotFound(f"Plan {id} does not exist.")` or `DatabaseProblem(kind, _("..."))` words the
    error where it is made, in one language: errors carry `msg(...)` and are worded where shown (the
    window's own form checks, in planner/ui, word their problems at once and may use `_()`)."""
    problems = []
    for path in sorted(PLANNER.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Subscript)
                    and isinstance(node.targets[0].value, ast.Name) and "problem" in node.targets[0].value.id
                    and _text_not_message(node.value) and not path.is_relative_to(PLANNER / "ui")):
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:70]}")
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name not in ERRORS or len(node.args) <= ERRORS[name]:
                continue
            arg = node.args[ERRORS[name]]
            values = arg.values if isinstance(arg, ast.Dict) else [arg]
            for value in values:
                if value is not None and _text_not_message(value):
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({ast.unparse(value)[:60]})")
    pending = [p for p in problems if p.split(":")[0] in ERRORS_PENDING]
    assert [p for p in problems if p not in pending] == []
    assert {p.split(":")[0] for p in pending} == set(ERRORS_PENDING), "converted: shrink ERRORS_PENDING"
