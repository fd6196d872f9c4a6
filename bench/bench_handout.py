"""Handout export speed: the median of 20 in-process exports of the demo plan (database load,
layout, PDF, atomic write) against the floor, a bare ReportLab document with the same page count,
the same text per page, the same fonts and the same illustrations; and their ratio (target ≤ 2).

    .venv/bin/python bench/bench_handout.py [--runs 20] [--lang nl] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _median_ms(fn, runs: int) -> float:
    fn()  # warm-up: imports, font registration, SVG conversion
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def floor_document(page_texts: list[str], drawings: list, *, paper: tuple[float, float]) -> bytes:
    """A bare Platypus document: per page its text as plain paragraphs, the pictures spread over
    the pages, DejaVu regular and bold, compressed and invariant like the handout."""
    from reportlab.graphics import renderPDF
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

    from planner.handout import fonts

    class Picture(Flowable):
        """A drawing scaled into a box the plain ReportLab way (renderPDF on every use)."""

        def __init__(self, drawing, width: float, height: float):
            super().__init__()
            self.drawing = drawing
            self.scale = min(width / drawing.width, height / drawing.height)
            self.width, self.height = drawing.width * self.scale, drawing.height * self.scale

        def draw(self) -> None:
            self.canv.scale(self.scale, self.scale)
            renderPDF.draw(self.drawing, self.canv, 0, 0)

    fonts.register()
    body = ParagraphStyle("b", fontName=fonts.REGULAR, fontSize=11, leading=13)
    bold = ParagraphStyle("h", fontName=fonts.BOLD, fontSize=11, leading=13)
    per_page = -(-len(drawings) // max(len(page_texts), 1))
    story = []
    pictures = iter(drawings)
    for number, text in enumerate(page_texts):
        if number:
            story.append(PageBreak())
        lines = [line for line in text.splitlines() if line.strip()]
        story.append(Paragraph(escape(lines[0] if lines else ""), bold))
        story.append(Paragraph(escape(" ".join(lines[1:])), body))
        for _ in range(per_page):
            drawing = next(pictures, None)
            if drawing is not None:
                story.append(Picture(drawing, 4 * cm, 2.4 * cm))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=paper, invariant=1, pageCompression=1,
                            topMargin=1.5 * cm, bottomMargin=1.5 * cm)
    doc.build(story)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lang", choices=("nl", "en"), default="nl")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-handout-") as folder:
        os.environ["HERSTELPLAN_DATA_DIR"] = str(Path(folder) / "data")
        from pypdf import PdfReader

        from planner.handout.images import svg_drawing
        from planner.handout.model import HandoutOptions
        from planner.handout.styles import build
        from planner.services import clinic, handouts
        from planner.services.database import open_database
        from planner.services.demo import ensure_demo

        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        plan_id = ensure_demo(db)
        clinic.update_clinic(db, name="Fysiotherapie De Linde", therapist="Anna Bakker",
                             phone="030 123 45 67", email="info@delinde.nl")
        options = HandoutOptions(lang=args.lang)
        out = Path(folder) / "handout.pdf"
        export_ms = _median_ms(lambda: handouts.export_handout(db, plan_id, out, options), args.runs)

        reader = PdfReader(out)
        page_texts = [page.extract_text() for page in reader.pages]
        plan = handouts.handout_input(db, plan_id, options)
        drawings = [d for phase in plan.phases for item in phase.items
                    if (d := svg_drawing(item.illustration)) is not None]
        paper = build(paper=options.paper).page
        floor_pages = len(PdfReader(io.BytesIO(floor_document(page_texts, drawings, paper=paper))).pages)
        floor_ms = _median_ms(lambda: floor_document(page_texts, drawings, paper=paper), args.runs)
        db.dispose()

    result = {
        "pages": len(page_texts),
        "floor_pages": floor_pages,
        "pictures": len(drawings),
        "export_ms": round(export_ms, 1),
        "floor_ms": round(floor_ms, 1),
        "ratio": round(export_ms / floor_ms, 2),
        "runs": args.runs,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"handout export ({args.lang}, {result['pages']} pages, {result['pictures']} pictures): "
              f"median {result['export_ms']} ms over {args.runs} runs")
        print(f"floor (bare ReportLab, {floor_pages} pages, same text, fonts and pictures): "
              f"median {result['floor_ms']} ms")
        print(f"ratio: {result['ratio']}× (target ≤ 2×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
