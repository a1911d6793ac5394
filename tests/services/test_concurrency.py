"""Several stations writing one database at the same moment (issue 21): ≥ 4 OS processes × 200
operations each for check-ins of the same people, certificate issuing, imports naming the same new
organizations, and edits of the same people; then merges racing check-ins. Zero errors shown, zero
duplicates, every acknowledged write present. On PostgreSQL (TASHBEEK_TEST_DB_URL) the server
serializes; on SQLite each station waits for the one-writer lock as `--wait` makes the CLI do.

The number of operations per station is TASHBEEK_CONCURRENCY_OPS (default 200)."""

from __future__ import annotations

import multiprocessing
import os
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop_app.db import Database, make_engine
from desktop_app.models import (
    Attendance,
    AuditEntry,
    Certificate,
    Enrollment,
    Organization,
    Person,
    TrainingSession,
)
from desktop_app.services.live import ChangeWatch
from desktop_app.services.registry import PersonData, add_person, create_person
from desktop_app.services.trainings import TrainingData, create_training, enroll
from tests.clocks import TEST_DAY
from tests.services.concurrency_worker import station

STATIONS = 4
OPS = int(os.environ.get("TASHBEEK_CONCURRENCY_OPS", "200"))
_FIRST = ["أحمد", "محمد", "فاطمة", "هاني", "سارة", "منى", "علي", "يوسف", "مريم", "خالد", "نور", "ليلى",
          "عمر", "هدى", "طارق", "سلمى", "كريم", "رنا", "ياسر", "دينا"]  # fmt: skip
_SECOND = ["إبراهيم", "حسن", "محمود", "سعيد", "عبد الله", "مصطفى", "جمال", "صلاح", "فتحي", "رشاد",
           "عادل", "كمال", "نبيل", "شريف", "وائل", "حمدي", "أنور", "زكي", "رمضان", "فوزي"]  # fmt: skip
_THIRD = ["الشافعي", "المصري", "النجار", "الحداد", "السيد", "البنا", "الخطيب", "العطار"]


def names(count: int) -> list[str]:
    """`count` different three-part Arabic names."""
    every = [f"{a} {b} {c}" for c in _THIRD for b in _SECOND for a in _FIRST]
    assert count <= len(every)
    return every[:count]


