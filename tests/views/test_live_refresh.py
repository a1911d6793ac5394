"""Two check-in stations on one database (issue 21): each window notices the other's arrivals by
itself (a cheap poll of SQLite's change counter; LISTEN/NOTIFY on PostgreSQL) and shows the same
live count within 2 seconds, without losing what is on its own screen."""

from __future__ import annotations

import re
import time

from sqlalchemy import select

from desktop_app.db import Database, make_engine
from desktop_app.models import Enrollment, EnrollmentRole, EnrollmentStatus
from desktop_app.services.attendance import CheckedIn, check_in, present_count
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.checkin import CheckinPage
from tests.conftest import type_text


def _present(page: CheckinPage) -> int:
    # The counter's first number, in either digit set (the Arabic interface may use either).
    digits = re.findall(r"[0-9٠-٩]+", page.counter.text())
    return int(digits[0].translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))


def test_two_stations_show_the_same_count_within_two_seconds(window: MainWindow, db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.show_section("checkin")
    assert isinstance(page, CheckinPage)
    training, session_id = page.current_training(), page.current_session_id()
    assert training is not None and session_id is not None
    type_text(page.box, "محمد")  # the desk is in the middle of something: it stays
    before = _present(page)
    other = Database(db.url, make_engine(db.url), operator="محطة الباب الثاني")
    try:
        with other.session_scope() as tx:
            codes = list(tx.scalars(
                select(Enrollment.checkin_code).where(
                    Enrollment.training_id == training.id, Enrollment.role == EnrollmentRole.PARTICIPANT,
                    Enrollment.status != EnrollmentStatus.WITHDRAWN,
                )
            ))  # fmt: skip
        arrived = 0
        for code in codes:
            if isinstance(check_in(other, training.id, code, session_id=session_id), CheckedIn):
                arrived += 1
            if arrived == 3:
                break
        assert arrived == 3
        expected = present_count(other, training.id, session_id)[0]
        started = time.monotonic()
        qtbot.waitUntil(lambda: _present(page) == expected, timeout=2000)
        assert time.monotonic() - started < 2
    finally:
        other.dispose()
    assert expected == before + 3
    assert page.box.text() == "محمد"  # nothing on the desk's screen was reset
    assert page.current_session_id() == session_id

