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
from desktop_app.pdf.layout import break_lines, fit_size
from desktop_app.pdf.qr import draw_qr, qr_matrix

BADGE_W, BADGE_H = 95 * mm, 65 * mm
COLUMNS, ROWS = 2, 4
PER_PAGE = COLUMNS * ROWS
ACCENT = HexColor("#1f5f5b")
MUTED = HexColor("#5b6770")


@dataclass(frozen=True)
class Badge:
    name: str
    organization: str
    group: str  # e.g. "المجموعة 3" or the group's name; "" when none
    code: str  # the check-in code, also the QR payload
    role: str = ""  # e.g. "مدرب" for anyone who is not a participant


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
    draw_string(canvas, layout.title, text_right, y + BADGE_H - band + 3.2 * mm,
                fit_size(layout.title, 9, title_w, bold=True), bold=True)  # fmt: skip
    if layout.logo:
        canvas.drawImage(ImageReader(io.BytesIO(layout.logo)), x + pad, y + BADGE_H - band + 1 * mm, 10 * mm,
                         band - 2 * mm, preserveAspectRatio=True, anchor="c", mask="auto")  # fmt: skip
    qr_size = 27 * mm
    text_w = BADGE_W - 2 * pad - qr_size - 2 * mm
    # Name: as large as fits on one line, at most 20 pt (two lines at 12 pt for very long names).
    name_top = y + BADGE_H - band - 4 * mm
    size = fit_size(badge.name, 20, text_w, bold=True, minimum=12)
    canvas.setFillColor(black)
    lines = break_lines(badge.name, size, text_w, bold=True)[:2]
    baseline = name_top - size
    for line in lines:
        draw_line(canvas, line, text_right, baseline, size)
        baseline -= size * 1.35
    canvas.setFillColor(MUTED)
    for line in break_lines(badge.organization, 9.5, text_w)[:2]:
        draw_line(canvas, line, text_right, baseline, 9.5)
        baseline -= 13
    if badge.group:
        canvas.setFillColor(ACCENT)
        draw_string(canvas, badge.group, text_right, y + pad + 1, 10.5, bold=True)
    if badge.role:
        canvas.setFillColor(HexColor("#8a2b2b"))
        draw_string(canvas, badge.role, text_right, y + pad + (15 if badge.group else 1), 10, bold=True)
    canvas.setFillColor(black)
    draw_qr(canvas, qr_matrix(badge.code), x + pad - 1 * mm, y + pad + 2.5 * mm, qr_size)
    draw_string(canvas, badge.code, x + pad - 1 * mm + qr_size / 2, y + pad, 8, align="center", rtl=False)


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
