"""Participation certificates, A4 landscape, one page per person.

The page is a set of reserved boxes: the header (logos, issuer, title), the body (wording, the name,
the Latin name), the signatory row and the verification corner (QR code, serial, date of issue). Each
block is measured from its shaped glyphs' real ink (dots below ي, tall lams) and placed inside its
box; nothing is allowed to cross into another box. A name is set as large as it fits: one line,
then two balanced lines, then smaller down to `NAME_MIN_SIZE`; a name that still does not fit is
refused (`NameTooLong`) rather than printed over the frame.

Everything that is the same on every page (frame, logos, issuer, title, signatories) is drawn once
into a form XObject and placed on each page; only the body and the verification corner are drawn per
page. The data comes in plain dataclasses: this module knows nothing of the database.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.errors import Cancelled
from desktop_app.pdf.draw import draw_line
from desktop_app.pdf.layout import Line, break_lines, ellipsize, fit_size
from desktop_app.pdf.qr import draw_qr, qr_matrix
from desktop_app.progress import Progress
from desktop_app.text.dates import format_date
from desktop_app.text.isolate import isolate, ltr

PAGE = landscape(A4)
WIDTH, HEIGHT = PAGE
INK = HexColor("#1d2b36")
ACCENT = HexColor("#1f5f5b")  # the one colour of structure: title, name, frame
GOLD = HexColor("#a8843a")  # the second colour, used sparingly: fine rules and corners
MUTED = HexColor("#5b6770")

FRAME_INSET = 34.0  # outer frame line, clear of the 10 mm every printer leaves
CONTENT = (66.0, 60.0, WIDTH - 66.0, HEIGHT - 60.0)  # x0, y0, x1, y1 inside the frame
SIGNATURE_ROW = (268.0, CONTENT[1], CONTENT[2], 150.0)  # reserved for up to three signatories
VERIFICATION = (CONTENT[0], CONTENT[1], 256.0, 150.0)  # QR code, serial, date of issue
BODY = (CONTENT[0] + 20, 162.0, CONTENT[2] - 20, 0.0)  # y1 is set by the header
HEADER_BOTTOM = 392.0
QR_MASK = 4
NAME_MAX_SIZE = 34.0
NAME_MIN_SIZE = 20.0
WORDING_SIZE = 16.5
WORDING_MIN_SIZE = 12.0
GAP = 14.0  # between the body's blocks, ink to ink
NAME_LATIN_GAP = 7.0  # from the name's lowest ink to the Latin name's highest


class NameTooLong(ValueError):
    """The name does not fit in two lines at the smallest size a certificate allows."""


class BodyTooLong(ValueError):
    """The wording does not fit between the header and the signatures at the smallest size."""



def issued_line(day: dt.date, *, arabic_digits: bool) -> str:
    """The certificate's date line as printed (kept with the certificate, so a reprint says the same)."""
    return "تاريخ الإصدار: " + format_date(day, arabic_digits=arabic_digits)

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




@dataclass(frozen=True)
class _Block:
    """Lines set one under the other: `leading` apart, or further where one line's lowest ink and the
    next one's highest would come closer than a tenth of the size."""

    lines: list[Line]
    size: float
    leading: float
    family: str = "serif"
    bold: bool = False

    @cached_property
    def inks(self) -> list[tuple[float, float]]:
        return [line.ink(self.size) for line in self.lines]

    @property
    def top(self) -> float:
        """Ink above the first baseline."""
        return self.inks[0][0] if self.lines else 0.0

    @cached_property
    def steps(self) -> list[float]:
        """Distance from each line's baseline to the next one's."""
        inks = self.inks
        return [
            max(self.leading, -inks[n][1] + inks[n + 1][0] + self.size * 0.1) for n in range(len(inks) - 1)
        ]

    @cached_property
    def height(self) -> float:
        """From the first line's highest ink to the last line's lowest."""
        if not self.lines:
            return 0.0
        return self.top + sum(self.steps) - self.inks[-1][1]


def name_lines(name: str, width: float = BODY[2] - BODY[0]) -> tuple[float, list[Line]]:
    """The size and the lines a name is printed in: one line as large as possible down to the
    maximum, then two balanced lines, shrinking down to NAME_MIN_SIZE; NameTooLong past that."""
    size = NAME_MAX_SIZE
    while size >= NAME_MIN_SIZE:
        lines = break_lines(name, size, width, family="serif", bold=True, balanced=True)
        if len(lines) <= 2 and all(line.width <= width + 0.01 for line in lines):
            return size, lines
        size -= 1
    raise NameTooLong(name)


def name_fits(name: str) -> bool:
    try:
        name_lines(isolate(name))
    except NameTooLong:
        return False
    return True


