"""The shape of the code: things defined once, no builtin shadowed, small modules."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import planner

ROOT = Path(planner.__file__).parent
MODULES = sorted(ROOT.rglob("*.py"))


def _top_level_names(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [target.id for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


def test_no_module_shadows_a_builtin():
    """`Warning = PlanWarning` hid the builtin Warning in every module that imported it."""
    shadowed = [f"{path.relative_to(ROOT.parent)}: {name}" for path in MODULES
                for name in _top_level_names(path) if name in dir(builtins)]
    assert shadowed == []


def test_user_text_is_made_paragraph_markup_in_one_place():
    """One function turns user text into ReportLab markup (planner.handout.markup.text)."""
    defined = [str(path.relative_to(ROOT.parent)) for path in MODULES if "para_text" in _top_level_names(path)]
    assert defined == []


def test_no_two_dataclasses_hold_the_same_fields():
    """One type per concept: `HandoutClinic` copied `ClinicInfo` field for field."""
    seen: dict[tuple[tuple[str, str], ...], str] = {}
    twins: list[str] = []
    for path in MODULES:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef) or not any("dataclass" in ast.unparse(d) for d in node.decorator_list):
                continue
            fields = tuple((s.target.id, ast.unparse(s.annotation)) for s in node.body
                           if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name))
            where = f"{path.relative_to(ROOT.parent)}:{node.name}"
            if len(fields) >= 3 and fields in seen:
                twins.append(f"{seen[fields]} = {where}")
            seen.setdefault(fields, where)
    assert twins == []


MAX_LINES = 400


def test_no_module_is_over_400_lines():
    """Modules stay small and named for what they hold (STYLE.md): split one that grows by meaning."""
    long = {str(path.relative_to(ROOT.parent)): n for path in MODULES
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
