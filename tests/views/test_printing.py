"""Printing from the window (widgets/printing.py): every previewed document goes through Qt's print
dialog to a printer. Qt's own PDF printer target stands in for a printer, the dialog is bypassed by
choosing on the QPrinter it would have shown: the printed file must have the document's pages, page
sizes and text (pdftotext), and only the pages of the range chosen."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageRanges
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.models import AttendanceStatus
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.documents import DocumentsPage
from desktop_app.views.widgets import printing
from tests.views.conftest import settle

pytestmark = pytest.mark.gui


def _pdf_printer(monkeypatch: pytest.MonkeyPatch, out: Path, choose: Callable[[QPrinter], None] = lambda p: None,
                 asked: list[int] | None = None) -> None:  # fmt: skip
    """The print dialog, answered: Qt's PDF target writing `out`, plus whatever `choose` sets."""

    def ask(_parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
        if asked is not None:
            asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        choose(printer)
        return True

    monkeypatch.setattr(printing, "ask", ask)


def _sizes(path: Path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]


def _text(path: Path, first: int | None = None, last: int | None = None) -> str:
    pages = ["-f", str(first), "-l", str(last)] if first else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def _assert_same(printed: Path, original: Path) -> None:
    assert len(PdfReader(printed).pages) == len(PdfReader(original).pages)
    assert _sizes(printed) == _sizes(original)
    assert _text(printed) == _text(original)
    assert _text(printed).strip()  # a document with words in it, not two empty texts


@pytest.fixture
def page(window: MainWindow) -> DocumentsPage:
    db = window.context.db
    grid = attendance_grid(db, 1)
    for row in grid.rows[:4]:  # four people attended both days: four certificates
        for sid, _date in grid.sessions:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)
    documents = window.show_section("documents")
    assert isinstance(documents, DocumentsPage)
    documents.refresh()
    return documents


def _make(page: DocumentsPage, qtbot, monkeypatch: pytest.MonkeyPatch, out: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "PDF (*.pdf)")))
    if kind == "certificates":
        page.issue()
        settle()
        page.print_certificates()
    else:
        page.make(kind)
    qtbot.waitUntil(lambda: page.pdf.status() == QPdfDocument.Status.Ready and page.last_file == out,
                    timeout=20_000)  # fmt: skip
    assert page.print_file_button.isEnabled()


@pytest.mark.parametrize("kind", ["certificates", "sheet"])
def test_a_previewed_document_prints_its_pages_sizes_and_text(
    qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path, kind: str
) -> None:  # type: ignore[no-untyped-def]
    original, printed = tmp_path / f"{kind}.pdf", tmp_path / "printed.pdf"
    _make(page, qtbot, monkeypatch, original, kind)
    asked: list[int] = []
    _pdf_printer(monkeypatch, printed, asked=asked)
    page.print_file_button.click()
    settle()
    assert asked == [len(PdfReader(original).pages)]  # the dialog offered every page of the document
    _assert_same(printed, original)
    assert "document.print" in page.context.asked