@lru_cache(maxsize=64)
def _body_blocks(page: CertificatePage) -> list[tuple[str, _Block]]:
    """The body's blocks at the largest wording size that fits (BodyTooLong if none does)."""
    width = BODY[2] - BODY[0]
    available = HEADER_BOTTOM - BODY[1]
    name_size, names = name_lines(isolate(page.name), width)
    name = _Block(names, name_size, name_size * 1.25, bold=True)
    latin = (
        _Block(ellipsize(page.latin_name, 12.5, width * 0.8, rtl=False), 12.5, 16, "sans")
        if page.latin_name
        else None
    )
    size = WORDING_SIZE
    while size >= WORDING_MIN_SIZE:
        blocks: list[tuple[str, _Block]] = []
        if page.before:
            blocks.append(
                (
                    "before",
                    _Block(
                        break_lines(page.before, size, width, family="serif", balanced=True), size, size * 1.6
                    ),
                )
            )
        blocks.append(("name", name))
        if latin is not None:
            blocks.append(("latin", latin))
        if page.after:
            blocks.append(
                (
                    "after",
                    _Block(
                        break_lines(page.after, size, width, family="serif", balanced=True), size, size * 1.6
                    ),
                )
            )
        if _stack_height(blocks) <= available:
            return blocks
        size -= 0.5
    raise BodyTooLong(page.name)


def _stack_height(blocks: list[tuple[str, _Block]]) -> float:
    height = 0.0
    for n, (kind, block) in enumerate(blocks):
        if n:
            height += NAME_LATIN_GAP if kind == "latin" else GAP
        height += block.height
    return height


def check_page(page: CertificatePage) -> None:
    """Raise NameTooLong or BodyTooLong when this page cannot be printed within its boxes."""
    _body_blocks(page)


def _image(data: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(data))


def _draw_image(canvas: Canvas, data: bytes, x: float, y: float, w: float, h: float) -> None:
    """Draw an image inside the box (x, y, w, h), keeping its proportions, centred."""
    canvas.drawImage(_image(data), x, y, w, h, preserveAspectRatio=True, anchor="c", mask="auto")


def _fill(canvas: Canvas, color: Color) -> None:
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)


def _text(canvas: Canvas, text: str, x: float, baseline: float, size: float, width: float, *,
          align: str = "center", family: str = "sans", bold: bool = False, rtl: bool = True,
          minimum: float = 7.0) -> None:  # fmt: skip
    """One line, shrunk to fit the width down to `minimum`, then cut with an ellipsis."""
    size = fit_size(text, size, width, family=family, bold=bold, minimum=minimum)
    for line in ellipsize(text, size, width, family=family, bold=bold, rtl=rtl)[:1]:
        draw_line(canvas, line, x, baseline, size, align)  # type: ignore[arg-type]


def _draw_static(canvas: Canvas, layout: CertificateLayout) -> None:
    # Frame: a strong outer line in the accent colour and a fine gold line inside it.
    canvas.setLineWidth(2.4)
    canvas.setStrokeColor(ACCENT)
    canvas.rect(FRAME_INSET, FRAME_INSET, WIDTH - 2 * FRAME_INSET, HEIGHT - 2 * FRAME_INSET)
    inner = FRAME_INSET + 7
    canvas.setLineWidth(0.7)
    canvas.setStrokeColor(GOLD)
    canvas.rect(inner, inner, WIDTH - 2 * inner, HEIGHT - 2 * inner)
    canvas.setFillColor(GOLD)
    for cx, cy in (
        (inner, inner),
        (WIDTH - inner, inner),
        (inner, HEIGHT - inner),
        (WIDTH - inner, HEIGHT - inner),
    ):
        canvas.saveState()
        canvas.translate(cx, cy)
        canvas.rotate(45)
        canvas.rect(-3.2, -3.2, 6.4, 6.4, stroke=0, fill=1)
        canvas.restoreState()
    # Logos: ours on the right (where an Arabic reader starts), partners' on the left.
    top = CONTENT[3]
    if layout.logo:
        _draw_image(canvas, layout.logo, CONTENT[2] - 84, top - 76, 84, 72)
    for n, logo in enumerate(layout.partner_logos[:3]):
        _draw_image(canvas, logo, CONTENT[0] + n * 92, top - 76, 84, 72)
    room = WIDTH - 2 * (CONTENT[0] + 100)  # between the logos
    _fill(canvas, INK)
    _text(canvas, isolate(layout.issuer), WIDTH / 2, top - 24, 15, room, bold=True)
    if layout.issuer_latin:
        _fill(canvas, MUTED)
        _text(canvas, layout.issuer_latin, WIDTH / 2, top - 40, 9.5, room, rtl=False)
    _fill(canvas, ACCENT)
    _text(canvas, layout.title, WIDTH / 2, top - 98, 38, room, family="serif", bold=True)
    _fill(canvas, MUTED)
    _text(canvas, layout.subtitle, WIDTH / 2, top - 120, 10.5, room, rtl=False)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    rule = top - 132
    canvas.line(WIDTH / 2 - 80, rule, WIDTH / 2 - 8, rule)
    canvas.line(WIDTH / 2 + 8, rule, WIDTH / 2 + 80, rule)
    canvas.setFillColor(GOLD)
    canvas.saveState()
    canvas.translate(WIDTH / 2, rule)
    canvas.rotate(45)
    canvas.rect(-2.2, -2.2, 4.4, 4.4, stroke=0, fill=1)
    canvas.restoreState()
    _draw_signatories(canvas, layout.signatories)


