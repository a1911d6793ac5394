"""Right-to-left table documents (sign-in sheets, attendance reports, the participants' directory).

The first column sits on the right. Cells wrap inside their column (up to three lines); rows are
measured first so every page knows the page count for its footer ("صفحة 1 من 3"), and the header row
is repeated on every page. Section rows (an organization's name in the directory) span the table.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.errors import Cancelled
from desktop_app.pdf.draw import Align, draw_line, draw_string
from desktop_app.pdf.layout import Line, break_address, ellipsize, fit_size
from desktop_app.text.dates import to_arabic_digits
from desktop_app.text.isolate import isolate

MARGIN = 34.0
HEADER_FILL = HexColor("#e6eeed")
SECTION_FILL = HexColor("#f3efe3")
RULE = HexColor("#8a969c")
MUTED = HexColor("#5b6770")
CELL_PAD = 4.0
MAX_CELL_LINES = 3


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table width
    align: Align = "right"
    ltr: bool = False  # phone numbers, e-mail addresses: laid out left to right
    # "words": wrapped at spaces (at most three lines, then "…"); "address": an e-mail broken at
    # @ . - _; "never": one line, shrunk to fit (a phone number is never cut in two)
    wrap: str = "words"


@dataclass(frozen=True)
class Section:
    """A row spanning the table, opening a group (an organization in the directory)."""

    title: str


Row = Sequence[str] | Section


@dataclass(frozen=True)
class TableDocument:
    title: str
    lines: tuple[str, ...]  # under the title: training, venue, date…
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    logos: tuple[bytes, ...] = ()
    landscape: bool = False
    size: float = 9.5
    min_row_height: float = 0.0  # e.g. room to sign
    footer_note: str = ""  # printed at the bottom left of each page (e.g. the printing date)
    closing: tuple[str, ...] = ()  # lines after the table (a signature block)
    arabic_digits: bool = False  # page numbers in Arabic-Indic digits


@dataclass
class _Laid:
    row: Row
    cells: list[list[Line]]
    height: float


def _cell_lines(
    text: str, width: float, size: float, ltr: bool, bold: bool = False, wrap: str = "words"
) -> list[Line]:
    if not text:
        return []
    if wrap == "address":
        # An address cut short is useless: it may take twice the lines of other cells.
        return break_address(text, size, width)[: 2 * MAX_CELL_LINES]
    if wrap == "never":
        fitted = fit_size(text, size, width, bold=bold, minimum=size * 0.7)
        lines = ellipsize(text, fitted, width * size / fitted, rtl=not ltr, bold=bold)[:1]
        return lines
    # A cell's text is a value of its own: isolated, it takes its direction from its first letter
    # ("Example NGO Ltd." keeps its full stop at its end in a right-to-left table).
    return ellipsize(isolate(text), size, width, max_lines=MAX_CELL_LINES, rtl=not ltr, bold=bold)


def write_table_document(
    target: Path | BinaryIO, doc: TableDocument, progress: Callable[[int, int], bool] | None = None
) -> int:
    """Write the document; returns the number of pages."""
    page_w, page_h = landscape(A4) if doc.landscape else A4
    table_w = page_w - 2 * MARGIN
    total_weight = sum(c.weight for c in doc.columns)
    widths = [table_w * c.weight / total_weight for c in doc.columns]
    size, leading = doc.size, doc.size * 1.45
    header_h = _header_height(doc)
    head_row = [
        _cell_lines(c.title, w - 2 * CELL_PAD, size, False, bold=True)
        for c, w in zip(doc.columns, widths, strict=True)
    ]
    head_row_h = max(len(cell) for cell in head_row) * leading + 2 * CELL_PAD
    laid: list[_Laid] = []
    for row in doc.rows:
        if isinstance(row, Section):
            cells = [_cell_lines(row.title, table_w - 2 * CELL_PAD, size + 0.5, False, bold=True)]
            laid.append(_Laid(row, cells, len(cells[0]) * leading + 2 * CELL_PAD))
            continue
        cells = [
            _cell_lines(text, w - 2 * CELL_PAD, size, c.ltr, wrap=c.wrap)
            for text, c, w in zip(row, doc.columns, widths, strict=True)
        ]
        height = max([len(cell) for cell in cells] + [1]) * leading + 2 * CELL_PAD
        laid.append(_Laid(row, cells, max(height, doc.min_row_height)))
    # Paginate: the header block and the column titles on every page, the footer at the bottom.
    bottom = MARGIN + 22
    closing_h = len(doc.closing) * 26.0 + (12 if doc.closing else 0)
    pages: list[list[_Laid]] = [[]]
    y = page_h - MARGIN - header_h - head_row_h
    for n, item in enumerate(laid):
        # A section title never ends a page: it goes over with its first row.
        needed = item.height + (
            laid[n + 1].height if isinstance(item.row, Section) and n + 1 < len(laid) else 0
        )
        if y - needed < bottom and pages[-1]:
            pages.append([])
            y = page_h - MARGIN - header_h - head_row_h
        pages[-1].append(item)
        y -= item.height
    closing_on_new_page = bool(doc.closing) and y - closing_h < bottom
    count = len(pages) + (1 if closing_on_new_page else 0)
    canvas = Canvas(
        target if not isinstance(target, Path) else str(target), pagesize=(page_w, page_h), pageCompression=1
    )
    canvas.setTitle(doc.title)
    canvas.setCreator("Tashbeek")
    for number, items in enumerate(pages, start=1):
        top = _draw_header(canvas, doc, page_w, page_h)
        top = _draw_row(
            canvas, head_row, widths, top, head_row_h, leading, size, doc.columns, fill=HEADER_FILL, bold=True
        )
        for item in items:
            if isinstance(item.row, Section):
                top = _draw_section(canvas, item, table_w, top, leading, size)
            else:
                top = _draw_row(canvas, item.cells, widths, top, item.height, leading, size, doc.columns)
        if number == len(pages) and doc.closing and not closing_on_new_page:
            _draw_closing(canvas, doc.closing, page_w, top - 12, size)
        _draw_footer(canvas, doc, number, count, page_w)
        canvas.showPage()
        if progress is not None and not progress(number, count):
            raise Cancelled()
    if closing_on_new_page:
        top = _draw_header(canvas, doc, page_w, page_h)
        _draw_closing(canvas, doc.closing, page_w, top - 12, size)
        _draw_footer(canvas, doc, count, count, page_w)
        canvas.showPage()
    canvas.save()
    return count


def _header_height(doc: TableDocument) -> float:
    return 30 + 16 * len(doc.lines) + 10


def _draw_header(canvas: Canvas, doc: TableDocument, page_w: float, page_h: float) -> float:
    top = page_h - MARGIN
    for n, logo in enumerate(doc.logos[:4]):
        # Ours on the right, partners' on the left.
        x = page_w - MARGIN - 60 if n == 0 else MARGIN + (n - 1) * 66
        canvas.drawImage(
            ImageReader(io.BytesIO(logo)),
            x,
            top - 48,
            60,
            48,
            preserveAspectRatio=True,
            anchor="c",
            mask="auto",
        )
    canvas.setFillColor(black)
    room = page_w - 2 * MARGIN - (280 if doc.logos else 0)  # clear of the logos in both corners
    draw_string(
        canvas,
        doc.title,
        page_w / 2,
        top - 18,
        fit_size(doc.title, 15, room, bold=True),
        align="center",
        bold=True,
    )
    y = top - 36
    canvas.setFillColor(MUTED)
    for line in doc.lines:
        draw_string(canvas, line, page_w / 2, y, fit_size(line, 9.5, room), align="center")
        y -= 16
    return page_h - MARGIN - _header_height(doc)


def _draw_row(
    canvas: Canvas,
    cells: Sequence[list[Line]],
    widths: Sequence[float],
    top: float,
    height: float,
    leading: float,
    size: float,
    columns: Sequence[Column],
    *,
    fill: object = None,
    bold: bool = False,
) -> float:
    right = MARGIN + sum(widths)
    if fill is not None:
        canvas.setFillColor(fill)
        canvas.rect(MARGIN, top - height, right - MARGIN, height, stroke=0, fill=1)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.rect(MARGIN, top - height, right - MARGIN, height, stroke=1, fill=0)
    canvas.setFillColor(black)
    x = right
    for lines, width, column in zip(cells, widths, columns, strict=True):
        if x < right:
            canvas.line(x, top, x, top - height)
        baseline = top - CELL_PAD - size * 1.05
        align = "center" if bold else column.align
        anchor = {"right": x - CELL_PAD, "center": x - width / 2, "left": x - width + CELL_PAD}[align]
        for line in lines:
            draw_line(canvas, line, anchor, baseline, line.size or size, align)
            baseline -= leading
        x -= width
    return top - height


def _draw_section(
    canvas: Canvas, item: _Laid, table_w: float, top: float, leading: float, size: float
) -> float:
    canvas.setFillColor(SECTION_FILL)
    canvas.rect(MARGIN, top - item.height, table_w, item.height, stroke=0, fill=1)
    canvas.setStrokeColor(RULE)
    canvas.rect(MARGIN, top - item.height, table_w, item.height, stroke=1, fill=0)
    canvas.setFillColor(black)
    baseline = top - CELL_PAD - (size + 0.5) * 1.05
    for line in item.cells[0]:
        draw_line(canvas, line, MARGIN + table_w - CELL_PAD, baseline, size + 0.5, "right")
        baseline -= leading
    return top - item.height


def _draw_closing(canvas: Canvas, lines: Sequence[str], page_w: float, top: float, size: float) -> None:
    canvas.setFillColor(black)
    y = top - 14
    for line in lines:
        draw_string(canvas, line, page_w - MARGIN, y, size + 1)
        y -= 26


def _draw_footer(canvas: Canvas, doc: TableDocument, number: int, count: int, page_w: float) -> None:
    canvas.setFillColor(MUTED)
    footer = f"صفحة {number} من {count}"
    draw_string(canvas, to_arabic_digits(footer) if doc.arabic_digits else footer, page_w / 2, MARGIN, 8.5,
                align="center")  # fmt: skip
    if doc.footer_note:
        draw_string(canvas, doc.footer_note, MARGIN, MARGIN, 8, align="left")
