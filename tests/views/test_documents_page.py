"""The Documents screen: issuing and printing certificates into the preview, the other documents,
verifying and revoking, and the certificate dialog with its live preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFileDialog, QInputDialog
from sqlalchemy import select

from desktop_app.models import AttendanceStatus, Certificate
from desktop_app.services import certificates as certs
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.settings import signatories_for
from desktop_app.views.certificate_dialog import CertificateDesignDialog
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.documents import DocumentsPage
from tests.conftest import type_text
from tests.views.conftest import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def page(window: MainWindow) -> DocumentsPage:
    db = window.context.db
    grid = attendance_grid(db, 1)
    for row in grid.rows[:5]:  # five people attended both days
        for sid, _date in grid.sessions:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)
    documents = window.show_section("documents")
    assert isinstance(documents, DocumentsPage)
    documents.refresh()
    return documents


def _save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "PDF (*.pdf)"))
    )


def test_issue_print_and_preview_certificates(
    qtbot, page: DocumentsPage, answers, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert not page.print_button.isEnabled()
    page.issue_button.click()
    settle()  # the work went to the runner
    eligible = sum(1 for r in attendance_grid(page.context.db, 1).rows if r.eligible)
    assert page.issued.rowCount() == eligible > 0
    assert "5" in answers.seen[-1]
    out = tmp_path / "certificates.pdf"
    _save_to(monkeypatch, out)
    page.split.setChecked(True)
    page.print_button.click()
    qtbot.waitUntil(lambda: page.pdf.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert page.pdf.pageCount() == eligible and out.exists()
    assert len(list(tmp_path.glob("*/*.pdf"))) == eligible  # one file per person beside it
    assert page.open_button.isEnabled()


@pytest.mark.parametrize("kind", ["sheet", "report", "badges", "directory"])
def test_other_documents(qtbot, page: DocumentsPage, monkeypatch, tmp_path: Path, kind: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{kind}.pdf"
    _save_to(monkeypatch, out)
    page.blank_rows.setValue(3)
    page.make(kind)
    qtbot.waitUntil(lambda: page.pdf.status() == QPdfDocument.Status.Ready, timeout=10_000)
    assert out.exists() and page.pdf.pageCount() >= 1
    assert page.last_file == out


def test_verify_and_revoke(qtbot, page: DocumentsPage, answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page.issue()
    settle()  # the work went to the runner
    serial = page.issued.item(0, 0).text()
    type_text(page.verify_box, serial)
    page.verify()
    # A serial alone is on record, not proof (it is printed in plain text).
    assert page.verdict.objectName() == "verdictWarn" and serial in page.verdict.text()
    with page.context.db.session_scope() as session:
        code = session.scalars(
            select(Certificate.verification_code).where(Certificate.serial == serial)
        ).one()
    page.verify_box.setText(f"TSHBK1:{serial}:{code}")
    page.verify()
    assert page.verdict.objectName() == "verdictGood" and serial in page.verdict.text()
    page.issued.setCurrentCell(0, 0)
    assert not page.reissue_button.isEnabled()  # a valid certificate has nothing to replace
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("صدرت بالخطأ", True)))
    page.revoke()
    assert certs.verify(page.context.db, serial).status == "revoked"
    page.verify_box.setText(serial)
    page.verify()
    assert page.verdict.objectName() == "verdictBad" and "صدرت بالخطأ" in page.verdict.text()
    page.verify_box.setText("ZZZZ-ZZZZ-ZZZZ-ZZZZ")
    page.verify()
    assert page.verdict.objectName() == "verdictBad"
    # The next batch skips the revoked holder and says so; the replacement is the button's action.
    count = page.issued.rowCount()
    page.issue()
    settle()  # the work went to the runner
    assert page.issued.rowCount() == count and serial in answers.seen[-1]  # named as revoked
    page.issued.setCurrentCell(0, 0)
    assert page.reissue_button.isEnabled()
    page.reissue_button.click()
    assert page.issued.rowCount() == count + 1
    new = certs.verify(page.context.db, serial).replaced_by
    assert new is not None and new in answers.seen[-1]
    assert any(serial in page.issued.item(n, 3).text() for n in range(page.issued.rowCount()))


def test_issuing_before_the_training_ends_asks_first(qtbot, page: DocumentsPage, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def say_no(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(say_no))
    ended, _end = certs.training_has_ended(page.context.db, 1)
    assert not ended  # the demo programme runs today and tomorrow
    page.issue()
    settle()  # the work went to the runner
    assert asked and "16:00" in asked[0]  # when the last session ends
    assert certs.issued_certificates(page.context.db, 1) == []


def test_certificate_dialog_previews_checks_and_saves(qtbot, page: DocumentsPage) -> None:  # type: ignore[no-untyped-def]
    dialog = CertificateDesignDialog(page.context, 1, page)
    qtbot.addWidget(dialog)
    assert dialog.pdf.pageCount() == 1  # the sample page is there at once
    dialog.wording.setPlainText("يشهد {organisation} بأن {name}")
    dialog.update_preview()
    assert "organisation" in dialog.problem.text()
    dialog.save()
    assert dialog.result() == 0  # refused, the dialog stays open
    dialog.wording.setPlainText("تشهد إدارة البرنامج بأن {name} قد {شارك|شاركت} في {training}.")
    type_text(dialog.rows[0].name, "د. هاني إبراهيم")
    type_text(dialog.rows[0].title, "مدير البرنامج")
    dialog.update_preview()
    assert dialog.problem.text() == "" and dialog.pdf.pageCount() == 1
    dialog.save()
    assert dialog.result() == 1
    design = certs.certificate_design(page.context.db, 1)
    assert design.own_wording and design.wording.startswith("تشهد إدارة البرنامج")
    assert [s.name for s in signatories_for(page.context.db, 1)] == ["د. هاني إبراهيم"]


def test_issue_to_people_chosen_by_hand(qtbot, page: DocumentsPage, answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.views.pages.documents import ChoosePeopleDialog

    grid = attendance_grid(page.context.db, 1)
    trainer = next(r for r in grid.rows if r.role == "trainer")

    def tick_trainer(dialog: ChoosePeopleDialog) -> int:
        type_text(dialog.filter, trainer.name.split()[0])
        visible = [
            dialog.list.item(n) for n in range(dialog.list.count()) if not dialog.list.item(n).isHidden()
        ]
        assert visible and all(trainer.name.split()[0] in item.text() for item in visible)
        for item in visible:
            if item.data(0x0100) == trainer.person_id:  # Qt.ItemDataRole.UserRole
                item.setCheckState(item.checkState().Checked)
        return 1

    monkeypatch.setattr(ChoosePeopleDialog, "exec", tick_trainer)
    page.choose_button.click()
    settle()  # the work went to the runner
    assert [page.issued.item(n, 1).text() for n in range(page.issued.rowCount())] == [trainer.name]
