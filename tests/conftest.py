"""Shared test set-up: headless Qt, private config/data folders, and a fresh database per test.

The database is SQLite unless TASHBEEK_TEST_DB_URL names a PostgreSQL server (CI runs the
database and service tests a second time that way).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before any QApplication exists: no screen here, and never touch the user's own folders.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="tashbeek-tests-"))
os.environ["TASHBEEK_CONFIG_DIR"] = str(_HOME / "config")
os.environ["TASHBEEK_DATA_DIR"] = str(_HOME / "data")
os.environ.pop("TASHBEEK_DB", None)

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from desktop_app import clock, i18n  # noqa: E402
from desktop_app.db import Database, make_engine, open_database  # noqa: E402
from tests.clocks import CLOCK_HOURS, DEFAULT_TIME, TEST_DAY  # noqa: E402

PG_URL = os.environ.get("TASHBEEK_TEST_DB_URL")

# Every test runs on the application's clock, never the wall clock: by default at noon of a fixed
# day, local time (whatever zone the machine is in); time-sensitive tests take `clock_hour` instead
# and run in the morning, the afternoon and late in the evening. The clock is set for the whole run
# too, before any fixture made once per file or per run (a demo database built once for a file of
# CLI tests must not be built on the real date: its sessions would then be "today" on another day).
_RUN_MOMENT = dt.datetime.combine(TEST_DAY, DEFAULT_TIME).astimezone()
clock.set_clock(_RUN_MOMENT)
os.environ[clock.ENV_VAR] = _RUN_MOMENT.isoformat()


def _start_clock(at: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """Set the clock in this process and, through the environment, in the commands tests start."""
    local = at.astimezone()
    clock.set_clock(local)
    monkeypatch.setenv(clock.ENV_VAR, local.isoformat())
    return local


@pytest.fixture(autouse=True)
def _test_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[dt.datetime]:
    yield _start_clock(dt.datetime.combine(TEST_DAY, DEFAULT_TIME), monkeypatch)
    clock.set_clock(_RUN_MOMENT)  # between tests (and in fixtures made once per file) as well


@pytest.fixture(params=CLOCK_HOURS, ids=lambda t: t.strftime("%H%M"))
def clock_hour(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, _test_clock: dt.datetime) -> dt.datetime:
    """Run the test at 07:00, 15:00 and 22:00 local time on the test day; yields that moment."""
    return _start_clock(dt.datetime.combine(TEST_DAY, request.param), monkeypatch)


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Tests read messages in English unless they switch; the default language is restored after."""
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(path, create=True).dispose()
    return path


def _pg_admin_url() -> str:
    assert PG_URL
    return make_url(PG_URL).set(database="postgres").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def _pg_template() -> Iterator[str]:
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"tashbeek_tpl_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    open_database(url, create=True).dispose()  # an empty database gets the schema only when asked
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@contextlib.contextmanager
def _pg_database(template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (a copy of `template`, or empty) for one test; dropped afterwards."""
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"tashbeek_t_{uuid.uuid4().hex[:10]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database already migrated to head (a copy of a session-wide template)."""
    if PG_URL:
        with _pg_database(request.getfixturevalue("_pg_template")) as url:
            yield url
    else:
        path = tmp_path / "test.sqlite"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        yield "sqlite:///" + str(path)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url, make_engine(db_url), operator="tester")
    yield database
    database.dispose()


def type_text(widget: object, text_to_type: str) -> None:
    """Type any text, Arabic included, into a widget (qtbot.keyClicks aborts on non-ASCII)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for ch in text_to_type:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@pytest.fixture
def empty_db_url(tmp_path: Path) -> Iterator[str]:
    """URL of a database with no tables at all (a new SQLite path, or a new PostgreSQL database)."""
    if not PG_URL:
        yield "sqlite:///" + str(tmp_path / "empty.sqlite")
        return
    with _pg_database() as url:
        yield url
