"""`tashbeek screenshots OUTDIR [--size WxH]`: every main screen and dialog rendered offscreen (at
1280×800 unless --size), with what `layout_check` finds wrong in each picture.

Uses a temporary database filled with the demo programme, or the database named explicitly with
--db — never the user's default database — so anyone can look at what the program shows.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

SIZE = (1280, 800)


def take_screenshots(
    outdir: Path,
    db_target: str | None,
    language: str,
    *,
    held_lock: Any = None,
    size: tuple[int, int] = SIZE,
    problems: list[str] | None = None,
) -> list[Path]:
    """Save every screen at `size` and every dialog no larger than it; what looks wrong in each
    picture is added to `problems` as "picture: problem"."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QSize
    from PySide6.QtWidgets import QDialog, QWidget

    from desktop_app import config, i18n
    from desktop_app.services.demo import load_demo
    from desktop_app.services.duplicates import find_similar_people
    from desktop_app.services.registry import PersonData
    from desktop_app.services.workspace import Workspace, locate
    from desktop_app.views.application import build_window, create_application
    from desktop_app.views.dialogs.duplicate import DuplicateDialog
    from desktop_app.views.dialogs.walk_in import WalkInDialog
    from desktop_app.views.layout_check import layout_problems
    from desktop_app.views.pages.checkin import CheckinPage
    from desktop_app.views.pages.organizations import OrganizationsPage
    from desktop_app.views.pages.people import PeoplePage
    from desktop_app.views.pages.trainings import TrainingsPage
    from desktop_app.views.training_dialogs import AddPeopleDialog, TrainingDialog

    i18n.set_language(language)
    app = create_application(language)
    outdir.mkdir(parents=True, exist_ok=True)
    temp = None
    if db_target is None:
        temp = tempfile.TemporaryDirectory(prefix="tashbeek-screens-")
        workspace = Workspace.open(locate(Path(temp.name) / "demo.sqlite"), write=True, create=True)
        load_demo(workspace.db)
    else:  # the command line holds this database's lock already
        workspace = Workspace.open(locate(db_target), write=True, lock=held_lock)
    db = workspace.db
    settings = config.MachineSettings(
        language=language, operator="مريم سليمان" if language == "ar" else "Mariam", auto_backup=False
    )
    window = build_window(workspace, settings, language)
    window.resize(*size)
    window.show()
    saved: list[Path] = []

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    screen = QSize(*size)

    def shoot(name: str, widget: QWidget | None = None) -> None:
        shown = widget or window
        if isinstance(shown, QDialog) and (shown.width() > screen.width() or shown.height() > screen.height()):
            shown.resize(shown.size().boundedTo(screen))  # as a window manager fits it to the screen
        settle()
        path = outdir / f"{name}.png"
        shown.grab().save(str(path))
        saved.append(path)
        settle()  # work finishing on the runner may have changed a text since: check the settled page
        if problems is not None:
            problems.extend(f"{name}: {problem}" for problem in layout_problems(shown, screen))

    from desktop_app.views.main_window import SECTIONS

    for key in SECTIONS:
        window.show_section(key)
        _wait_for_figures(window.pages[key])
        shoot(key)

    people = window.show_section("people")
    assert isinstance(people, PeoplePage)
    people.select_row(0)
    shoot("people_detail")
    people.editor.tabs.setCurrentIndex(1)
    shoot("people_trainings")
    people.editor.tabs.setCurrentIndex(0)
    people.new_record()
    people.editor.full_name.setText("سارة عبد الله")
    people.editor.phone.setText("0101234")
    people.editor.save()
    shoot("people_validation")
    people.editor.revert()
    people.search.setText("هانى ابراهيم")
    people.reload()
    shoot("people_search")
    people.search.clear()
    people.reload()
    # The filters' panel open, several set; then the list they leave.
    people.open_more_filters()
    people.gender_filter.setCurrentIndex(people.gender_filter.findData("female"))
    people.training_filter.setCurrentIndex(1)
    shoot("people_filters", people.more)
    people.more.hide()
    shoot("people_filtered")
    people.clear_filters()

    orgs = window.show_section("organizations")
    assert isinstance(orgs, OrganizationsPage)
    orgs.select_row(0)
    orgs.editor.tabs.setCurrentIndex(1)
    shoot("organizations_detail")

    candidate = PersonData("هانى ابراهيم", phone="+20 100 123 4567")
    matches = find_similar_people(db, candidate)
    if matches:
        dialog = DuplicateDialog(matches, window)
        dialog.show()
        shoot("dialog_duplicate", dialog)
        dialog.close()

    trainings = window.show_section("trainings")
    assert isinstance(trainings, TrainingsPage)
    trainings.tabs.setCurrentIndex(1)

    checkin = window.show_section("checkin")
    assert isinstance(checkin, CheckinPage)
    checkin.box.setText("محمد")
    checkin.submit()
    shoot("checkin_matches")
    checkin.box.setText("هانى ابراهيم")
    checkin.submit()
    shoot("checkin_done")
    if size != (1024, 600):
        window.resize(1024, 600)
        shoot("checkin_done_1024x600")
        window.resize(*size)
    checkin.box.setText("هانى ابراهيم")
    checkin.submit()
    shoot("checkin_already")
    checkin.box.setText("زائرة جديدة")
    checkin.submit()
    shoot("checkin_not_found")
    walk_in = WalkInDialog(checkin.context, "زائرة جديدة", window)
    walk_in.show()
    shoot("dialog_walk_in", walk_in)
    walk_in.close()
    checkin.undo()
    window.show_section("trainings")
    trainings.refresh()
    trainings.tabs.setCurrentIndex(1)
    shoot("trainings_attendance")
    trainings.tabs.setCurrentIndex(2)
    shoot("trainings_enrolled")
    trainings.tabs.setCurrentIndex(0)
    editor = TrainingDialog(trainings.context, trainings.current(), window)
    editor.show()
    shoot("dialog_training", editor)
    editor.close()
    current = trainings.current()
    if current is not None:
        adder = AddPeopleDialog(trainings.context, current.id, window)
        adder.search.setText("محمد")
        adder.show()
        shoot("dialog_add_people", adder)
        adder.close()

    window.quick_search.setText("هاني")
    window.quick_search.update_results()
    popup = window.quick_search.completer().popup()
    popup.resize(520, 240)
    shoot("quick_search_popup", popup)
    popup.hide()

    _kiosk(window, shoot, size)
    _first_run(window, shoot)
    _documents(window, outdir, shoot)
    _tools(window, shoot)
    _statistics(window, shoot, demo=temp is not None)

    # The help viewer, on the page of the screen that has the most to say.
    from desktop_app.views.dialogs.help import open_help

    window.show_section("documents")
    helper = open_help(window, "documents")
    settle()
    shoot("dialog_help", helper)
    helper.close()
    _accounts(window, shoot, temporary=temp is not None)

    box, _save, _discard = people.editor.unsaved_changes_box()
    box.show()
    shoot("dialog_unsaved", box)
    box.close()

    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    workspace.close()
    if temp is not None:
        temp.cleanup()
    return saved


