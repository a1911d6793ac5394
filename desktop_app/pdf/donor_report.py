"""The donor report as a PDF: the organization's identity, the period and project, the key figures,
the counting rules, targets against actuals, the charts and the disaggregation tables, in Arabic
(right to left) or English, with the organization's digits setting.

Everything comes from the statistics document (`Statistics.as_json()`), through the same charts
(`charts.charts_from`) and tables (`report_tables.tables_from`) the window and the spreadsheet use.
Long lists (every training of several years, every session) are cut on paper with a note; the
spreadsheet holds them whole.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.errors import Cancelled
from desktop_app.pdf.chart_draw import draw_chart
from desktop_app.pdf.charts import chart_by_key, charts_from
from desktop_app.pdf.draw import Align, draw_line, draw_string
from desktop_app.pdf.layout import break_lines, fit_size
from desktop_app.pdf.report_tables import (
    ColumnKind,
    ReportTable,
    Value,
    key_figures,
    period_text,
    tables_from,
)
from desktop_app.pdf.report_text import category_label, number_text, word
from desktop_app.text.dates import format_date, to_arabic_digits
from desktop_app.text.isolate import clean_text

MARGIN = 36.0
NAVY = HexColor("#1f3a5f")
MUTED = HexColor("#5b6770")
RULE = HexColor("#8a969c")
HEADER_FILL = HexColor("#e6eeed")
TILE_FILL = HexColor("#f4f6f9")
MAX_TABLE_ROWS = 40
CELL_PAD = 3.5


@dataclass(frozen=True)
class ReportIdentity:
    """Who reports: the organization's name (in the report's language) and its logo."""

    name: str
    logo: bytes | None = None


def format_value(value: Value, kind: ColumnKind, language: str, arabic_digits: bool) -> str:
    """A table cell as printed."""
    if value is None or value == "":
        return "—" if kind != "text" else ""
    if kind == "text":
        return clean_text(str(value))
    if kind == "date":
        text = format_date(dt.date.fromisoformat(str(value)), language)
        return to_arabic_digits(text) if arabic_digits else text
    if kind == "rate":
        return number_text(float(value), percent=True, arabic_digits=arabic_digits)
    return number_text(float(value), arabic_digits=arabic_digits)


class _Writer:
    """Pages drawn top to bottom; a new page (with its running header) when the next block does not fit."""

    def __init__(
        self, canvas: Canvas, document: Mapping[str, Any], identity: ReportIdentity, language: str,
        arabic_digits: bool, printed_on: dt.date, total: int | None, progress: Callable[[int, int], bool] | None,
    ) -> None:  # fmt: skip
        self.canvas, self.document, self.identity = canvas, document, identity
        self.language, self.arabic_digits, self.total, self.progress = (
            language,
            arabic_digits,
            total,
            progress,
        )
        self.rtl = language == "ar"
        self.width, self.height = A4
        self.page = 1
        self.printed = format_date(printed_on, language, arabic_digits=arabic_digits)
        self.y = self.height - MARGIN
        self.bottom = MARGIN + 24

    # -- geometry in the reading direction
    @property
    def start(self) -> float:
        """x of the side a line starts on (right in Arabic)."""
        return self.width - MARGIN if self.rtl else MARGIN

    @property
    def start_align(self) -> Align:
        return "right" if self.rtl else "left"

    def w(self, key: str) -> str:
        return word(key, self.language)

    def digits(self, text: str) -> str:
        return to_arabic_digits(text) if self.arabic_digits else text

    # -- pages
    def new_page(self) -> None:
        self.footer()
        self.canvas.showPage()
        if self.progress is not None and not self.progress(self.page, self.total or self.page + 1):
            raise Cancelled()
        self.page += 1
        self.y = self.height - MARGIN
        self.canvas.setFillColor(MUTED)
        running = (
            f"{self.identity.name} — {self.w('report_title')}"
            if self.identity.name
            else self.w("report_title")
        )
        draw_string(self.canvas, running, self.start, self.y - 8, 8, align=self.start_align, rtl=self.rtl)
        self.y -= 22

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()

    def footer(self) -> None:
        self.canvas.setFillColor(MUTED)
        text = self.w("page").format(n=self.page, count=self.total or "…")
        draw_string(
            self.canvas, self.digits(text), self.width / 2, MARGIN - 4, 8, align="center", rtl=self.rtl
        )
        end = MARGIN if self.rtl else self.width - MARGIN
        note = f"{self.w('printed_on')} {self.printed}"
        draw_string(
            self.canvas, note, end, MARGIN - 4, 8, align="left" if self.rtl else "right", rtl=self.rtl
        )

    def finish(self) -> int:
        self.footer()
        self.canvas.showPage()
        self.canvas.save()
        if self.progress is not None and not self.progress(self.page, self.total or self.page):
            raise Cancelled()
        return self.page

    # -- blocks
    def title_block(self) -> None:
        canvas, doc = self.canvas, self.document
        top = self.y
        room = self.width - 2 * MARGIN
        if self.identity.logo:
            x = self.width - MARGIN - 64 if self.rtl else MARGIN
            canvas.drawImage(ImageReader(io.BytesIO(self.identity.logo)), x, top - 52, 64, 52,
                             preserveAspectRatio=True, anchor="c", mask="auto")  # fmt: skip
            room -= 150
        canvas.setFillColor(black)
        y = top - 14
        if self.identity.name:
            draw_string(canvas, self.identity.name, self.width / 2, y, fit_size(self.identity.name, 11, room, bold=True),
                        align="center", bold=True, rtl=self.rtl)  # fmt: skip
            y -= 22
        title = self.w("report_title")
        canvas.setFillColor(NAVY)
        draw_string(canvas, title, self.width / 2, y, fit_size(title, 17, room, bold=True), align="center", bold=True,
                    rtl=self.rtl)  # fmt: skip
        y -= 20
        canvas.setFillColor(MUTED)
        lines = [f"{self.w('period')}: {self.digits(period_text(doc, self.language))}"]
        project = doc.get("project")
        if project:
            name = (
                project.get("name_en")
                if self.language == "en" and project.get("name_en")
                else project["name"]
            )
            parts = [clean_text(str(name))] + [
                clean_text(str(project[k])) for k in ("donor", "code") if project.get(k)
            ]
            lines.append(f"{self.w('project')}: {' — '.join(parts)}")
        lines += self.filter_lines()
        for line in lines:
            draw_string(
                canvas, line, self.width / 2, y, fit_size(line, 9.5, room), align="center", rtl=self.rtl
            )
            y -= 15
        self.y = min(y, top - 60) - 8

    def filter_lines(self) -> list[str]:
        flt, lang = self.document.get("filter", {}), self.language
        parts = []
        for item in flt.get("training_names", []):
            parts.append(
                clean_text(
                    str(item.get("title_en") if lang == "en" and item.get("title_en") else item["title"])
                )
            )
        for item in flt.get("co_organizer_names", []):
            parts.append(
                clean_text(str(item.get("name_en") if lang == "en" and item.get("name_en") else item["name"]))
            )
        parts += [category_label("governorate", g, lang) for g in flt.get("governorates", [])]
        parts += [category_label("organization_kind", k, lang) for k in flt.get("organization_kinds", [])]
        return [f"{self.w('filters')}: {'، '.join(parts) if self.rtl else ', '.join(parts)}"] if parts else []

    def heading(self, text: str) -> None:
        self.need(40)
        self.canvas.setFillColor(NAVY)
        draw_string(
            self.canvas, text, self.start, self.y - 13, 12.5, align=self.start_align, bold=True, rtl=self.rtl
        )
        self.canvas.setStrokeColor(NAVY)
        self.canvas.setLineWidth(0.8)
        self.canvas.line(MARGIN, self.y - 19, self.width - MARGIN, self.y - 19)
        self.y -= 28

    def tiles(self) -> None:
        figures = key_figures(self.document)
        columns, gap = 4, 8.0
        tile_w = (self.width - 2 * MARGIN - gap * (columns - 1)) / columns
        tile_h = 50.0
        for n, (key, value, kind) in enumerate(figures):
            column = n % columns
            if column == 0:
                self.need(tile_h + gap)
            left = (self.width - MARGIN - (column + 1) * tile_w - column * gap) if self.rtl else (
                MARGIN + column * (tile_w + gap))  # fmt: skip
            top = self.y
            self.canvas.setFillColor(TILE_FILL)
            self.canvas.roundRect(left, top - tile_h, tile_w, tile_h, 5, stroke=0, fill=1)
            anchor = left + tile_w - 7 if self.rtl else left + 7
            self.canvas.setFillColor(NAVY)
            text = format_value(value, kind, self.language, self.arabic_digits)
            draw_string(
                self.canvas, text, anchor, top - 22, 15, align=self.start_align, bold=True, rtl=self.rtl
            )
            self.canvas.setFillColor(MUTED)
            label = self.w(key)
            draw_string(self.canvas, label, anchor, top - 40, fit_size(label, 8, tile_w - 14), align=self.start_align,
                        rtl=self.rtl)  # fmt: skip
            if column == columns - 1 or n == len(figures) - 1:
                self.y -= tile_h + gap

    def paragraph(self, text: str, size: float = 9.0) -> None:
        lines = break_lines(text, size, self.width - 2 * MARGIN, rtl=self.rtl)
        leading = size * 1.55
        self.canvas.setFillColor(black)
        for line in lines:
            self.need(leading)
            draw_line(self.canvas, line, self.start, self.y - size * 1.1, size, self.start_align)
            self.y -= leading
        self.y -= 6

    def charts(self, title: str) -> None:
        charts = charts_from(self.document, self.language, arabic_digits=self.arabic_digits, max_rows=14)
        gap = 14.0
        half = (self.width - 2 * MARGIN - gap) / 2
        self.need(40 + 200 + gap)  # the section's title goes over with its first charts
        self.heading(title)
        for pair in (("governorate", "organization_kind"), ("pyramid", "attendance")):
            height = 200.0
            self.need(height + gap)
            for n, key in enumerate(pair):
                first_side = self.width - MARGIN - half if self.rtl else MARGIN
                x = first_side if n == 0 else (MARGIN if self.rtl else MARGIN + half + gap)
                draw_chart(self.canvas, chart_by_key(charts, key), x, self.y, half, height, size=8)
            self.y -= height + gap
        height = 170.0
        self.need(height + gap)
        draw_chart(
            self.canvas,
            chart_by_key(charts, "trend"),
            MARGIN,
            self.y,
            self.width - 2 * MARGIN,
            height,
            size=8,
        )
        self.y -= height + gap

    def table(self, table: ReportTable, weights: Sequence[float] | None = None, size: float = 8.5) -> None:
        columns = table.columns
        weights = weights or [2.6 if c.kind == "text" else 1.0 for c in columns]
        full = self.width - 2 * MARGIN
        widths = [full * wt / sum(weights) for wt in weights]
        leading = size * 1.4
        rows = list(enumerate(table.rows))
        cut = len(rows) - MAX_TABLE_ROWS
        if cut > 0:
            rows = rows[:MAX_TABLE_ROWS]
        header = [self._cell(c.title, w, size, True) for c, w in zip(columns, widths, strict=True)]
        header_h = max(len(c) for c in header) * leading + 2 * CELL_PAD
        self.need(40 + header_h + 2 * (leading + 2 * CELL_PAD))  # a title never ends a page alone
        self.heading(table.title)
        self._row(header, widths, header_h, size, leading, [c.kind for c in columns], fill=True)
        for index, row in rows:
            texts = [format_value(v, table.kind(index, n), self.language, self.arabic_digits)
                     for n, v in enumerate(row)]  # fmt: skip
            cells = [self._cell(t, w, size, False) for t, w in zip(texts, widths, strict=True)]
            height = max([len(c) for c in cells] + [1]) * leading + 2 * CELL_PAD
            if self.y - height < self.bottom:
                self.new_page()
                self._row(header, widths, header_h, size, leading, [c.kind for c in columns], fill=True)
            self._row(
                cells, widths, height, size, leading, [table.kind(index, n) for n in range(len(columns))]
            )
        if cut > 0:
            self.canvas.setFillColor(MUTED)
            note = self.w("more_rows").format(n=cut)
            self.need(16)
            draw_string(
                self.canvas,
                self.digits(note),
                self.start,
                self.y - 11,
                8,
                align=self.start_align,
                rtl=self.rtl,
            )
            self.y -= 16
        self.y -= 10

    def _cell(self, text: str, width: float, size: float, bold: bool) -> list[Any]:
        lines = break_lines(text, size, width - 2 * CELL_PAD, bold=bold, rtl=self.rtl) if text else []
        return lines[:2]

    def _row(
        self, cells: Sequence[list[Any]], widths: Sequence[float], height: float, size: float, leading: float,
        kinds: Sequence[ColumnKind], *, fill: bool = False,
    ) -> None:  # fmt: skip
        canvas, top = self.canvas, self.y
        if fill:
            canvas.setFillColor(HEADER_FILL)
            canvas.rect(MARGIN, top - height, self.width - 2 * MARGIN, height, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(MARGIN, top - height, self.width - 2 * MARGIN, height, stroke=1, fill=0)
        canvas.setFillColor(black)
        edge = self.width - MARGIN if self.rtl else MARGIN
        for lines, width, kind in zip(cells, widths, kinds, strict=True):
            left = edge - width if self.rtl else edge
            if left > MARGIN + 1:  # a rule between cells (the table's own border is drawn above)
                canvas.line(left, top, left, top - height)
            align: Align = self.start_align if kind in ("text", "date") and not fill else "center"
            anchor = {"right": left + width - CELL_PAD, "left": left + CELL_PAD, "center": left + width / 2}[
                align
            ]
            baseline = top - CELL_PAD - size * 1.05
            for line in lines:
                draw_line(canvas, line, anchor, baseline, size, align)
                baseline -= leading
            edge = left if self.rtl else left + width
        self.y -= height


def _render(
    target: Path | BinaryIO, document: Mapping[str, Any], identity: ReportIdentity, language: str,
    arabic_digits: bool, printed_on: dt.date, total: int | None, progress: Callable[[int, int], bool] | None,
) -> int:  # fmt: skip
    canvas = Canvas(str(target) if isinstance(target, Path) else target, pagesize=A4, pageCompression=1)
    canvas.setTitle(word("report_title", language))
    canvas.setCreator("Tashbeek")
    writer = _Writer(canvas, document, identity, language, arabic_digits, printed_on, total, progress)
    writer.title_block()
    writer.heading(writer.w("key_figures"))
    writer.tiles()
    writer.heading(writer.w("rules"))
    writer.paragraph(str(document["rules"]))
    tables = {t.key: t for t in tables_from(document, language)}
    if "targets" in tables:
        writer.table(tables["targets"], [2.4, 2.4, 1, 1, 1, 1])
    writer.charts(writer.w("statistics"))
    for key in ("gender", "age_band", "age_gender", "governorate", "organization_kind", "role",
                "organization_kinds", "organization_governorates", "organizations", "trainings", "months",
                "sessions"):  # fmt: skip
        table = tables[key]
        if table.rows:
            writer.table(table)
    return writer.finish()


def write_donor_report(
    target: Path | BinaryIO, document: Mapping[str, Any], identity: ReportIdentity, language: str, *,
    arabic_digits: bool = False, printed_on: dt.date, progress: Callable[[int, int], bool] | None = None,
) -> int:  # fmt: skip
    """Write the report; returns its number of pages. Laid out twice: once to count the pages for
    every footer's "page n of N", once for real."""
    pages = _render(io.BytesIO(), document, identity, language, arabic_digits, printed_on, None, None)
    return _render(target, document, identity, language, arabic_digits, printed_on, pages, progress)
