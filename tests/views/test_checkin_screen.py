"""The check-in screen at the venue: name (confirm with Enter), code, phone, repeat, undo, walk-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.models import Attendance, AttendanceStatus, Enrollment, Person
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.checkin import CheckinPage, WalkInDialog
from tests.conftest import type_text

# Time-sensitive: every test here runs in the morning, the afternoon and late in the evening.
pytestmark = pytest.mark.usefixtures("clock_hour")


@pytest.fixture
def page(window: MainWindow) -> CheckinPage:
    checkin = window.show_section("checkin")
    assert isinstance(checkin, CheckinPage)
    return checkin


def enter(page: CheckinPage, text: str) -> None:
    page.box.clear()
    type_text(page.box, text)
    QTest.keyClick(page.box, Qt.Key.Key_Return)


def statuses(db: Database) -> dict[str, str]:
    with db.session_scope() as session:
        rows = session.execute(
            select(Person.full_name, Attendance.status)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .join(Attendance, Attendance.enrollment_id == Enrollment.id)
            .where(Enrollment.training_id == 1)  # the programme (the demo's earlier one has attendance)
        ).all()
    # The demo marks arrivals after 10:00 as late; tests may run at any hour.
    return {name: "present" if status == AttendanceStatus.LATE else status.value for name, status in rows}


def test_demo_training_and_todays_session_are_chosen(page: CheckinPage) -> None:
    assert page.current_training() is not None and page.current_session_id() is not None
    assert page.box.hasFocus()
    assert "52" in page.counter.text()


def test_partial_name_shows_matches_and_enter_confirms(page: CheckinPage, db: Database) -> None:
    enter(page, "محمد")
    assert page.match_list.count() >= 2 and statuses(db) == {}
    QTest.keyClick(page.box, Qt.Key.Key_Down)
    chosen = page.match_list.currentItem().text().split(" — ")[0]
    QTest.keyClick(page.box, Qt.Key.Key_Return)
    assert statuses(db) == {chosen: "present"}
    assert page.name.text() == chosen and "✓" in page.headline.text()
    assert page.box.text() == "" and page.box.hasFocus()
    assert page.recent.count() == 1


def test_code_and_phone_check_in_at_once_and_repeats_are_reported(page: CheckinPage, db: Database) -> None:
    with db.session_scope() as session:
        code = session.scalars(select(Enrollment.checkin_code).order_by(Enrollment.id).limit(1)).one()
    enter(page, code)
    assert page.name.text() == "هاني إبراهيم" and statuses(db) == {"هاني إبراهيم": "present"}
    enter(page, "+20 100 123 4567")
    assert "سُجّل حضوره من قبل" in page.headline.text()
    with db.session_scope() as session:
        assert len(session.scalars(
            select(Attendance).join(Enrollment).where(Enrollment.training_id == 1)).all()) == 1  # fmt: skip


def test_undo_sets_absent_with_a_new_time(page: CheckinPage, db: Database) -> None:
    enter(page, "هانى ابراهيم")
    assert statuses(db) == {"هاني إبراهيم": "present"}
    QTest.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(db) == {"هاني إبراهيم": "absent"}
    assert "التراجع" in page.headline.text()
    enter(page, "هانى ابراهيم")
    assert statuses(db) == {"هاني إبراهيم": "present"}


def test_ctrl_z_where_the_focus_is_undoes_the_check_in(page: CheckinPage, db: Database) -> None:
    """The focus stays in the box: Ctrl+Z pressed there undoes the check-in (the box's own undo
    used to take the key and put the name back)."""
    enter(page, "هانى ابراهيم")
    assert statuses(db) == {"هاني إبراهيم": "present"}
    assert page.box.hasFocus()
    QTest.keyClick(page.box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(db) == {"هاني إبراهيم": "absent"}
    assert page.box.text() == ""
    assert "التراجع" in page.headline.text()


def test_ctrl_z_after_a_not_found_still_undoes_the_last_check_in(page: CheckinPage, db: Database) -> None:
    enter(page, "هانى ابراهيم")
    enter(page, "اسم لا وجود له إطلاقا")
    assert "غير مسجل" in page.headline.text()
    assert page.undo_button.isVisible()
    QTest.keyClick(page.box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(db) == {"هاني إبراهيم": "absent"}
    enter(page, "هانى ابراهيم")
    enter(page, "هانى ابراهيم")  # already checked in
    assert "من قبل" in page.headline.text()
    QTest.keyClick(page.box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statuses(db) == {"هاني إبراهيم": "absent"}


def test_walk_in_is_registered_enrolled_and_checked_in(
    page: CheckinPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: WalkInDialog) -> int:
        assert dialog.full_name.text() == "زائرة جديدة"
        dialog.phone.setText("01099887766")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WalkInDialog, "exec", fill)
    enter(page, "زائرة جديدة")
    assert "غير مسجل" in page.headline.text()
    QTest.keyClick(page.box, Qt.Key.Key_Return)  # Enter again registers the walk-in
    assert statuses(db) == {"زائرة جديدة": "present"}
    assert page.name.text() == "زائرة جديدة"


def test_walk_in_who_is_already_in_the_registry_is_not_duplicated(
    page: CheckinPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import func

    from desktop_app.views.pages.people import DuplicateDialog

    def fill(dialog: WalkInDialog) -> int:
        dialog.phone.setText("0100 123 4567")  # هاني إبراهيم's number, name typed differently
        return QDialog.DialogCode.Accepted

    def choose_existing(dialog: DuplicateDialog) -> int:
        dialog.chosen = dialog.list.currentItem().data(256)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WalkInDialog, "exec", fill)
    monkeypatch.setattr(DuplicateDialog, "exec", choose_existing)
    with db.session_scope() as session:
        before = session.scalar(select(func.count()).select_from(Person))
    enter(page, "هانى ابرهيم")
    QTest.keyClick(page.box, Qt.Key.Key_Return)
    assert statuses(db) == {"هاني إبراهيم": "present"}
    with db.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == before