def run_stations(url: str, task: str, shares: list[list[Any]]) -> list[dict[str, Any]]:
    """One OS process per share, started together at a barrier; their reports by station."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(shares)), context.Queue()
    processes = [
        context.Process(target=station, args=(url, n, task, share, barrier, results))
        for n, share in enumerate(shares)
    ]
    for process in processes:
        process.start()
    reports = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0
    return sorted(reports, key=lambda r: r["station"])


def no_errors(reports: list[dict[str, Any]]) -> None:
    errors = [f"station {r['station']}: {e}" for r in reports for e in r["errors"]]
    assert not errors, f"{len(errors)} errors, e.g. {errors[:3]}"


def people(db: Database, count: int, **extra: Any) -> list[int]:
    with db.session_scope() as tx:
        return [add_person(tx, db, PersonData(name, **extra)) for name in names(count)]


def count(db: Database, query: Any) -> int:
    with db.session_scope() as tx:
        return int(tx.scalar(query) or 0)


def test_checkins_of_the_same_people_at_four_stations(db: Database) -> None:
    """Every station checks in the same people in its own order: each person is checked in once
    ("already checked in" at the others, with the time), one mark each, no error."""
    training = create_training(db, TrainingData("يوم التشبيك", TEST_DAY))
    codes = [r.code for r in enroll(db, training, people(db, OPS))]
    with db.session_scope() as tx:
        session_id = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    shares = []
    for n in range(STATIONS):
        order = list(codes)
        random.Random(n).shuffle(order)
        shares.append([(training, session_id, code) for code in order])
    reports = run_stations(db.url, "checkin", shares)
    no_errors(reports)
    outcomes = Counter(code for r in reports for code, result in r["acks"] if result == "in")
    assert sum(len(r["acks"]) for r in reports) == STATIONS * OPS
    assert outcomes == Counter(codes)  # each person checked in exactly once, the rest "already"
    assert count(db, select(func.count(Attendance.id)).where(Attendance.session_id == session_id)) == OPS


def test_certificates_issued_at_once_never_share_a_serial(db: Database) -> None:
    """Four stations each issue certificates to their own people, one person per action, at the same
    moment: every certificate is issued, every serial different and in one unbroken run."""
    shares = []
    all_people = people(db, STATIONS * OPS)
    for n in range(STATIONS):
        training = create_training(db, TrainingData(f"دورة المحطة {n + 1}", TEST_DAY))
        mine = all_people[n * OPS : (n + 1) * OPS]
        enroll(db, training, mine)
        shares.append([(training, person_id) for person_id in mine])
    reports = run_stations(db.url, "certificate", shares)
    no_errors(reports)
    serials = [serial for r in reports for _pid, serial in r["acks"]]
    assert len(serials) == len(set(serials)) == STATIONS * OPS
    with db.session_scope() as tx:
        stored = sorted(tx.scalars(select(Certificate.serial)))
    assert stored == sorted(serials)
    numbers = sorted(int(serial.rsplit("-", 1)[1]) for serial in serials)
    assert numbers == list(range(1, STATIONS * OPS + 1))  # allocated, none skipped or repeated


def test_imports_naming_the_same_new_organizations_make_each_once(db: Database, tmp_path: Path) -> None:
    """Four stations import one-person files at once, all naming the same few new organizations:
    one organization per name, every person imported."""
    organizations = ["جمعية الأمل للتنمية", "اتحاد شباب الصعيد", "مؤسسة النور", "رابطة خريجي الجامعة"]
    every = names(STATIONS * OPS)
    shares: list[list[Any]] = []
    for n in range(STATIONS):
        share = []
        for i, name in enumerate(every[n * OPS : (n + 1) * OPS]):
            path = tmp_path / f"s{n}-{i}.csv"
            path.write_text(f"الاسم,الجهة\r\n{name},{organizations[i % len(organizations)]}\r\n", "utf-8")
            share.append((str(path), name))
        shares.append(share)
    reports = run_stations(db.url, "import", shares)
    no_errors(reports)
    with db.session_scope() as tx:
        orgs = Counter(tx.scalars(select(Organization.name_ar)))
        imported = set(tx.scalars(select(Person.full_name)))
    assert orgs == Counter(organizations)
    assert imported == set(every)


def test_edits_of_the_same_people_lose_none(db: Database) -> None:
    """Four stations edit the same ten people at once: every acknowledged save is in the audit log,
    each save raised the version once (none overwrote another unseen), and the last is what stays."""
    edited = people(db, 10)
    shares = [[(edited[i % 10], f"station {n} save {i}") for i in range(OPS)] for n in range(STATIONS)]
    reports = run_stations(db.url, "edit", shares)
    no_errors(reports)
    saves = Counter(person_id for r in reports for person_id, _notes in r["acks"])
    assert sum(saves.values()) == STATIONS * OPS
    with db.session_scope() as tx:
        for person_id in edited:
            person = tx.get(Person, person_id)
            assert person is not None
            assert person.version == 1 + saves[person_id]
            notes = [
                entry.changes["notes"][1]
                for entry in tx.scalars(
                    select(AuditEntry)
                    .where(AuditEntry.entity_uid == person.uid, AuditEntry.action == "update")
                    .order_by(AuditEntry.id)
                )
            ]
            assert len(notes) == saves[person_id]
            assert person.notes == notes[-1]
    acknowledged = {notes for r in reports for _pid, notes in r["acks"]}
    assert len(acknowledged) == STATIONS * OPS


def test_merges_racing_checkins_end_consistent(db: Database) -> None:
    """One station merges duplicates while three check the merged people in: no error, and every
    survivor ends with one enrolment and one mark."""
    pairs = min(OPS, 50)
    first = people(db, pairs)
    with db.session_scope() as tx:
        twins = [add_person(tx, db, PersonData(name + " الأول")) for name in names(pairs)]
    training = create_training(db, TrainingData("يوم الدمج", TEST_DAY))

    codes = [r.code for r in enroll(db, training, twins)]
    with db.session_scope() as tx:
        session_id = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    shares: list[list[Any]] = [list(zip(first, twins, strict=True))]
    for n in range(3):
        order = list(codes)
        random.Random(n).shuffle(order)
        shares.append([(training, session_id, code) for code in order])
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(4), context.Queue()
    tasks = ["merge", "checkin", "checkin", "checkin"]
    processes = [
        context.Process(target=station, args=(db.url, n, tasks[n], share, barrier, results))
        for n, share in enumerate(shares)
    ]
    for process in processes:
        process.start()
    reports = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    no_errors(reports)
    with db.session_scope() as tx:
        assert tx.scalar(select(func.count(Person.id)).where(Person.id.in_(twins))) == 0
        enrolled = list(tx.scalars(select(Enrollment.person_id).where(Enrollment.training_id == training)))
        assert sorted(enrolled) == sorted(first)
        marks = tx.scalar(select(func.count(Attendance.id)).where(Attendance.session_id == session_id))
    assert marks == pairs


def test_cli_waits_for_the_writer_lock_with_wait(tmp_path: Path) -> None:
    """On a SQLite file a writing command refuses at once while another writer holds the lock, and
    with --wait waits for it to be released instead."""
    from desktop_app.db import open_database
    from desktop_app.lock import WriterLock

    path = tmp_path / "office.sqlite"
    db = open_database(path, create=True)
    training = create_training(db, TrainingData("يوم الانتظار", TEST_DAY))
    code = enroll(db, training, people(db, 1))[0].code
    db.dispose()
    command = [sys.executable, "-m", "desktop_app", "--db", str(path), "--lang", "en", "checkin", str(training), code]
    env = dict(os.environ)
    with WriterLock(path):
        refused = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        waiting = subprocess.Popen([*command[:5], "--wait", "60", *command[5:]], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=3)  # still waiting while the lock is held
    out, err = waiting.communicate(timeout=120)
    assert refused.returncode == 1 and "open for writing" in refused.stderr
    assert waiting.returncode == 0, err
    assert "unexpected" not in (out + err).lower()


def test_the_watch_sees_another_connections_commit(db: Database) -> None:
    """What a window polls every second: SQLite's data_version, or LISTEN/NOTIFY on PostgreSQL."""
    watch = ChangeWatch(db)
    try:
        assert watch.changed() is False  # the first look only takes the measure
        assert watch.changed() is False
        other = Database(db.url, make_engine(db.url))
        try:
            create_person(other, PersonData("نادية كمال"))
        finally:
            other.dispose()
        # A notification travels to our connection as the commit ends: give it up to a second.
        assert any(watch.changed() or time.sleep(0.05) for _ in range(20))
        assert watch.changed() is False
    finally:
        watch.close()


