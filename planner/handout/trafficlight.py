"""The pain traffic light page: green 0–3 and settled next morning = carry on; amber 4–5 = keep the
same; red above 5 or worse next morning = step back; what a step back is; when to call.

Drawn as a table of real traffic lights (the lit lamp's position tells the colour without ink)
with the colour's name written beside it, so it reads on a black-and-white printer.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from planner.handout import markup, styles
from planner.handout.flowables import TrafficLamp, framed
from planner.handout.markup import Paragraph
from planner.handout.styles import Styles
from planner.handout.texts import Words

ROWS = (("green", "tl_green"), ("amber", "tl_amber"), ("red", "tl_red"))


def light_table(w: Words, st: Styles) -> Table:
    """The three rows: lamp, when (with the colour's name), what to do."""
    lamp_h = st.size * 4.2
    lamp_w = lamp_h * 0.42 + st.size * 1.2
    when_w = (st.width - lamp_w) * 0.48
    head = [Paragraph(markup.bold(w(k)), st.cell) for k in ("tl_col_light", "tl_col_when", "tl_col_do")]
    data = [head]
    for lit, key in ROWS:
        data.append([
            TrafficLamp(lit, lamp_h),
            [
                Paragraph(f"{markup.text(w(key))}: {markup.text(w.light(f'{key}_range'))}", st.h3),
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


def _list(title: str, items: list[str], st: Styles) -> Flowable:
    flow: list[Flowable] = [Paragraph(markup.text(title), st.h2)]
    flow.extend(markup.para(item, st.bullet, bulletText="•") for item in items)
    return KeepTogether(flow)


def traffic_light(w: Words, st: Styles) -> list[Flowable]:
    """The whole traffic-light section."""
    urgent = framed([Paragraph(markup.bold(w("tl_urgent_title")), st.body),
                     *(markup.para(line, st.bullet, bulletText="•") for line in w["tl_urgent"])], st)
    return [
        Paragraph(markup.text(w("tl_title")), st.h1),
        markup.para(w("tl_intro"), st.lead),
        Spacer(1, st.size * 0.3),
        light_table(w, st),
        _list(w("tl_back_title"), w["tl_back"], st),
        _list(w("tl_call_title"), w["tl_call"], st),
        KeepTogether([Spacer(1, st.size * 0.3), urgent]),
    ]
