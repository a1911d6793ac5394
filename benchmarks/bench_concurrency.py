"""Several stations on one PostgreSQL database (issue 21): 4 stations × 500 check-ins (target:
median < 15 ms per check-in at each station, 0 errors), and 8 stations issuing 100 certificates
each, one person per action (target: no collision, throughput within 20 % of one station's).

    python benchmarks/bench_concurrency.py --url postgresql+psycopg://USER:PW@127.0.0.1:5432/DBNAME

The database named is dropped and made again (the user needs CREATEDB). Each station is an OS
process of its own, started together at a barrier; a check-in is timed from the call to the
committed result (wall and CPU time of the station's process). Other programs share the CPU: the
load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import time
from typing import Any


def _station(url: str, task: str, items: list[Any], barrier: Any, results: Any) -> None:
    from desktop_app.db import Database, make_engine
    from desktop_app.services.attendance import AlreadyIn, CheckedIn, check_in
    from desktop_app.services.certificates import issue_certificates

    db = Database(url, make_engine(url), operator=f"station-{os.getpid()}")
    walls: list[float] = []
    cpus: list[float] = []
    errors: list[str] = []
    done: list[str] = []
    if task == "checkin":  # one warm-up on a person nobody else checks in: connection, caches
        check_in(db, items[0][0], items[0][2], session_id=items[0][1])
        items = items[1:]
    barrier.wait()
    started = time.perf_counter()
    for item in items:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            if task == "checkin":
                result = check_in(db, item[0], item[2], session_id=item[1])
                if not isinstance(result, CheckedIn | AlreadyIn):
                    errors.append(type(result).__name__)
            else:
                issued = issue_certificates(db, item[0], [item[1]], before_end=True).issued
                done.extend(issued)
        except Exception as exc:  # noqa: BLE001 - counted and shown
            errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    elapsed = time.perf_counter() - started
    db.dispose()
    results.put({"walls": walls, "cpus": cpus, "errors": errors, "done": done, "elapsed": elapsed})


def _run(url: str, task: str, shares: list[list[Any]]) -> list[dict[str, Any]]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(shares)), context.Queue()
    processes = [context.Process(target=_station, args=(url, task, s, barrier, results)) for s in shares]
    for process in processes:
        process.start()
    reports = [results.get() for _ in processes]
    for process in processes:
        process.join()
    return reports


def _fresh_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def _people(db: Any, count: int, tag: str) -> list[int]:
    from desktop_app.services.registry import PersonData, add_person

    first = ["أحمد", "محمد", "فاطمة", "هاني", "سارة", "منى", "علي", "يوسف", "مريم", "خالد"]
    second = ["إبراهيم", "حسن", "محمود", "سعيد", "مصطفى", "جمال", "صلاح", "فتحي", "رشاد", "عادل"]
    third = ["الشافعي", "المصري", "النجار", "الحداد", "السيد", "البنا", "الخطيب", "العطار", "الزيات", "الفقي"]
    fourth = ["القاهري", "الإسكندراني", "الأسواني", "الدمياطي", "السويسي"]
    names = [f"{a} {b} {c} {d}" for d in fourth for c in third for b in second for a in first]
    with db.session_scope() as tx:
        return [add_person(tx, db, PersonData(names[i], notes=tag)) for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default=os.environ.get("TASHBEEK_BENCH_DB_URL"), required=False)
    parser.add_argument("--checkins", type=int, default=500, help="per station")
    parser.add_argument("--certificates", type=int, default=100, help="per station")
    parser.add_argument("--stations", type=int, default=4, help="check-in stations")
    parser.add_argument("--skip-certificates", action="store_true")
    args = parser.parse_args()
    if not args.url:
        parser.error("give --url (a PostgreSQL database this benchmark may drop and make again)")
    from sqlalchemy import select

    from desktop_app import clock
    from desktop_app.db import open_database
    from desktop_app.models import TrainingSession
    from desktop_app.services.trainings import TrainingData, create_training, enroll

    _fresh_database(args.url)
    db = open_database(args.url, create=True)
    today = clock.today()
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")

    # 4 stations x N check-ins: each station its own arrivals (+1 warm-up), in one training.
    stations = args.stations
    training = create_training(db, TrainingData("يوم القياس", today, late_after="23:59"))
    codes = [r.code for r in enroll(db, training, _people(db, stations * (args.checkins + 1), "checkin"))]
    with db.session_scope() as tx:
        session_id = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    per = args.checkins + 1
    shares = [[(training, session_id, c) for c in codes[n * per : (n + 1) * per]] for n in range(stations)]
    reports = _run(args.url, "checkin", shares)
    print(f"\n{stations} stations x {args.checkins} check-ins (one PostgreSQL database):")
    for n, report in enumerate(reports):
        walls = sorted(report["walls"])
        print(
            f"  station {n + 1}: median {statistics.median(walls) * 1000:.1f} ms, "
            f"p95 {walls[int(len(walls) * 0.95)] * 1000:.1f} ms, "
            f"CPU median {statistics.median(report['cpus']) * 1000:.1f} ms, errors {len(report['errors'])}"
        )
        for error in report["errors"][:3]:
            print("    ", error)
    print(f"load after check-ins: {os.getloadavg()[0]:.2f}")

    if args.skip_certificates:
        db.dispose()
        return
    # Certificates: one station x N, then 8 stations x N, one person per action.
    def certificate_shares(count: int) -> list[list[Any]]:
        result = []
        for n in range(count):
            t = create_training(db, TrainingData(f"دورة الشهادات {n + 1}", today))
            people = _people(db, args.certificates, f"certificates {n}")
            enroll(db, t, people)
            result.append([(t, p) for p in people])
        return result

    throughput: dict[int, float] = {}
    for count in (1, 8):
        shares = certificate_shares(count)
        started = time.perf_counter()
        reports = _run(args.url, "certificate", shares)
        elapsed = max(r["elapsed"] for r in reports)
        serials = [s for r in reports for s in r["done"]]
        errors = [e for r in reports for e in r["errors"]]
        throughput[count] = len(serials) / elapsed
        walls = [w for r in reports for w in r["walls"]]
        print(
            f"\n{count} station(s) x {args.certificates} certificates: {len(serials)} issued, "
            f"{len(serials) - len(set(serials))} repeated serials, {len(errors)} errors, "
            f"{throughput[count]:.1f} certificates/s (median {statistics.median(walls) * 1000:.1f} ms each; "
            f"{time.perf_counter() - started:.1f} s with the processes' start)"
        )
        for error in errors[:3]:
            print("    ", error)
    print(f"\nthroughput of 8 stations / 1 station: {throughput[8] / throughput[1]:.2f}")
    print(f"load after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    db.dispose()


if __name__ == "__main__":
    main()
