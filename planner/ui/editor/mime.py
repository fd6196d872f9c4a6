"""Drag-and-drop payloads between the library and the plan editor (ids only, never objects)."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

BLOCK_MIME = "application/x-herstelplan-blocks"
ITEM_MIME = "application/x-herstelplan-plan-items"
PHASE_MIME = "application/x-herstelplan-phase"


def pack(mime_type: str, ids: list[int], *, text: str = "") -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, json.dumps([int(i) for i in ids]).encode())
    if text:
        data.setText(text)
    return data


def unpack(data: QMimeData | None, mime_type: str) -> list[int]:
    """The ids in `data` for `mime_type`; [] for anything malformed (a drop from elsewhere)."""
    if data is None or not data.hasFormat(mime_type):
        return []
    try:
        ids = json.loads(bytes(data.data(mime_type).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return []
    return ids
