"""Participation certificates, A4 landscape, one page per person.

Everything that is the same on every page (border, logos, issuer, title, signatories) is drawn once
into a form XObject and placed on each page; only the person's lines, the serial and the QR code are
drawn per page. The data comes in plain dataclasses: this module knows nothing of the database.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.errors import Cancelled
from desktop_app.pdf.draw import draw_string, draw_text
from desktop_app.pdf.layout import fit_size, ltr
from desktop_app.pdf.qr import draw_qr, qr_matrix

PAGE = landscape(A4)
INK = HexColor("#1d2b36")
ACCENT = HexColor("#1f5f5b")
GOLD = HexColor("#b08d3c")
MUTED = HexColor("#5b6770")


@dataclass(frozen=True)
class Signature:
    name: str
    title: str | None = None
    image: bytes | None = None


@dataclass(frozen=True)
class CertificateLayout:
    """What every certificate of a batch shares."""

    issuer: str
    issuer_latin: str = ""
    logo: bytes | None = None
    partner_logos: tuple[bytes, ...] = ()
    signatories: tuple[Signature, ...] = ()
    title: str = "شهادة مشاركة"
    subtitle: str = "Certificate of Participation"


@dataclass(frozen=True)
class CertificatePage:
    """One person's certificate: every line already filled in and in the chosen digits."""

    name: str
    before: str  # the wording up to the name (may be empty)
    after: str  # the wording after the name
    serial: str
    qr_payload: str
    issued_line: str  # e.g. "تاريخ الإصدار: 29 نوفمبر 2026"
    serial_label: str = "رقم الشهادة"
    latin_name: str = ""


Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


def _image(data: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(data))


def _draw_image(canvas: Canvas, data: bytes, x: float, y: float, w: float, h: float) -> None:
    """Draw an image inside the box (x, y, w, h), keeping its proportions, centred."""
    canvas.drawImage(_image(data), x, y, w, h, preserveAspectRatio=True, anchor="c", mask="auto")


def _fill(canvas: Canvas, color: Color) -> None:
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)


def _draw_static(canvas: Canvas, layout: CertificateLayout) -> None:
    width, height = PAGE
    # Frame: a strong outer line and a fine gold inner line.
    canvas.setLineWidth(3)
    canvas.setStrokeColor(ACCENT)
    canvas.rect(18, 18, width - 36, height - 36)
    canvas.setLineWidth(0.8)
    canvas.setStrokeColor(GOLD)
    canvas.rect(27, 27, width - 54, height - 54)
    for cx, cy in ((27, 27), (width - 27, 27), (27, height - 27), (width - 27, height - 27)):
        canvas.setFillColor(GOLD)
        canvas.circle(cx, cy, 3.5, stroke=0, fill=1)
    # Logos: ours on the right (where an Arabic reader starts), partners' on the left.
    if layout.logo:
        _draw_image(canvas, layout.logo, width - 130, height - 120, 80, 70)
    for n, logo in enumerate(layout.partner_logos[:3]):
        _draw_image(canvas, logo, 50 + n * 90, height - 120, 80, 70)
    _fill(canvas, INK)
    draw_string(canvas, layout.issuer, width / 2, height - 75, 16, align="center", bold=True)
    if layout.issuer_latin:
        _fill(canvas, MUTED)
        draw_string(canvas, layout.issuer_latin, width / 2, height - 93, 10.5, align="center", rtl=False)
    _fill(canvas, ACCENT)
    draw_string(canvas, layout.title, width / 2, height - 160, 40, align="center", family="serif", bold=True)
    _fill(canvas, MUTED)
    draw_string(canvas, layout.subtitle, width / 2, height - 182, 12, align="center", rtl=False)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1)
    canvas.line(width / 2 - 90, height - 194, width / 2 + 90, height - 194)
    _draw_signatories(canvas, layout.signatories)


def _draw_signatories(canvas: Canvas, signatories: Sequence[Signature]) -> None:
    width, _ = PAGE
    if not signatories:
        return
    # Right to left across the page, clear of the verification corner (QR code, serial) on the left.
    area_left, area_right = 250.0, width - 60.0
    slot = min(200.0, (area_right - area_left) / len(signatories[:3]))
    first_center = (area_left + area_right) / 2 + (len(signatories[:3]) - 1) * slot / 2
    for n, person in enumerate(signatories[:3]):
        cx = first_center - n * slot
        if person.image:
            _draw_image(canvas, person.image, cx - min(65, slot / 2 - 10), 92, min(130, slot - 20), 48)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.6)
        canvas.line(cx - min(75, slot / 2 - 8), 88, cx + min(75, slot / 2 - 8), 88)
        _fill(canvas, INK)
        size = fit_size(person.name, 12, slot - 16, bold=True)
        draw_string(canvas, person.name, cx, 72, size, align="center", bold=True)
        if person.title:
            _fill(canvas, MUTED)
            draw_string(canvas, person.title, cx, 57, fit_size(person.title, 10, slot - 16), align="center")


def _draw_page(canvas: Canvas, page: CertificatePage) -> None:
    width, height = PAGE
    text_width = width - 220
    top = height - 222
    _fill(canvas, INK)
    if page.before:
        top -= draw_text(
            canvas, page.before, width / 2, top, 17, width=text_width, align="center", family="serif"
        )
    name_size = fit_size(page.name, 34, text_width, family="serif", bold=True, minimum=18)
    _fill(canvas, ACCENT)
    draw_string(
        canvas,
        page.name,
        width / 2,
        top - name_size * 1.05,
        name_size,
        align="center",
        family="serif",
        bold=True,
    )
    top -= name_size * 1.45
    if page.latin_name:
        _fill(canvas, MUTED)
        draw_string(canvas, page.latin_name, width / 2, top - 12, 13, align="center", rtl=False)
        top -= 22
    if page.after:
        _fill(canvas, INK)
        draw_text(
            canvas, page.after, width / 2, top - 4, 17, width=text_width, align="center", family="serif"
        )
    # Verification corner: QR code, serial, date of issue.
    canvas.setFillColor(black)
    draw_qr(canvas, qr_matrix(page.qr_payload), 42, 40, 78)
    _fill(canvas, MUTED)
    draw_string(canvas, f"{page.serial_label}: {ltr(page.serial)}", 124, 62, 8.5, align="left")
    draw_string(canvas, page.issued_line, 124, 49, 8.5, align="left")


def write_certificates(
    target: Path | BinaryIO,
    layout: CertificateLayout,
    pages: Sequence[CertificatePage],
    progress: Progress | None = None,
) -> int:
    """Write the certificates as one PDF; returns the number of pages. `progress` returning False
    stops the work with Cancelled."""
    canvas = Canvas(target if not isinstance(target, Path) else str(target), pagesize=PAGE, pageCompression=1)
    canvas.setTitle(layout.title)
    canvas.setAuthor(layout.issuer)
    canvas.setCreator("Tashbeek")
    canvas.beginForm("certificate-static")
    _draw_static(canvas, layout)
    canvas.endForm()
    total = len(pages)
    for n, page in enumerate(pages):
        canvas.doForm("certificate-static")
        _draw_page(canvas, page)
        canvas.showPage()
        if progress is not None and not progress(n + 1, total):
            raise Cancelled()
    canvas.save()
    return total
