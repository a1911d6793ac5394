"""Charts on paper: a laid-out `charts.Drawing` drawn on a ReportLab canvas, its labels through the
Arabic engine (shaped, right to left, searchable like every other text we print)."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf.charts import Box, Chart, Drawing, Label, Rule, lay_out
from desktop_app.pdf.draw import draw_string
from desktop_app.pdf.fonts import font_chain
from desktop_app.pdf.layout import text_width


def measure(text: str, size: float, bold: bool) -> float:
    """Width of one line of text in points, as the Arabic engine will print it."""
    return float(text_width(text, size, bold=bold))


def _baseline_offset(size: float, bold: bool) -> float:
    """From a line box's middle down to the baseline, for the first font of the chain (as Qt does:
    the ascent and descent of the font, centred in the box)."""
    face = font_chain("sans", bold).fonts[0].face
    ascent, descent = float(face.ascent) / 1000, abs(float(face.descent)) / 1000
    return (ascent - descent) / 2 * size


def draw_drawing(canvas: Canvas, drawing: Drawing, x: float, top: float) -> None:
    """Draw with the drawing's top-left corner at (x, top) in page coordinates."""
    for shape in drawing.shapes:
        if isinstance(shape, Box):
            canvas.setFillColor(HexColor(shape.color))
            canvas.rect(x + shape.x, top - shape.y - shape.h, shape.w, shape.h, stroke=0, fill=1)
        elif isinstance(shape, Rule):
            canvas.setStrokeColor(HexColor(shape.color))
            canvas.setLineWidth(shape.width)
            canvas.line(x + shape.x1, top - shape.y1, x + shape.x2, top - shape.y2)
        elif isinstance(shape, Label) and shape.text:
            canvas.setFillColor(HexColor(shape.color))
            middle = top - shape.y - shape.h / 2
            baseline = middle - _baseline_offset(shape.size, shape.bold)
            anchor = {"right": shape.x + shape.w, "center": shape.x + shape.w / 2, "left": shape.x}[
                shape.align
            ]
            draw_string(canvas, shape.text, x + anchor, baseline, shape.size, align=shape.align, bold=shape.bold,
                        rtl=shape.rtl)  # fmt: skip


def draw_chart(
    canvas: Canvas, chart: Chart, x: float, top: float, width: float, height: float, size: float = 8.5
) -> Drawing:
    """Lay out and draw a chart in the box whose top-left corner is (x, top); returns the layout."""
    drawing = lay_out(chart, width, height, measure, size)
    draw_drawing(canvas, drawing, x, top)
    return drawing
