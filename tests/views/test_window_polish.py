"""Issue #18's defects held by tests: times and dates that read left to right in the Arabic window,
every bad field of a form shown at once, the training dialog usable on a 1024×600 screen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QAbstractSpinBox, QDateTimeEdit, QDialog

from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.people import PeoplePage
from desktop_app.views.pages.trainings import TrainingsPage
from desktop_app.views.training_dialogs import SessionDialog, TrainingDialog
from desktop_app.views.widgets.fields import DateEdit, OptionalDateEdit, TimeEdit


def _shown(edit: QDateTimeEdit) -> str:
    line = edit.findChild(QAbstractSpinBox) or edit
    return edit.lineEdit().text() if hasattr(edit, "lineEdit") else line.text()


def _expected(edit: QDateTimeEdit) -> str:
    if isinstance(edit, TimeEdit):
        return edit.time().toString("HH:mm")
    return edit.date().toString("yyyy-MM-dd")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_session_and_training_dialogs_show_times_as_they_are(
    make_window, language: str  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window(language=language)
    page = window.show_section("trainings")
    assert isinstance(page, TrainingsPage)
    current = page.current()
    assert current is not None
    session = SessionDialog(window.context, current.id, None, page)
    assert session.start.lineEdit().text() == "09:30"
    assert session.end.lineEdit().text() == "16:00"
    assert session.date.lineEdit().text() == session.date.date().toString("yyyy-MM-dd")
    training = TrainingDialog(window.context, current, page)
    assert training.late.lineEdit().text() == "10:00" or training.late.lineEdit().text() == _expected(training.late)
    for dialog in (session, training):
        for edit in dialog.findChildren(QDateTimeEdit):
            assert edit.lineEdit().text() == _expected(edit), edit.objectName()
        dialog.deleteLater()


def test_a_time_edit_keeps_its_format_when_the_window_turns_right_to_left(
    make_window,  # type: ignore[no-untyped-def]
) -> None:
    window: MainWindow = make_window(language="ar")
    edit = TimeEdit(dt.time(9, 5), window)
    date = DateEdit(dt.date(2026, 11, 29), window)
    assert edit.lineEdit().text() == "09:05"
    assert date.lineEdit().text() == "2026-11-29"
    assert edit.value() == dt.time(9, 5) and date.value() == dt.date(2026, 11, 29)
    edit.setTime(QTime(16, 0))
    date.setDate(QDate(2027, 1, 2))
    assert edit.lineEdit().text() == "16:00" and date.lineEdit().text() == "2027-01-02"
    optional = OptionalDateEdit(window)
    optional.set_date_value(dt.date(1990, 4, 3))
    assert optional.lineEdit().text() == "1990-04-03"


def test_every_bad_field_of_a_person_is_shown_at_once(window: MainWindow) -> None:
    page = window.show_section("people")
    assert isinstance(page, PeoplePage)
    page.new_record()
    editor = page.editor
    editor.full_name.setText("")
    editor.email.setText("not-an-email")
    editor.phone.setText("12")
    assert not editor.save()
    shown = {name for name, label in editor.form.errors.items() if not label.isHidden()}
    assert {"full_name", "email", "phone"} <= shown


def test_the_training_dialog_fits_a_small_screen(window: MainWindow) -> None:
    page = window.show_section("trainings")
    assert isinstance(page, TrainingsPage)
    dialog = TrainingDialog(window.context, page.current(), page)
    assert dialog.minimumSizeHint().height() <= 560
    assert dialog.minimumHeight() <= 560
    dialog.resize(1000, 560)
    dialog.show()
    assert dialog.buttons.isVisible()
    assert dialog.buttons.geometry().bottom() <= dialog.height()
    dialog.done(QDialog.DialogCode.Rejected)


def test_empty_states_say_what_comes_and_offer_the_next_step(
    make_window, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QPushButton

    from desktop_app.views.pages.documents import DocumentsPage
    from desktop_app.views.pages.home import HomePage

    window: MainWindow = make_window(demo=False)
    home = window.show_section("home")
    assert isinstance(home, HomePage)
    plan = next(b for b in home.findChildren(QPushButton) if b.text() == "خطط لتدريب")
    opened: list[TrainingDialog] = []
    monkeypatch.setattr(TrainingDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    plan.click()
    assert opened and window.stack.currentWidget() is window.pages["trainings"]

    demo_window: MainWindow = make_window()
    documents = demo_window.show_section("documents")
    assert isinstance(documents, DocumentsPage)
    assert documents.preview_stack.currentWidget() is documents.preview_empty
    assert "يُفتح هنا" in documents.preview_empty.text()