def _kiosk(window: Any, shoot: Any, size: tuple[int, int]) -> None:
    """Kiosk mode (at the screenshot size, and at 1024×600): waiting, the "which one?" choice, a
    check-in, a repeat and someone not enrolled. The check-in is undone afterwards, as on the
    Check-in screen's pictures."""
    from desktop_app.services.attendance import CheckedIn, kiosk_target, undo_check_in
    from desktop_app.views.kiosk import KioskWindow

    checkin = window.page("checkin")
    training, session_id = checkin.current_training(), checkin.current_session_id()
    if training is None or session_id is None:
        return
    kiosk = KioskWindow(window.context, kiosk_target(window.context.db, training.id, session_id))
    kiosk.leaving = True  # the pictures' kiosk closes without the question
    kiosk.resize(*size)
    kiosk.show()
    shoot("kiosk_ready", kiosk)
    kiosk.box.setText("محمد")
    kiosk.submit()
    shoot("kiosk_choice", kiosk)
    kiosk.box.setText("فاطمه فهمى غنيم")
    kiosk.submit()
    done = kiosk.last
    shoot("kiosk_checked_in", kiosk)
    if size != (1024, 600):
        kiosk.resize(1024, 600)
        shoot("kiosk_checked_in_1024x600", kiosk)
        kiosk.resize(*size)
    kiosk.box.setText("فاطمه فهمى غنيم")
    kiosk.submit()
    shoot("kiosk_already", kiosk)
    kiosk.box.setText("زائرة جديدة")
    kiosk.submit()
    shoot("kiosk_not_enrolled", kiosk)
    kiosk.close()
    kiosk.deleteLater()
    if isinstance(done, CheckedIn) and done.person is not None:
        undo_check_in(window.context.db, done.person.enrollment_id, done.session_id)


