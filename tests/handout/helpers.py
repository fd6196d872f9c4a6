"""Helpers for the handout tests: hand-built plans, text and font sizes read back from the PDF."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import ClinicInfo
from planner.handout.model import HandoutItem, HandoutPhase, HandoutPlan
from planner.paths import ILLUSTRATIONS_DIR


def item(title: str = "Bruggetje", *, kind: Kind = Kind.STRENGTH, **fields) -> HandoutItem:
    """A plausible plan item; any field can be overridden."""
    base = HandoutItem(
        kind=kind,
        title=title,
        purpose="Maakt je billen en rug sterker.",
        steps=("Ga op je rug liggen.", "Til je billen op.", "Zak rustig terug."),
        safety="Wordt de pijn hoger dan 3? Til minder hoog.",
        body=(),
        dosage=Dosage(sets=2, reps=10, rest_seconds=60, days_per_week=3, pain_limit=3),
        level_text="Je billen een klein stukje optillen",
        patient_note="",
        illustration=ILLUSTRATIONS_DIR / "strength.bridge.svg",
    )
    return replace(base, **fields)


def plan(*, items: tuple[HandoutItem, ...] | None = None, phases: int = 1, **fields) -> HandoutPlan:
    """A small plan (one phase of two weeks by default) with a filled-in clinic."""
    built = []
    week = 1
    for index in range(phases):
        built.append(HandoutPhase(
            name=f"Fase naam {index + 1}", weeks=2, first_week=week, focus="Rustig beginnen.",
            criteria="Twee weken groen.", items=items if items is not None else (item(),),
        ))
        week += 2
    base = HandoutPlan(
        patient_name="Jannie de Vries",
        title="Rug in beweging",
        goal="Weer wandelen met mijn kleinzoon",
        phases=tuple(built),
        clinic=ClinicInfo(name="Praktijk De Linde", therapist="Anna Bakker", phone="030 123 45 67",
                             email="info@delinde.nl", address="Lindelaan 4, Utrecht"),
        start_date=dt.date(2026, 3, 2),
        next_appointment=dt.datetime(2026, 3, 10, 14, 30),
        issued=dt.date(2026, 3, 2),
    )
    return replace(base, **fields)


def reader(data: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)


def page_texts(data: bytes | Path) -> list[str]:
    """The text of every page, whitespace folded to single spaces, NFC-normalised."""
    return [" ".join(unicodedata.normalize("NFC", page.extract_text()).split()) for page in reader(data).pages]


def text(data: bytes | Path) -> str:
    """All text of the PDF as one line."""
    return " ".join(page_texts(data))


_TF = re.compile(rb"/(F[\w+]+) ([\d.]+) Tf")


def font_sizes(data: bytes) -> list[float]:
    """Every font size set in any page's content stream (Tf operators)."""
    sizes: list[float] = []
    for page in reader(data).pages:
        contents = page.get_contents()
        stream = contents.get_data() if contents is not None else b""
        sizes.extend(float(size) for _, size in _TF.findall(stream))
    return sizes
