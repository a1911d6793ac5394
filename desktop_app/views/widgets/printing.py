"""Printing a PDF the window made (certificates, sheets, reports, the network page, a preview) with
Qt's print dialog: printer, copies, page range, duplex. The one piece of code every screen's Print
button and Ctrl+P go through.

A page goes to a printer as a picture: QtPdf (the engine that shows the preview) renders it at the
printer's resolution, capped so a 1200 dpi driver does not ask for half a gigabyte a page, and it is
drawn onto the printer's page with its shape kept. QPdfDocument and QPrinter/QPainter belong to the
GUI thread (Qt documents neither as thread-safe), so the pages are rendered here, one at a time, with
a progress dialog whose Cancel stops between pages.

When the dialog's choice is a PDF file ("Print to File (PDF)", and what is left when no printer is
installed), the chosen pages are copied as they are instead (`documents.copy_pages`): the file keeps
its text and vectors, rather than pictures of them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop_app.services import documents
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.paths import suggested_file

ACTION = "document.print"  # access.WINDOW_ACTIONS: a reader (nothing is written to the database)
MAX_DPI = 300  # enough for print; a page is then at most ~35 MB of pixels on A4
POINTS_PER_INCH = 72.0

Source = Path | bytes


def load(source: Source, parent: QWidget) -> tuple[QPdfDocument, QBuffer | None]:
    """A QPdfDocument of the file or bytes (its buffer too: it must live as long as the document)."""
    document = QPdfDocument(parent)
    if isinstance(source, Path):
        document.load(str(source))
        return document, None
    buffer = QBuffer(document)
    buffer.setData(QByteArray(source))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def new_printer(document: QPdfDocument, title: str) -> QPrinter:
    """A printer set to the document's first page: its size and orientation, no margins (the PDF
    has its own), so the printed page matches the previewed one."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    size = document.pagePointSize(0)
    if size.width() > 0 and size.height() > 0:
        landscape = size.width() > size.height()
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        printer.setPageLayout(QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0)))
    return printer


def no_printer() -> bool:
    return not QPrinterInfo.availablePrinters()


def ask(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """Qt's print dialog (tests replace this one function to choose without a dialog)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, page_count)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def chosen_pages(printer: QPrinter, page_count: int, current: int = 0) -> list[int]:
    """The pages (0-based) the dialog's range chose: all, the current one, or "1-3, 5"."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return [min(max(current, 0), page_count - 1)]
    if mode == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [n for n in range(page_count) if ranges.contains(n + 1)]
        first, last = printer.fromPage(), printer.toPage()
        if first > 0:
            return list(range(first - 1, min(last or page_count, page_count)))
    return list(range(page_count))


def render_pages(
    document: QPdfDocument, printer: QPrinter, pages: list[int], report: Callable[[int, int], bool]
) -> bool:
    """Draw `pages` on the printer, each fitted to the paper with its shape kept and centred.
    False when `report` said stop (the pages begun are sent: QPrinter cannot take a page back)."""
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    # Collated copies (1 2 3, 1 2 3) unless the dialog asked otherwise (1 1, 2 2, 3 3).
    order = pages * copies if printer.collateCopies() else [n for n in pages for _copy in range(copies)]
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QApplication.translate("Printing", "The printer could not be started."))
    try:
        for done, index in enumerate(order):
            if not report(done, len(order)):
                return False
            if done:
                printer.newPage()
            paper = QRectF(painter.viewport())
            points = document.pagePointSize(index)
            if points.width() <= 0 or points.height() <= 0:
                continue
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y() + (paper.height() - height) / 2,
                            width, height)  # fmt: skip
            pixels = QSize(round(points.width() * dpi / POINTS_PER_INCH), round(points.height() * dpi / POINTS_PER_INCH))
            image = document.render(index, pixels)
            painter.drawImage(target, image)
        report(len(order), len(order))
        return True
    finally:
        painter.end()


def print_pdf(
    context: AppContext, parent: QWidget, source: Source, title: str, current_page: int = 0
) -> bool:
    """The print dialog for this PDF, then the printing. True when something was printed."""
    if not context.may(ACTION, parent):
        return False
    document, _buffer = load(source, parent)
    try:
        count = document.pageCount()
        if count < 1:
            QMessageBox.warning(parent, QApplication.translate("Printing", "Print"),
                                QApplication.translate("Printing", "There is nothing to print: the document has no pages."))  # fmt: skip
            return False
        printer = new_printer(document, title)
        if no_printer():
            # Headless machines and fresh installs: say so, and offer what still works, a PDF file.
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(suggested_file(title, ".pdf"))
            QMessageBox.information(
                parent, QApplication.translate("Printing", "No printer"),
                QApplication.translate("Printing", "No printer is installed on this computer. You can still print "
                                                   "to a PDF file, and print that file elsewhere."),
            )  # fmt: skip
        if not ask(parent, printer, count):
            return False
        pages = chosen_pages(printer, count, current_page)
        if not pages:
            return False
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            out = Path(printer.outputFileName())
            context.runner.run(parent, QApplication.translate("Printing", "Printing to a PDF file…"),
                               lambda _report: documents.copy_pages(source, pages, out, replace=True),
                               lambda _pages: None)  # fmt: skip
            return True
        return _to_printer(document, printer, pages, parent)
    except Exception as error:  # noqa: BLE001 - a printer problem is said, never a crash
        show_error(parent, error)
        return False
    finally:
        document.deleteLater()


def _to_printer(document: QPdfDocument, printer: QPrinter, pages: list[int], parent: QWidget) -> bool:
    progress = QProgressDialog(QApplication.translate("Printing", "Printing…"),
                               QApplication.translate("Printing", "Cancel"), 0, len(pages), parent)  # fmt: skip
    progress.setMinimumDuration(400)
    progress.setAutoClose(True)

    def report(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()  # paints the dialog and takes its Cancel between pages
        return not progress.wasCanceled()

    try:
        return render_pages(document, printer, pages, report)
    finally:
        progress.close()
        progress.deleteLater()


def print_made(
    context: AppContext, parent: QWidget, title: str, write: Callable[[Path, Callable[[int, int], bool]], object]
) -> None:
    """Print a document the screen makes on demand (the donor report, the network page): it is
    written on the runner into a private temporary folder, then goes through `print_pdf`."""
    if not context.may(ACTION, parent):
        return
    path = Path(tempfile.mkdtemp(prefix="tashbeek-print-")) / "document.pdf"
    context.runner.run(parent, QApplication.translate("Printing", "Preparing the document…"),
                       lambda report: write(path, report),
                       lambda _result: _print_written(context, parent, path, title))  # fmt: skip


def _print_written(context: AppContext, parent: QWidget, path: Path, title: str) -> None:
    print_pdf(context, parent, path, title)