def _first_run(window: Any, shoot: Any) -> None:
    """The first-run guide's five pages (nothing is written: the guide is only shown)."""
    from desktop_app.views.first_run import FirstRunGuide, default_choices

    guide = FirstRunGuide(default_choices(window.context.language))
    guide.show()
    names = ("language", "database", "organization", "operator", "backups")
    for number, name in enumerate(names, start=1):
        shoot(f"first_run_{number}_{name}", guide)
        guide.next()
    guide.close()
    guide.deleteLater()


def _accounts(window: Any, shoot: Any, *, temporary: bool) -> None:
    """The sign-in dialog; with the temporary demo database (never a database of the user's, which
    must not gain accounts), the accounts in Settings, adding one, the lock screen (after a wrong
    try) and a check-in account's window."""
    from PySide6.QtWidgets import QScrollArea

    from desktop_app.access import Role
    from desktop_app.services import accounts
    from desktop_app.views.dialogs.sign_in import SignInDialog

    arabic = window.context.language == "ar"
    dialog = SignInDialog(window._check_password, window.context.db.display_name(), window)
    dialog.form.name.setText("mona")
    dialog.show()
    shoot("dialog_sign_in", dialog)
    dialog.close()
    if not temporary:
        return
    db = window.context.db
    admin = accounts.add_account(db, None, "mona", "screenshots only", display_name="منى عادل" if arabic else "Mona Adel")
    volunteer = accounts.add_account(db, admin, "sami", "screenshots only", Role.CHECKIN,
                                     "سامي فؤاد" if arabic else "Sami Fouad")  # fmt: skip
    accounts.add_account(db, admin, "hala", "screenshots only", Role.STAFF, "هالة سعيد" if arabic else "Hala Saeed")
    window.sign_in_as(admin)
    settings = window.show_section("settings")
    settings.refresh()
    scroll = settings.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(settings.accounts)
    shoot("settings_accounts")
    adding = settings.accounts.new_account_dialog()
    adding.name.setText("nadia")
    adding.show()
    shoot("dialog_add_account", adding)
    adding.close()
    window.lock(switching=False)
    window.lock_screen.form.password.setText("not the password")
    window.lock_screen.form.sign_in()
    shoot("lock_screen")
    window._unlocked(volunteer)
    shoot("checkin_account")
    window.idle_timer.stop()


def _documents(window: Any, outdir: Path, shoot: Any) -> None:
    """The Documents screen with certificates issued by hand, one printed and shown, a verification,
    and the certificate dialog with its live preview."""
    from desktop_app.services.attendance import attendance_grid
    from desktop_app.services.certificates import issue_certificates, qr_payload, verify
    from desktop_app.views.certificate_dialog import CertificateDesignDialog
    from desktop_app.views.pages.documents import DocumentsPage

    page = window.show_section("documents")
    assert isinstance(page, DocumentsPage)
    training_id = page.training_id()
    if training_id is None:
        return
    db = page.context.db
    people = [row.person_id for row in attendance_grid(db, training_id).rows if row.role == "participant"][:3]
    # The demo programme runs today: its certificates are issued "before the end" for the picture.
    issued = (
        issue_certificates(db, training_id, people, before_end=True).issued
        + issue_certificates(db, training_id, people, before_end=True).already
    )
    page.refresh()
    with tempfile.TemporaryDirectory() as tmp:
        from desktop_app.services.certificates import print_certificates

        out = Path(tmp) / "certificates.pdf"
        print_certificates(db, training_id, out)
        page.show_file(out)
        _wait(300)
        if issued:
            payload = qr_payload(db, issued[0])  # what scanning the certificate's QR code types
            page.verify_box.setText(payload)
            page.verify()
            assert verify(db, payload).status == "genuine"
        shoot("documents_certificates")
        from desktop_app.views.pages.documents import ChoosePeopleDialog

        chooser = ChoosePeopleDialog(page.context, training_id, window)
        chooser.list.item(1).setCheckState(chooser.list.item(1).checkState().Checked)
        chooser.show()
        shoot("dialog_choose_people", chooser)
        chooser.close()
        dialog = CertificateDesignDialog(page.context, training_id, window)
        dialog.show()
        _wait(300)  # QtPdf renders pages on a worker thread
        shoot("dialog_certificate", dialog)
        dialog.close()
        _designer(page, training_id, shoot)


