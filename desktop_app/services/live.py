"""Noticing other stations' changes, cheaply enough to ask every second.

SQLite: `PRAGMA data_version` on a connection of our own changes whenever another connection (this
program's or another's) commits to the file: one statement, no table read. PostgreSQL: every
transaction that wrote is followed by a NOTIFY on NOTIFY_CHANNEL (see `db.Database`); a connection of
our own LISTENs, and asking whether anything came is a look at what the server already sent.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.engine import make_url

from desktop_app.db import NOTIFY_CHANNEL, Database


class ChangeWatch:
    """`changed()`: whether the database changed since the last call (the first call says False).
    Changes this program made itself count too: the caller ignores what it announced already."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._sqlite: sqlite3.Connection | None = None
        self._listener: Any = None
        self._last: int | None = None

    def _open(self) -> None:
        path = self._db.path
        if path is not None:
            self._sqlite = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            return
        dialect = self._db.engine.dialect
        if dialect.name == "postgresql" and dialect.driver == "psycopg":
            # The driver the URL names, as SQLAlchemy loaded it (psycopg 3, from the "postgres"
            # extra): a connection of our own outside the pool, listening.
            url = make_url(self._db.url).set(drivername="postgresql").render_as_string(hide_password=False)
            self._listener = dialect.loaded_dbapi.connect(url, autocommit=True)
            self._listener.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def changed(self) -> bool:
        if self._sqlite is None and self._listener is None:
            self._open()
            if self._sqlite is None and self._listener is None:
                return False  # another server: no cheap way to ask
        if self._sqlite is not None:
            version = int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])
            moved = self._last is not None and version != self._last
            self._last = version
            return moved
        return sum(1 for _note in self._listener.notifies(timeout=0)) > 0  # read them all

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
