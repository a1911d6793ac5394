"""Backups and restore of the SQLite database.

A backup is SQLite's online backup of the live file, checked with `integrity_check` once written,
optionally passphrase-protected, and readable by this user only. Automatic ones (on closing the
app, at most daily while it runs) are rotated: the newest of each of the last 7 days and of each of
the last 4 weeks stay. Manual backups and the copies made before upgrades and restores are kept.

Restore checks the file first (a Tashbeek database this version can open, intact), keeps a copy of
the current database, then swaps the file in one rename. On PostgreSQL the server's own tools
(pg_dump, pg_restore) are the way, and we say so.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app import clock
from desktop_app.db import Database, backup_sqlite
from desktop_app.errors import DataError, file_problem
from desktop_app.files import atomic_output, check_output, write_private
from desktop_app.i18n import _
from desktop_app.migrations import REVISIONS
from desktop_app.services import crypto

AUTOMATIC = ("daily", "closing")
KEEP_DAYS, KEEP_WEEKS = 7, 4
KINDS = ("manual", "daily", "closing", "before-restore")
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<kind>" + "|".join(KINDS) + r")-(?P<stamp>\d{8}-\d{6})\.(?P<ext>sqlite|tshbak)$"
)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    made: dt.datetime
    encrypted: bool


def _check_database_file(path: Path) -> str:
    """The schema revision of a Tashbeek database file that is intact; DataError otherwise."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        raise DataError(_("This file is not a Tashbeek database.")) from None
    try:
        if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise DataError(_("The backup is damaged (integrity check failed)."))
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.execute("SELECT key FROM setting WHERE key = 'installation_tag'").fetchone()
    except sqlite3.DatabaseError as error:
        if "malformed" in str(error):
            raise DataError(_("The backup is damaged (integrity check failed).")) from None
        raise DataError(_("This file is not a Tashbeek database.")) from None
    finally:
        conn.close()
    if revision is None or revision[0] not in REVISIONS:
        raise DataError(_("This file is not a Tashbeek database this version can open."))
    return str(revision[0])


def _sqlite_path(db: Database) -> Path:
    if not db.is_sqlite or db.path is None:
        raise DataError(
            _(
                "This database is on a PostgreSQL server: back it up with the server's own tools (pg_dump) and restore with pg_restore."
            )
        )
    return db.path


def make_backup(db: Database, folder: Path, *, kind: str = "manual", passphrase: str | None = None,
                target: Path | None = None, replace: bool = False) -> Path:  # fmt: skip
    """Write a checked backup of the database into `folder` (created if needed) or to `target` (whose
    folder must exist; an existing file is refused unless `replace`); returns its path."""
    source = _sqlite_path(db)
    if target is None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise file_problem(error, folder) from None
    else:
        check_output(target, replace=replace)
    stamp = clock.now().replace(tzinfo=None).strftime("%Y%m%d-%H%M%S")
    ext = "tshbak" if passphrase else "sqlite"
    destination = target or folder / f"{source.stem}-{kind}-{stamp}.{ext}"
    with tempfile.TemporaryDirectory(dir=destination.parent if destination.parent.exists() else None) as tmp:
        copy = Path(tmp) / "copy.sqlite"
        backup_sqlite(source, copy)
        _check_database_file(copy)
        data = copy.read_bytes()
    with atomic_output(destination, replace=replace) as tmp:
        write_private(tmp, crypto.encrypt(data, passphrase) if passphrase else data)
    if kind in AUTOMATIC:
        rotate(folder, source.stem)
    return destination


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """Backups in the folder, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and (stem is None or match["stem"] == stem):
                made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
                found.append(BackupFile(path, match["kind"], made, match["ext"] == "tshbak"))
    return sorted(found, key=lambda b: b.made, reverse=True)


def rotate(folder: Path, stem: str, now: dt.datetime | None = None) -> list[Path]:
    """Delete automatic backups beyond the newest per day (7 days) and per week (4 weeks)."""
    now = now or clock.now().replace(tzinfo=None)
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    automatic = [b for b in list_backups(folder, stem) if b.kind in AUTOMATIC]
    for backup in automatic:  # newest first
        day = backup.made.date()
        week = tuple(backup.made.isocalendar()[:2])
        if day not in days and (now.date() - day).days < KEEP_DAYS:
            days.add(day)
            keep.add(backup.path)
        if week not in weeks and len(weeks) < KEEP_WEEKS:
            weeks.add(week)  # type: ignore[arg-type]
            keep.add(backup.path)
    removed = []
    for backup in automatic:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def daily_backup_due(folder: Path, stem: str, now: dt.datetime | None = None) -> bool:
    now = now or clock.now().replace(tzinfo=None)
    automatic = [b for b in list_backups(folder, stem) if b.kind in AUTOMATIC]
    return not automatic or now - automatic[0].made >= dt.timedelta(hours=24)


def latest_good_backup(folder: Path, stem: str) -> Path | None:
    """The newest unencrypted backup of this database that checks out (for the recovery dialog)."""
    for backup in list_backups(folder, stem):
        if backup.encrypted:
            continue
        try:
            _check_database_file(backup.path)
            return backup.path
        except DataError:
            continue
    return None


def restore_backup(target: Path, backup: Path, folder: Path, *, passphrase: str | None = None) -> Path | None:
    """Put `backup` in place of the database at `target` (created if missing). Returns the copy kept
    of the database it replaced (None when there was none). The app must not be writing meanwhile."""
    try:
        data = backup.read_bytes()
    except OSError as error:
        raise file_problem(error, backup) from None
    data = crypto.decrypt(data, passphrase)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".restoring")
    write_private(staging, data)
    try:
        _check_database_file(staging)
        kept = None
        if target.exists():
            stamp = clock.now().replace(tzinfo=None).strftime("%Y%m%d-%H%M%S")
            kept = folder / f"{target.stem}-before-restore-{stamp}.sqlite"
            try:
                backup_sqlite(target, kept)
            except sqlite3.DatabaseError:  # too damaged for SQLite to read: keep the bytes as they are
                write_private(kept, target.read_bytes())
        for suffix in ("-wal", "-shm"):  # the old file's journal must not be replayed onto the new one
            Path(str(target) + suffix).unlink(missing_ok=True)
        staging.replace(target)
        return kept
    finally:
        staging.unlink(missing_ok=True)
