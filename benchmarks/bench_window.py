"""Window figures at 100,000 people (targets: start under 1 s; search keystroke under 100 ms).

    python benchmarks/bench_window.py [--people 100000] [--runs 5]

start: from launching a fresh process to the main window shown with the People list populated
and accepting input (measured by the parent process, so interpreter start-up counts).
keystroke: after the debounce, the time the People list takes to show the results for what has
been typed so far (the work the debounce timer triggers), for a set of typical queries.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def open_people(db_path: str | Path):  # type: ignore[no-untyped-def]
    """What `tashbeek --db PATH` does up to the People list: (application, People page)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app import config
    from desktop_app.app import build_window, create_application
    from desktop_app.db import open_database

    app = create_application("ar")
    window = build_window(open_database(db_path), config.MachineSettings(), "ar")
    window.show()
    page = window.show_section("people")
    app.processEvents()
    return app, page, window


def child(db_path: str) -> None:
    """Runs in the measured process (from its first line, as `tashbeek`'s main does)."""
    from desktop_app import collector

    collector.quiet_start()
    _app, page, _window = open_people(db_path)
    assert page.model.rowCount() > 0 and page.search.isEnabled()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print("READY", page.model.total, usage.ru_utime + usage.ru_stime, flush=True)
    _window.context.runner.wait()  # what Home counts after the first paint ends before the process does


def measure_start(db_path: Path, runs: int) -> tuple[list[float], list[float]]:
    """(wall, CPU) seconds per run; CPU is the child's own user + system time, which other programs
    loading the machine change far less than the wall time."""
    times, cpus = [], []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(db_path)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - started)
        assert line.startswith("READY"), line
        cpus.append(float(line.split()[2]))
        proc.wait()
    return times, cpus


def measure_keystrokes(db_path: Path) -> dict[str, float]:
    app, page, _window = open_people(db_path)
    results = {}
    for query in [
        "م",
        "مح",
        "محم",
        "محمد",
        "محمد ا",
        "محمد ابر",
        "فاطمه",
        "عبد الف",
        "0100 12",
        "01012345678",
    ]:
        page.search.blockSignals(True)  # the debounce timer is what we skip; we time its work
        page.search.setText(query)
        page.search.blockSignals(False)
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            page.reload()
            app.processEvents()
            samples.append((time.perf_counter() - started) * 1000)
        results[query] = statistics.median(samples)
    return results


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--start-only", action="store_true", help="skip the keystroke figures")
    args = parser.parse_args()
    from _data import build

    path = Path(tempfile.gettempdir()) / f"tashbeek-bench-{args.people}.sqlite"
    build(path, args.people).dispose()
    measure_start(path, 1)  # warm the disk cache
    starts, cpus = measure_start(path, args.runs)
    print(f"start to usable People list ({args.people:,} people): median {statistics.median(starts):.2f} s, "
          f"max {max(starts):.2f} s over {args.runs} runs; CPU median {statistics.median(cpus):.2f} s "
          f"(load {os.getloadavg()[0]:.1f})")  # fmt: skip
    if args.start_only:
        return
    keys = measure_keystrokes(path)
    for query, ms in keys.items():
        print(f"  keystroke -> list updated  {query!r:>14}: {ms:6.1f} ms")
    print(f"keystroke median {statistics.median(keys.values()):.1f} ms, max {max(keys.values()):.1f} ms")


if __name__ == "__main__":
    main()
