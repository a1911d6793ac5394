"""Nothing lost: backups and restore (round trip equal table by table), passphrases, rotation, the
one-writer lock and its stale recovery, network shares, and a crash in the middle of check-ins."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import crash_test
from desktop_app.db import Database, open_database
from desktop_app.errors import DataError
from desktop_app.lock import LockedError, WriterLock, on_network_share
from desktop_app.services import backups, crypto
from desktop_app.services.demo import load_demo

pytestmark = pytest.mark.skipif(
    os.environ.get("TASHBEEK_TEST_DB_URL") is not None, reason="SQLite files only"
)


def _fingerprint(path: Path) -> dict[str, tuple[int, str]]:
    """Row count and a content hash per table."""
    with sqlite3.connect(path) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        result = {}
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608 - our own table names
            result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result


@pytest.fixture
def demo_db(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "office.sqlite", create=True)
    load_demo(db)
    return db


def test_backup_restore_round_trip(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    original = _fingerprint(demo_db.path)  # type: ignore[arg-type]
    backup = backups.make_backup(demo_db, folder)
    assert backup.stat().st_mode & 0o777 == 0o600
    target = tmp_path / "elsewhere" / "restored.sqlite"
    assert backups.restore_backup(target, backup, folder) is None  # nothing was there: created
    assert _fingerprint(target) == original
    # Restoring over a database keeps a copy of it first.
    kept = backups.restore_backup(demo_db.path, backup, folder)  # type: ignore[arg-type]
    assert kept is not None and kept.exists() and _fingerprint(kept) == original


def test_restore_refuses_what_is_not_a_tashbeek_database(demo_db: Database, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE x (a)")
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("hello")
    before = _fingerprint(demo_db.path)  # type: ignore[arg-type]
    for bad in (other, text_file):
        with pytest.raises(DataError, match="not a Tashbeek database"):
            backups.restore_backup(demo_db.path, bad, tmp_path / "b")  # type: ignore[arg-type]
    assert _fingerprint(demo_db.path) == before  # type: ignore[arg-type]


def test_passphrase_protects_backups(demo_db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    backup = backups.make_backup(demo_db, folder, passphrase="سر الجمعية 2026")
    assert backup.suffix == ".tshbak" and crypto.is_encrypted(backup.read_bytes())
    assert "هاني".encode() not in backup.read_bytes()
    target = tmp_path / "r.sqlite"
    with pytest.raises(DataError, match="passphrase"):
        backups.restore_backup(target, backup, folder)
    with pytest.raises(DataError, match="Wrong passphrase"):
        backups.restore_backup(target, backup, folder, passphrase="wrong")
    tampered = bytearray(backup.read_bytes())
    tampered[-40] ^= 1
    bad = tmp_path / "bad.tshbak"
    bad.write_bytes(bytes(tampered))
    with pytest.raises(DataError, match="Wrong passphrase, or the file was changed"):
        backups.restore_backup(target, bad, folder, passphrase="سر الجمعية 2026")
    assert not target.exists()
    backups.restore_backup(target, backup, folder, passphrase="سر الجمعية 2026")
    assert _fingerprint(target) == _fingerprint(demo_db.path)  # type: ignore[arg-type]


def test_rotation_keeps_a_week_of_days_and_a_month_of_weeks(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = dt.datetime(2026, 11, 29, 18, 0)
    for hours in range(0, 24 * 60, 8):  # three a day for sixty days
        made = now - dt.timedelta(hours=hours)
        (folder / f"office-closing-{made:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    (folder / "office-manual-20260101-120000.sqlite").write_bytes(b"x")
    backups.rotate(folder, "office", now)
    left = backups.list_backups(folder, "office")
    automatic = [b for b in left if b.kind == "closing"]
    days = {b.made.date() for b in automatic}
    assert len(automatic) == len(days)  # one per day at most
    assert {now.date() - dt.timedelta(days=n) for n in range(7)} <= days
    assert len(automatic) <= 7 + 4
    assert any(b.kind == "manual" for b in left)  # manual backups are never rotated away
    assert not backups.daily_backup_due(folder, "office", now)
    assert backups.daily_backup_due(folder, "office", now + dt.timedelta(days=1, minutes=1))


def test_postgres_backups_point_to_the_server_tools(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    db = Database("postgresql+psycopg://x@localhost/y", create_engine("sqlite://"), operator="t")
    with pytest.raises(DataError, match="pg_dump"):
        backups.make_backup(db, tmp_path)


def test_one_writer_lock_and_stale_recovery(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite"
    path.touch()
    with WriterLock(path):
        with pytest.raises(LockedError) as info:
            WriterLock(path).acquire()
        assert info.value.holder is not None and info.value.holder.pid == os.getpid()
    # A process that dies holding the lock leaves the file behind: the next writer takes it over.
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from pathlib import Path; from desktop_app.lock import WriterLock;"
         "lock = WriterLock(Path(sys.argv[1])); lock.acquire(); print('locked', flush=True); time.sleep(60)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    with pytest.raises(LockedError):
        WriterLock(path).acquire()
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert path.with_name("office.sqlite.lock").exists()
    lock = WriterLock(path)
    lock.acquire()
    assert lock.held
    lock.release()


def test_network_shares_are_recognised(tmp_path: Path) -> None:
    mounts = "sysfs /sys sysfs rw 0 0\n//server/share /mnt/office cifs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n"
    assert on_network_share(Path("/mnt/office/tashbeek.sqlite"), mounts)
    assert not on_network_share(Path("/home/user/tashbeek.sqlite"), mounts)


@pytest.mark.slow
def test_a_crash_in_the_middle_of_check_ins_loses_nothing(demo_db: Database) -> None:
    path = demo_db.path
    demo_db.dispose()
    # The kill moments come from a measured run of the loop itself, so a busy machine does not
    # turn this into a test that kills before anything was committed (see benchmarks/crash_test.py).
    results = crash_test.run(path, 10, random.Random(4))  # type: ignore[arg-type]
    assert crash_test.judge(results) == []


def test_the_crash_test_refuses_to_prove_nothing() -> None:
    """Its own negative controls: rounds that never acknowledged a check-in, or were never killed in
    the middle of one, fail the run even though nothing was lost."""
    never_acknowledged = [crash_test.Round(0, True, True)] * 10
    never_mid_way = [crash_test.Round(5, False, True)] * 10
    lost = [crash_test.Round(5, True, True)] * 9 + [crash_test.Round(5, True, False)]
    assert crash_test.judge(never_acknowledged) and crash_test.judge(never_mid_way) and crash_test.judge(lost)
    assert crash_test.judge([crash_test.Round(5, True, True)] * 9 + [crash_test.Round(0, False, True)]) == []
