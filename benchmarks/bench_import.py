"""10,000 rows from a CSV into a registry of 10,000 people (target: under 5 s), all-or-nothing in one
transaction: 2,000 rows match registry people by phone (merged), the rest are new.

Run: python benchmarks/bench_import.py [ROWS]
"""

from __future__ import annotations

import csv
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import FAMILY, FEMALE, MALE, build, phone_for  # noqa: E402
from desktop_app.db import open_database  # noqa: E402
from desktop_app.services.importing import import_file  # noqa: E402


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    work = Path(tempfile.mkdtemp(prefix="tashbeek-bench-import-"))
    template = Path(tempfile.gettempdir()) / "tashbeek-bench-10k.sqlite"
    build(template, 10_000).dispose()
    shutil.copy(template, work / "db.sqlite")
    rng = random.Random(11)
    path = work / "people.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(
            ["الاسم الثلاثي", "رقم الموبايل", "اسم الجهة", "المحافظة", "البريد الإلكتروني", "الموافقة"]
        )
        for i in range(count):
            name = f"{rng.choice(MALE + FEMALE)} {rng.choice(MALE)} {rng.choice(FAMILY)}"
            phone = phone_for(rng.randint(1, 10_000)) if i % 5 == 0 else f"0155{i:07d}"
            writer.writerow(
                [
                    name,
                    phone,
                    f"جمعية التنمية رقم {rng.randint(0, 330)}",
                    "القاهرة",
                    f"p{i}@example.org",
                    "نعم",
                ]
            )
    db = open_database(work / "db.sqlite")
    start = time.perf_counter()
    report = import_file(db, path)
    elapsed = time.perf_counter() - start
    print(f"import {count:,} rows into 10,000 people: {elapsed:.2f} s "
          f"({report.created} created, {report.merged} merged, {len(report.possible_duplicates)} possible duplicates, "
          f"{len(report.problems)} problems)")  # fmt: skip
    db.dispose()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
