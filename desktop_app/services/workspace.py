"""The workspace: one place that owns a database — finding it, locking it for the one writer,
opening, checking, migrating, recovering, restoring and swapping it.

The window (`app.py`), the command line, the Tools tabs and the screenshots all go through here, so
the rules are the same everywhere: a writer holds the lock before it opens the file; a reader never
creates, migrates or writes it; whoever writes (or copies the data out to a file) first checks that
the file is intact; a restore happens only under the lock and with every connection to the old file
closed.
"""

from __future__ import annotations

import contextlib
import errno
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app import config
from desktop_app.db import Database, database_url, integrity_ok, open_database, sqlite_path, url_display
from desktop_app.errors import DataError, file_problem
from desktop_app.i18n import _
from desktop_app.lock import Holder, LockedError, WriterLock, on_network_share

__all__ = [
    "Database", "Holder", "Locked", "Location", "Workspace", "claimed", "latest_good_backup_of", "locate", "restore_into",
]  # fmt: skip


class Locked(DataError):
    """Another program holds the database's one-writer lock; `holder` says who (if it can be read)."""

    def __init__(self, holder: Holder | None) -> None:
        super().__init__(
            _(
                "The database is open for writing on {machine} (process {pid}, since {since}); try again when it is closed."
            ).format(
                machine=holder.machine if holder else "?",
                pid=holder.pid if holder else "?",
                since=holder.since if holder else "?",
            )
        )
        self.holder = holder


@dataclass(frozen=True)
class Location:
    """Where a database is: a SQLite file (`path`) or a server (`path` None)."""

    target: str
    url: str
    path: Path | None

    @property
    def display_name(self) -> str:
        return url_display(self.url)

    def exists(self) -> bool:
        return self.path is None or self.path.exists()

    def in_use(self) -> bool:
        """A file that exists, or a server database that already holds tables (`db init` refuses both)."""
        if self.path is not None:
            return self.path.exists()
        from sqlalchemy import inspect

        from desktop_app.db import make_engine

        engine = make_engine(self.url)
        try:
            return bool(inspect(engine).get_table_names())
        finally:
            engine.dispose()

    def on_network_share(self) -> bool:
        """A SQLite file on SMB/NFS, where its locking and WAL are unsafe (the faces warn)."""
        return self.path is not None and self.path.parent.exists() and on_network_share(self.path.parent)


def locate(target: str | Path | None = None) -> Location:
    """The database a user named (a path or a URL), or the user's own."""
    text = str(target) if target is not None else str(config.default_database_path())
    url = database_url(text)
    return Location(text, url, sqlite_path(url))


@contextlib.contextmanager
def claimed(location: Location, *, make_folder: bool = False, wait: float = 0.0) -> Iterator[WriterLock | None]:
    """Hold the one-writer lock of a SQLite file for the block (None for a server database, which
    serialises writers itself). A missing folder is made only when `make_folder` (a command that
    creates the database); otherwise there is nothing to lock and the block runs without. `wait`:
    seconds to wait for another writer to finish before refusing (0: refuse at once)."""
    path = location.path
    if path is None:
        yield None
        return
    if not path.parent.is_dir():
        if not make_folder:
            yield None
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise file_problem(error, path.parent) from None
    lock = WriterLock(path)
    acquire_waiting(lock, wait)
    try:
        yield lock
    finally:
        lock.release()


def acquire_waiting(lock: WriterLock, wait: float) -> None:
    """Take the lock, trying again for up to `wait` seconds while another writer holds it (a venue's
    stations queue behind each other for the few milliseconds a check-in takes)."""
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            lock.acquire()
            return
        except LockedError as busy:
            if time.monotonic() >= deadline:
                raise Locked(busy.holder) from None
        # Short, jittered polls: a check-in holds the lock for tens of milliseconds.
        time.sleep(random.uniform(0.005, 0.03))


