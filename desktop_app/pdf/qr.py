"""QR codes encoded once and drawn as one filled path.

ReportLab's QrCodeWidget encodes every code twice (getBounds() calls draw()) and draws each module as
its own rectangle; on a 1,000-page certificate run that was 94 % of the time, and even encoding once
with ReportLab's encoder costs ~10 ms a code. segno encodes in ~2 ms (mask selection included), and each
row's dark runs become one rectangle of a single path written straight into the page.
"""

from __future__ import annotations

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 2  # modules of white around the code (scanners need some; the page margin adds more)


def qr_matrix(payload: str, level: str = "m") -> list[list[bool]]:
    """The modules of the QR code for `payload` (True = dark), without the quiet zone."""
    code = segno.make(payload, error=level, boost_error=False, micro=False)
    return [[bool(v) for v in row] for row in code.matrix]


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw the code with its lower-left corner at (x, y), `size` points wide including the quiet zone."""
    count = len(matrix)
    module = size / (count + 2 * QUIET_ZONE)
    top = y + size - QUIET_ZONE * module
    ops = []
    for r, row in enumerate(matrix):
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            left = x + (QUIET_ZONE + start) * module
            ops.append(f"{left:.2f} {top - (r + 1) * module:.2f} {(c - start) * module:.2f} {module:.2f} re")
    ops.append("f")
    canvas._code.append("\n".join(ops))
