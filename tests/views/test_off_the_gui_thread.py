"""No work runs on the GUI thread: each window action's service call is held until the GUI thread has
turned its event loop a few times (a timer ticking on it), which it can only do if the call runs
elsewhere. Run on the GUI thread, the held call would wait out its deadline with the timer frozen
and the test fails; so a test here passes only when the action went through the window's runner.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from desktop_app.services import backups, packages
from desktop_app.services.registry import PersonData, create_person
from desktop_app.views.import_dialog import ImportDialog
from desktop_app.views.main_window import MainWindow
from desktop_app.views.training_dialogs import AddPeopleDialog, TrainingDialog
from tests.views.conftest import settle

TICKS = 3  # event-loop turns the held call waits for
DEADLINE = 3.0  # seconds: a call held on the GUI thread gives up after this, and the test fails


class Probe:
    """Counts the GUI thread's timer ticks and holds wrapped calls until it has seen TICKS of them."""

    def __init__(self) -> None:
        self.ticks = 0
        self.calls: list[tuple[bool, bool]] = []  # (off the GUI thread, the event loop turned meanwhile)
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.ticks += 1

    def hold(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def held(*args: Any, **kwargs: Any) -> Any:
            start, deadline = self.ticks, time.monotonic() + DEADLINE
            while self.ticks < start + TICKS and time.monotonic() < deadline:
                time.sleep(0.002)
            self.calls.append((threading.current_thread() is not threading.main_thread(), self.ticks >= start + TICKS))
            return original(*args, **kwargs)

        return held


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _people_csv(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_text("الاسم,الموبايل\nنادية سمير,01012345678\n", encoding="utf-8")
    return path


# -- the actions: (the service call to hold, "module:attribute"; what the user does)
def check_in(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = w.show_section("checkin")
    page.box.setText("هاني إبراهيم")
    page.submit()


def save_person(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = w.show_section("people")
    page.new_record()
    page.editor.form.fields["full_name"].setText("شخص جديد تماما")
    page.editor.save()


def save_organization(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = w.show_section("organizations")
    page.new_record()
    page.editor.form.fields["name_ar"].setText("جمعية جديدة تماما")
    page.editor.save()


def new_training(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    dialog = TrainingDialog(w.context, None, w)
    dialog.title_ar.setText("تدريب جديد")
    dialog.store()


def enrol(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    person = create_person(w.context.db, PersonData("شخص للتسجيل"))
    dialog = AddPeopleDialog(w.context, 1, w)
    dialog.checked.add(person)
    dialog._enrol()


def mark_attendance(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = w.show_section("trainings")
    model = page.grid_model
    model.set_cell(model.index(0, model.FIXED), "excused")


def issue_certificates(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    w.show_section("documents").issue()


def _with_certificates(w: MainWindow) -> Any:
    """The Documents page after certificates were issued by hand to three participants."""
    from desktop_app.services.attendance import attendance_grid
    from desktop_app.services.certificates import issue_certificates

    people = [row.person_id for row in attendance_grid(w.context.db, 1).rows[:3]]
    issue_certificates(w.context.db, 1, people, before_end=True)
    page = w.show_section("documents")
    page.refresh()
    return page


def print_certificates(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _with_certificates(w)
    _save_to(mp, tmp / "certificates.pdf")
    mp.setattr(page, "show_file", lambda path: None)
    page.print_certificates()


def print_sheet(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = w.show_section("documents")
    _save_to(mp, tmp / "sheet.pdf")
    mp.setattr(page, "show_file", lambda path: None)
    page.make("sheet")


def save_organization_settings(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    w.show_section("settings").save_organization()


def read_import_file(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _open(mp, _people_csv(tmp))
    mp.setattr(ImportDialog, "exec", lambda self: 0)
    w.show_section("tools").import_file("people")


def check_import_file(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    dialog = ImportDialog(w.context, _people_csv(tmp), "people", w.show_section("tools"))
    dialog.check()


def export_people(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _save_to(mp, tmp / "people.xlsx")
    w.show_section("tools").export("people")


def export_filtered_people(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _save_to(mp, tmp / "women.vcf")
    people = w.show_section("people")
    people.gender_filter.setCurrentIndex(people.gender_filter.findData("female"))
    people.export_list()


def find_duplicates(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    w.show_section("tools").duplicates_tab.refresh()


def backup(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    w.show_section("tools").backups_tab.backup_now()


def restore(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    made = backups.make_backup(w.context.db, w.context.settings.backup_path())
    _open(mp, made)
    w.show_section("tools").backups_tab.restore_file()


def export_package(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    tab = w.show_section("tools").packages_tab
    tab.refresh()
    tab.protect.setChecked(False)
    _save_to(mp, tmp / "venue.tashbeek.zip")
    tab.export()


def _package(w: MainWindow, tmp: Path) -> Path:
    path = tmp / "venue.tashbeek.zip"
    packages.export_package(w.context.db, 1, path)
    return path


def import_package(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _open(mp, _package(w, tmp))
    w.show_section("tools").packages_tab.import_()


def package_as_new_database(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _open(mp, _package(w, tmp))
    _save_to(mp, tmp / "venue.sqlite")
    from PySide6.QtCore import QProcess

    mp.setattr(QProcess, "startDetached", staticmethod(lambda *a, **k: True))  # no second window
    w.show_section("tools").packages_tab.open_as_new_database()


def revoke(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _with_certificates(w)
    page.issued.setCurrentCell(0, 0)
    mp.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("خطأ في الاسم", True)))
    page.revoke()


def load_demo(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    w.show_section("home").load_demo()


def save_age_bands(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    mp.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("18, 30, 45", True)))
    w.show_section("statistics").edit_age_bands()


def _accept_once(mp: pytest.MonkeyPatch) -> None:
    """The form is filled and saved once (then any form the flow shows again is cancelled)."""
    answers = iter([QDialog.DialogCode.Accepted])
    mp.setattr(QDialog, "exec", lambda self: next(answers, 0))


def _network(w: MainWindow, tab: str) -> Any:
    page = w.show_section("network")
    page.show_tab(tab)
    page.refresh_lists()
    return page


def _pick(table: Any, row: int = 0) -> None:
    table.setCurrentCell(row, 0)


def draw_network(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "map")
    page.map.reload()


def new_agreement(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "agreements")
    _accept_once(mp)
    from desktop_app.views.pages import network as network_page

    def fill(dialog: Any) -> None:
        dialog.title.setText("مذكرة تعاون جديدة")
        dialog.parties[0][0].setCurrentIndex(1)
        dialog.parties[1][0].setCurrentIndex(2)

    original = network_page.AgreementDialog.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        fill(self)

    mp.setattr(network_page.AgreementDialog, "__init__", init)
    page.new_agreement()


def attach_signed_copy(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "agreements")
    _pick(page.agreements)
    signed = tmp / "signed.pdf"
    signed.write_bytes(b"%PDF-1.4\n%%EOF\n")
    _open(mp, signed)
    page.attach_document()


def new_initiative(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "initiatives")
    _accept_once(mp)
    from desktop_app.views.pages import network as network_page

    original = network_page.InitiativeDialog.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.name.setText("مبادرة جديدة")

    mp.setattr(network_page.InitiativeDialog, "__init__", init)
    page.new_initiative()


def new_meeting(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "meetings")
    _accept_once(mp)
    from desktop_app.views.pages import network as network_page

    original = network_page.MeetingDialog.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.title.setText("اجتماع تنسيقي")

    mp.setattr(network_page.MeetingDialog, "__init__", init)
    page.new_meeting()


def record_minutes(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "meetings")
    _pick(page.meetings)
    _accept_once(mp)
    page.edit_minutes()


def new_action(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "actions")
    _accept_once(mp)
    from desktop_app.views.pages import network as network_page

    original = network_page.ActionDialog.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.what.setText("إرسال الكتيبات")

    mp.setattr(network_page.ActionDialog, "__init__", init)
    page.new_action()


def mark_action_done(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "actions")
    _pick(page.action_items)
    page.mark_done()


def edit_agreement(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "agreements")
    _pick(page.agreements)
    _accept_once(mp)
    page.edit_agreement()


def archive_meeting(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "meetings")
    _pick(page.meetings)
    page.archive_meeting()  # the question says Yes


def edit_initiative(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "initiatives")
    _pick(page.initiatives)
    _accept_once(mp)
    page.edit_initiative()


def edit_meeting(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "meetings")
    _pick(page.meetings)
    _accept_once(mp)
    page.edit_meeting()


def edit_action(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "actions")
    _pick(page.action_items)
    _accept_once(mp)
    page.edit_action()


def print_minutes(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    from desktop_app.views.widgets import printing

    page = _network(w, "meetings")
    _pick(page.meetings)

    def ask(_parent: object, printer: QPrinter, _pages: int) -> bool:  # the dialog, answered: a PDF file
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp / "minutes.pdf"))
        return True

    mp.setattr(printing, "ask", ask)
    page.print_minutes()


def export_meetings(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    page = _network(w, "meetings")
    _save_to(mp, tmp / "meetings.xlsx")
    from PySide6.QtGui import QDesktopServices

    mp.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    page.export_table("meetings")


def _designer(w: MainWindow) -> Any:
    from desktop_app.views.template_designer import TemplateDesigner

    return TemplateDesigner(w.context, 1, "certificate", w)


def open_designer(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _designer(w)


def save_template(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    mp.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("قالبي", True)))
    _designer(w).save()  # a built-in one: saved as a new template


def use_template(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _designer(w).use_for_training()


def default_template(w: MainWindow, mp: pytest.MonkeyPatch, tmp: Path) -> None:
    _designer(w).make_default()


ACTIONS: dict[str, tuple[str, Callable[[MainWindow, pytest.MonkeyPatch, Path], None]]] = {
    "check in": ("desktop_app.services.attendance:check_in", check_in),
    "save a person": ("desktop_app.services.registry:create_person", save_person),
    "save an organization": ("desktop_app.services.registry:create_organization", save_organization),
    "save a training": ("desktop_app.services.trainings:create_training", new_training),
    "enrol people": ("desktop_app.services.trainings:enroll", enrol),
    "mark attendance in the grid": ("desktop_app.views.attendance_grid:set_status", mark_attendance),
    "issue certificates": ("desktop_app.services.certificates:issue_certificates", issue_certificates),
    "print certificates": ("desktop_app.services.certificates:print_certificates", print_certificates),
    "revoke a certificate": ("desktop_app.services.certificates:revoke", revoke),
    "print a sign-in sheet": ("desktop_app.services.documents:write_sign_in_sheet", print_sheet),
    "save the organization's settings": (
        "desktop_app.services.settings:save_organization_settings", save_organization_settings),
    "save age bands": ("desktop_app.views.pages.statistics:save_age_band_bounds", save_age_bands),
    "read a spreadsheet to import": ("desktop_app.services.importing:read_for_import", read_import_file),
    "check a spreadsheet (dry run)": ("desktop_app.services.importing:import_file", check_import_file),
    "export people": ("desktop_app.services.exporting:export_people", export_people),
    "export the filtered people as contacts": (
        "desktop_app.services.exporting:export_contacts", export_filtered_people),
    "find duplicates": ("desktop_app.views.pages.tools:duplicate_pairs", find_duplicates),
    "make a backup": ("desktop_app.services.backups:make_backup", backup),
    "restore a backup": ("desktop_app.services.backups:restore_backup", restore),
    "export a venue package": ("desktop_app.services.packages:export_package", export_package),
    "import a venue package": ("desktop_app.services.packages:read_package", import_package),
    "open a package as a new database": ("desktop_app.services.packages:read_package", package_as_new_database),
    "load the demo": ("desktop_app.services.demo:load_demo", load_demo),
    "draw the network": ("desktop_app.services.network:network", draw_network),
    "new agreement": ("desktop_app.services.agreements:create_agreement", new_agreement),
    "attach an agreement's signed copy": ("desktop_app.services.agreements:attach_document", attach_signed_copy),
    "new initiative": ("desktop_app.services.initiatives:create_initiative", new_initiative),
    "new meeting": ("desktop_app.services.meetings:create_meeting", new_meeting),
    "record a meeting's minutes": ("desktop_app.services.meetings:record_minutes_and_actions", record_minutes),
    "new action item": ("desktop_app.services.actions:create_action", new_action),
    "mark an action item done": ("desktop_app.services.actions:mark_done", mark_action_done),
    "edit an agreement": ("desktop_app.services.agreements:update_agreement", edit_agreement),
    "edit an initiative": ("desktop_app.services.initiatives:update_initiative", edit_initiative),
    "edit a meeting": ("desktop_app.services.meetings:update_meeting", edit_meeting),
    "archive a meeting": ("desktop_app.services.meetings:set_archived", archive_meeting),
    "edit an action item": ("desktop_app.services.actions:update_action", edit_action),
    "print a meeting's minutes": ("desktop_app.services.network_documents:write_minutes", print_minutes),
    "export the meetings": ("desktop_app.services.network_documents:export_network_table", export_meetings),
    "open the template designer": ("desktop_app.services.certificates:design_samples", open_designer),
    "save a template": ("desktop_app.services.templates:save_template", save_template),
    "use a template for the training": ("desktop_app.services.templates:set_training_template", use_template),
    "make a template the default": ("desktop_app.services.templates:set_default_template", default_template),
}  # fmt: skip


@pytest.mark.parametrize("action", ACTIONS)
def test_the_event_loop_keeps_turning_while_the_work_runs(
    action: str, window: MainWindow, answers: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target, trigger = ACTIONS[action]
    window.context.settings.backup_dir = str(tmp_path / "backups")
    module_name, attribute = target.split(":")
    module = importlib.import_module(module_name)
    probe = Probe()
    monkeypatch.setattr(module, attribute, probe.hold(getattr(module, attribute)))
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)  # no dialog of the flow waits for a user
    try:
        trigger(window, monkeypatch, tmp_path)
        settle()
    finally:
        probe.timer.stop()
    assert probe.calls, f"{action}: the held service call was never made"
    assert all(off for off, _turned in probe.calls), f"{action}: the work ran on the GUI thread"
    assert all(turned for _off, turned in probe.calls), f"{action}: the event loop stood still"
