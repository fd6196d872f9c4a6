"""An export or print that ends after its window was closed reports nothing and never crashes
(it used to raise 'Internal C++ object already deleted' in the event loop)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

from planner.ui.files.export import ExportJob


def test_a_job_that_ends_after_its_window_closed_is_quiet(qtbot, tmp_path):
    window = QWidget()
    job = ExportJob(window, tmp_path / "out.pdf")
    shiboken6.delete(window)
    with qtbot.waitSignal(job.finished):
        job._done(None)
    assert job.message_box is None and not job.active
    with qtbot.waitSignal(job.failed):
        job._failed(OSError(28, "No space left on device"))
    assert job.message_box is None
