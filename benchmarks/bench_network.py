"""The partner network at scale: 500 organizations, 20,000 people, 300 trainings and meetings with
20–60 participants from 10–30 organizations each.

    python benchmarks/bench_network.py            # the service
    python benchmarks/bench_network.py --window   # the map drawn in the window (offscreen)

Targets (issue #16): the network for all time, layout included, first time < 1 s; again from the
cached layout < 200 ms; one training < 100 ms; new links for a training < 50 ms. Prints the median
of five runs (the first run separately) and the machine's load average: other work on the machine
slows every figure.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ORGANIZATIONS = 500
PEOPLE = 20_000
ACTIVITIES = 300
GOVERNORATES = ["01", "02", "21", "24", "26", "12", "13", "16", "18", "28"]
KINDS = ["association", "union", "youth", "network", "university"]


def build(path: Path) -> None:
    from sqlalchemy import insert

    from desktop_app.db import open_database
    from desktop_app.models import (
        Attendance,
        Enrollment,
        Organization,
        Person,
        Training,
        TrainingSession,
        new_uid,
        utcnow,
    )
    from desktop_app.text.arabic import normalize_name

    rng = random.Random(16)
    now = utcnow()
    db = open_database(path, create=True)
    started = time.perf_counter()
    with db.session_scope() as tx:
        tx.execute(insert(Organization), [
            {"id": o, "uid": new_uid(), "name_ar": f"جمعية الشبكة {o}", "name_key": normalize_name(f"جمعية الشبكة {o}"),
             "kind": KINDS[o % len(KINDS)], "governorate": GOVERNORATES[o % len(GOVERNORATES)], "archived": False,
             "created_at": now, "updated_at": now}
            for o in range(1, ORGANIZATIONS + 1)
        ])  # fmt: skip
        members: dict[int, list[int]] = {}
        people = []
        for p in range(1, PEOPLE + 1):
            org = rng.randint(1, ORGANIZATIONS)
            members.setdefault(org, []).append(p)
            people.append({"id": p, "uid": new_uid(), "full_name": f"مشارك رقم {p}", "name_key": f"مشارك رقم {p}",
                           "organization_id": org, "consent_share_contact": False, "archived": False,
                           "created_at": now, "updated_at": now})  # fmt: skip
        tx.execute(insert(Person), people)
        trainings, sessions, enrollments, marks = [], [], [], []
        enrollment_id = session_id = 0
        for t in range(1, ACTIVITIES + 1):
            start = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1400))
            meeting = t % 4 == 0
            days = 1 if meeting else 2
            trainings.append({"id": t, "uid": new_uid(), "title_ar": f"{'اجتماع' if meeting else 'تدريب'} {t}",
                              "kind": "meeting" if meeting else "training", "start_date": start,
                              "end_date": start + dt.timedelta(days=days - 1), "status": "completed",
                              "organizer_id": rng.randint(1, ORGANIZATIONS), "certificate_min_share": 0.66,
                              "working_group_count": 0, "online": False, "created_at": now, "updated_at": now})  # fmt: skip
            ids = []
            for day in range(days):
                session_id += 1
                ids.append(session_id)
                sessions.append({"id": session_id, "uid": new_uid(), "training_id": t,
                                 "date": start + dt.timedelta(days=day), "cancelled": False, "created_at": now,
                                 "updated_at": now})  # fmt: skip
            orgs = rng.sample([o for o in members if members[o]], rng.randint(10, 30))
            chosen: set[int] = set()
            size = rng.randint(max(20, len(orgs)), 60)
            while len(chosen) < size:
                chosen.add(rng.choice(members[orgs[len(chosen) % len(orgs)]]))
            for person in chosen:
                enrollment_id += 1
                enrollments.append({"id": enrollment_id, "uid": new_uid(), "training_id": t, "person_id": person,
                                    "role": "participant", "status": "confirmed", "checkin_code": f"{enrollment_id:08d}",
                                    "walk_in": False, "created_at": now, "updated_at": now})  # fmt: skip
                for sid in ids:
                    if rng.random() < 0.9:
                        marks.append({"uid": new_uid(), "enrollment_id": enrollment_id, "session_id": sid,
                                      "status": "present", "recorded_at": now, "method": "manual",
                                      "created_at": now, "updated_at": now})  # fmt: skip
        tx.execute(insert(Training), trainings)
        tx.execute(insert(TrainingSession), sessions)
        tx.execute(insert(Enrollment), enrollments)
        tx.execute(insert(Attendance), marks)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    db.dispose()
    print(f"generated {ORGANIZATIONS} organizations, {PEOPLE:,} people, {ACTIVITIES} trainings and meetings, "
          f"{len(enrollments):,} enrolments, {len(marks):,} marks in {time.perf_counter() - started:.1f} s")  # fmt: skip


def timed(label: str, work: Callable[[], object], before: Callable[[], object] = lambda: None, runs: int = 5) -> None:
    """Wall time and this process's CPU time (the CPU figure is what other work on the machine
    disturbs least): the first run, then the median and the minimum of `runs` more."""

    def once() -> tuple[float, float]:
        before()
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        return time.perf_counter() - wall, time.process_time() - cpu

    first = once()
    walls, cpus = zip(*(once() for _ in range(runs)), strict=True)
    print(f"{label}: wall median {statistics.median(walls) * 1000:.0f} ms (min {min(walls) * 1000:.0f}, "
          f"first {first[0] * 1000:.0f}); CPU median {statistics.median(cpus) * 1000:.0f} ms "
          f"(min {min(cpus) * 1000:.0f}, first {first[1] * 1000:.0f})")  # fmt: skip


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from desktop_app.db import open_database
    from desktop_app.migrations import HEAD_REVISION
    from desktop_app.services import network

    # One file per schema: a database made by another branch's schema is not opened.
    path = Path(tempfile.gettempdir()) / f"tashbeek-bench-network-{HEAD_REVISION}.sqlite"
    if not path.exists():
        build(path)
    db = open_database(path)
    everything = network.network(db)
    print(f"{len(everything.nodes)} organizations, {len(everything.edges):,} links, "
          f"{len(everything.new_links):,} new links, {len(everything.quiet):,} quiet")  # fmt: skip
    timed("network for all time, layout computed (cache emptied)", lambda: network.network(db),
          before=network.forget_cached)  # fmt: skip
    timed("network for all time, layout from the cache", lambda: network.network(db))
    timed("one training, layout computed", lambda: network.network(db, network.NetworkFilter(training_id=150)),
          before=network.forget_cached)  # fmt: skip
    timed("new links of one training", lambda: network.new_links_of(db, 150))
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__" and "--window" not in sys.argv:
    main()


def window_figures() -> None:
    """The map drawn in the window (offscreen): building the scene from a computed network."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.config import MachineSettings
    from desktop_app.db import open_database
    from desktop_app.services import network
    from desktop_app.views.context import AppContext
    from desktop_app.views.pages.network import MapTab

    app = QApplication.instance() or QApplication([])
    db = open_database(Path(tempfile.gettempdir()) / "tashbeek-bench-network.sqlite")
    tab = MapTab(AppContext(db, MachineSettings(language="en"), "en"))
    tab.resize(1280, 800)
    result = network.network(db)
    timed("window: the map drawn from a computed network (scene built)", lambda: tab.draw(result))
    timed("window: network from the cache and drawn", lambda: tab.draw(network.network(db)))
    app.processEvents()


if __name__ == "__main__" and "--window" in sys.argv:
    window_figures()
