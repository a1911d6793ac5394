"""Name badges, eight to an A4 page (2 × 4, 95 × 65 mm) with cut marks in the margins.

Each badge carries the QR code of the person's check-in code alone, so a scanner at the venue types
the code into the Check-in box like a keyboard would.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.errors import Cancelled
from desktop_app.pdf.draw import draw_line, draw_string
from desktop_app.pdf.layout import break_lines, ellipsize, fit_size
from desktop_app.pdf.qr import draw_qr, qr_matrix
from desktop_app.text.isolate import isolate

BADGE_W, BADGE_H = 90 * mm, 65 * mm  # 2 × 4 on A4 with the cut marks inside the printable area
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
ACCENT = HexColor("#1f5f5b")
MUTED = HexColor("#5b6770")
ROLE = HexColor("#8a2b2b")


@dataclass(frozen=True)
class Badge:
    name: str
    organization: str
    group: str  # e.g. "المجموعة 3" or the group's name; "" when none
    code: str  # the check-in code, also the QR payload
    role: str = ""  # e.g. "مدربة" for anyone who is not a participant, in the person's gender


@dataclass(frozen=True)
class BadgeLayout:
    title: str  # the training
    logo: bytes | None = None


def _origin(slot: int) -> tuple[float, float]:
    page_w, page_h = A4
    left = (page_w - COLUMNS * BADGE_W) / 2
    top = page_h - (page_h - ROWS * BADGE_H) / 2
    col, row = slot % COLUMNS, slot // COLUMNS
    # Right to left across the page, like the reading order.
    return left + (COLUMNS - 1 - col) * BADGE_W, top - (row + 1) * BADGE_H


def _cut_marks(canvas: Canvas) -> None:
    page_w, page_h = A4
    left = (page_w - COLUMNS * BADGE_W) / 2
    bottom = (page_h - ROWS * BADGE_H) / 2
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.4)
    for c in range(COLUMNS + 1):
        x = left + c * BADGE_W
        canvas.line(x, bottom - 12, x, bottom - 3)
        canvas.line(x, bottom + ROWS * BADGE_H + 3, x, bottom + ROWS * BADGE_H + 12)
    for r in range(ROWS + 1):
        y = bottom + r * BADGE_H
        canvas.line(left - 12, y, left - 3, y)
        canvas.line(left + COLUMNS * BADGE_W + 3, y, left + COLUMNS * BADGE_W + 12, y)


def _draw_badge(canvas: Canvas, layout: BadgeLayout, badge: Badge, x: float, y: float) -> None:
    pad = 4 * mm
    band = 11 * mm
    canvas.setFillColor(ACCENT)
    canvas.rect(x, y + BADGE_H - band, BADGE_W, band, stroke=0, fill=1)
    canvas.setFillColor(white)
    text_right = x + BADGE_W - pad
    title_w = BADGE_W - 2 * pad - (12 * mm if layout.logo else 0)
    title = isolate(layout.title)
    title_size = fit_size(title, 9, title_w, bold=True, minimum=7.5)
    for line in ellipsize(title, title_size, title_w, bold=True)[:1]:
        draw_line(canvas, line, text_right, y + BADGE_H - band + 3.4 * mm, title_size)
    if layout.logo:
        # On a white tile: a logo in the band's own colour would vanish into it.
        canvas.setFillColor(white)
        canvas.roundRect(x + pad - 0.6 * mm, y + BADGE_H - band + 0.6 * mm, 11.2 * mm, band - 1.2 * mm,
                         1.2 * mm, stroke=0, fill=1)  # fmt: skip
        canvas.drawImage(ImageReader(io.BytesIO(layout.logo)), x + pad, y + BADGE_H - band + 1 * mm, 10 * mm,
                         band - 2 * mm, preserveAspectRatio=True, anchor="c", mask="auto")  # fmt: skip
    # The QR code on the left with its whole quiet zone; its number under the quiet zone, not in it.
    qr_size = 30 * mm
    canvas.setFillColor(black)
    # A bitmap: eight codes on one page all decode when the page is scanned whole (see pdf/qr.py).
    box = draw_qr(canvas, qr_matrix(badge.code), x + 1.5 * mm, y + 8 * mm, qr_size, bitmap=True)
    draw_string(canvas, badge.code, x + 1.5 * mm + qr_size / 2, y + 4 * mm, 8.5, align="center", rtl=False)
    text_left = box.outer[2] + 1.5 * mm
    text_w = text_right - text_left
    # Bottom: the group and the role; above them, from the top: the name, then the organization.
    bottom = y + pad
    if badge.group:
        canvas.setFillColor(ACCENT)
        for line in ellipsize(badge.group, 10.5, text_w, bold=True)[:1]:
            draw_line(canvas, line, text_right, bottom + 1, 10.5)
        bottom += 15
    if badge.role:
        canvas.setFillColor(ROLE)
        for line in ellipsize(badge.role, 10, text_w, bold=True)[:1]:
            draw_line(canvas, line, text_right, bottom + 1, 10)
        bottom += 15
    top = y + BADGE_H - band - 3 * mm
    # Name: as large as fits on one line (20 pt down to 13), else two lines, else cut with "…".
    name = isolate(badge.name)  # a value of its own: its direction from its first letter
    size = fit_size(name, 20, text_w, bold=True, minimum=13)
    lines = break_lines(name, size, text_w, bold=True)
    if len(lines) > 1 or lines[0].width > text_w:
        size = 12.5
        lines = ellipsize(name, size, text_w, max_lines=2, bold=True)
    canvas.setFillColor(black)
    baseline = top - max(line.ink(size)[0] for line in lines[:1])
    for line in lines:
        draw_line(canvas, line, text_right, baseline, size)
        baseline -= size * 1.4
    if badge.organization:
        org_size = 9.5
        room = baseline + size * 1.4 - size * 0.45 - bottom - 6  # under the name's ink, above the group
        count = max(0, min(2, int(room // (org_size * 1.45))))
        canvas.setFillColor(MUTED)
        baseline += size * 1.4 - size * 0.45 - org_size * 1.3
        organization = isolate(badge.organization)
        for line in ellipsize(organization, org_size, text_w, max_lines=count)[:count] if count else []:
            draw_line(canvas, line, text_right, baseline, org_size)
            baseline -= org_size * 1.45


def write_badges(
    target: Path | BinaryIO,
    layout: BadgeLayout,
    badges: Sequence[Badge],
    progress: Callable[[int, int], bool] | None = None,
) -> int:
    """Write the badges, eight per page; returns the number of pages."""
    canvas = Canvas(target if not isinstance(target, Path) else str(target), pagesize=A4, pageCompression=1)
    canvas.setTitle(layout.title)
    canvas.setCreator("Tashbeek")
    pages = max(1, -(-len(badges) // PER_PAGE))
    for page in range(pages):
        _cut_marks(canvas)
        for slot, badge in enumerate(badges[page * PER_PAGE : (page + 1) * PER_PAGE]):
            _draw_badge(canvas, layout, badge, *_origin(slot))
        canvas.showPage()
        if progress is not None and not progress(page + 1, pages):
            raise Cancelled()
    canvas.save()
    return pages
