"""Start-up of command-line commands (they must never import Qt; target: under 0.3 s).

    python benchmarks/bench_cli_start.py [--repeat 10]

Prints the median wall time of whole processes: the bare interpreter, importing SQLAlchemy's ORM
(the floor for any command that reads the database), `tashbeek --version`, and a real search
on the demo database.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
        print(f"{name:<24} {median_seconds(command, args.repeat) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
