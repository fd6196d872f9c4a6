"""Modules that load on first use: the standard library's LazyLoader recipe, so the window can paint
before the heavy parts (SQLAlchemy behind the services, ReportLab behind the handout, QtPdf behind
the preview) are imported.

`from planner.services import plans` then binds a module object whose code runs the first time one
of its attributes is read, in the thread that reads it. Only the GUI thread may use a lazily
registered module (LazyLoader in Python 3.11 does not lock); worker threads import normally.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

# The services the window's own modules import at their top, and that pull SQLAlchemy in. Only these:
# every other service is imported by a dialog or pane module, which itself loads lazily (on the GUI
# thread, when first used), so those import normally. Keeping this list short matters, because a
# module registered here must be used first on the GUI thread: `plans` is (a plan is opened before
# the preview or an export renders it on a worker), `patients` and `library` never leave it. Not
# planner.services.database: the window's modules name its Database only for type checking, and the
# start-up worker imports it normally.
DEFERRED_SERVICES = (
    "planner.services.library",
    "planner.services.patients",
    "planner.services.plan_items",  # the editor's undo commands (GUI thread only)
    "planner.services.plans",
)


def lazy_module(name: str) -> ModuleType | None:
    """`name` as a module that executes on first attribute access (the module itself when it is
    imported already); None when there is no such module."""
    found = sys.modules.get(name)
    if found is not None:
        return found
    parent_name, _, child = name.rpartition(".")
    parent = importlib.import_module(parent_name) if parent_name else None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.loader is None:
        return None
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    if parent is not None:
        setattr(parent, child, module)
    return module


def defer(names: tuple[str, ...] = DEFERRED_SERVICES) -> None:
    """Register `names` as lazily loaded modules (call before the window's modules are imported)."""
    for name in names:
        lazy_module(name)
