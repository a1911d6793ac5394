"""Printing from the window (views/widgets/printing.py): how long a document takes to reach the
printer. Each page is rendered by QtPdf at the printer's resolution (capped at 300 dpi) and drawn on
the QPrinter; printing to a PDF file copies the chosen pages instead. Qt's PDF printer target stands
in for a printer (a real driver adds its own spooling time).

Prints milliseconds per page, wall and CPU (time.process_time), for the demo's badges and sign-in
sheet (with 200 blank rows: several pages), best of RUNS. The machine is shared: report `uptime` too.
Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_printing.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.services import documents  # noqa: E402
from desktop_app.services.demo import load_demo  # noqa: E402
from desktop_app.services.workspace import open_database  # noqa: E402
from desktop_app.views.widgets import printing  # noqa: E402

RUNS = 3


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = open_database(tmp / "demo.sqlite", create=True)
        load_demo(db)
        made = {
            "badges": tmp / "badges.pdf",
            "sign-in sheet": tmp / "sheet.pdf",
        }
        documents.write_badge_sheets(db, 1, made["badges"])
        documents.write_sign_in_sheet(db, 1, made["sign-in sheet"], blank_rows=200)
        parent = QWidget()
        for name, path in made.items():
            document, _buffer = printing.load(path, parent)
            pages = list(range(document.pageCount()))
            best_wall = best_cpu = float("inf")
            for run in range(RUNS):
                printer = printing.new_printer(document, name)
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(tmp / f"printed-{run}.pdf"))
                wall, cpu = time.perf_counter(), time.process_time()
                printing.render_pages(document, printer, pages, lambda _done, _total: True)
                best_wall = min(best_wall, time.perf_counter() - wall)
                best_cpu = min(best_cpu, time.process_time() - cpu)
            copy_wall = time.perf_counter()
            documents.copy_pages(path, pages, tmp / "copied.pdf", replace=True)
            copy_wall = time.perf_counter() - copy_wall
            print(f"{name}: {len(pages)} page(s); to a printer {best_wall / len(pages) * 1000:.0f} ms/page wall, "
                  f"{best_cpu / len(pages) * 1000:.0f} ms/page CPU at {printing.MAX_DPI} dpi; "
                  f"to a PDF file {copy_wall * 1000:.0f} ms in all")  # fmt: skip
        db.dispose()
    del app


if __name__ == "__main__":
    main()