def _designer(page: Any, training_id: int, shoot: Any) -> None:
    """The template designer: a certificate template with its title chosen (its handles and
    properties), and a badge template with the name chosen."""
    from desktop_app.views.template_designer import TemplateDesigner

    designer = TemplateDesigner(page.context, training_id, "certificate", page.window())
    designer.show()
    _wait_for_preview(designer)
    designer.select("title")
    shoot("dialog_template_designer", designer)
    designer.kind_box.setCurrentIndex(designer.kind_box.findData("badge"))
    _wait_for_preview(designer)
    designer.select("name")
    shoot("dialog_template_designer_badge", designer)
    designer.undo_stack.setClean()  # nothing to save: close without asking
    designer.close()


def _wait_for_preview(designer: Any) -> None:
    """Until the page on screen is the one for the document as it is (drawn off the GUI thread)."""
    for _ in range(200):
        if not designer._timer.isActive() and designer.shown_generation == designer.generation:
            return
        _wait(50)


def _venue_edits(db: Any) -> None:
    """A venue laptop's package with an email and a job title changed both there and here: two
    conflicts for the Conflicts tab (and a phone changed there only, which is simply taken)."""
    from desktop_app.services.packages import export_package, read_package
    from desktop_app.services.registry import update_person
    from desktop_app.services.search import search_people
    from desktop_app.services.sync import import_into_new_database, import_package
    from desktop_app.services.workspace import Workspace, locate

    with tempfile.TemporaryDirectory() as tmp:
        out, back, laptop_path = Path(tmp) / "out.zip", Path(tmp) / "back.zip", Path(tmp) / "laptop.sqlite"
        export_package(db, 1, out)
        import_into_new_database(laptop_path, read_package(out))
        laptop_workspace = Workspace.open(locate(laptop_path), write=True)
        laptop = laptop_workspace.db
        edits: tuple[tuple[str, dict[str, Any], dict[str, Any]], ...] = (
            ("هاني إبراهيم", {"email": "hany@ceds.example.org"}, {"email": "hany@alnour.example.org", "phone": "01011112222"}),
            ("أحمد جاد هلال", {"job_title": "منسق برامج"}, {"job_title": "مسؤول التدريب"}),
        )  # fmt: skip
        for name, here, there in edits:
            found_here, found_there = search_people(db, name), search_people(laptop, name)
            if found_here and found_there:
                update_person(db, found_here[0].id, **here)
                update_person(laptop, found_there[0].id, **there)
        export_package(laptop, 1, back)
        laptop_workspace.close()
        import_package(db, read_package(back))

def _wait_for_figures(page: Any) -> None:
    """The Statistics screen counts, and the network's map is drawn, on a worker thread: wait (a few
    seconds at most) for the figures or the map, so the picture and its checks see the finished page."""
    import time

    deadline = time.monotonic() + 15
    if hasattr(page, "generation"):
        while (page.shown != page.generation or page.dirty) and time.monotonic() < deadline:
            _wait(50)
    map_tab = getattr(page, "map", None)
    if map_tab is not None and hasattr(map_tab, "loaded"):
        while not map_tab.loaded and time.monotonic() < deadline:
            _wait(50)
    _wait(100)


def _statistics(window: Any, shoot: Any, *, demo: bool) -> None:
    """Statistics after a morning at the check-in desk (on the demo only: never written into a
    database named with --db), the people behind a chart's bar, and the projects tab with a grant."""
    from desktop_app.enums import AttendanceStatus
    from desktop_app.services.attendance import attendance_grid, set_status
    from desktop_app.services.projects import ProjectData, create_project, set_target
    from desktop_app.services.statistics import Figure
    from desktop_app.views.pages.statistics import StatisticsPage

    page = window.show_section("statistics")
    assert isinstance(page, StatisticsPage)
    db = page.context.db
    if demo:
        grid = attendance_grid(db, 1)
        first = grid.sessions[0][0]
        for n, row in enumerate(grid.rows):
            if n % 3 != 2:
                status = AttendanceStatus.LATE if n % 7 == 0 else AttendanceStatus.PRESENT
                set_status(db, row.enrollment_id, first, status)
        project = create_project(db, ProjectData("منحة بناء قدرات منظمات المجتمع المدني", donor="EEA Grants",
                                                 code="EEA-2026-014", training_ids=[1]))  # fmt: skip
        year = str(grid.sessions[0][1].year)
        set_target(db, project, "people_reached", year, 60)
        set_target(db, project, "women_reached", year, 30)
        set_target(db, project, "attendance_rate", year, "85%")
        page.projects.reload()
        page._fill_choices()
    page.recount()
    _wait_for_figures(page)
    shoot("statistics")
    page.charts_area.ensureWidgetVisible(page.charts["trend"])
    _wait(100)
    shoot("statistics_charts")
    page.charts_area.ensureWidgetVisible(page.rules)
    _wait(100)
    shoot("statistics_table")
    page.charts_area.ensureWidgetVisible(page.tiles["people_reached"])
    page.open_figure(Figure.of("reached", gender="female"))
    for _ in range(100):
        if page.last_dialog is not None:
            break
        _wait(50)
    if page.last_dialog is not None:
        shoot("dialog_statistics_people", page.last_dialog)
        page.last_dialog.close()
    page.tabs.setCurrentIndex(1)
    for _ in range(40):
        _wait(50)
    shoot("statistics_projects")
    page.tabs.setCurrentIndex(0)


