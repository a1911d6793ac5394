"""Two stations editing the same person (issue 21): a save over a record another station changed
since the form opened it shows the conflict (what changed, who changed it) instead of overwriting,
and keeps theirs, keeps mine field by field, or saves nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.db import Database, make_engine
from desktop_app.services import registry
from desktop_app.views.dialogs.conflict import MINE, THEIRS, ConflictDialog
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.organizations import OrganizationsPage
from desktop_app.views.pages.people import PeoplePage
from tests.conftest import type_text


@pytest.fixture
def other_station(db: Database) -> Iterator[Database]:
    """The same database opened by another program, with its own operator."""
    other = Database(db.url, make_engine(db.url), operator="سامي")
    yield other
    other.dispose()


def _open_first_person(window: MainWindow) -> tuple[PeoplePage, int]:
    page = window.show_section("people")
    assert isinstance(page, PeoplePage)
    page.select_row(0)
    assert page.editor.record_id is not None
    return page, page.editor.record_id


def test_a_stale_save_shows_the_conflict_and_merges_field_by_field(
    window: MainWindow, db: Database, other_station: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, person_id = _open_first_person(window)
    opened = registry.get_person(db, person_id)
    registry.update_person(other_station, person_id, job_title="مديرة مشروعات")  # meanwhile, elsewhere
    page.editor.notes.setPlainText("")
    type_text(page.editor.notes, "تحتاج شهادة بالإنجليزية")
    seen: list[dict[str, object]] = []

    def answer(dialog: ConflictDialog) -> int:
        seen.append({
            "fields": list(dialog.fields),
            "header": dialog.table.horizontalHeaderItem(1).text(),
            "choices": {name: box.currentData() for name, box in dialog.choices.items()},
            "theirs": dialog.table.item(dialog.fields.index("job_title"), 1).text(),
        })  # fmt: skip
        dialog.merge_button.click()  # as proposed: their job title, my notes
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", answer)
    assert page.editor.save() is True
    assert seen and sorted(seen[0]["fields"]) == ["job_title", "notes"]  # type: ignore[call-overload]
    assert "سامي" in str(seen[0]["header"])
    assert seen[0]["choices"] == {"job_title": THEIRS, "notes": MINE}
    assert seen[0]["theirs"] == "مديرة مشروعات"
    stored = registry.get_person(db, person_id)
    assert (stored.job_title, stored.notes) == ("مديرة مشروعات", "تحتاج شهادة بالإنجليزية")
    assert stored.version == opened.version + 2  # theirs, then mine over it: nothing overwritten
    assert page.editor.version == stored.version and not page.editor.is_dirty()


def test_keep_theirs_saves_nothing_and_shows_their_version(
    window: MainWindow, db: Database, other_station: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, person_id = _open_first_person(window)
    registry.update_person(other_station, person_id, job_title="منسق")
    page.editor.job_title.setText("")
    type_text(page.editor.job_title, "متطوع")

    def keep_theirs(dialog: ConflictDialog) -> int:
        assert dialog.choices["job_title"].currentData() == MINE  # both changed it: mine proposed
        dialog.theirs_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", keep_theirs)
    assert page.editor.save() is True
    assert registry.get_person(db, person_id).job_title == "منسق"
    assert page.editor.job_title.text() == "منسق" and not page.editor.is_dirty()


def test_cancel_keeps_my_edits_unsaved(
    window: MainWindow, db: Database, other_station: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, person_id = _open_first_person(window)
    registry.update_person(other_station, person_id, job_title="منسق")
    page.editor.job_title.setText("")
    type_text(page.editor.job_title, "متطوع")
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert page.editor.save() is False
    assert registry.get_person(db, person_id).job_title == "منسق"  # theirs stays
    assert page.editor.job_title.text() == "متطوع" and page.editor.is_dirty()  # mine is still here
    # Saved again now: over their version, knowingly (the form was shown theirs).
    assert page.editor.save() is True
    assert registry.get_person(db, person_id).job_title == "متطوع"


def test_the_conflict_dialog_as_shown(window: MainWindow, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Render it (right to left, Arabic joined, nothing clipped) for a look."""
    page, _person_id = _open_first_person(window)
    base = page.editor.values()
    theirs = {**base, "job_title": "مديرة مشروعات", "phone": "0100 555 1234"}
    mine = {**base, "notes": "تحتاج شهادة بالإنجليزية", "phone": "0111 222 3333"}
    dialog = ConflictDialog(page.editor.form.labels, base, theirs, mine, page.editor.shown, ["سامي"], window)
    dialog.show()
    assert dialog.isRightToLeft()
    assert sorted(dialog.fields) == ["job_title", "notes", "phone"]
    assert dialog.chosen() == {**theirs, "notes": mine["notes"], "phone": mine["phone"]}
    picture = tmp_path_factory.mktemp("conflict") / "conflict.png"
    dialog.grab().save(str(picture))
    dialog.close()


def test_the_organization_form_shows_a_conflict_too(
    window: MainWindow, db: Database, other_station: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_section("organizations")
    assert isinstance(page, OrganizationsPage)
    page.select_row(0)
    org_id = page.editor.record_id
    assert org_id is not None
    registry.update_organization(other_station, org_id, website="https://example.org")
    page.editor.notes.setPlainText("")
    type_text(page.editor.notes, "شريك في ثلاث مبادرات")
    fields: list[list[str]] = []

    def answer(dialog: ConflictDialog) -> int:
        fields.append(sorted(dialog.fields))
        dialog.merge_button.click()
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", answer)
    assert page.editor.save() is True
    assert fields == [["notes", "website"]]
    stored = registry.get_organization(db, org_id)
    assert (stored.website, stored.notes) == ("https://example.org", "شريك في ثلاث مبادرات")
