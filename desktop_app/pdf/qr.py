"""QR codes encoded once and drawn as one filled path, with their quiet zone kept clear.

ReportLab's QrCodeWidget encodes every code twice (getBounds() calls draw()) and draws each module as
its own rectangle; segno encodes in a fraction of the time, and each row's dark runs become one
rectangle of a single path written straight into the page.

The quiet zone (4 modules of white on every side, ISO/IEC 18004) belongs to the symbol: `draw_qr`
takes the whole box, quiet zone included, and documents lay out other things outside that box
(`QrBox.outer`), so no caption or frame ever reaches into it.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white on every side, as the standard asks


def qr_matrix(payload: str, level: str = "m", mask: int | None = None) -> list[list[bool]]:
    """The modules of the QR code for `payload` (True = dark), without the quiet zone.

    `mask` fixes the mask pattern instead of scoring all eight (the standard allows any; scoring
    is most of the encoding time, which matters at a thousand certificates)."""
    code = segno.make(payload, error=level, boost_error=False, micro=False, mask=mask)
    return [[bool(v) for v in row] for row in code.matrix]


@dataclass(frozen=True)
class QrBox:
    """Where a code sits: its outer box (quiet zone included) and the size of one module."""

    x: float
    y: float
    size: float  # side of the outer box, quiet zone included
    module: float

    @property
    def outer(self) -> tuple[float, float, float, float]:
        return self.x, self.y, self.x + self.size, self.y + self.size

    @property
    def symbol(self) -> tuple[float, float, float, float]:
        """The dark part's box (inside the quiet zone)."""
        q = QUIET_ZONE * self.module
        return self.x + q, self.y + q, self.x + self.size - q, self.y + self.size - q


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> QrBox:
    """Draw the code with the lower-left corner of its quiet zone at (x, y), `size` points wide with
    the quiet zone; returns where it went. The quiet zone is painted white, so a background (a
    coloured band, a frame) can never show through it."""
    count = len(matrix)
    module = size / (count + 2 * QUIET_ZONE)
    top = y + size - QUIET_ZONE * module
    ops = ["q 1 g", f"{x:.2f} {y:.2f} {size:.2f} {size:.2f} re f", "Q"]
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
    canvas.addLiteral("\n".join(ops))
    return QrBox(x, y, size, module)
