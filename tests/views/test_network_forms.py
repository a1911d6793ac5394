"""The partner network's forms in the window: agreements, initiatives, meetings and action items are
edited (a button or a double-click) and archived (after a question) through the runner; the
agreement's form links trainings and initiatives; the initiative's sets its partners' roles and the
people involved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QTableWidget

from desktop_app.services import actions, agreements, initiatives, meetings, network
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages import network as network_page
from tests.views.conftest import settle


def _page(window: MainWindow, tab: str) -> Any:
    page = window.show_section("network")
    page.show_tab(tab)
    page.refresh_lists()
    return page


def _select(table: QTableWidget, record_id: int) -> None:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
            table.setCurrentCell(row, 0)
            return
    raise AssertionError(f"record {record_id} is not listed")


def _ids(table: QTableWidget) -> set[int]:
    return {table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(table.rowCount())}


def _fill_and_save(monkeypatch: pytest.MonkeyPatch, dialog_class: type[QDialog], fill: Callable[[Any], None]) -> list[Any]:
    """The form is filled by `fill` and saved once; shown again (a refused value), it is cancelled."""
    shown: list[Any] = []

    def exec_(dialog: Any) -> int:
        shown.append(dialog)
        if len(shown) > 1:
            return QDialog.DialogCode.Rejected.value
        fill(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return shown


def _check(listing: Any, record_id: int) -> None:
    for n in range(listing.count()):
        if listing.item(n).data(Qt.ItemDataRole.UserRole) == record_id:
            listing.item(n).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{record_id} is not offered")


def test_an_agreement_is_edited_with_its_links(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    protocol = next(a for a in agreements.list_agreements(db) if a.kind == "protocol")
    training_id = network.choices(db).activities[-1][0]  # the earlier programme
    initiative_id = initiatives.list_initiatives(db)[0].id
    page = _page(window, "agreements")
    _select(page.agreements, protocol.id)

    def fill(dialog: Any) -> None:
        # The form opens on the agreement as it is: its parties and their signatories.
        assert dialog.title.text() == protocol.title
        given = [(o.currentData(), p.currentData(), t.text() or None) for o, p, t in dialog.parties if o.currentData()]
        assert given == [(p.organization_id, p.signatory_id, p.signatory_title) for p in protocol.parties]
        dialog.title.setText(protocol.title + " (معدل)")
        _check(dialog.trainings, training_id)
        _check(dialog.initiatives, initiative_id)

    shown = _fill_and_save(monkeypatch, network_page.AgreementDialog, fill)
    page.edit_agreement()
    settle()
    assert len(shown) == 1
    after = agreements.get_agreement(db, protocol.id)
    assert after.title == protocol.title + " (معدل)"
    assert training_id in after.training_ids and set(protocol.training_ids) <= set(after.training_ids)
    assert initiative_id in after.initiative_ids
    assert after.parties == protocol.parties and after.signed_on == protocol.signed_on
    titles = [page.agreements.item(r, 0).text() for r in range(page.agreements.rowCount())]
    assert after.title in titles  # the list shows the change at once


def test_a_new_agreement_links_a_training_and_an_initiative(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    training_id = network.choices(db).activities[0][0]
    initiative_id = initiatives.list_initiatives(db)[0].id
    page = _page(window, "agreements")
    before = _ids(page.agreements)

    def fill(dialog: Any) -> None:
        dialog.title.setText("مذكرة تعاون للتدريب المشترك")
        dialog.parties[0][0].setCurrentIndex(1)
        dialog.parties[1][0].setCurrentIndex(2)
        _check(dialog.trainings, training_id)
        _check(dialog.initiatives, initiative_id)

    _fill_and_save(monkeypatch, network_page.AgreementDialog, fill)
    page.new_agreement()
    settle()
    (new_id,) = _ids(page.agreements) - before
    made = agreements.get_agreement(db, new_id)
    assert made.training_ids == (training_id,) and made.initiative_ids == (initiative_id,)
    assert len(made.parties) == 2


def test_a_refused_edit_keeps_the_form_open_and_writes_nothing(
    window: MainWindow, answers: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.context.db
    agreement = agreements.list_agreements(db)[0]
    page = _page(window, "agreements")
    _select(page.agreements, agreement.id)
    shown = _fill_and_save(monkeypatch, network_page.AgreementDialog, lambda d: d.title.setText("  "))
    page.edit_agreement()
    settle()
    assert len(shown) == 2  # shown again after the refusal, then cancelled
    assert answers.seen  # the refusal was said
    assert agreements.get_agreement(db, agreement.id) == agreement


ARCHIVES = {
    "agreements": ("agreements", lambda db: agreements.list_agreements(db)[0].id, "archive_agreement"),
    "initiatives": ("initiatives", lambda db: initiatives.list_initiatives(db)[0].id, "archive_initiative"),
    "meetings": ("meetings", lambda db: meetings.list_meetings(db)[-1].id, "archive_meeting"),
}


@pytest.mark.parametrize("tab", ARCHIVES)
def test_archiving_asks_first(window: MainWindow, monkeypatch: pytest.MonkeyPatch, tab: str) -> None:
    table_name, first_id, action = ARCHIVES[tab]
    db = window.context.db
    record_id = first_id(db)
    page = _page(window, tab)
    table = getattr(page, table_name)
    asked: list[str] = []
    replies = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])

    def question(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return next(replies)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    _select(table, record_id)
    getattr(page, action)()  # No: nothing changes
    settle()
    assert record_id in _ids(table)
    _select(table, record_id)
    getattr(page, action)()  # Yes
    settle()
    assert len(asked) == 2
    assert record_id not in _ids(table)
    listed = {"agreements": agreements.list_agreements, "initiatives": initiatives.list_initiatives,
              "meetings": meetings.list_meetings}[tab]  # fmt: skip
    assert record_id not in {r.id for r in listed(db)}
    assert record_id in {r.id for r in listed(db, include_archived=True)}  # archived, not deleted
    # "Show archived" lists it again, and the same action brings it back.
    page.show_archived.setChecked(True)
    assert record_id in _ids(table)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: (asked.append(str(a[2])),
                                                                               QMessageBox.StandardButton.Yes)[1]))  # fmt: skip
    _select(table, record_id)
    getattr(page, action)()
    settle()
    assert "«" in asked[-1] or "“" in asked[-1]
    assert record_id in {r.id for r in listed(db)}  # back in the lists
    page.show_archived.setChecked(False)
    assert record_id in _ids(table)


def test_an_initiative_sets_its_partners_roles_and_its_people(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    initiative = initiatives.list_initiatives(db)[0]
    partner_ids = {org for org, _n, _r in initiative.partners}
    newcomer = next(o for o, _n, _e in network.choices(db).organizations if o not in partner_ids)
    person_id, person_name = network.people_of(db, newcomer)[0]
    page = _page(window, "initiatives")
    _select(page.initiatives, initiative.id)

    def fill(dialog: Any) -> None:
        table = dialog.partners
        rows = {table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(table.rowCount())}
        assert {o for o, r in rows.items() if table.item(r, 0).checkState() == Qt.CheckState.Checked} == partner_ids
        first = initiative.partners[0][0]
        table.item(rows[first], 1).setText("التنسيق العام")
        table.item(rows[newcomer], 0).setCheckState(Qt.CheckState.Checked)
        table.item(rows[newcomer], 1).setText("الإعلام")
        assert dialog.people.rowCount() == len(initiative.people)
        dialog.person_org.setCurrentIndex(dialog.person_org.findData(newcomer))
        dialog.person.setCurrentIndex(dialog.person.findData(person_id))
        dialog.person_role.setText("منسقة المتطوعين")
        dialog.add_person()
        dialog.add_person()  # the same person twice is one row

    _fill_and_save(monkeypatch, network_page.InitiativeDialog, fill)
    page.edit_initiative()
    settle()
    after = initiatives.get_initiative(db, initiative.id)
    roles = {org: role for org, _n, role in after.partners}
    assert roles[initiative.partners[0][0]] == "التنسيق العام" and roles[newcomer] == "الإعلام"
    assert set(roles) == partner_ids | {newcomer}
    assert (person_id, person_name, "منسقة المتطوعين") in after.people
    assert len(after.people) == len(initiative.people) + 1
    assert after.trainings == initiative.trainings and after.agreements == initiative.agreements  # kept


def test_an_initiative_links_its_trainings_and_meetings(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The initiative's own form ticks the trainings and meetings it is linked to (only the CLI could)."""
    db = window.context.db
    initiative = initiatives.list_initiatives(db)[0]
    linked = {t for t, _title, _kind in initiative.trainings}
    other = next(a for a, _t, _k, _d in network.choices(db).activities if a not in linked)
    page = _page(window, "initiatives")
    _select(page.initiatives, initiative.id)

    def fill(dialog: Any) -> None:
        items = {dialog.trainings.item(n).data(Qt.ItemDataRole.UserRole): dialog.trainings.item(n)
                 for n in range(dialog.trainings.count())}  # fmt: skip
        assert {i for i, item in items.items() if item.checkState() == Qt.CheckState.Checked} == linked
        items[other].setCheckState(Qt.CheckState.Checked)

    _fill_and_save(monkeypatch, network_page.InitiativeDialog, fill)
    page.edit_initiative()
    settle()
    after = initiatives.get_initiative(db, initiative.id)
    assert {t for t, _title, _kind in after.trainings} == linked | {other}
    assert after.agreements == initiative.agreements  # kept


