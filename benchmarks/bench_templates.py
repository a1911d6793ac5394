"""Templates: the designer's preview refresh after a change, and 1,000 certificates from a designed
template.

Targets (issue #20): a preview refresh under 150 ms for a certificate page (from the change, after
the debounce, to the page on screen: the PDF drawn by the printing code off the GUI thread, loaded and
rendered by QtPdf); 1,000 certificates from a designed template at 225 pages/s or more on a quiet
2-core machine. The machine is shared: CPU time is printed beside wall time.
Run: python benchmarks/bench_templates.py [COUNT [RUNS]]
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_certificates import _png, pages  # noqa: E402
from desktop_app.pdf import template as engine  # noqa: E402
from desktop_app.pdf.certificate import CertificateLayout, Signature, page_data  # noqa: E402


def designed() -> tuple[dict[str, object], dict[str, bytes]]:
    """The modern template with the name moved, a co-organizer's logo and a picture of its own added."""
    document = copy.deepcopy(engine.builtin_document("modern"))
    for element in document["elements"]:  # type: ignore[union-attr]
        if element["id"] in ("name", "latin_name"):
            element["y"] += 4
    picture = _png(300, 120, "#aa3355", "stamp")
    document["elements"] += [  # type: ignore[operator]
        {"id": "partner", "type": "image", "x": 120, "y": 150, "width": 30, "height": 18, "source": "co_organizer",
         "position": 1},
        {"id": "stamp", "type": "image", "x": 160, "y": 150, "width": 30, "height": 12, "source": "asset",
         "asset": engine.digest(picture)},
    ]  # fmt: skip
    return document, {engine.digest(picture): picture}


def bench_print(count: int, runs: int = 3) -> None:
    document, assets = designed()
    template = engine.template_from_document(document, assets, "bench")
    layout = CertificateLayout(
        "مركز التنمية الاقتصادية والاجتماعية", "Economic and Social Development Center",
        _png(300, 260, "#1f5f5b", "LOGO"), (_png(300, 260, "#b08d3c", "P1"),),
        (Signature("د. هاني إبراهيم", "مدير المركز", _png(400, 150, "#223366", "sig")),
         Signature("منى عبد الفتاح", "منسقة البرنامج", _png(400, 150, "#223366", "sig"))),
    )  # fmt: skip
    jobs = [(template, page_data(page, layout)) for page in pages(count)]
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(1, runs + 1):  # the machine is shared: several runs, each one printed
            out = Path(tmp) / f"designed-{run}.pdf"
            start, cpu = time.perf_counter(), time.process_time()
            written = engine.write_pages(out, jobs, layout.batch())
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            walls.append(written / elapsed)
            cpus.append(written / cpu)
            print(f"designed template, run {run}: {written} pages in {elapsed:.2f} s = {written / elapsed:.0f} "
                  f"pages/s ({cpu:.2f} s of CPU = {written / cpu:.0f} pages per CPU second)")  # fmt: skip
    print(f"designed template, {runs} runs: median {statistics.median(walls):.0f} pages/s wall, "
          f"{statistics.median(cpus):.0f} pages per CPU second")  # fmt: skip


def bench_preview(changes: int = 25) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QApplication

    from desktop_app.services.templates import render_preview

    app = QApplication.instance() or QApplication([])
    document, assets = designed()
    layout = CertificateLayout("مركز التنمية", logo=_png(300, 260, "#1f5f5b", "LOGO"),
                               signatories=(Signature("د. هاني إبراهيم", "مدير المركز"),))  # fmt: skip
    sample = page_data(pages(1)[0], layout)
    pdf = QPdfDocument()
    times, cpu_times = [], []
    for n in range(changes):
        for element in document["elements"]:  # type: ignore[union-attr]
            if element["id"] == "name":
                element["x"] += 0.5 if n % 2 else -0.5  # a nudge, as an arrow key makes
        start, cpu = time.perf_counter(), time.process_time()
        preview = render_preview(document, assets, layout.batch(), sample)
        buffer = QBuffer()
        buffer.setData(QByteArray(preview.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        pdf.load(buffer)
        image = pdf.render(0, QSize(round(297 * 6), round(210 * 6)))
        assert not image.isNull()
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    del app
    print(f"preview refresh (draw + QtPdf load + render at 6 px/mm), {changes} changes: "
          f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms, first "
          f"{times[0] * 1000:.0f} ms; CPU median {statistics.median(cpu_times) * 1000:.0f} ms")  # fmt: skip


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    print(
        f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (2 cores, shared)"
    )
    bench_preview()
    bench_print(count, runs)


if __name__ == "__main__":
    main()
