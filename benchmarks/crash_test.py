"""The long crash test: a subprocess checks people in through the service in an endless loop, saying
"begin" before each check-in and "done" after its commit; it is killed with SIGKILL at a moment chosen
from a measured, uncontended run, the database is reopened, and every acknowledged check-in must be
there and `integrity_check` must say ok. Repeated 100 times.

A crash test that killed every process before its first commit, or always between two commits, would
prove nothing: each round reports whether it acknowledged check-ins and whether the kill landed in the
middle of one, and the run fails unless both happened in at least 10 % of the rounds.

Run: python benchmarks/crash_test.py [RUNS]   (the test suite runs a few rounds)
"""

from __future__ import annotations

import random
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
print("ready", flush=True)
round_ = 0
while True:
    status = AttendanceStatus.PRESENT if round_ % 2 == 0 else AttendanceStatus.LATE
    for enrollment_id, session_id in cells:
        print("begin", enrollment_id, session_id, status.value, flush=True)
        set_status(db, enrollment_id, session_id, status)
        print("done", enrollment_id, session_id, status.value, flush=True)  # only once committed
    round_ += 1
"""

SHARE_REQUIRED = 0.10  # of the rounds: acknowledged check-ins, and killed in the middle of one


@dataclass(frozen=True)
class Round:
    acknowledged: int  # check-ins whose commit was reported before the kill
    mid_way: bool  # the kill came between a "begin" and its "done"
    ok: bool  # every acknowledged check-in survived and the file is intact


def _start(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", LOOP, str(path)], stdout=subprocess.PIPE, text=True, bufsize=1
    )
    assert child.stdout is not None
    line = child.stdout.readline()  # start-up (imports, opening the file) is not what we measure
    if line.strip() != "ready":
        child.kill()
        raise RuntimeError(f"the check-in loop did not start: {line!r}")
    return child


def measure_check_in(path: Path, count: int = 40) -> float:
    """Seconds per committed check-in, from one uncontended run of the loop (the database is left as
    the loop wrote it, which later rounds do not mind)."""
    child = _start(path)
    assert child.stdout is not None
    started, done = time.perf_counter(), 0
    while done < count:
        if child.stdout.readline().startswith("done"):
            done += 1
    elapsed = time.perf_counter() - started
    child.kill()
    child.communicate()
    return elapsed / count


def crash_once(path: Path, delay: float) -> Round:
    """One round: `delay` seconds after the loop is ready, SIGKILL. The cell being written at the
    moment of the kill may hold the newer mark or the older one; every other cell holds exactly the
    last mark acknowledged for it."""
    child = _start(path)
    assert child.stdout is not None
    lines: list[str] = []
    deadline = time.perf_counter() + delay
    # Keep reading while waiting, so a full pipe never holds the loop up.
    while (left := deadline - time.perf_counter()) > 0:
        ready, _w, _x = select.select([child.stdout], [], [], left)
        if ready:
            lines.append(child.stdout.readline())
    child.send_signal(signal.SIGKILL)
    out, _err = child.communicate()
    lines += out.splitlines(keepends=True)
    # A line cut short by the kill was never finished: it is not an acknowledgement.
    events = [line.split() for line in lines if line.endswith("\n") and len(line.split()) == 4]
    last: dict[tuple[int, int], str] = {}
    for kind, enrollment_id, session_id, status in events:
        if kind == "done":
            last[(int(enrollment_id), int(session_id))] = status
    acknowledged = sum(1 for e in events if e[0] == "done")
    mid_way = bool(events) and events[-1][0] == "begin"
    being_written = (int(events[-1][1]), int(events[-1][2])) if mid_way else None
    with sqlite3.connect(path) as conn:
        intact = conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {
            (e, s): st
            for e, s, st in conn.execute("SELECT enrollment_id, session_id, status FROM attendance")
        }
    survived = all(
        stored.get(cell) in (("present", "late") if cell == being_written else (status,))
        for cell, status in last.items()
    )
    return Round(acknowledged, mid_way, intact and survived)


def kill_delays(per_check_in: float, rounds: int, rng: random.Random) -> list[float]:
    """Kill moments spread over the first ~60 check-ins of a round, never before the first commit
    could have happened on an uncontended machine."""
    return [rng.uniform(2, 60) * per_check_in for _ in range(rounds)]


def judge(results: list[Round]) -> list[str]:
    """What makes a run of rounds worthless or failed; empty when it proves what it claims."""
    problems = []
    if any(not r.ok for r in results):
        problems.append(f"{sum(not r.ok for r in results)} round(s) lost an acknowledged check-in or damaged the file")
    if sum(r.acknowledged > 0 for r in results) < SHARE_REQUIRED * len(results):
        problems.append("fewer than 10 % of the rounds acknowledged a check-in before the kill")
    if sum(r.mid_way for r in results) < SHARE_REQUIRED * len(results):
        problems.append("fewer than 10 % of the rounds were killed in the middle of a check-in")
    return problems


def make_database(folder: Path) -> Path:
    from desktop_app.db import open_database
    from desktop_app.services.demo import load_demo

    path = folder / "crash.sqlite"
    db = open_database(path, create=True)
    load_demo(db)
    db.dispose()
    return path


def run(path: Path, rounds: int, rng: random.Random, report: bool = False) -> list[Round]:
    per_check_in = measure_check_in(path)
    if report:
        print(f"measured: {per_check_in * 1000:.1f} ms per committed check-in (uncontended run)")
    results = []
    for n, delay in enumerate(kill_delays(per_check_in, rounds, rng)):
        result = crash_once(path, delay)
        results.append(result)
        if report:
            where = "mid-way" if result.mid_way else "between check-ins"
            print(f"run {n + 1}: killed after {delay * 1000:.0f} ms, {result.acknowledged} acknowledged, "
                  f"{where}, {'ok' if result.ok else 'LOST OR DAMAGED'}")  # fmt: skip
    return results


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory() as tmp:
        results = run(make_database(Path(tmp)), rounds, random.Random(), report=True)
    print(
        f"{rounds} runs, {sum(r.acknowledged for r in results)} check-ins acknowledged, "
        f"{sum(r.acknowledged > 0 for r in results)} rounds with acknowledgements, "
        f"{sum(r.mid_way for r in results)} killed mid-way, {sum(not r.ok for r in results)} failures"
    )
    problems = judge(results)
    for problem in problems:
        print("FAILED:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