class Workspace:
    """An open database, and the lock that makes this program its one writer (None: read-only, a
    server, or a lock held by the caller). Close it when done (or use it in a `with`)."""

    def __init__(self, location: Location, db: Database, lock: WriterLock | None, *, owns_lock: bool) -> None:
        self.location = location
        self.db = db
        self.lock = lock
        self._owns_lock = owns_lock

    @classmethod
    def of(cls, db: Database) -> Workspace:
        """A workspace around a database someone else opened and locked (tests, a window made over
        a database a caller holds)."""
        return cls(locate(db.url), db, None, owns_lock=False)

    @classmethod
    def open(
        cls,
        location: Location,
        *,
        write: bool,
        create: bool = False,
        check: bool = False,
        read_only: bool = False,
        operator: str = "",
        backup_dir: Path | None = None,
        lock: WriterLock | None = None,
    ) -> Workspace:
        """Open the database for writing (`write`: the lock is taken unless `lock` is one the caller
        already holds; a schema behind the code is migrated after a backup) or for reading (never
        created, migrated or written; `read_only` also makes SQLite refuse any write). Writers, and
        readers that copy the data out to a file (`check`), refuse a damaged file first."""
        if location.path is not None and location.path.is_dir():
            raise file_problem(IsADirectoryError(errno.EISDIR, "is a folder", str(location.path)))
        owns = False
        if write and not read_only and lock is None and location.path is not None and (
            location.path.parent.is_dir() or create
        ):
            if create:
                location.path.parent.mkdir(parents=True, exist_ok=True)
            lock = WriterLock(location.path)
            try:
                lock.acquire()
            except LockedError as busy:
                raise Locked(busy.holder) from None
            owns = True
        try:
            db = open_database(
                location.target, create=create, migrate=write and not read_only, operator=operator,
                backup_dir=backup_dir or config.default_backup_dir(), read_only=read_only,
            )  # fmt: skip
            if (write or check) and not integrity_ok(db, quick=True):
                db.dispose()
                raise DataError(
                    _("The database {db} is damaged: nothing was written. Restore the latest good backup (`tashbeek restore`).")
                    .format(db=location.display_name)
                )  # fmt: skip
        except BaseException:
            if owns and lock is not None:
                lock.release()
            raise
        return cls(location, db, lock, owns_lock=owns)

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def intact(self) -> bool:
        """A quick integrity check (always true for a server database, which checks itself)."""
        return integrity_ok(self.db, quick=True)

    def restore(self, backup: Path, folder: Path, *, passphrase: str | None = None) -> Path | None:
        """Put a backup in place of this database (the lock is ours): every connection to the old file
        is closed first, and the same database object goes on working on the restored file. Returns
        the copy kept of the database it replaced."""
        if self.db.read_only:  # another program writes to this file: replacing it is not ours to do
            raise DataError(
                _("This database is open read-only (someone else is writing to it): changes cannot be saved.")
            )
        self.db.dispose()
        return restore_into(self.location, backup, folder, passphrase=passphrase)

    def close(self) -> None:
        self.db.dispose()
        if self._owns_lock and self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def restore_into(location: Location, backup: Path, folder: Path, *, passphrase: str | None = None) -> Path | None:
    """Put a backup in place of a SQLite database (created when missing; a copy of the one it
    replaces is kept in `folder`). The caller holds the database's lock and no connection to it."""
    from desktop_app.services.backups import restore_backup

    if location.path is None:
        raise DataError(
            _(
                "This database is on a PostgreSQL server: back it up with the server's own tools (pg_dump) and restore with pg_restore."
            )
        )
    return restore_backup(location.path, backup, folder, passphrase=passphrase)


def latest_good_backup_of(location: Location, folder: Path) -> Path | None:
    """The newest backup of this database in `folder` that checks out (recovery offers it)."""
    from desktop_app.services.backups import latest_good_backup

    return latest_good_backup(folder, location.path.stem) if location.path is not None else None
