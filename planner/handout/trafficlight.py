"""The pain traffic light table: green, amber and red for the plan's pain limit (thresholds.PainBands);
the rest of the rules page is in `rules`.

Drawn as a table of real traffic lights (the lit lamp's position tells the colour without ink)
with the colour's name written beside it, so it reads on a black-and-white printer.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Table

from planner.domain.thresholds import PAIN_LIMIT_DEFAULT
from planner.handout import markup, styles
from planner.handout.flowables import TrafficLamp
from planner.handout.markup import Paragraph
from planner.handout.styles import Styles
from planner.handout.texts import Words

ROWS = (("green", "tl_green"), ("amber", "tl_amber"), ("red", "tl_red"))


def light_table(w: Words, st: Styles, limit: int = PAIN_LIMIT_DEFAULT) -> Table:
    """The three rows: lamp, when (with the colour's name), what to do."""
    lamp_h = st.size * 4.2
    lamp_w = lamp_h * 0.42 + st.size * 1.2
    when_w = (st.width - lamp_w) * 0.48
    head = [Paragraph(markup.bold(w(k)), st.cell) for k in ("tl_col_light", "tl_col_when", "tl_col_do")]
    data: list[list[Any]] = [head]  # a cell is a flowable or a list of them
    for lit, key in ROWS:
        data.append([
            TrafficLamp(lit, lamp_h),
            [
                Paragraph(f"{markup.text(w(key))}: {markup.text(w.light(f'{key}_range', limit))}", st.h3),
                Paragraph(markup.text(w(f"{key}_when")), st.cell),
            ],
            [
                Paragraph(markup.text(w(f"{key}_do")), st.h3),
                Paragraph(markup.text(w(f"{key}_more")), st.cell),
            ],
        ])
    table = Table(data, colWidths=[lamp_w, when_w, st.width - lamp_w - when_w], repeatRows=1)
    pad = st.size * 0.45
    table.setStyle(styles.table_style(st, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("BOX", (0, 0), (-1, -1), 1.5, colors.black),
        ("INNERGRID", (0, 0), (-1, -1), 0.8, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), styles.TINT),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
    ]))
    return table
