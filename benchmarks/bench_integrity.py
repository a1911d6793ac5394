"""What the safety check before every write costs: `PRAGMA quick_check` on registries of growing size.

    python benchmarks/bench_integrity.py [PEOPLE ...]     (default: 10000 100000)

Writing commands (and those that write a file from the database) run it once before anything is
written, so a damaged database is refused instead of written into. Prints the median of 5 runs, with
the file's size.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import build  # noqa: E402
from desktop_app.db import integrity_ok, open_database  # noqa: E402


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    for people in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.sqlite"
            build(path, people).dispose()
            times = []
            for _ in range(5):
                db = open_database(path)  # a fresh connection each time, as a command has
                started = time.perf_counter()
                assert integrity_ok(db, quick=True)
                times.append(time.perf_counter() - started)
                db.dispose()
            size = path.stat().st_size / 1e6
            print(f"{people:>7} people ({size:.0f} MB): quick_check median {statistics.median(times) * 1000:.0f} ms, "
                  f"max {max(times) * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
