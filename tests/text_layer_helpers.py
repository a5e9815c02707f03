"""A PDF page of text blocks, one per (text, language), drawn as every document draws them."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from toolkit.pdf.flow import BlockStyle, FontBook, TextBlock


def page_with(lines: list[tuple[str, str]]) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(500, 400))
    y = 380.0
    for text, language in lines:
        block = TextBlock(text, BlockStyle(), FontBook(language))
        _w, h = block.wrap(460, 400)
        y -= h + 6
        block.drawOn(canvas, 20, y)
    canvas.save()
    return buf.getvalue()
