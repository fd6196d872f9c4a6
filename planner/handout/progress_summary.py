"""A short printable progress summary: advice with reasons, a chart of pain, load and adherence,
and the recent check-ins. A pure renderer: a ProgressSummary in, PDF bytes out."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, Shape, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planner.domain.messages import msg, pmsg
from planner.domain.monitoring import Light
from planner.domain.series import ProgressSeries
from planner.domain.thresholds import PAIN_SCALE_MAX
from planner.handout import fonts
from planner.handout.markup import text as para_text  # user text as Paragraph markup, escaped
from planner.i18n import N_, word

LIGHT_COLOURS = {Light.GREEN: colors.HexColor("#1b7f3b"), Light.AMBER: colors.HexColor("#b86e00"),
                 Light.RED: colors.HexColor("#b3261e")}
MAX_ROWS = 14
LOAD_START = 100  # the load index where each exercise started
HEADINGS = (N_("Date"), N_("Pain"), N_("Next morning"), N_("Done"), N_("Confidence"), N_("Note"))


@dataclass(frozen=True, slots=True)
class SummaryRow:
    date: dt.date
    pain: int
    light: Light
    morning: str
    done: int
    planned: int
    confidence: int | None
    note: str


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    """Everything the summary page shows, already in its language."""

    lang: str
    patient_name: str
    plan_title: str
    goal: str
    mode_text: str
    issued: dt.date
    advice_headline: str
    advice_light: Light | None
    advice_reasons: tuple[str, ...]
    rows: tuple[SummaryRow, ...]
    series: ProgressSeries
    clinic_name: str = ""


def _x(date: dt.date, series: ProgressSeries, left: float, width: float) -> float:
    span = max((series.end - series.start).days, 1)
    return left + width * (date - series.start).days / span


Anchor = Literal["start", "middle", "end"]


def _rect(x: float, y: float, width: float, height: float, *, fill: Color | None, stroke: Color | None,
          stroke_width: float = 1) -> Rect:
    """A Rect with its colours (set as attributes: the ReportLab stubs mistype Rect's keywords)."""
    rect = Rect(x, y, width, height)
    rect.fillColor, rect.strokeColor, rect.strokeWidth = fill, stroke, stroke_width
    return rect


def _marker(x: float, y: float, light: Light) -> Shape:
    colour = LIGHT_COLOURS[light]
    if light is Light.GREEN:
        return Circle(x, y, 3, fillColor=colour, strokeColor=colour)
    if light is Light.AMBER:
        return _rect(x - 3, y - 3, 6, 6, fill=colour, stroke=colour)
    return Polygon([x - 3.5, y - 3, x + 3.5, y - 3, x, y + 3.5], fillColor=colour, strokeColor=colour)


def _label(x: float, y: float, text: str, *, size: float = 7, anchor: Anchor = "start") -> String:
    return String(x, y, text, fontName=fonts.register(), fontSize=size, textAnchor=anchor)


def chart(series: ProgressSeries, *, lang: str, width: float = 17 * cm, height: float = 10 * cm) -> Drawing:
    """Three stacked panels on one time axis: pain (0-10), load index, adherence (%)."""
    drawing = Drawing(width, height)
    left, right, gap, title_room = 1.0 * cm, 0.3 * cm, 0.25 * cm, 0.4 * cm
    inner = width - left - right
    panel = (height - 0.5 * cm - 3 * (gap + title_room)) / 3
    titles = (word(msg("Pain during the exercises ({low}-{high})", low=0, high=PAIN_SCALE_MAX), lang),
              word(msg("Load ({start} = start)", start=LOAD_START), lang),
              word(msg("Done of planned (%)"), lang))
    load_max = max([s.index for s in series.load] + [100.0]) * 1.15
    scales = (10.0, load_max, 150.0)
    ticks = ((0, 3, 5, 10), (100,), (0, 100))
    top = height
    for n, title in enumerate(titles):
        top -= title_room
        drawing.add(_label(left, top + 3, title, size=8))
        bottom = top - panel
        drawing.add(_rect(left, bottom, inner, panel, fill=None, stroke=colors.grey, stroke_width=0.5))

        def ys(v: float, b: float = bottom, s: float = scales[n]) -> float:
            return b + panel * min(v, s) / s
        for tick in ticks[n]:
            drawing.add(_label(left - 3, ys(tick) - 2.5, str(tick), anchor="end"))
            if 0 < tick < scales[n]:
                drawing.add(Line(left, ys(tick), left + inner, ys(tick), strokeColor=colors.grey,
                                 strokeDashArray=[2, 2], strokeWidth=0.4))
        if n == 0:
            points = [(_x(d, series, left, inner), ys(v)) for d, v in series.pain]
            if len(points) > 1:
                drawing.add(PolyLine([c for p in points for c in p], strokeColor=colors.black, strokeWidth=0.8))
            for (x, y), light in zip(points, series.lights, strict=True):
                drawing.add(_marker(x, y, light))
        elif n == 1:
            coords: list[float] = []
            for step in series.load:
                y = ys(step.index)
                coords += [_x(step.start, series, left, inner), y, _x(step.end, series, left, inner), y]
            if coords:
                drawing.add(PolyLine(coords, strokeColor=colors.HexColor("#1f4e99"), strokeWidth=1.5))
        else:
            for d, pct in series.adherence:
                x = _x(d, series, left, inner)
                drawing.add(_rect(x - 2, bottom, 4, ys(pct) - bottom, fill=colors.HexColor("#555555"), stroke=None))
        top = bottom - gap
    ends: tuple[tuple[dt.date, Anchor], ...] = ((series.start, "start"), (series.end, "end"))
    for d, anchor in ends:
        drawing.add(_label(_x(d, series, left, inner), 2, f"{d.day}-{d.month}-{d.year}", anchor=anchor))
    return drawing


def render_progress_summary(summary: ProgressSummary) -> bytes:
    """The summary as PDF bytes (A4, one or two pages); the same input gives the same bytes."""
    font = fonts.register()
    lang = summary.lang
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=15)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12)
    h1 = ParagraphStyle("h1", parent=body, fontName=fonts.BOLD, fontSize=18, leading=22)
    h2 = ParagraphStyle("h2", parent=body, fontName=fonts.BOLD, fontSize=13, leading=17, spaceBefore=6)
    story: list[Flowable] = [
        Paragraph(para_text(word(pmsg("summary title", "Progress"), lang)), h1),
        Paragraph(para_text(f"{summary.patient_name} · {summary.plan_title}"), body),
    ]
    if summary.goal:
        story.append(Paragraph(para_text(word(msg("Goal: {goal}", goal=summary.goal), lang)), body))
    story.append(Paragraph(para_text(summary.mode_text), small))
    colour = LIGHT_COLOURS[summary.advice_light] if summary.advice_light else colors.black
    story += [Spacer(1, 0.3 * cm),
              Paragraph(f'<font color="{colour.hexval()}">●</font> <b>{para_text(summary.advice_headline)}</b>', h2)]
    story += [Paragraph("• " + para_text(reason), body) for reason in summary.advice_reasons]
    story += [Spacer(1, 0.3 * cm), chart(summary.series, lang=summary.lang)]
    story.append(Paragraph(para_text(word(msg("● green  ■ amber  ▲ red · load {start} = where each exercise started",
                                              start=LOAD_START), lang)), small))
    if summary.rows:
        story.append(Paragraph(para_text(word(msg("Check-ins"), lang)), h2))
        head = [word(msg(h), lang) for h in HEADINGS]
        small_head = ParagraphStyle("head", parent=small, fontName=fonts.BOLD)
        data = [[Paragraph(para_text(h), small_head) for h in head]]
        for row in summary.rows[-MAX_ROWS:]:
            data.append([Paragraph(para_text(text), small) for text in (
                f"{row.date.day}-{row.date.month}-{row.date.year}", str(row.pain), row.morning,
                f"{row.done}/{row.planned}", "–" if row.confidence is None else f"{row.confidence}/10", row.note)])
        table = Table(data, colWidths=[2.4 * cm, 1.1 * cm, 2.7 * cm, 1.8 * cm, 2.8 * cm, 6.2 * cm], repeatRows=1)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                                   ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.grey),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    issued = f"{summary.issued.day}-{summary.issued.month}-{summary.issued.year}"
    story += [Spacer(1, 0.4 * cm), Paragraph(para_text(f"{summary.clinic_name} · {issued}".strip(" ·")), small)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, title=summary.plan_title, author=summary.clinic_name, invariant=1,
                      leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm).build(story)
    return out.getvalue()
