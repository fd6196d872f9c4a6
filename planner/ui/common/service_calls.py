"""The services the window's panels call while it is built, reached through a function.

They bring SQLAlchemy along, which costs more than Qt needs for the whole window; the window paints
first and the worker that opens the database imports them (planner/ui/window/application.py). So the
panels, the plan document and the undo commands import them where they call them, here: a plain
function-level import, a dictionary look-up once the worker has loaded them."""

from __future__ import annotations

from types import ModuleType


def plan_service() -> ModuleType:
    from planner.services import plans

    return plans


def patient_service() -> ModuleType:
    from planner.services import patients

    return patients


def library_service() -> ModuleType:
    from planner.services import library

    return library


def plan_items_service() -> ModuleType:
    from planner.services import plan_items

    return plan_items