def _draw_signatories(canvas: Canvas, signatories: Sequence[Signature]) -> None:
    """Right to left across the signature row; each in its own slot, nothing leaves the slot."""
    if not signatories:
        return
    x0, y0, x1, y1 = SIGNATURE_ROW
    chosen = signatories[:3]
    slot = min(220.0, (x1 - x0) / len(chosen))
    first_center = (x0 + x1) / 2 + (len(chosen) - 1) * slot / 2
    inner = slot - 18  # the slot's usable width (a gutter between slots)
    for n, person in enumerate(chosen):
        cx = first_center - n * slot
        if person.image:
            _draw_image(canvas, person.image, cx - inner / 2 + 10, y1 - 46, inner - 20, 44)
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.5)
        canvas.line(cx - inner / 2 + 6, y1 - 50, cx + inner / 2 - 6, y1 - 50)
        _fill(canvas, INK)
        _text(canvas, isolate(person.name), cx, y1 - 64, 11, inner, bold=True, minimum=8.5)
        if person.title:
            _fill(canvas, MUTED)
            size = 8.0
            lines = ellipsize(isolate(person.title), size, inner, max_lines=2)
            baseline = y1 - 76
            for line in lines:
                draw_line(canvas, line, cx, baseline, size, "center")
                baseline -= size * 1.35


def _draw_body(canvas: Canvas, page: CertificatePage) -> None:
    blocks = _body_blocks(page)
    # Centred in the body box, a little above the middle (the eye's centre of a page).
    height = _stack_height(blocks)
    available = HEADER_BOTTOM - BODY[1]
    top = HEADER_BOTTOM - max(0.0, (available - height) * 0.45)
    center = (BODY[0] + BODY[2]) / 2
    for n, (kind, block) in enumerate(blocks):
        if n:
            top -= NAME_LATIN_GAP if kind == "latin" else GAP
        _fill(canvas, {"name": ACCENT, "latin": MUTED}.get(kind, INK))
        baseline = top - block.top
        for line, step in zip(block.lines, [*block.steps, 0.0], strict=True):
            draw_line(canvas, line, center, baseline, block.size, "center")
            baseline -= step
        top -= block.height


def _draw_verification(canvas: Canvas, page: CertificatePage) -> None:
    x0, y0, x1, y1 = VERIFICATION
    canvas.setFillColor(black)
    # Mask 4 is the one segno picks most often for these payloads; fixing it halves the page time.
    box = draw_qr(canvas, qr_matrix(page.qr_payload, mask=QR_MASK), x0 - 8, y0 - 4, 92)
    text_left = box.outer[2] + 2  # outside the quiet zone
    width = x1 - text_left
    _fill(canvas, MUTED)
    label, _sep, date = page.issued_line.partition(": ")
    lines = [
        (f"{page.serial_label}:", 8.0, True),
        (ltr(page.serial), 8.5, False),
        (f"{label}:" if date else "", 8.0, True),
        (date or page.issued_line, 8.5, False),
    ]
    baseline = y1 - 40
    for text, size, is_label in lines:
        if text:
            _fill(canvas, MUTED if is_label else INK)
            _text(canvas, text, x1, baseline, size, width, align="right", minimum=6.5)
        baseline -= 12.5 if is_label else 16


def write_certificates(
    target: Path | BinaryIO,
    layout: CertificateLayout,
    pages: Sequence[CertificatePage],
    progress: Progress | None = None,
) -> int:
    """Write the certificates as one PDF; returns the number of pages. `progress` returning False
    stops the work with Cancelled; a page that cannot be laid out raises NameTooLong/BodyTooLong
    (naming the person) before anything is written."""
    for page in pages:
        check_page(page)
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
        _draw_body(canvas, page)
        _draw_verification(canvas, page)
        canvas.showPage()
        if progress is not None and not progress(n + 1, total):
            raise Cancelled()
    canvas.save()
    return total
