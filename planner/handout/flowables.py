"""Small custom flowables the handout draws itself: tick boxes, writing lines, the traffic-light
lamp and the plan timeline (phases as bars across the weeks).

Each reads well in black and white: shapes, positions and words carry the meaning, colour only
repeats it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, KeepTogether, Table

from planner.handout import fonts, markup, styles
from planner.handout.markup import Paragraph
from planner.handout.styles import Styles


class TickBoxes(Flowable):
    """`count` empty squares to tick, centred in the available width (wrapping onto rows)."""

    def __init__(self, count: int, size: float):
        super().__init__()
        self.count = max(1, count)
        self.size = size
        self.gap = size * 0.35

    def _per_row(self, width: float) -> int:
        return max(1, int((width + self.gap) // (self.size + self.gap)))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        self.width = avail_width
        rows = -(-self.count // self._per_row(avail_width))
        self.height = rows * self.size + (rows - 1) * self.gap
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        per_row = min(self._per_row(self.width), self.count)
        canvas.setStrokeColor(colors.black)
        canvas.setFillColor(colors.white)
        canvas.setLineWidth(1.2)
        for index in range(self.count):
            row, col = divmod(index, per_row)
            in_row = min(per_row, self.count - row * per_row)
            start = (self.width - (in_row * self.size + (in_row - 1) * self.gap)) / 2
            x = start + col * (self.size + self.gap)
            y = self.height - (row + 1) * self.size - row * self.gap
            canvas.rect(x, y, self.size, self.size, stroke=1, fill=1)


class WritingLines(Flowable):
    """Ruled lines to write on by hand."""

    def __init__(self, count: int, spacing: float):
        super().__init__()
        self.count, self.spacing = count, spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        self.width, self.height = avail_width, self.count * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(styles.ACCENT)
        canvas.setLineWidth(0.6)
        for index in range(self.count):
            y = self.height - (index + 1) * self.spacing + 1
            canvas.line(0, y, self.width, y)


LAMPS = ("red", "amber", "green")  # top to bottom, as on a real traffic light
_LAMP_COLOURS = {"red": styles.RED, "amber": styles.AMBER, "green": styles.GREEN}


class TrafficLamp(Flowable):
    """A traffic light with one lamp lit: position (top, middle, bottom) tells it in black and white."""

    def __init__(self, lit: str, height: float):
        super().__init__()
        self.lit = lit
        self.height = height
        self.width = height * 0.42

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        w, h = self.width, self.height
        canvas.setFillColor(styles.LAMP_HOUSING)
        canvas.setStrokeColor(colors.black)
        canvas.roundRect(0, 0, w, h, w * 0.22, stroke=1, fill=1)
        radius = min(w * 0.34, h / 6 * 0.82)
        for index, name in enumerate(LAMPS):
            cy = h - (index + 0.5) * h / 3
            if name == self.lit:
                canvas.setFillColor(_LAMP_COLOURS[name])
                canvas.setStrokeColor(colors.white)
                canvas.setLineWidth(2)
            else:
                canvas.setFillColor(colors.HexColor("#4a4a4a"))
                canvas.setStrokeColor(colors.HexColor("#4a4a4a"))
                canvas.setLineWidth(0.5)
            canvas.circle(w / 2, cy, radius, stroke=1, fill=1)


@dataclass(frozen=True)
class TimelineRow:
    """One phase on the timeline."""

    label: str  # Paragraph markup, already escaped
    first_week: int
    weeks: int
    weeks_text: str
    current: bool = False


class Timeline(Flowable):
    """The plan as a picture: one row per phase, a bar across the weeks it covers, a week axis."""

    def __init__(self, rows: Sequence[TimelineRow], *, total_weeks: int, week_word: str, st: Styles,
                 first_week: int = 1):
        super().__init__()
        self.rows = list(rows)
        self.first = max(first_week, 1)  # the axis runs from this week to `total_weeks`
        self.total = max(total_weeks - self.first + 1, 1)
        self.week_word = week_word
        self.st = st
        self.pad = st.size * 0.45
        self.bar_height = st.size * 1.9
        self.axis_height = st.size * 2.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        self.width = avail_width
        self.label_width = avail_width * 0.36
        self._paras = [Paragraph(row.label, self.st.cell) for row in self.rows]
        self._heights = []
        for para in self._paras:
            _, h = para.wrap(self.label_width - self.pad, 10_000)
            self._heights.append(max(h, self.bar_height) + 2 * self.pad)
        self.height = sum(self._heights) + self.axis_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Rows that fit (with their own week axis), then the rest: a plan of 52 phases prints."""
        self.wrap(avail_width, avail_height)
        room, used, count = avail_height - self.axis_height, 0.0, 0
        for height in self._heights:
            if used + height > room:
                break
            used, count = used + height, count + 1
        if count == 0 or count == len(self.rows):
            return []
        total_weeks = self.first + self.total - 1
        return [Timeline(rows, total_weeks=total_weeks, week_word=self.week_word, st=self.st, first_week=self.first)
                for rows in (self.rows[:count], self.rows[count:])]

    def _x(self, week: float) -> float:
        """x of the start of `week` (1-based) in the bar area."""
        area = self.width - self.label_width
        return self.label_width + area * (week - self.first) / self.total

    def draw(self) -> None:
        canvas = self.canv
        size = self.st.size
        top = self.height
        for index, (row, para, row_h) in enumerate(zip(self.rows, self._paras, self._heights, strict=True)):
            top -= row_h
            if index % 2 == 0:  # a faint band behind every other row keeps label and bar together
                canvas.setFillColor(colors.HexColor("#f3f6fa"))
                canvas.rect(0, top, self.width, row_h, stroke=0, fill=1)
            _, ph = para.wrap(self.label_width - self.pad, 10_000)
            para.drawOn(canvas, self.pad * 0.5, top + (row_h - ph) / 2)
            x0, x1 = self._x(row.first_week), self._x(row.first_week + row.weeks)
            y = top + (row_h - self.bar_height) / 2
            canvas.setFillColor(styles.PHASE_FILLS[index % len(styles.PHASE_FILLS)])
            canvas.setStrokeColor(colors.black)
            canvas.setLineWidth(2.5 if row.current else 1)
            canvas.rect(x0 + 1, y, max(x1 - x0 - 2, 2), self.bar_height, stroke=1, fill=1)
            self._bar_text(row.weeks_text, x0, x1, y + (self.bar_height - size) / 2 + size * 0.15)
        self._axis(size)

    def _bar_text(self, text: str, x0: float, x1: float, y: float) -> None:
        canvas = self.canv
        size = self.st.size
        text = fonts.printable(text)
        width = stringWidth(text, fonts.REGULAR, size)
        canvas.setFillColor(colors.black)
        canvas.setFont(fonts.REGULAR, size)
        if width + size <= x1 - x0:
            canvas.drawString(x0 + size * 0.5, y, text)
        elif x1 + width + size * 0.3 <= self.width:
            canvas.drawString(x1 + size * 0.3, y, text)
        else:
            canvas.drawRightString(x0 - size * 0.3, y, text)

    def _axis(self, size: float) -> None:
        canvas = self.canv
        y = self.axis_height - size * 0.3
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1)
        last = self.first + self.total - 1
        canvas.line(self._x(self.first), y, self._x(last + 1), y)
        label_w = stringWidth(str(last), fonts.REGULAR, size) + size * 0.8
        cell = (self.width - self.label_width) / self.total
        step = 1
        while step * cell < label_w:
            step += 1
        canvas.setFont(fonts.REGULAR, size)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(self.label_width - size * 0.4, y - size * 1.1, fonts.printable(self.week_word))
        for week in range(self.first, last + 2):
            x = self._x(week)
            canvas.line(x, y, x, y + size * 0.3)
        for week in range(self.first, last + 1, step):
            canvas.drawCentredString(self._x(week) + cell / 2, y - size * 1.1, str(week))


