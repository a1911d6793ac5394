"""QR codes encoded once and drawn as one filled path, with their quiet zone kept clear.

ReportLab's QrCodeWidget encodes every code twice (getBounds() calls draw()) and draws each module as
its own rectangle; segno encodes in a fraction of the time, and each row's dark runs become one
rectangle of a single path written straight into the page.

The quiet zone (4 modules of white on every side, ISO/IEC 18004) belongs to the symbol: `draw_qr`
takes the whole box, quiet zone included, and documents lay out other things outside that box
(`QrBox.outer`), so no caption or frame ever reaches into it.

A page of many codes (eight badges) draws each code as a bitmap of one pixel per module instead:
vector modules whose edges fall inside a device pixel render grey, and a decoder that thresholds
against the mean of a large window of white paper (zbar, with a window an eighth of the image wide)
counts those grey pixels as dark, so dark modules swell into light ones. A whole badge page at 100,
200 or 300 dpi lost one to three of its eight codes that way, while each badge cropped on its own (a
smaller window, a darker mean) still decoded. A bitmap enlarged four times or more is drawn with
whole, hard-edged pixels by renderers (no interpolation is asked for), and its quiet zone is part of
the bitmap, so no grey reaches into the symbol.
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


def _bitmap_ops(matrix: list[list[bool]], x: float, y: float, size: float) -> str:
    """The code and its quiet zone as an inline 1-bit image (one sample per module, 0 = dark)."""
    side = len(matrix) + 2 * QUIET_ZONE
    light = [False] * QUIET_ZONE
    rows = (
        [[False] * side] * QUIET_ZONE
        + [light + row + light for row in matrix]
        + [[False] * side] * QUIET_ZONE
    )
    data = []
    for row in rows:
        padded = row + [False] * (-side % 8)  # each row starts on a byte
        for start in range(0, len(padded), 8):
            byte = 0
            for dark in padded[start : start + 8]:
                byte = byte << 1 | (not dark)
            data.append(byte)
    return (
        f"q {size:.2f} 0 0 {size:.2f} {x:.2f} {y:.2f} cm\n"
        f"BI /W {side} /H {side} /BPC 1 /CS /G /F /AHx ID\n{bytes(data).hex()}>\nEI Q"
    )


def draw_qr(
    canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float, *, bitmap: bool = False
) -> QrBox:
    """Draw the code with the lower-left corner of its quiet zone at (x, y), `size` points wide with
    the quiet zone; returns where it went. The quiet zone is painted white, so a background (a
    coloured band, a frame) can never show through it.

    `bitmap` draws it as an image of one pixel per module (for pages of many codes, see the module's
    docstring); give it at least 2.9 points per module, four pixels at 100 dpi."""
    count = len(matrix)
    module = size / (count + 2 * QUIET_ZONE)
    if bitmap:
        canvas.addLiteral(_bitmap_ops(matrix, x, y, size))
        return QrBox(x, y, size, module)
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
