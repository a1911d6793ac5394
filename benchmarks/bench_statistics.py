"""Statistics at scale: 100,000 people, 1,000 trainings, about 300,000 attendance marks.

    python benchmarks/bench_statistics.py

Targets (issue #17): the Statistics screen for all time < 300 ms, for one training < 50 ms, the donor
.xlsx < 2 s, the PDF < 3 s. Prints the median of five runs of each (the first, cold, run separately),
wall time and CPU time, with the machine's load average, since other work on the machine slows every
figure. The data are built once in the temporary folder (TMPDIR chooses another).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

TRAININGS = 1_000
PER_TRAINING = 110  # enrolled; 3 sessions each, 91 % attendance: about 300,000 marks
GOVERNORATES = ["01", "02", "21", "24", "26", "12", "13", "16", "18", "28"]


def build(path: Path) -> None:
    """The 100,000-people registry of the other benchmarks, with birth dates, governorates, trainings,
    enrolments and attendance added in bulk."""
    from _data import build as build_people
    from sqlalchemy import insert

    from desktop_app.db import open_database
    from desktop_app.models import Attendance, Enrollment, Training, TrainingSession, load_all, new_uid, utcnow

    load_all()  # bulk inserts sort every table by its foreign keys: every model must be declared

    source = Path(tempfile.gettempdir()) / "tashbeek-bench-100000.sqlite"
    build_people(source, 100_000).dispose()
    shutil.copy(source, path)
    db = open_database(path, backup_dir=path.parent / "backups")
    rng = random.Random(5)
    now = utcnow()
    started = time.perf_counter()
    with db.session_scope() as tx:
        conn = tx.connection()
        people = []
        for pid in range(1, 100_001):
            born = (
                dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 48))
                if rng.random() < 0.8
                else None
            )
            gender = None if rng.random() < 0.05 else ("female" if rng.random() < 0.45 else "male")
            governorate = rng.choice(GOVERNORATES) if rng.random() < 0.9 else None
            people.append((born.isoformat() if born else None, governorate, gender, pid))
        conn.exec_driver_sql(
            "UPDATE person SET birth_date = ?, governorate = ?, gender = ? WHERE id = ?", people
        )
        conn.exec_driver_sql(
            "UPDATE organization SET kind = CASE id % 4 WHEN 0 THEN 'association' WHEN 1 THEN 'union' "
            "WHEN 2 THEN 'youth' ELSE 'network' END"
        )
        trainings, sessions, enrollments, marks = [], [], [], []
        session_id = enrollment_id = 0
        for t in range(1, TRAININGS + 1):
            start = dt.date(2022, 1, 3) + dt.timedelta(days=rng.randint(0, 1400))
            trainings.append({"id": t, "uid": new_uid(), "title_ar": f"تدريب {t}", "start_date": start,
                              "end_date": start + dt.timedelta(days=2), "status": "completed",
                              "certificate_min_share": 0.66, "working_group_count": 0, "created_at": now,
                              "updated_at": now})  # fmt: skip
            ids = []
            for day in range(3):
                session_id += 1
                ids.append(session_id)
                timed = t % 10 != 0
                sessions.append({"id": session_id, "uid": new_uid(), "training_id": t,
                                 "date": start + dt.timedelta(days=day), "cancelled": False,
                                 "start_time": dt.time(9, 30) if timed else None,
                                 "end_time": dt.time(15, 0) if timed else None, "created_at": now,
                                 "updated_at": now})  # fmt: skip
            for n, person in enumerate(rng.sample(range(1, 100_001), PER_TRAINING)):
                enrollment_id += 1
                enrollments.append({"id": enrollment_id, "uid": new_uid(), "training_id": t, "person_id": person,
                                    "role": "participant" if n >= 3 else "trainer",
                                    "status": "withdrawn" if rng.random() < 0.03 else "confirmed",
                                    "organization_id": rng.randint(1, 300), "checkin_code": f"{enrollment_id:08d}",
                                    "walk_in": rng.random() < 0.05, "created_at": now, "updated_at": now})  # fmt: skip
                for sid in ids:
                    if rng.random() < 0.91:
                        marks.append({"uid": new_uid(), "enrollment_id": enrollment_id, "session_id": sid,
                                      "status": "late" if rng.random() < 0.1 else "present", "recorded_at": now,
                                      "method": "manual", "created_at": now, "updated_at": now})  # fmt: skip
        tx.execute(insert(Training), trainings)
        tx.execute(insert(TrainingSession), sessions)
        tx.execute(insert(Enrollment), enrollments)
        for start in range(0, len(marks), 50_000):
            tx.execute(insert(Attendance), marks[start : start + 50_000])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    db.dispose()
    print(f"generated {TRAININGS:,} trainings, {len(enrollments):,} enrolments, {len(marks):,} marks "
          f"in {time.perf_counter() - started:.1f} s -> {path}")  # fmt: skip


def timed(label: str, work, runs: int = 5) -> None:  # type: ignore[no-untyped-def]
    """Wall time and this process's CPU time: on a machine shared with other work the wall time
    grows with the load, the CPU time much less."""
    t0, c0 = time.perf_counter(), time.process_time()
    work()
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    print(f"{label}: median {statistics.median(times) * 1000:.0f} ms (min {min(times) * 1000:.0f}, "
          f"first {cold * 1000:.0f}); CPU median {statistics.median(cpu) * 1000:.0f} ms "
          f"(min {min(cpu) * 1000:.0f}, first {cold_cpu * 1000:.0f})")  # fmt: skip


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app import clock
    from desktop_app.db import open_database
    from desktop_app.services.reports import write_report
    from desktop_app.services.statistics import StatsFilter
    from desktop_app.services.statistics import statistics as count

    clock.set_clock(dt.datetime(2026, 11, 29, 12, 0).astimezone())
    path = Path(tempfile.gettempdir()) / "tashbeek-bench-statistics.sqlite"
    if not path.exists():
        building = path.with_suffix(".building")  # a build that fails leaves no half-made database
        building.unlink(missing_ok=True)
        build(building)
        building.replace(path)
    db = open_database(path, backup_dir=path.parent / "backups")
    print(
        f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (on {os.cpu_count()} cores)"
    )
    everything = StatsFilter()
    one = StatsFilter(training_ids=(17,))
    year = StatsFilter(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    stats = count(db, everything)
    print(f"all time: {stats.people.reached:,} people reached, {stats.attended:,} participant marks, "
          f"{stats.sessions:,} sessions")  # fmt: skip
    timed("statistics service, all time", lambda: count(db, everything))
    timed("statistics service, one training", lambda: count(db, one))
    timed("statistics service, the year 2025", lambda: count(db, year))

    from desktop_app.app import create_application
    from desktop_app.config import MachineSettings
    from desktop_app.views.context import AppContext
    from desktop_app.views.pages.statistics import StatisticsPage

    app = create_application("ar")
    page = StatisticsPage(AppContext(db, MachineSettings(language="ar", auto_backup=False), "ar"))
    page.resize(1280, 760)
    page.show()
    app.processEvents()

    def screen(flt: StatsFilter) -> None:
        # What the screen does for a filter: count (on a worker thread in the window), then fill
        # the tiles, the charts and the table, and paint.
        stats = count(db, flt)
        page.show_statistics(stats, stats.as_json())
        page.repaint()
        app.processEvents()

    timed("Statistics screen, all time", lambda: screen(everything))
    timed("Statistics screen, one training", lambda: screen(one))
    out = Path(tempfile.mkdtemp())
    timed(
        "donor report .xlsx, all time", lambda: write_report(db, everything, out / "r.xlsx", replace=True), 3
    )
    timed("donor report PDF, all time", lambda: write_report(db, everything, out / "r.pdf", replace=True), 3)
    timed("donor report .xlsx, counted already", lambda: write_report(db, everything, out / "r.xlsx", replace=True,
                                                                      stats=stats), 3)  # fmt: skip
    timed("donor report PDF, counted already", lambda: write_report(db, everything, out / "r.pdf", replace=True,
                                                                    stats=stats), 3)  # fmt: skip
    print(f"load average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