def _wait(ms: int) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def _tools(window: Any, shoot: Any) -> None:
    """Tools: the import wizard on a registration-form file (columns, then the check), the
    duplicates list and the merge dialog."""
    from desktop_app.services.registry import PersonData, create_person
    from desktop_app.views.import_dialog import ImportDialog
    from desktop_app.views.pages.tools import MergeDialog, ToolsPage

    page = window.show_section("tools")
    assert isinstance(page, ToolsPage)
    db = page.context.db
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "استمارة التسجيل.csv"
        path.write_text(
            "الاسم الثلاثي,رقم الموبايل (واتساب),اسم الجهة / المؤسسة,المحافظة,هل توافق على مشاركة بياناتك؟,سؤال آخر\n"
            "نادية سمير فؤاد,01055555555,جمعية النور,بور سعيد,نعم,—\n"
            "هانى ابراهيم,,مركز التنمية الاقتصادية والاجتماعية,القاهرة,لا,—\n"
            "كريم علي,0105,جمعية الأمل,المريخ,ربما,—\n",
            encoding="utf-8",
        )
        dialog = ImportDialog(page.context, path, "people", window)
        dialog.show()
        shoot("dialog_import_columns", dialog)
        dialog.check()
        shoot("dialog_import_check", dialog)
        dialog.close()
        # A CRM export: a status and an event column doubted, the Latin names found by their values.
        crm = Path(tmp) / "participants.csv"
        names = [("هاني إبراهيم", "Hany Ibrahim"), ("سارة علي", "Sara Ali"), ("محمود خالد", "Mahmoud Khaled"),
                 ("منى زكي", "Mona Zaki"), ("عمر فاروق", "Omar Farouk"), ("دينا سمير", "Dina Samir")] * 2  # fmt: skip
        crm.write_text(
            "Participant Status,Event Title,الاسم,Name,Mobile\n"
            + "".join(
                f"{('Registered', 'Attended')[n % 2]},Youth Workshop,{arabic},{latin},0100100{n:04d}\n"
                for n, (arabic, latin) in enumerate(names)
            ),
            encoding="utf-8",
        )
        dialog = ImportDialog(page.context, crm, "people", window)
        dialog.show()
        shoot("dialog_import_doubts", dialog)
        dialog.close()
    create_person(db, PersonData("سلمى فؤاد", phone="01077777777", job_title="منسقة"))
    create_person(db, PersonData("سلمي فؤاد", phone="01077777777", email="salma@example.org"))
    page.tabs.setCurrentIndex(1)
    page.duplicates_tab.refresh()
    shoot("tools_duplicates")
    pair = page.duplicates_tab.pairs[0]
    merge = MergeDialog(page.context, pair.first.id, pair.second.id, window)
    merge.show()
    shoot("dialog_merge", merge)
    merge.close()
    with tempfile.TemporaryDirectory() as tmp:
        from desktop_app.services.backups import make_backup

        page.context.settings.backup_dir = tmp
        make_backup(db, Path(tmp), kind="manual")
        make_backup(db, Path(tmp), kind="closing")
        page.tabs.setCurrentWidget(page.backups_tab)
        shoot("tools_backups")
        page.context.settings.backup_dir = ""
    page.tabs.setCurrentWidget(page.packages_tab)
    shoot("tools_packages")
    _venue_edits(db)
    page.tabs.setCurrentWidget(page.conflicts_tab)
    shoot("tools_conflicts")
    page.tabs.setCurrentWidget(page.audit_tab)
    shoot("tools_audit")
    page.tabs.setCurrentIndex(0)
    shoot("tools_import_export")