def framed(content: list[Flowable], st: Styles, *, tinted: bool = False) -> Table:
    """Own (short, generated) text in a framed box. Not for user text: a table cell cannot split."""
    table = Table([[content]], colWidths=[st.width])
    pad = st.size * 0.7
    table.setStyle(styles.table_style(st, [
        ("BOX", (0, 0), (-1, -1), 1.5, styles.ACCENT),
        ("BACKGROUND", (0, 0), (-1, -1), styles.TINT if tinted else colors.white),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.5),
    ]))
    return table


class BlockHeading(Flowable):
    """A block's heading: a rule across the page, the title on the left and its kind on the right,
    on the same line (one line less per exercise than a separate label)."""

    def __init__(self, title: Paragraph, kind: str, st: Styles):
        super().__init__()
        self.title, self.kind, self.st = title, fonts.printable(kind), st
        self.rule_gap = st.size * 0.5
        self.kind_width = stringWidth(self.kind, fonts.BOLD, st.size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # noqa: ARG002
        self.width = avail_width
        room = max(avail_width - self.kind_width - self.st.size, avail_width * 0.5)
        _, self.title_height = self.title.wrap(room, 10_000)
        self.height = self.title_height + self.rule_gap
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Normally unsplittable (the block moves to the next page); a title longer than a page
        becomes a rule and a plain paragraph, which can split."""
        self.wrap(avail_width, avail_height)
        if self.height <= self.st.height:
            return []
        return [HRFlowable(width="100%", thickness=1.2, color=styles.ACCENT, spaceAfter=self.rule_gap), self.title]

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.title.getSpaceAfter()

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(styles.ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(0, self.height, self.width, self.height)
        self.title.drawOn(canvas, 0, 0)
        first_line = self.title.style.leading
        canvas.setFillColor(styles.ACCENT)
        canvas.setFont(fonts.BOLD, self.st.size)
        canvas.drawRightString(self.width, self.title_height - first_line + (first_line - self.st.size) / 2
                               + self.st.size * 0.2, self.kind)


def heading(text: str, style: ParagraphStyle, st: Styles, *, lines: int = 2) -> list[Flowable]:
    """A heading (own text, escaped) that starts a new page unless `lines` lines of body text fit
    under it: the text after it may then go on on the next page (ReportLab's keepWithNext would
    keep the whole paragraph with it)."""
    title = Paragraph(markup.text(text), ParagraphStyle(f"{style.name}_free", parent=style, keepWithNext=0))
    need = style.spaceBefore + style.leading + style.spaceAfter + st.body.leading * lines + st.body.spaceAfter
    return [CondPageBreak(need), title]


class KeepMostlyTogether(KeepTogether):
    """Keeps its content together, unless at least `room` points are left on the page: then the
    content flows on (the text of a block continues on the next page) rather than leaving half a
    page empty. Only ever splits with the picture and the first steps placed together."""

    def __init__(self, flowables: list[Flowable], *, room: float):
        super().__init__(flowables)
        self.room = room

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        content = list(self._content)  # type: ignore[attr-defined]  # KeepTogether's flowables
        if avail_height >= self.room and len(content) > 1:
            image = getattr(content[1], "_I", None)  # ImageAndFlowables' picture column
            below = image.wrap(avail_width, avail_height)[1] if image is not None else self.room / 2
            head = content[0].wrap(avail_width, avail_height)[1] + content[0].getSpaceAfter()
            if head + below + content[1].getSpaceBefore() + 10 <= avail_height:  # 10 pt: the paddings
                return content  # the heading has its picture and first steps under it on this page
        return super().split(avail_width, avail_height)
