"""A 500-row sign-in sheet (target: under 0.5 s), and the other table documents and badges at the same
size, written straight from rows (the database part is measured by the service tests' timings).

Run: python benchmarks/bench_documents.py [ROWS]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import FAMILY, FEMALE, MALE, phone_for  # noqa: E402
from desktop_app.pdf.badges import Badge, BadgeLayout, write_badges  # noqa: E402
from desktop_app.pdf.table import Column, TableDocument, write_table_document  # noqa: E402
from desktop_app.text.isolate import ltr  # noqa: E402
from desktop_app.text.phone import format_phone  # noqa: E402

ORGS = [
    "جمعية النور للتنمية",
    "اتحاد عمال الغزل المستقل بالمحلة الكبرى",
    "شبكة شباب الصعيد",
    "رابطة المزارعين",
]


def people(count: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(3)
    rows = []
    for i in range(count):
        name = f"{rng.choice(MALE + FEMALE)} {rng.choice(MALE)} {rng.choice(FAMILY[:60])}"
        rows.append((name, rng.choice(ORGS), f"المجموعة {rng.randint(1, 12)}", format_phone(phone_for(i))))
    return sorted(rows)


def timed(label: str, work, runs: int = 5) -> None:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        pages = work()
        times.append(time.perf_counter() - start)
    print(
        f"{label}: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms ({pages} pages)"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    rows = people(count)
    out = Path(tempfile.mkdtemp()) / "doc.pdf"
    columns = (Column("#", 0.5, "center"), Column("الاسم", 3.2), Column("الجهة", 3.0), Column("المجموعة", 1.4),
               Column("الهاتف", 1.9, "left", ltr=True), Column("التوقيع", 2.2))  # fmt: skip
    sheet = TableDocument(
        "كشف حضور", ("برنامج بناء التحالفات والتشبيك", "جامعة القاهرة — الخميس، 26 نوفمبر 2026"), columns,
        tuple([str(n + 1), name, org, group, ltr(phone), ""] for n, (name, org, group, phone) in enumerate(rows)),
        min_row_height=24, footer_note="طُبع في 25 نوفمبر 2026",
    )  # fmt: skip
    timed(f"sign-in sheet, {count} rows", lambda: write_table_document(out, sheet))
    badges = [Badge(name, org, group, f"{n:08d}") for n, (name, org, group, _p) in enumerate(rows)]
    timed(
        f"badges, {count}",
        lambda: write_badges(out, BadgeLayout("برنامج بناء التحالفات والتشبيك"), badges),
        3,
    )


if __name__ == "__main__":
    main()
