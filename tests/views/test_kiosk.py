"""Kiosk mode: full screen, checks in by code, phone and name (asking when a name is uncertain), says
"already", and leaves only by Ctrl+Shift+Q and a confirmation (never by Esc or closing)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from desktop_app import cli
from desktop_app.db import Database
from desktop_app.models import Attendance, AttendanceStatus, Enrollment, Person
from desktop_app.views.kiosk import KioskWindow
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.checkin import CheckinPage
from tests.conftest import type_text

pytestmark = pytest.mark.usefixtures("clock_hour")


@pytest.fixture
def kiosk(window: MainWindow, qtbot) -> KioskWindow:  # type: ignore[no-untyped-def]
    page = window.show_section("checkin")
    assert isinstance(page, CheckinPage)
    QTest.keyClick(page.box, Qt.Key.Key_F11)  # the Check-in screen's shortcut
    opened = window.kiosk
    assert isinstance(opened, KioskWindow)
    qtbot.waitUntil(opened.isActiveWindow, timeout=10_000)
    yield opened
    if window.kiosk is not None:  # a test that stayed in kiosk mode: leave it for the next one
        opened.leaving = True
        opened.close()


def enter(kiosk: KioskWindow, text: str) -> None:
    kiosk.box.clear()
    type_text(kiosk.box, text)
    QTest.keyClick(kiosk.box, Qt.Key.Key_Return)


def present(db: Database) -> list[str]:
    with db.session_scope() as tx:
        return list(tx.scalars(
            select(Person.full_name).join(Enrollment, Enrollment.person_id == Person.id)
            .join(Attendance, Attendance.enrollment_id == Enrollment.id)
            .where(Enrollment.training_id == 1,
                   Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.LATE]))
        ))  # fmt: skip


def test_starts_full_screen_alone_with_the_box_focused(kiosk: KioskWindow, window: MainWindow) -> None:
    assert kiosk.isFullScreen() and kiosk.isVisible()
    assert not window.isVisible()  # no sections, menus or toolbars behind it
    assert kiosk.box.hasFocus()
    assert "0" in kiosk.count.text() and "52" in kiosk.count.text()
    # Big type, scaled with the screen: at 1024×600 the headline is 44 pt (about 60 px tall letters).
    assert kiosk.size() == kiosk.screen().size()
    for label in (kiosk.name, kiosk.headline):
        assert QFontMetrics(label.font()).ascent() >= min(kiosk.width(), kiosk.height()) / 14


def test_code_phone_and_repeat(kiosk: KioskWindow, db: Database) -> None:
    with db.session_scope() as tx:
        code = tx.scalars(select(Enrollment.checkin_code).order_by(Enrollment.id).limit(1)).one()
    enter(kiosk, code)
    assert present(db) == ["هاني إبراهيم"]
    assert kiosk.name.text() == "هاني إبراهيم" and kiosk.card.property("state") == "ok"
    assert "✓" in kiosk.headline.text()
    assert kiosk.box.text() == "" and kiosk.box.hasFocus()
    enter(kiosk, "+20 100 123 4567")  # the same person's phone: already in, with the time
    assert kiosk.card.property("state") == "already"
    assert present(db) == ["هاني إبراهيم"]
    time = kiosk.headline.text().split()[-1]
    assert len(time) == 5 and time[2] == ":"


def test_phone_checks_in(kiosk: KioskWindow, db: Database) -> None:
    enter(kiosk, "+20 100 123 4567")
    assert present(db) == ["هاني إبراهيم"] and kiosk.card.property("state") == "ok"


def test_whole_name_checks_in_and_part_of_a_name_asks(kiosk: KioskWindow, db: Database) -> None:
    enter(kiosk, "هانى ابراهيم")
    assert present(db) == ["هاني إبراهيم"]
    enter(kiosk, "محمد")  # several match: the kiosk asks, nobody is checked in yet
    assert len(kiosk.choice_buttons) >= 2 and present(db) == ["هاني إبراهيم"]
    assert kiosk.box.hasFocus()
    QTest.keyClick(kiosk.box, Qt.Key.Key_Down)
    chosen = kiosk.choices[1].name
    QTest.keyClick(kiosk.box, Qt.Key.Key_Return)
    assert sorted(present(db)) == sorted(["هاني إبراهيم", chosen])
    assert kiosk.last is not None and kiosk.last.present >= 1  # the live count follows
    assert f"{kiosk.last.present} من 52" in kiosk.count.text()  # the window is in Arabic
    assert kiosk.name.text() == chosen and not kiosk.choice_buttons


def test_a_choice_button_checks_that_person_in(kiosk: KioskWindow, db: Database) -> None:
    enter(kiosk, "محمد")
    chosen = kiosk.choices[0].name
    kiosk.choice_buttons[0].click()
    assert present(db) == [chosen]


def test_not_enrolled_is_red_and_says_so(kiosk: KioskWindow, db: Database) -> None:
    enter(kiosk, "زائرة لا يعرفها أحد")
    assert kiosk.card.property("state") == "refused" and present(db) == []
    assert kiosk.headline.text()  # in words as well as colour


def test_esc_and_close_do_not_leave(kiosk: KioskWindow, window: MainWindow) -> None:
    QTest.keyClick(kiosk.box, Qt.Key.Key_Escape)
    QTest.keyClick(kiosk, Qt.Key.Key_Escape)
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    kiosk.close()
    QTest.keyClick(kiosk.box, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert kiosk.isVisible() and kiosk.isFullScreen() and not window.isVisible()


def test_ctrl_shift_q_and_cancel_stays(kiosk: KioskWindow, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    QTest.keyClick(kiosk.box, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 1
    assert kiosk.isVisible() and window.kiosk is kiosk and kiosk.box.hasFocus()


def test_ctrl_shift_q_and_confirm_leaves(kiosk: KioskWindow, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    QTest.keyClick(kiosk.box, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not kiosk.isVisible() and window.kiosk is None
    assert window.isVisible() and window.stack.currentWidget() is window.page("checkin")


def test_kiosk_argument(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[tuple[object, ...]] = []
    monkeypatch.setattr("desktop_app.app.run_window", lambda target, lang, *, kiosk=None: seen.append((target, lang, kiosk)) or 0)
    assert cli.main(["--kiosk", "7"]) == 0
    assert cli.main(["--lang", "en", "--kiosk=٣"]) == 0  # Arabic-Indic digits, as everywhere
    assert seen == [(None, None, 7), (None, "en", 3)]
    assert cli.main(["--kiosk", "abc"]) == cli.EXIT_USAGE
    assert cli.main(["--kiosk", "0"]) == cli.EXIT_USAGE
    assert cli.main(["--kiosk", "3", "trainings"]) == cli.EXIT_USAGE
    assert len(seen) == 2


def test_unknown_training_is_said(window: MainWindow) -> None:
    from desktop_app.errors import NotFoundError

    with pytest.raises(NotFoundError) as refused:
        window.open_kiosk(999)
    assert refused.value.exit_code == cli.EXIT_NOT_FOUND and "999" in refused.value.message
    assert window.kiosk is None and window.isVisible()


def test_kiosk_start_with_an_unknown_training_says_so_and_exits_3(
    db: Database, answers, capsys: pytest.CaptureFixture[str], tmp_path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from desktop_app.app import run_window

    monkeypatch.setenv("TASHBEEK_CONFIG_DIR", str(tmp_path / "config"))  # the start writes settings.json
    assert db.path is not None
    assert run_window(str(db.path), "en", kiosk=999) == cli.EXIT_NOT_FOUND
    assert "999" in capsys.readouterr().err and any("999" in seen for seen in answers.seen)


def test_the_count_at_the_door_follows_the_other_desks(kiosk: KioskWindow, db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A second desk checks three people in: the kiosk's count follows within two seconds, with
    nothing typed at the kiosk (the window behind it keeps looking for changes elsewhere)."""
    from desktop_app.db import make_engine
    from desktop_app.models import EnrollmentRole, EnrollmentStatus
    from desktop_app.services.attendance import CheckedIn, check_in, present_count

    target = kiosk.target
    other = Database(db.url, make_engine(db.url), operator="الباب الثاني")
    try:
        with other.session_scope() as tx:
            codes = list(tx.scalars(
                select(Enrollment.checkin_code).where(
                    Enrollment.training_id == target.training_id, Enrollment.role == EnrollmentRole.PARTICIPANT,
                    Enrollment.status != EnrollmentStatus.WITHDRAWN,
                ).limit(3)
            ))  # fmt: skip
        for code in codes:
            assert isinstance(check_in(other, target.training_id, code, session_id=target.session_id), CheckedIn)
        present = present_count(other, target.training_id, target.session_id)[0]
    finally:
        other.dispose()
    assert present == 3
    qtbot.waitUntil(lambda: "3 من 52" in kiosk.count.text(), timeout=2000)