def test_ctrl_p_prints_the_document_on_screen(qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original, printed = tmp_path / "report.pdf", tmp_path / "printed.pdf"
    _make(page, qtbot, monkeypatch, original, "report")
    _pdf_printer(monkeypatch, printed)
    settle()
    page.window().activateWindow()  # the progress dialog that just closed had it
    qtbot.waitUntil(page.window().isActiveWindow, timeout=10_000)
    QTest.keyClick(page.preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle()
    _assert_same(printed, original)


def test_a_page_range_prints_only_those_pages(qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original, printed = tmp_path / "certificates.pdf", tmp_path / "printed.pdf"
    _make(page, qtbot, monkeypatch, original, "certificates")
    assert len(PdfReader(original).pages) == 4

    def pages_2_to_3(printer: QPrinter) -> None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        ranges = QPageRanges()
        ranges.addRange(2, 3)
        printer.setPageRanges(ranges)

    _pdf_printer(monkeypatch, printed, pages_2_to_3)
    page.print_shown()
    settle()
    assert len(PdfReader(printed).pages) == 2
    assert _text(printed) == _text(original, 2, 3)
    assert _sizes(printed) == _sizes(original)[1:3]


def test_pages_reach_a_printer_as_pictures_of_the_same_pages(qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The path a real printer takes: each page rendered by QtPdf and drawn on the QPrinter, fitted
    with its shape kept. Same page count and sizes; the pictures match the document's pages."""
    original, printed = tmp_path / "certificates.pdf", tmp_path / "printed.pdf"
    _make(page, qtbot, monkeypatch, original, "certificates")
    document, _buffer = printing.load(original, page)
    printer = printing.new_printer(document, "test")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    seen: list[tuple[int, int]] = []
    pages = printing.chosen_pages(printer, document.pageCount())
    assert pages == [0, 1]
    assert printing.render_pages(document, printer, pages, lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (2, 2)
    assert _sizes(printed) == _sizes(original)[:2]
    for n in (1, 2):
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", str(n), "-l", str(n), "-png", str(printed),
                        str(tmp_path / f"p{n}")], check=True)  # fmt: skip
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", str(n), "-l", str(n), "-png", str(original),
                        str(tmp_path / f"o{n}")], check=True)  # fmt: skip
        mine = QImage(str(next(tmp_path.glob(f"p{n}-*.png"))))
        theirs = QImage(str(next(tmp_path.glob(f"o{n}-*.png"))))
        # The same page at 30 dpi, give or take the last row of pixels (points rounded to the printer's units).
        assert abs(mine.width() - theirs.width()) <= 1 and abs(mine.height() - theirs.height()) <= 1
        width, height = min(mine.width(), theirs.width()), min(mine.height(), theirs.height())
        dark = sum(1 for y in range(0, height, 2) for x in range(0, width, 2) if theirs.pixelColor(x, y).value() < 128)
        differing = sum(
            1 for y in range(0, height, 2) for x in range(0, width, 2)
            if abs(mine.pixelColor(x, y).value() - theirs.pixelColor(x, y).value()) > 60
        )  # fmt: skip
        assert dark > 0.01 * (width // 2) * (height // 2)  # a page with something on it
        assert differing < 0.03 * (width // 2) * (height // 2)
    # Cancel between pages stops the job.
    stopped = tmp_path / "stopped.pdf"
    printer.setOutputFileName(str(stopped))
    assert not printing.render_pages(document, printer, [0, 1, 2], lambda done, _total: done < 1)


def test_the_network_page_prints(window: MainWindow, qtbot, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services import network_documents

    network_page = window.show_section("network")
    qtbot.waitUntil(lambda: network_page.map.result is not None, timeout=20_000)
    printed, original = tmp_path / "printed.pdf", tmp_path / "network.pdf"
    _pdf_printer(monkeypatch, printed)
    network_page.map.print_map()
    settle()
    network_documents.write_network_pdf(window.context.db, network_page.map.current_filter(), original,
                                        result=network_page.map.result)  # fmt: skip
    _assert_same(printed, original)


def test_a_meetings_minutes_and_an_agreement_print(window: MainWindow, qtbot, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The partner network's "Print the minutes…" and "Print…" of an agreement go through the printer's
    dialog like every document (they used to save a file and open it)."""
    from desktop_app.services import network_documents

    network_page = window.show_section("network")
    for tab, table, action, write in (
        ("meetings", "meetings", "print_minutes", network_documents.write_minutes),
        ("agreements", "agreements", "print_agreement", network_documents.write_agreement_summary),
    ):
        network_page.show_tab(tab)
        settle()
        listed = getattr(network_page, table)
        assert listed.rowCount() > 0, tab
        listed.setCurrentCell(0, 0)
        record_id = listed.item(0, 0).data(Qt.ItemDataRole.UserRole)
        printed, original = tmp_path / f"{tab}-printed.pdf", tmp_path / f"{tab}.pdf"
        _pdf_printer(monkeypatch, printed)
        getattr(network_page, action)()
        qtbot.waitUntil(printed.exists, timeout=20_000)  # written on the runner, then printed
        settle()
        write(window.context.db, record_id, original, replace=True)
        _assert_same(printed, original)


def test_the_statistics_report_prints(window: MainWindow, qtbot, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.reports import write_report

    stats_page = window.show_section("statistics")
    qtbot.waitUntil(lambda: stats_page.stats is not None, timeout=20_000)
    printed, original = tmp_path / "printed.pdf", tmp_path / "report.pdf"
    _pdf_printer(monkeypatch, printed)
    stats_page.print_report()
    settle()
    write_report(window.context.db, stats_page.current_filter(), original, language="ar", stats=stats_page.stats)
    _assert_same(printed, original)


def test_with_no_printer_it_says_so_and_prints_to_a_pdf_file(
    qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    original = tmp_path / "directory.pdf"
    _make(page, qtbot, monkeypatch, original, "directory")
    monkeypatch.setattr(printing, "no_printer", lambda: True)
    offered: list[str] = []

    def ask(_parent: QWidget | None, printer: QPrinter, _count: int) -> bool:
        offered.append(printer.outputFileName())
        assert printer.outputFormat() == QPrinter.OutputFormat.PdfFormat  # the dialog opens on a PDF file
        printer.setOutputFileName(str(tmp_path / "to-file.pdf"))
        return True

    monkeypatch.setattr(printing, "ask", ask)
    page.print_shown()
    settle()
    assert any("لا توجد طابعة" in text for text in answers.seen), answers.seen
    assert offered and offered[0].endswith(".pdf")
    _assert_same(tmp_path / "to-file.pdf", original)


def test_a_broken_document_is_said_not_crashed(qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing else")
    asked: list[int] = []
    _pdf_printer(monkeypatch, tmp_path / "out.pdf", asked=asked)
    assert not printing.print_pdf(page.context, page, broken, "broken")
    assert asked == [] and answers.seen  # said, and no dialog for a document with no pages
    assert not (tmp_path / "out.pdf").exists()


def test_copies_are_printed_collated_when_the_printer_cannot_make_them(qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    original, printed = tmp_path / "sheet.pdf", tmp_path / "printed.pdf"
    _make(page, qtbot, monkeypatch, original, "sheet")
    document, _buffer = printing.load(original, page)
    printer = printing.new_printer(document, "copies")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    count = document.pageCount()
    assert printing.render_pages(document, printer, list(range(count)), lambda _d, _t: True)
    copies = 1 if printer.supportsMultipleCopies() else 2
    assert len(PdfReader(printed).pages) == count * copies
