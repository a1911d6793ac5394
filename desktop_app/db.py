"""Engine, connection pragmas, one session per user action, and migrations on open.

A target is a file path (SQLite) or anything containing "://" (a SQLAlchemy URL, e.g.
postgresql+psycopg://…). Opening checks the schema revision by reading one row and compares it
with the head known at build time; Alembic is imported only when a migration is really needed,
and a SQLite file that is behind is first copied with SQLite's online backup API.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeAlias, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError, ProgrammingError

from desktop_app import clock, config
from desktop_app.errors import DataError, NotFoundError, file_problem
from desktop_app.files import create_private
from desktop_app.i18n import _
from desktop_app.migrations import HEAD_REVISION, REVISIONS, SCRIPT_LOCATION

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    # What a read takes: an ORM session, or a Core connection (Database.reading).
    Reader: TypeAlias = Session | Connection

BUSY_TIMEOUT_MS = 10_000
NOTIFY_CHANNEL = "tashbeek_changes"  # PostgreSQL: notified after every transaction that wrote
WRITE_ATTEMPTS = 8  # a user action collided with another station's this many times: say so

_P = ParamSpec("_P")
_R = TypeVar("_R")

# SQLSTATEs of a transaction the server gave up on because another one ran at the same moment:
# serialization_failure, deadlock_detected. Running the whole action again is the documented cure.
_RETRY_STATES = {"40001", "40P01"}
_UNIQUE_STATE = "23505"


class Busy(DataError):
    """Another station kept colliding with this action until the retries ran out."""


def collision(exc: BaseException) -> str | None:
    """What kind of collision with another station a database error is: "retry" (serialization
    failure, deadlock, SQLite's file busy, a versioned row changed under us), "unique" (a row another station inserted first: running
    the action again finds it), None for anything else."""
    from sqlalchemy.orm.exc import StaleDataError

    if isinstance(exc, StaleDataError):  # a versioned record saved by another station meanwhile
        return "retry"
    if not isinstance(exc, DBAPIError):
        return None
    state = getattr(exc.orig, "sqlstate", None)
    if state in _RETRY_STATES:
        return "retry"
    if isinstance(exc, IntegrityError):
        if state == _UNIQUE_STATE or "UNIQUE constraint failed" in str(exc.orig):
            return "unique"
        return None
    if isinstance(exc, OperationalError) and isinstance(exc.orig, sqlite3.OperationalError):
        text_ = str(exc.orig).lower()
        if "database is locked" in text_ or "database is busy" in text_:
            return "retry"
    return None


def serialize_on(tx: Session, key: str) -> None:
    """Make other transactions that serialize on the same key wait for this one to end (a
    transaction-scoped advisory lock on PostgreSQL): two imports naming the same new organization
    then find each other's instead of making two. SQLite has one writer at a time already."""
    if tx.get_bind().dialect.name == "postgresql":
        tx.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"), {"key": key})


def retrying(action: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a user action (one `session_scope` transaction of its own) again when it collided with
    another station's: a serialization failure or deadlock on PostgreSQL, a busy SQLite file, a
    person or organization saved by another station between our read and our write, or a
    row another station inserted between our read and our write (the next attempt reads it). The one
    place writes are retried; after WRITE_ATTEMPTS the user is told, never "unexpected"."""

    @functools.wraps(action)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            try:
                return action(*args, **kwargs)
            except Exception as exc:
                kind = collision(exc)
                if kind is None:
                    raise
                if attempt == WRITE_ATTEMPTS:
                    if kind == "unique":
                        raise  # the same row every time: not a race but a real duplicate
                    raise Busy(
                        _("Other stations kept saving at the same moment and this could not be saved "
                          "after several tries; nothing was changed. Try again.")
                    ) from exc  # fmt: skip
                # Random back-off so that two stations that collided do not collide again in step.
                time.sleep(random.uniform(0.005, 0.02) * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    return run


def database_url(target: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for a path or URL given by the user."""
    target = str(target)
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def url_display(url: str) -> str:
    """A database as the user knows it: the file's path, or the URL without its password."""
    from sqlalchemy.engine import make_url

    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other databases or in-memory ones)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///") :]
    return Path(path) if path and path != ":memory:" else None


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a check-in acknowledged on screen survives a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        # A multi-word search probes index pages all over a large registry: 32 MiB of page cache
        # (SQLite's default is 2 MiB) keeps them between keystrokes (3-4x faster scans at 500,000
        # people); it only grows as far as it is used.
        cursor.execute("PRAGMA cache_size=-32768")
    finally:
        cursor.close()


def _set_query_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    if url.startswith("sqlite"):
        # hide_parameters: names, phones and national IDs never reach a log or an error's details.
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        if read_only:  # someone else is writing: look, but never write
            event.listen(engine, "connect", _set_query_only)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def _wrote(tx: Session, _context: Any) -> None:
    tx.info["wrote"] = True


