"""The registry screens driven as a user would: typing Arabic, saving, errors, archive, search,
duplicates, unsaved changes, quick search, shortcuts, language and lazy loading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, insert, select

from desktop_app.db import Database
from desktop_app.models import AuditEntry, Person, new_uid, utcnow
from desktop_app.services import registry
from desktop_app.services.listing import PersonFilter, count_people
from desktop_app.views.main_window import SECTIONS, SHORTCUTS, MainWindow
from desktop_app.views.pages.organizations import OrganizationsPage
from desktop_app.views.pages.people import DuplicateDialog, PeoplePage
from tests.conftest import type_text
from tests.views.conftest import Answers


def people_page(window: MainWindow) -> PeoplePage:
    page = window.show_section("people")
    assert isinstance(page, PeoplePage)
    return page


def test_sections_and_shortcuts(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.isRightToLeft()
    assert window.navigation.count() == len(SECTIONS) == len(SHORTCUTS) == 10
    # Ctrl+1 … Ctrl+8 keep the sections they always had; Statistics, added later, is Ctrl+9, and the
    # partner network after it Ctrl+0.
    assert [SHORTCUTS[k] for k in ("home", "documents", "tools", "settings", "statistics", "network")] == [
        "Ctrl+1", "Ctrl+6", "Ctrl+7", "Ctrl+8", "Ctrl+9", "Ctrl+0"
    ]
    for key in SECTIONS:
        digit = int(SHORTCUTS[key].removeprefix("Ctrl+"))
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + digit), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is window.pages[key]
    assert "مريم" in window.status_operator.text()
    assert "قاعدة البيانات" in window.status_database.text()


def test_create_organization_by_typing_arabic(window: MainWindow, db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.show_section("organizations")
    assert isinstance(page, OrganizationsPage)
    before = page.model.total
    QTest.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.record_id is None and page.editor.name_ar.hasFocus()
    type_text(page.editor.name_ar, "جمعية الأمل للتنمية بأسوان")
    type_text(page.editor.phone, "097 231 4567")
    QTest.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.record_id is not None
    assert page.model.total == before + 1
    record = registry.get_organization(db, page.editor.record_id)
    assert record.name_ar == "جمعية الأمل للتنمية بأسوان" and record.phone == "+20972314567"
    assert page.table.selectionModel().selectedRows()[0].data() == "جمعية الأمل للتنمية بأسوان"


def test_validation_error_is_shown_beside_the_field(window: MainWindow, db: Database) -> None:
    page = people_page(window)
    before = count_people(db, PersonFilter())
    page.new_record()
    type_text(page.editor.full_name, "سارة عبد الله")
    type_text(page.editor.phone, "0101234")
    assert page.editor.save() is False
    error = page.editor.form.errors["phone"]
    assert not error.isHidden() and "01" in error.text() and "رقم" in error.text()
    assert count_people(db, PersonFilter()) == before
    page.editor.phone.setText("")
    type_text(page.editor.phone, "01001112223")
    assert page.editor.save() is True
    assert error.isHidden()
    assert count_people(db, PersonFilter()) == before + 1


def test_edit_then_archive(window: MainWindow, db: Database, answers: Answers) -> None:
    page = people_page(window)
    page.select_row(0)
    person_id = page.editor.record_id
    assert person_id is not None
    page.editor.job_title.setText("")
    type_text(page.editor.job_title, "منسقة برامج")
    assert page.editor.is_dirty()
    assert page.editor.save()
    assert registry.get_person(db, person_id).job_title == "منسقة برامج"
    assert page.table.selectionModel().selectedRows()[0].row() == 0  # the list kept its place
    total = page.model.total
    page.editor.archive_button.click()
    assert answers.seen and "أرشفة" in answers.seen[-1]
    assert registry.get_person(db, person_id).archived
    assert page.model.total == total - 1
    page.archived.setChecked(True)
    assert page.model.total == total


def test_search_narrows_the_list_as_you_type(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = people_page(window)
    assert page.model.total == 57
    type_text(page.search, "هانى ابراهيم")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=10_000)
    assert page.model.rows[0].full_name == "هاني إبراهيم"
    assert "شخص" in page.count_label.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total == 57, timeout=10_000)


def test_filters(window: MainWindow) -> None:
    page = people_page(window)
    page.governorate_filter.set_value("28")  # Aswan
    assert 0 < page.model.total < 57
    assert all(row.governorate == "28" for row in page.model.rows)


def test_duplicate_warning_offers_the_existing_record(
    window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(window)
    shown: list[int] = []

    def open_existing(dialog: DuplicateDialog) -> int:
        shown.append(dialog.list.count())
        dialog.chosen = dialog.list.currentItem().data(256)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DuplicateDialog, "exec", open_existing)
    before = count_people(db, PersonFilter())
    page.new_record()
    type_text(page.editor.full_name, "هانى ابراهيم")
    type_text(page.editor.phone, "+20 100 123 4567")
    assert page.editor.save() is False
    assert shown == [1]
    assert page.editor.full_name.text() == "هاني إبراهيم"  # the existing record is open instead
    assert count_people(db, PersonFilter()) == before

    monkeypatch.setattr(DuplicateDialog, "exec", lambda dialog: 2)  # "save anyway"
    page.new_record()
    type_text(page.editor.full_name, "هانى ابراهيم")
    type_text(page.editor.phone, "01001234567")
    assert page.editor.save() is True
    assert count_people(db, PersonFilter()) == before + 1


def test_national_id_fills_birth_date_gender_and_governorate(window: MainWindow) -> None:
    page = people_page(window)
    page.new_record()
    type_text(page.editor.national_id, "29001011234567")
    assert page.editor.birth_date.date_value() is not None
    assert page.editor.birth_date.date_value().isoformat() == "1990-01-01"
    assert page.editor.gender.currentData() == "female"
    assert page.editor.governorate.value() == "12"
    page.editor.gender.setCurrentIndex(page.editor.gender.findData("male"))  # the user may override
    assert page.editor.values()["gender"] == "male"


def test_unsaved_changes_are_never_lost_silently(window: MainWindow, answers: Answers) -> None:
    page = people_page(window)
    page.select_row(0)
    first = page.editor.record_id
    type_text(page.editor.notes, "ملاحظة")
    answers.queue.append("ابقَ هنا")
    page.select_row(1)
    assert page.editor.record_id == first and page.editor.is_dirty()
    assert page.table.selectionModel().selectedRows()[0].row() == 0
    answers.queue.append("تجاهل التغييرات")
    page.select_row(1)
    assert page.editor.record_id != first and not page.editor.is_dirty()
    assert "لم تُحفظ" in answers.seen[-1]


def test_escape_reverts_and_ctrl_f_focuses_search(window: MainWindow) -> None:
    page = people_page(window)
    page.select_row(0)
    name = page.editor.full_name.text()
    type_text(page.editor.full_name, "ـتغيير")
    QTest.keyClick(page.editor.full_name, Qt.Key.Key_Escape)
    assert page.editor.full_name.text() == name
    QTest.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()


def test_quick_search_opens_the_person(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.quick_search.hasFocus()
    type_text(window.quick_search, "هانى")
    QTest.keyClick(window.quick_search, Qt.Key.Key_Return)
    page = window.stack.currentWidget()
    assert isinstance(page, PeoplePage)
    assert page.editor.full_name.text() == "هاني إبراهيم"


def test_english_interface_is_left_to_right(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(language="en")
    assert not window.isRightToLeft()
    assert window.navigation.item(0).text() == "Home"
    assert window.windowTitle() == "Tashbeek"
    people = people_page(window)
    assert people.count_label.text() == "57 people"


def test_arabic_interface_is_right_to_left(window: MainWindow) -> None:
    assert window.isRightToLeft()
    assert window.navigation.item(0).text() == "الرئيسية"
    assert window.windowTitle() == "تشبيك"


def test_lists_load_lazily(make_window, db: Database) -> None:  # type: ignore[no-untyped-def]
    now = utcnow()
    with db.session_scope() as session:
        rows = [
            {"uid": new_uid(), "full_name": f"مشارك رقم {n}", "name_key": f"مشارك رقم {n}", "archived": False,
             "consent_share_contact": False, "created_at": now, "updated_at": now}
            for n in range(1500)
        ]  # fmt: skip
        session.execute(insert(Person), rows)
    window = make_window(demo=False)
    page = people_page(window)
    assert page.model.total == 1500
    assert page.model.rowCount() == 200
    page.table.scrollToBottom()
    if page.model.canFetchMore():
        page.model.fetchMore()
    assert 400 <= page.model.rowCount() <= 1500
    assert "1500" in page.count_label.text()


def test_home_offers_the_demo_on_an_empty_database(make_window, db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo=False)
    home = window.pages["home"]
    assert not home.banner_box.isHidden()
    home.demo_button.click()
    qtbot.waitUntil(lambda: count_people(db, PersonFilter()) == 57, timeout=10_000)
    qtbot.waitUntil(lambda: home.banner_box.isHidden(), timeout=5_000)
    assert home.numbers["people"].text() == "57"
    from tests.views.conftest import settle

    qtbot.wait(50)  # this month's figures, counted after the demo, finish before the window goes
    settle()


def test_settings_are_saved(window: MainWindow, db: Database, answers: Answers, tmp_path: Path) -> None:
    from desktop_app import config
    from desktop_app.services.settings import load_organization_settings

    with db.session_scope() as session:  # the demo's own entries (its logo) come before
        before = session.scalar(select(func.max(AuditEntry.id))) or 0
    page = window.show_section("settings")
    page.operator.setText("")
    type_text(page.operator, "أحمد")
    page.save_machine()
    assert config.load_settings().operator == "أحمد"
    assert db.operator == "أحمد"
    page.prefix.setText("bad prefix!")
    page.save_organization()
    assert "بادئة" in answers.seen[-1]
    page.prefix.setText("CEDS")
    page.add_signatory_row(registry_signatory("هاني إبراهيم", "رئيس مجلس الأمناء"))
    page.save_organization()
    saved = load_organization_settings(db)
    assert saved.certificate_serial_prefix == "CEDS"
    # The demo's two signatories, then the one added here.
    assert [s.name for s in saved.signatories] == ["د. هاني إبراهيم", "سلوى عبد الحميد", "هاني إبراهيم"]
    with db.session_scope() as session:
        operators = set(
            session.scalars(
                select(AuditEntry.operator).where(AuditEntry.entity == "setting", AuditEntry.id > before)
            )
        )
    assert operators == {"أحمد"}


def registry_signatory(name: str, title: str):  # type: ignore[no-untyped-def]
    from desktop_app.services.settings import SignatoryData

    return SignatoryData(name, title)


def test_unexpected_errors_show_a_message_not_a_traceback(window: MainWindow, answers: Answers) -> None:
    from desktop_app.logs import setup_logging
    from desktop_app.views.errors import show_error

    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        show_error(window, exc)
    assert "بياناتك المحفوظة سليمة" in answers.seen[-1]
    assert "Traceback" not in answers.seen[-1]
    log = setup_logging().read_text(encoding="utf-8")
    # The log keeps the kind of error and where it happened, never its message (it can quote a name).
    assert "RuntimeError" in log and "test_unexpected_errors_show_a_message_not_a_traceback" in log
    assert "boom in a slot" not in log
