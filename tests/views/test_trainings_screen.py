"""The Trainings section: create and edit a training, sessions, enrol people, enrolment changes."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.models import Enrollment, TrainingSession
from desktop_app.services.attendance import check_in
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.trainings import TrainingsPage
from desktop_app.views.training_dialogs import AddPeopleDialog, SessionDialog, TrainingDialog
from tests.conftest import type_text
from tests.views.conftest import Answers


@pytest.fixture
def page(window: MainWindow) -> TrainingsPage:
    trainings = window.show_section("trainings")
    assert isinstance(trainings, TrainingsPage)
    return trainings


def run_dialog(monkeypatch: pytest.MonkeyPatch, cls: type, fill) -> None:  # type: ignore[no-untyped-def]
    def fake_exec(dialog: QDialog) -> int:
        fill(dialog)
        dialog._save() if hasattr(dialog, "_save") else dialog._enrol()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)


def test_create_a_training_with_one_session_per_day(
    page: TrainingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: TrainingDialog) -> None:
        type_text(dialog.title_ar, "ورشة الحوكمة الرشيدة")
        dialog.start.setDate(QDate(2027, 3, 1))
        dialog.end.setDate(QDate(2027, 3, 3))
        dialog.groups.setValue(4)

    run_dialog(monkeypatch, TrainingDialog, fill)
    page.new_training()
    current = page.current()
    assert current is not None and current.title == "ورشة الحوكمة الرشيدة"
    assert [s.date for s in current.sessions] == [dt.date(2027, 3, d) for d in (1, 2, 3)]


def test_training_validation_is_shown_in_the_dialog(
    page: TrainingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def fill(dialog: TrainingDialog) -> None:
        dialog.title_ar.setText("ورشة")
        dialog.start.setDate(QDate(2027, 3, 5))
        dialog.end.setDate(QDate(2027, 3, 1))

    def fake_exec(dialog: TrainingDialog) -> int:
        fill(dialog)
        dialog._save()
        seen.append(dialog.form.errors["end_date"].text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(TrainingDialog, "exec", fake_exec)
    before = len(page.rows)
    page.new_training()
    assert seen and "قبل" in seen[0]
    assert len(page.rows) == before


def test_sessions_add_and_cancel_when_attended(
    page: TrainingsPage, db: Database, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    training = page.current()
    assert training is not None

    def fill(dialog: SessionDialog) -> None:
        dialog.date.setDate(QDate(2030, 1, 1))
        type_text(dialog.title, "جلسة المتابعة")

    run_dialog(monkeypatch, SessionDialog, fill)
    page.add_session()
    training = page.current()
    assert training is not None and len(training.sessions) == 3
    first = training.sessions[0]
    check_in(db, training.id, "هانى ابراهيم", session_ref=first.date.isoformat())
    page.sessions.setCurrentCell(0, 0)
    page.remove_session()
    assert "ستُلغى" in answers.seen[-1]
    with db.session_scope() as session:
        assert session.get(TrainingSession, first.id).cancelled  # type: ignore[union-attr]


def test_enrol_people_and_change_an_enrolment(
    page: TrainingsPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.services.registry import PersonData, create_person

    newcomer = create_person(db, PersonData("نادية كمال"))

    def fill(dialog: AddPeopleDialog) -> None:
        type_text(dialog.search, "نادية")
        dialog.update_results()
        dialog.results.item(0).setCheckState(Qt.CheckState.Checked)

    run_dialog(monkeypatch, AddPeopleDialog, fill)
    page.tabs.setCurrentIndex(2)
    page.add_people()
    training = page.current()
    assert training is not None and training.enrolled == 58
    row = next(n for n, r in enumerate(page.enrolment_rows) if r.person_id == newcomer)
    page.enrolments.setCurrentCell(row, 0)
    page.status_edit.setCurrentIndex(page.status_edit.findData("withdrawn"))
    page.group_edit.setValue(3)
    page.apply_enrolment()
    with db.session_scope() as session:
        enrollment = session.scalars(select(Enrollment).where(Enrollment.person_id == newcomer)).one()
        assert enrollment.status.value == "withdrawn" and enrollment.working_group == 3


def test_quick_add_a_new_person_while_enrolling(
    page: TrainingsPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.views.pages.checkin import WalkInDialog

    def fill_person(dialog: WalkInDialog) -> int:
        dialog.full_name.setText("رحاب عبد الحليم")
        dialog.phone.setText("01234567891")
        return QDialog.DialogCode.Accepted

    def fill(dialog: AddPeopleDialog) -> None:
        monkeypatch.setattr(WalkInDialog, "exec", fill_person)
        dialog.quick_add()
        assert len(dialog.checked) == 1

    run_dialog(monkeypatch, AddPeopleDialog, fill)
    page.add_people()
    assert any(r.name == "رحاب عبد الحليم" for r in page.enrolment_rows)


def test_group_names_are_kept(page: TrainingsPage, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.services.trainings import training_details

    def fill(dialog: TrainingDialog) -> None:
        dialog.groups.setValue(2)
        dialog.group_names.setPlainText("مجموعة النيل\nمجموعة الدلتا\n")

    run_dialog(monkeypatch, TrainingDialog, fill)
    page.edit_training()
    current = page.current()
    assert current is not None
    assert training_details(db, current.id).working_group_names == ("مجموعة النيل", "مجموعة الدلتا")


def test_trainings_filter_by_time(page: TrainingsPage) -> None:
    page.when.setCurrentIndex(page.when.findData("past"))
    assert [t.id for t in page.rows] == [2]  # the demo's smaller programme a year before
    page.when.setCurrentIndex(page.when.findData("running"))
    assert [t.id for t in page.rows] == [1]  # the programme: yesterday and today
    page.when.setCurrentIndex(page.when.findData("all"))
    assert len(page.rows) == 2  # trainings only: the demo's meetings are in the network section
