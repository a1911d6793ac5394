"""The Tools screen: the import wizard (mapping, check, decisions, import), exports, and the Duplicates
tab with its field-by-field merge."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from desktop_app.models import Person
from desktop_app.services.registry import PersonData, create_person
from desktop_app.views.import_dialog import ImportDialog
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.tools import MergeDialog, ToolsPage
from tests.views.conftest import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def tools(window: MainWindow) -> ToolsPage:
    page = window.show_section("tools")
    assert isinstance(page, ToolsPage)
    return page


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "form.csv"
    path.write_text(
        "الاسم الثلاثي,رقم الموبايل (واتساب),اسم الجهة,عمود آخر\n"
        "نادية سمير,01055555555,جمعية النور,x\n"
        "هانى ابراهيم,,مركز التنمية الاقتصادية والاجتماعية,y\n"
        "بدون رقم,0105,,z\n",
        encoding="utf-8",
    )
    return path


def test_import_wizard_checks_then_imports(qtbot, tools: ToolsPage, answers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(tools.context, _file(tmp_path), "people", tools)
    qtbot.addWidget(dialog)
    fields = [box.currentData() for box in dialog.field_boxes]
    assert fields == ["full_name", "phone", "organization", "ignore"]
    dialog.check()
    settle()  # the work went to the runner
    assert dialog.steps.currentIndex() == 1
    assert dialog.problems.item(0, 0).text() == "4"  # the bad phone, by spreadsheet row
    assert dialog.duplicates.rowCount() == 1  # هانى ابراهيم ~ هاني إبراهيم, same organization
    dialog.decision_boxes[3].setCurrentIndex(dialog.decision_boxes[3].findData("merge"))
    dialog.run_import()
    qtbot.waitUntil(lambda: bool(answers.seen), timeout=10_000)
    assert dialog.done_report is None  # refused: a row has a problem
    dialog.skip_invalid.setChecked(True)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.done_report is not None, timeout=10_000)
    assert (dialog.done_report.created, dialog.done_report.merged) == (1, 1)
    with tools.context.db.session_scope() as session:
        names = set(session.scalars(select(Person.full_name)))
    assert "نادية سمير" in names and "هانى ابراهيم" not in names  # merged into هاني إبراهيم


def test_import_button_opens_the_wizard(tools: ToolsPage, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _file(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    opened: list[ImportDialog] = []
    monkeypatch.setattr(ImportDialog, "exec", lambda self: opened.append(self) or 0)
    tools.import_file("people")
    settle()  # the work went to the runner
    assert opened and opened[0].path == path


def test_export_by_extension(tools: ToolsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("people.xlsx", "people.csv"):
        target = tmp_path / name
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), ""))
        )
        tools.export("people")
        settle()  # the work went to the runner
        assert target.exists()
    tools.refresh()
    target = tmp_path / "attendance.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    tools.export("attendance")
    settle()  # the work went to the runner
    assert target.exists()


def test_duplicates_tab_merges_field_by_field(qtbot, tools: ToolsPage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tools.context.db
    a = create_person(db, PersonData("سلمى فؤاد", phone="01077777777"))
    b = create_person(db, PersonData("سلمي فؤاد", phone="01077777777", email="salma@example.org"))
    tools.tabs.setCurrentIndex(1)
    tab = tools.duplicates_tab
    row = next(n for n, p in enumerate(tab.pairs) if {p.first.id, p.second.id} == {a, b})
    tab.table.setCurrentCell(row, 0)

    def choose(dialog: MergeDialog) -> int:
        assert dialog.groups["email"].checkedId() == 2  # the first has none: the second's by default
        dialog.groups["full_name"].button(2).setChecked(True)
        dialog.merge()
        return dialog.result()

    monkeypatch.setattr(MergeDialog, "exec", choose)
    tab.merge_selected()
    with db.session_scope() as session:
        survivor = session.get(Person, min(a, b))
        assert survivor is not None and session.get(Person, max(a, b)) is None
        other_name = "سلمي فؤاد" if min(a, b) == a else "سلمى فؤاد"
        assert (survivor.full_name, survivor.email) == (other_name, "salma@example.org")
    assert all({p.first.id, p.second.id} != {a, b} for p in tab.pairs)


def _statuses(tmp_path: Path) -> Path:
    """A CRM export whose only name-like column holds statuses, and the names in an unnamed one."""
    path = tmp_path / "crm.csv"
    lines = ["Participant,Contact,Mobile"] + [
        f"{('Registered', 'Attended')[n % 2]},Person{n} Family{n},0100000{n:04d}" for n in range(12)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_wizard_shows_a_doubtful_column_and_asks(qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    dialog = ImportDialog(tools.context, _statuses(tmp_path), "people", tools)
    qtbot.addWidget(dialog)
    status = dialog.field_boxes[0]
    assert status.currentData() == "ignore"  # the values say it is no name
    assert "Registered" in dialog.columns.item(0, 3).text()
    assert dialog.refusal_note.isVisibleTo(dialog) and "Participant" in dialog.refusal_note.text()
    status.setCurrentIndex(status.findData("full_name"))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    dialog.check()
    settle()  # the work went to the runner
    assert dialog.steps.currentIndex() == 0  # asked, and the user said no
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(str(a[2])) or QMessageBox.StandardButton.Yes))  # fmt: skip
    dialog.check()
    settle()  # the work went to the runner
    assert asked and "Participant" in asked[0] and dialog.steps.currentIndex() == 1
    status.setCurrentIndex(status.findData("ignore"))
    contact = dialog.field_boxes[1]
    contact.setCurrentIndex(contact.findData("full_name"))
    dialog.steps.setCurrentIndex(0)
    dialog.check()
    settle()  # the work went to the runner
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.done_report is not None, timeout=10_000)
    assert dialog.done_report.created == 12
