"""Importing into a registry of 10,000 people (target: 10,000 rows under 2 s, and linear growth from
10,000 to 20,000 rows), all-or-nothing in one transaction: one row in five matches a registry person
by phone (merged: empty fields filled, the row's name kept as an alias), the rest are new.
The file is read once more with openpyxl/csv alone, for the share of the time spent reading it.

Run: python benchmarks/bench_import.py [ROWS ...] [--xlsx] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
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
from desktop_app.services.tabular import read_table  # noqa: E402

HEADERS = ["الاسم الثلاثي", "رقم الموبايل", "اسم الجهة", "المحافظة", "البريد الإلكتروني", "الموافقة"]


def rows(count: int) -> list[list[str]]:
    rng = random.Random(11)
    result = []
    for i in range(count):
        name = f"{rng.choice(MALE + FEMALE)} {rng.choice(MALE)} {rng.choice(FAMILY)}"
        phone = phone_for(rng.randint(1, 10_000)) if i % 5 == 0 else f"0155{i:07d}"
        result.append([name, phone, f"جمعية التنمية رقم {rng.randint(0, 330)}", "القاهرة", f"p{i}@example.org", "نعم"])
    return result


def write(path: Path, data: list[list[str]]) -> None:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows([HEADERS, *data])
        return
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in [HEADERS, *data]:
        sheet.append(row)
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int, nargs="*", default=[10_000, 20_000])
    parser.add_argument("--xlsx", action="store_true", help="an .xlsx file instead of .csv")
    parser.add_argument("--profile", action="store_true", help="print the 25 costliest functions")
    args = parser.parse_args()
    template = Path(tempfile.gettempdir()) / "tashbeek-bench-10k.sqlite"
    build(template, 10_000).dispose()
    for count in args.rows:
        work = Path(tempfile.mkdtemp(prefix="tashbeek-bench-import-"))
        shutil.copy(template, work / "db.sqlite")
        path = work / ("people.xlsx" if args.xlsx else "people.csv")
        write(path, rows(count))
        started = time.perf_counter()
        read_table(path)
        reading = time.perf_counter() - started
        db = open_database(work / "db.sqlite")
        profiler = cProfile.Profile() if args.profile else None
        started, cpu = time.perf_counter(), time.process_time()
        if profiler:
            profiler.enable()
        report = import_file(db, path)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        print(f"import {count:,} rows ({path.suffix}) into 10,000 people: {elapsed:.2f} s ({cpu:.2f} s CPU), reading the "
              f"file alone {reading:.2f} s ({report.created} created, {report.merged} merged, "
              f"{len(report.possible_duplicates)} possible duplicates, {len(report.problems)} problems)")  # fmt: skip
        db.dispose()
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
