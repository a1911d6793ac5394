"""The long crash test: a subprocess checks people in through the service in an endless loop, printing
each check-in after its commit; it is killed with SIGKILL at a random moment, the database is reopened,
and every printed check-in must be there and `integrity_check` must say ok. Repeated 100 times.

Run: python benchmarks/crash_test.py [RUNS]   (the test suite runs it a few times)
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LOOP = """
import sys
from desktop_app.db import open_database
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.models import AttendanceStatus
db = open_database(sys.argv[1])
grid = attendance_grid(db, 1)
cells = [(row.enrollment_id, sid) for row in grid.rows for sid, _d in grid.sessions]
round_ = 0
while True:
    status = AttendanceStatus.PRESENT if round_ % 2 == 0 else AttendanceStatus.LATE
    for enrollment_id, session_id in cells:
        set_status(db, enrollment_id, session_id, status)
        print(enrollment_id, session_id, status.value, flush=True)  # printed only once committed
    round_ += 1
"""


def crash_once(path: Path, delay: float) -> tuple[int, bool]:
    """One run: returns (check-ins printed before the kill, every printed one survived and the file
    is intact). The cell being written at the moment of the kill may hold the newer mark or the older
    one; every other cell holds exactly the last mark printed for it."""
    child = subprocess.Popen([sys.executable, "-c", LOOP, str(path)], stdout=subprocess.PIPE, text=True)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate()
    # The kill may cut the last line short: that check-in is then treated as the one being written.
    lines = [fields for fields in (line.split() for line in out.splitlines()) if len(fields) == 3]
    last: dict[tuple[int, int], str] = {}
    for enrollment_id, session_id, status in lines:
        last[(int(enrollment_id), int(session_id))] = status
    with sqlite3.connect(path) as conn:
        intact = conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {
            (e, s): st
            for e, s, st in conn.execute("SELECT enrollment_id, session_id, status FROM attendance")
        }
    survived = True
    if lines:
        order = list(last)  # first-seen order is the loop's order
        latest = (int(lines[-1][0]), int(lines[-1][1]))
        being_written = order[(order.index(latest) + 1) % len(order)]
        for cell, status in last.items():
            allowed = ("present", "late") if cell == being_written else (status,)
            survived = survived and stored.get(cell) in allowed
    return len(lines), intact and survived


def make_database(folder: Path) -> Path:
    from desktop_app.db import open_database
    from desktop_app.services.demo import load_demo

    path = folder / "crash.sqlite"
    db = open_database(path, create=True)
    load_demo(db)
    db.dispose()
    return path


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rng = random.Random()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_database(Path(tmp))
        failures, total = 0, 0
        for n in range(runs):
            printed, ok = crash_once(path, rng.uniform(0.6, 2.0))
            total += printed
            failures += not ok
            print(
                f"run {n + 1}: {printed} check-ins printed before the kill, {'ok' if ok else 'LOST OR DAMAGED'}"
            )
    print(f"{runs} runs, {total} check-ins committed and printed, {failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
