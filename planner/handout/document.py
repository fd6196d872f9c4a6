"""Render a HandoutPlan to PDF bytes with ReportLab Platypus (first version: plain and complete)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from planner.domain.dosage import detail_words, volume_words
from planner.handout import fonts
from planner.handout.model import HandoutOptions, HandoutPlan


def para_text(text: str) -> str:
    """User text made safe for Paragraph markup: escaped, unprintable characters replaced."""
    return escape(fonts.printable(text)).replace("\n", "<br/>")


def render(plan: HandoutPlan, options: HandoutOptions) -> bytes:
    """The handout as PDF bytes; same input gives the same bytes."""
    font = fonts.register()
    size = 14 if options.large_print else 12
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.4)
    h1 = ParagraphStyle("h1", parent=body, fontName=fonts.BOLD, fontSize=size * 2, leading=size * 2.4)
    h2 = ParagraphStyle("h2", parent=body, fontName=fonts.BOLD, fontSize=size * 1.5, leading=size * 1.9)
    nl = options.lang == "nl"
    story = [
        Paragraph("Jouw herstelplan" if nl else "Your recovery plan", h1),
        Paragraph(para_text(plan.patient_name), h2),
        Paragraph(para_text(plan.goal), body),
        Spacer(1, 0.5 * cm),
    ]
    for phase in plan.phases:
        story.append(Paragraph(para_text(phase.name), h2))
        for item in phase.items:
            story.append(Paragraph(f"<b>{para_text(item.title)}</b>", body))
            line = volume_words(item.dosage, options.lang)
            if line:
                story.append(Paragraph(para_text(line), body))
            for detail in detail_words(item.dosage, options.lang):
                story.append(Paragraph(para_text(detail), body))
            for number, step in enumerate(item.steps, 1):
                story.append(Paragraph(f"{number}. {para_text(step)}", body))
            if item.patient_note:
                story.append(Paragraph(para_text(item.patient_note), body))
            story.append(Spacer(1, 0.3 * cm))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER if options.paper == "letter" else A4,
        title=plan.title,
        author=plan.clinic.name,
        invariant=1,
    )
    doc.build(story)
    return out.getvalue()