def _wrote_statement(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info["wrote"] = True


@dataclass
class Database:
    """An open database: engine, session factory, and who is working on it (for the audit log)."""

    url: str
    engine: Engine
    operator: str = ""
    machine: str = field(default_factory=config.machine_name)
    read_only: bool = False

    def __post_init__(self) -> None:
        # Made at the first session: the window's start reads through Core connections (reading())
        # and so does without importing the ORM.
        self._sessions: sessionmaker[Session] | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextlib.contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One transaction: committed once at the end, rolled back on any error."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
            if self.engine.dialect.name == "postgresql":
                event.listen(self._sessions, "after_flush", _wrote)
                event.listen(self._sessions, "do_orm_execute", _wrote_statement)
        tx = self._sessions()
        try:
            yield tx
            tx.commit()
            if tx.info.get("wrote"):
                self._notify()
        except OperationalError as exc:
            tx.rollback()
            if self.read_only and "readonly" in str(exc.orig).replace("-", "").replace(" ", "").lower():
                raise DataError(
                    _(
                        "This database is open read-only (someone else is writing to it): changes cannot be saved."
                    )
                ) from None
            raise
        except BaseException:
            tx.rollback()
            raise
        finally:
            tx.close()

    def _notify(self) -> None:
        """Tell other stations' windows (LISTENing: services.live) that something was committed. In
        a transaction of its own, after the write's commit: PostgreSQL holds a database-wide lock
        while committing a transaction that notifies, and a write's commit waits for the disk."""
        # The write is committed: a lost notification costs a refresh, never the user's action.
        with contextlib.suppress(DBAPIError), self.engine.connect() as conn:
            conn.execute(text(f"NOTIFY {NOTIFY_CHANNEL}"))
            conn.commit()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read through a Core connection (Core statements only; nothing is written): what the
        window's start reads (the People list, its count and pick lists) without the ORM."""
        with self.engine.connect() as tx:
            yield tx

    def display_name(self) -> str:
        return url_display(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision stored in the database; None when it has no revision table."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):
            conn.rollback()
            return None


def _has_tables(engine: Engine) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(engine).get_table_names())


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database with the online backup API (consistent even while in use)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    if not destination.exists():
        create_private(destination)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def run_migrations(engine: Engine) -> None:
    """Upgrade the schema to head with Alembic (imported here only: it is slow to import)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _empty(url: str) -> DataError:
    return DataError(
        _("{db} holds no Tashbeek database (it is empty): nothing was written into it. "
          "Create a database with `tashbeek db init` or `tashbeek demo`.").format(db=url_display(url))
    )  # fmt: skip


def open_database(
    target: str | os.PathLike[str] | None = None,
    *,
    create: bool = False,
    migrate: bool = True,
    operator: str = "",
    backup_dir: Path | None = None,
    read_only: bool = False,
) -> Database:
    """Open (and if allowed create or migrate) the database at `target` (default: the user's own).

    create:  a missing SQLite file is created, and an empty database gets the schema; otherwise a
             missing file is NotFoundError and an empty one is refused (nothing written into it).
    migrate: a database behind the code is backed up then upgraded (an empty server database gets
             the schema); otherwise refused.
    """
    url = database_url(target if target is not None else config.default_database_path())
    path = sqlite_path(url)
    if path is not None and not path.exists():
        if not create:
            raise NotFoundError(
                _("No database at {path}. Create an empty one with `tashbeek db init`, or one holding the demo programme with `tashbeek demo`.")
                .format(path=path)
            )  # fmt: skip
        try:
            create_private(path)  # it will hold national IDs and phone numbers
        except OSError as error:
            raise file_problem(error, path) from None
    if path is not None and path.is_dir():
        raise file_problem(IsADirectoryError(errno.EISDIR, "is a folder", str(path)))
    if path is not None and not create and path.stat().st_size == 0:
        raise _empty(url)  # checked before connecting: even the connection's journal mode would write
    engine = make_engine(url, read_only=read_only)
    try:
        revision = schema_revision(engine)
        if revision == HEAD_REVISION:
            return Database(url, engine, operator=operator, read_only=read_only)
        if read_only:
            raise DataError(_("This database needs an upgrade first: run `tashbeek db upgrade`."))
        if revision is not None and revision not in REVISIONS:
            raise DataError(_("This database was made by a newer version of Tashbeek; update the program."))
        if revision is None and _has_tables(engine):
            raise DataError(_("This file is not a Tashbeek database."))
        if revision is not None and not migrate:
            raise DataError(_("This database needs an upgrade first: run `tashbeek db upgrade`."))
        # An empty SQLite file gets a schema only when asked to create one; an empty database on a
        # server (made there by whoever runs it) also by a writing command such as `db upgrade`.
        if revision is None and not (create or (migrate and path is None)):
            raise _empty(url)
        if revision is not None and path is not None:
            stamp = clock.now().strftime("%Y%m%d-%H%M%S")
            folder = backup_dir or config.default_backup_dir()
            backup_sqlite(path, folder / f"{path.stem}-before-upgrade-{revision}-{stamp}.sqlite")
        run_migrations(engine)
        return Database(url, engine, operator=operator)
    except DatabaseError as exc:
        engine.dispose()
        raise DataError(
            _("The database cannot be read (damaged or not a database): {error}").format(
                error=str(exc.orig) if exc.orig else str(exc)
            )
        ) from exc
    except BaseException:
        engine.dispose()
        raise


def integrity_ok(db: Database, *, quick: bool = False) -> bool:
    """PRAGMA integrity_check (or the faster quick_check) says ok; always True on servers, which
    check themselves. A file too damaged to read at all is not ok either."""
    if not db.is_sqlite:
        return True
    try:
        with db.engine.connect() as conn:
            rows = (
                conn.execute(text("PRAGMA quick_check" if quick else "PRAGMA integrity_check"))
                .scalars()
                .all()
            )
    except DatabaseError:
        return False
    return rows == ["ok"]
