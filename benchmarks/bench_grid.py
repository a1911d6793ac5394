"""Attendance grid for 1,000 enrolled people × 10 sessions (target: opens in under 1 s).

    python benchmarks/bench_grid.py

Times the service (attendance_grid) and the whole grid view: model load, column sizing and the
first paint, with about 70 % of the cells filled.
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


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from _data import build
    from sqlalchemy import insert, select

    from desktop_app.app import create_application
    from desktop_app.db import open_database
    from desktop_app.models import Attendance, Enrollment, TrainingSession, new_uid, utcnow
    from desktop_app.services.attendance import attendance_grid
    from desktop_app.services.trainings import TrainingData, create_training, enroll
    from desktop_app.views.attendance_grid import AttendanceGridView, AttendanceModel

    source = Path(tempfile.gettempdir()) / "tashbeek-bench-100000.sqlite"
    build(source, 100_000).dispose()
    work = Path(tempfile.mkdtemp()) / "grid.sqlite"
    shutil.copy(source, work)
    db = open_database(work)
    start = dt.date(2026, 1, 4)
    training = create_training(db, TrainingData("تدريب طويل", start, start + dt.timedelta(days=9)))
    enroll(db, training, list(range(1, 1001)))
    rng = random.Random(3)
    now = utcnow()
    with db.session_scope() as session:
        sessions = list(
            session.scalars(select(TrainingSession.id).where(TrainingSession.training_id == training))
        )
        enrollments = list(session.scalars(select(Enrollment.id).where(Enrollment.training_id == training)))
        rows = [
            {"uid": new_uid(), "enrollment_id": e, "session_id": s, "status": rng.choice(["present", "late", "excused"]),
             "recorded_at": now, "method": "manual", "created_at": now, "updated_at": now}
            for e in enrollments for s in sessions if rng.random() < 0.7
        ]  # fmt: skip
        session.execute(insert(Attendance), rows)
    service = []
    for _ in range(5):
        t0 = time.perf_counter()
        attendance_grid(db, training)
        service.append(time.perf_counter() - t0)
    app = create_application("ar")
    view_times = []
    for _ in range(5):
        t0 = time.perf_counter()
        model = AttendanceModel(db, "ar")
        view = AttendanceGridView(model)
        model.load(training)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        view_times.append(time.perf_counter() - t0)
        view.close()
    print(f"attendance_grid service: median {statistics.median(service) * 1000:.0f} ms")
    print(f"grid view open (1,000 people x 10 sessions, {len(rows):,} marks): median "
          f"{statistics.median(view_times) * 1000:.0f} ms, max {max(view_times) * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
