"""Start-up of command-line commands (they must never import Qt; target: under 0.3 s).

    python benchmarks/bench_cli_start.py [--repeat 10]

Prints the median wall and CPU time of whole processes: the bare interpreter, importing
SQLAlchemy's ORM (the floor for any command that reads the database), `tashbeek --version`, and a
real search on the demo database; then `tashbeek search أحمد` as a multiple of importing the ORM
(paired runs; target at most 1.2).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run_once(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one whole process; CPU is user + system as the kernel counted it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def median_seconds(command: list[str], repeat: int) -> tuple[float, float]:
    runs = [run_once(command) for _ in range(repeat)]
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def paired_ratio(command: list[str], floor: list[str], repeat: int) -> tuple[float, float]:
    """Median of command/floor over runs taken in turn (A B A B ...), wall and CPU: a ratio of
    neighbours holds better than a ratio of medians when other programs load the machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall_a, cpu_a = run_once(command)
        wall_b, cpu_b = run_once(floor)
        walls.append(wall_a / wall_b)
        cpus.append(cpu_a / cpu_b)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    db = Path(tempfile.mkdtemp()) / "demo.sqlite"
    subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "demo"], check=True, capture_output=True
    )
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "import sqlalchemy.orm": [sys.executable, "-c", "import sqlalchemy.orm"],
        "tashbeek --version": [sys.executable, "-m", "desktop_app", "--version"],
        "tashbeek search": [
            sys.executable,
            "-m",
            "desktop_app",
            "--db",
            str(db),
            "search",
            "هانى ابراهيم",
            "--json",
        ],
        "tashbeek db check": [sys.executable, "-m", "desktop_app", "--db", str(db), "db", "check"],
    }
    for name, command in cases.items():
        wall, cpu = median_seconds(command, args.repeat)
        print(f"{name:<24} {wall * 1000:7.0f} ms wall  {cpu * 1000:7.0f} ms CPU")
    # The figure of issue 14: a reading command against the ORM's own import (target: at most 1.2).
    search = [sys.executable, "-m", "desktop_app", "--db", str(db), "search", "أحمد"]
    wall, cpu = paired_ratio(search, cases["import sqlalchemy.orm"], max(args.repeat, 15))
    print(f"search أحمد / import sqlalchemy.orm: {wall:.2f}x wall, {cpu:.2f}x CPU (median of paired runs)")


if __name__ == "__main__":
    main()