def test_a_person_is_removed_from_an_initiative(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    initiative = next(i for i in initiatives.list_initiatives(db) if i.people)
    page = _page(window, "initiatives")
    _select(page.initiatives, initiative.id)

    def fill(dialog: Any) -> None:
        dialog.people.setCurrentCell(0, 0)
        dialog.remove_person()

    _fill_and_save(monkeypatch, network_page.InitiativeDialog, fill)
    page.edit_initiative()
    settle()
    assert initiatives.get_initiative(db, initiative.id).people == initiative.people[1:]


def test_a_meeting_is_edited_and_keeps_its_minutes(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    held = next(m for m in meetings.list_meetings(db) if m.decisions)
    before = meetings.meeting_details(db, held.id)
    page = _page(window, "meetings")
    _select(page.meetings, held.id)

    def fill(dialog: Any) -> None:
        assert dialog.title.text() == held.title and dialog.agenda.toPlainText() == (before.agenda or "")
        dialog.title.setText("اجتماع المتابعة الأول")
        dialog.venue.setText("قاعة الجمعية")

    _fill_and_save(monkeypatch, network_page.MeetingDialog, fill)
    page.edit_meeting()
    settle()
    after = meetings.meeting_details(db, held.id)
    assert after.row.title == "اجتماع المتابعة الأول" and after.row.venue == "قاعة الجمعية"
    assert (after.minutes, after.decisions, after.invited_organizations, after.initiative_ids) == (
        before.minutes, before.decisions, before.invited_organizations, before.initiative_ids)
    assert (after.row.date, after.row.start_time, after.row.attended) == (held.date, held.start_time, held.attended)


def test_an_action_item_is_edited(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    item = actions.overdue_actions(db)[0]
    page = _page(window, "actions")
    _select(page.action_items, item.id)

    def fill(dialog: Any) -> None:
        assert dialog.what.text() == item.title
        dialog.what.setText(item.title + " والمحافظات")
        dialog.has_due.setChecked(False)

    _fill_and_save(monkeypatch, network_page.ActionDialog, fill)
    page.edit_action()
    settle()
    after = actions.get_action(db, item.id)
    assert after.title == item.title + " والمحافظات" and after.due_date is None and not after.overdue
    assert (after.status, after.owner_organization_id, after.training_id) == (
        item.status, item.owner_organization_id, item.training_id)


def test_a_double_click_opens_the_records_form(window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(window, "agreements")
    window.resize(1280, 800)
    qtbot.wait(20)
    opened: list[str] = []

    def exec_(dialog: Any) -> int:
        opened.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(network_page.AgreementDialog, "exec", exec_)
    table = page.agreements
    rect = table.visualItemRect(table.item(0, 0))
    # A double-click is a press, a release, then the double-click (the view opens what was pressed).
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    assert len(opened) == 1 and "تعديل" in opened[0]  # the form of the agreement double-clicked