def test_a_collision_is_retried_and_a_lasting_one_is_told_plainly() -> None:
    """The one retry helper: an action that collided with another station's runs again (here a
    check-in code another station took between our read and our write); one that keeps colliding
    ends in a plain sentence, never "unexpected"."""
    import sqlite3

    from sqlalchemy.exc import IntegrityError, OperationalError

    from desktop_app.db import WRITE_ATTEMPTS, Busy, retrying

    attempts: list[int] = []

    @retrying
    def enrol_once() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed: enrollment.checkin_code"))
        return "done"

    assert enrol_once() == "done" and len(attempts) == 2

    @retrying
    def always_busy() -> None:
        attempts.append(1)
        raise OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))

    attempts.clear()
    with pytest.raises(Busy) as told:
        always_busy()
    assert len(attempts) == WRITE_ATTEMPTS
    assert "Try again" in told.value.message and told.value.exit_code == 1

    @retrying
    def a_bug() -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such column: x"))

    with pytest.raises(OperationalError):
        a_bug()  # not a collision: not retried, not hidden


def test_people_update_if_version_refuses_a_moved_record(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    """`people update --if-version N`: saved while the record is at N; once another station saved it,
    exit 1 with who changed what, and nothing written."""
    import json

    from desktop_app.cli import main
    from desktop_app.services.registry import get_person, update_person

    person_id = people(db, 1)[0]
    version = get_person(db, person_id).version
    other = Database(db.url, make_engine(db.url), operator="سامي")
    try:
        update_person(other, person_id, latin_name="Nadia Kamal")  # another station, after we read it
    finally:
        other.dispose()
    base = ["--db", db.url, "--lang", "en", "people", "update", str(person_id), "--job-title", "منسق"]
    assert main([*base, "--if-version", str(version)]) == 1
    message = capsys.readouterr().err
    assert "سامي" in message and "latin_name" in message and "nothing was saved" in message
    assert get_person(db, person_id).job_title is None
    assert main([*base, "--if-version", str(version + 1), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["version"] == version + 2 and printed["job_title"] == "منسق"
