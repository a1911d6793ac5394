"""The template designer: the page is the real PDF under handles; drag, resize, nudge, snap, undo,
copy/paste, delete after asking, drawing order; previews with a person, the longest name and a hostile
sample; warnings; and the issue's whole path: a new template from a built-in one, the name moved and a
co-organizer's logo added by dragging, previewed with the longest name, saved, picked for the training,
52 certificates printed from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop_app.models import AttendanceStatus
from desktop_app.services import certificates as certs
from desktop_app.services import templates as tpl
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.views.main_window import MainWindow
from desktop_app.views.template_designer import TemplateDesigner
from tests.pdf.layout_check import read_pages

pytestmark = pytest.mark.gui


def _wait_for_preview(qtbot: Any, designer: TemplateDesigner) -> None:
    qtbot.waitUntil(lambda: not designer._timer.isActive() and designer.shown_generation == designer.generation,
                    timeout=15_000)  # fmt: skip


def _send(view: Any, kind: QEvent.Type, scene: QPointF, buttons: Qt.MouseButton) -> None:
    pos = QPointF(view.mapFromScene(scene))
    event = QMouseEvent(kind, pos, view.viewport().mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
                        Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)


def _drag(designer: TemplateDesigner, start: QPointF, end: QPointF) -> None:
    """Press the mouse at `start` (scene millimetres), move in steps, release at `end`."""
    view = designer.view
    _send(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    for n in range(1, 9):
        point = start + (end - start) * (n / 8)
        _send(view, QEvent.Type.MouseMove, point, Qt.MouseButton.LeftButton)
    _send(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    QApplication.processEvents()  # the drag's step of undo is taken once the release has returned


def _element(designer: TemplateDesigner, element_id: str) -> dict[str, Any]:
    element = designer.element(element_id)
    assert element is not None
    return element


@pytest.fixture
def designer(qtbot: Any, window: MainWindow) -> Iterator[TemplateDesigner]:
    dialog = TemplateDesigner(window.context, 1, "certificate", window)
    dialog.resize(1280, 800)
    dialog.show()
    _wait_for_preview(qtbot, dialog)
    yield dialog
    _wait_for_preview(qtbot, dialog)
    dialog.undo_stack.setClean()  # closing must not stop on "close without saving?"
    dialog.close()
    dialog.deleteLater()


def test_the_page_is_the_printed_pdf_and_elements_are_handles_over_it(
    qtbot: Any, designer: TemplateDesigner
) -> None:
    assert designer.pdf.pageCount() == 1 and not designer.page_item.pixmap().isNull()
    assert designer.template_box.currentData() == 1 and designer.builtin  # the formal one, built in
    assert set(designer.items) == {e["id"] for e in designer.document["elements"]}
    body = designer.items["body"]
    assert body.pos().x() == pytest.approx(_element(designer, "body")["x"], abs=0.01)
    assert body.rect().width() == pytest.approx(_element(designer, "body")["width"], abs=0.01)
    assert designer.warnings.count() == 0 and not designer.warnings.isVisible()
    assert designer.warnings_title.text() == designer.tr("Before printing: nothing to fix.")


def test_drag_nudge_snap_resize_undo_and_redo(qtbot: Any, designer: TemplateDesigner) -> None:
    body = _element(designer, "body")
    x, y = float(body["x"]), float(body["y"])
    _drag(designer, QPointF(x + 60, y + 30), QPointF(x + 60 + 7.3, y + 30 + 12.6))
    moved = _element(designer, "body")
    assert moved["x"] != x and moved["y"] != y
    assert designer.undo_stack.count() == 1
    # Keyboard: 1 mm, and 5 mm with Shift.
    designer.select("body")
    designer.view.setFocus()
    before = float(_element(designer, "body")["x"])
    QTest.keyClick(designer.view, Qt.Key.Key_Left)
    assert float(_element(designer, "body")["x"]) == pytest.approx(before - 1)
    QTest.keyClick(designer.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert float(_element(designer, "body")["y"]) == pytest.approx(float(moved["y"]) + 5)
    # Snapping: dragged near the page's vertical centre line, the box's centre lands on it.
    width = designer.page_mm[0]
    element = _element(designer, "body")
    centre = float(element["x"]) + float(element["width"]) / 2
    grab = QPointF(centre, float(element["y"]) + 5)
    _drag(designer, grab, QPointF(width / 2 + 0.9, grab.y()))
    element = _element(designer, "body")
    assert float(element["x"]) + float(element["width"]) / 2 == pytest.approx(width / 2, abs=0.01)
    # Resizing by the bottom-right handle, then the property panel in mm.
    designer.select("body")
    corner = QPointF(
        float(element["x"]) + float(element["width"]), float(element["y"]) + float(element["height"])
    )
    _drag(designer, corner, corner + QPointF(-20.3, 4.1))
    assert float(_element(designer, "body")["width"]) == pytest.approx(
        float(element["width"]) - 20.3, abs=1.5
    )
    designer.geometry_boxes["height"].setValue(60)
    designer.geometry_boxes["height"].editingFinished.emit()
    assert _element(designer, "body")["height"] == 60
    steps = designer.undo_stack.count()
    for _ in range(steps):
        designer.undo_stack.undo()
    assert _element(designer, "body") == body
    designer.undo_stack.redo()
    assert _element(designer, "body")["x"] == moved["x"]
    _wait_for_preview(qtbot, designer)


def test_copy_paste_delete_after_asking_and_drawing_order(
    qtbot: Any, designer: TemplateDesigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    designer.select("issuer")
    designer.copy_selected()
    designer.paste()
    pasted = designer.selected_id()
    assert (
        pasted
        and pasted != "issuer"
        and _element(designer, pasted)["text"] == _element(designer, "issuer")["text"]
    )
    ids = [e["id"] for e in designer.document["elements"]]
    assert ids[-1] == pasted
    designer.move_in_order(-1)
    assert [e["id"] for e in designer.document["elements"]].index(pasted) == len(ids) - 2
    asked: list[str] = []

    def no(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(no))
    designer.select(pasted)
    QTest.keyClick(designer.view, Qt.Key.Key_Delete)
    assert asked and pasted in designer.items  # asked, and kept
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    designer.select(pasted)
    designer.delete_selected()
    assert pasted not in designer.items
    _wait_for_preview(qtbot, designer)


def test_previews_with_a_person_the_longest_name_and_a_hostile_sample(
    qtbot: Any, designer: TemplateDesigner
) -> None:
    samples = designer.samples
    assert samples is not None
    designer.show_longest()
    _wait_for_preview(qtbot, designer)
    longest = samples.longest()
    assert longest is not None and designer.sample_box.currentText() == longest.label
    assert longest.label in designer.pdf.getAllText(0).text().replace("\u2068", "").replace("\u2069", "")
    designer.show_hostile()
    _wait_for_preview(qtbot, designer)
    assert "Abdelrahman Mohamed" in designer.pdf.getAllText(0).text()  # the hostile Latin name
    # A box too narrow for the names: the warnings name the element and the people.
    designer.select("body")
    designer.geometry_boxes["width"].setValue(60)
    designer.geometry_boxes["width"].editingFinished.emit()
    _wait_for_preview(qtbot, designer)
    texts = [designer.warnings.item(n).text() for n in range(designer.warnings.count())]
    assert any("body" in text and samples.people[0][1] in text for text in texts), (
        texts
    )  # element and people named
    assert designer.warnings.isVisible()
    assert designer.last_preview_seconds > 0


def _everyone_attended(window: MainWindow) -> None:
    db = window.context.db
    grid = attendance_grid(db, 1)
    for row in grid.rows:
        for sid, _date in grid.sessions:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)


def test_the_issue_path_from_a_builtin_template_to_52_certificates(
    qtbot: Any,
    designer: TemplateDesigner,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("شهادة الشركاء", True)))
    designer.new_from_this()
    mine = designer.template_id
    assert mine is not None and mine > 8 and not designer.builtin
    # The name (the body) down by dragging; a co-organizer's logo added, then dragged into place.
    body = _element(designer, "body")
    _drag(designer, QPointF(float(body["x"]) + 40, float(body["y"]) + 20),
          QPointF(float(body["x"]) + 40, float(body["y"]) + 26))  # fmt: skip
    assert float(_element(designer, "body")["y"]) == pytest.approx(float(body["y"]) + 6, abs=1.6)  # may snap
    designer.add_element("co_organizer")
    logo_id = designer.selected_id()
    assert logo_id is not None
    logo = _element(designer, logo_id)
    _drag(designer, QPointF(float(logo["x"]) + 5, float(logo["y"]) + 5), QPointF(150.0, 160.0))
    logo = _element(designer, logo_id)
    assert (
        abs(float(logo["x"]) + 5 - 150) < 2 and abs(float(logo["y"]) + 5 - 160) < 2
    )  # snapped, at most 1.5 mm
    designer.show_longest()
    _wait_for_preview(qtbot, designer)
    assert designer.save()
    assert tpl.document_of(window.context.db, mine)["version"] == 2
    designer.use_for_training()
    assert tpl.training_templates(window.context.db, 1)[0].id == mine
    # 52 certificates from it, the name where it was dragged.
    _everyone_attended(window)
    assert len(certs.issue_certificates(window.context.db, 1, before_end=True).issued) == 52
    out = tmp_path / "c.pdf"
    certs.print_certificates(window.context.db, 1, out)
    pages = read_pages(out)
    assert len(pages) == 52
    saved = tpl.document_of(window.context.db, mine)
    box = next(e for e in saved["elements"] if e["id"] == "body")
    top, bottom = (
        (210 - float(box["y"]) - d) * 72 / 25.4 for d in (0.0, float(box["height"]))
    )  # pt from below
    first = pages[0]
    names = [
        r
        for r in first.runs
        if r.bounds()[3] - r.bounds()[1] > 18 and bottom <= r.bounds()[1] <= r.bounds()[3] <= top
    ]
    assert names  # the name, large, inside the body box where it was dragged
    assert (
        len(first.images) >= 3
    )  # the organization's logo, a co-organizer's twice (formal's place and the new)


def _handle_at(designer: TemplateDesigner, element_id: str, sides: str) -> QPointF:
    item = designer.items[element_id]
    handle = next(h for h in item.handles if h.corner == sides)
    return handle.scenePos()


def test_edge_handles_move_one_side_and_snap_guides_are_drawn_while_dragging(
    qtbot: Any, designer: TemplateDesigner
) -> None:
    designer.select("body")
    before = dict(_element(designer, "body"))
    x, y, w, h = (float(before[k]) for k in ("x", "y", "width", "height"))
    assert {h.corner for h in designer.items["body"].handles} == {"tl", "t", "tr", "r", "br", "b", "bl", "l"}
    # The right edge: only the width changes.
    start = _handle_at(designer, "body", "r")
    assert (start.x(), start.y()) == pytest.approx((x + w, y + h / 2))
    _drag(designer, start, start + QPointF(-15.2, 7.0))
    after = _element(designer, "body")
    assert (after["x"], after["y"], after["height"]) == pytest.approx((x, y, h), abs=0.01)
    assert float(after["width"]) == pytest.approx(w - 15.2, abs=1.6)  # or snapped to a guide near it
    # The top edge: only the top moves (the bottom stays).
    designer.select("body")
    start = _handle_at(designer, "body", "t")
    _drag(designer, start, start + QPointF(9.0, 4.3))
    top = _element(designer, "body")
    assert (top["x"], top["width"]) == pytest.approx((after["x"], after["width"]), abs=0.01)
    assert float(top["y"]) == pytest.approx(y + 4.3, abs=1.6)
    assert float(top["y"]) + float(top["height"]) == pytest.approx(y + h, abs=0.01)
    # A drag that lands on the page's centre line draws the guide there until the mouse is let go.
    designer.select("body")
    element = _element(designer, "body")
    centre = float(element["x"]) + float(element["width"]) / 2
    grab = QPointF(centre, float(element["y"]) + 5)
    width = designer.page_mm[0]
    view = designer.view
    _send(view, QEvent.Type.MouseButtonPress, grab, Qt.MouseButton.LeftButton)
    for n in range(1, 6):
        _send(view, QEvent.Type.MouseMove, grab + (QPointF(width / 2 + 0.8, grab.y()) - grab) * (n / 5),
              Qt.MouseButton.LeftButton)  # fmt: skip
    assert designer.guide_x.isVisible()
    # The guide is drawn where the box landed: one of its edges or its centre lies on it, top to bottom.
    item = designer.items["body"]
    left, box_width = item.pos().x(), item.rect().width()
    guide = designer.guide_x.line()
    assert min(abs(guide.x1() - v) for v in (left, left + box_width / 2, left + box_width)) < 0.01
    assert (guide.x2(), guide.y1(), guide.y2()) == pytest.approx((guide.x1(), 0, designer.page_mm[1]))
    _send(view, QEvent.Type.MouseButtonRelease, QPointF(width / 2 + 0.8, grab.y()), Qt.MouseButton.NoButton)
    QApplication.processEvents()
    assert not designer.guide_x.isVisible() and not designer.guide_y.isVisible()
    _wait_for_preview(qtbot, designer)


def _choose(box: Any, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, value
    box.setCurrentIndex(index)
    box.activated.emit(index)


def test_text_layout_properties_and_the_number_of_signatories(
    qtbot: Any, designer: TemplateDesigner, tmp_path: Path
) -> None:
    import subprocess

    designer.select("title")
    for widget in (designer.font_box, designer.valign_box, designer.direction_box, designer.line_height_box,
                   designer.max_lines_box, designer.overflow_box):  # fmt: skip
        assert widget.isVisible()
    assert not designer.count_box.isVisible()  # a signatories' property only
    _choose(designer.font_box, "serif")
    _choose(designer.valign_box, "middle")
    _choose(designer.direction_box, "rtl")
    _choose(designer.overflow_box, "ellipsis")
    designer.line_height_box.setValue(1.75)
    designer.line_height_box.editingFinished.emit()
    designer.max_lines_box.setValue(2)
    designer.max_lines_box.editingFinished.emit()
    title = _element(designer, "title")
    assert (title["font"], title["valign"], title["direction"], title["overflow"]) == (
        "serif", "middle", "rtl", "ellipsis")  # fmt: skip
    assert (title["line_height"], title["max_lines"]) == (1.75, 2)
    # The preview is the printed page: the title is set in the serif font now.
    _wait_for_preview(qtbot, designer)
    assert designer._buffer is not None
    pdf = tmp_path / "preview.pdf"
    pdf.write_bytes(bytes(designer._buffer.data().data()))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Amiri" in fonts
    # Signatories: from three down to one on the page.
    designer.select("signatures")
    assert designer.count_box.isVisible() and designer.count_box.value() == 3
    designer.count_box.setValue(1)
    designer.count_box.editingFinished.emit()
    assert _element(designer, "signatures")["count"] == 1
    _wait_for_preview(qtbot, designer)
    pdf.write_bytes(bytes(designer._buffer.data().data()))
    runs = [run.text for run in read_pages(pdf)[0].runs]
    names = [s.name for s in designer.samples.batch.signatories] if designer.samples else []
    assert len(names) >= 2
    shown = [name for name in names if any(name[::-1] in text or name in text for text in runs)]
    assert len(shown) == 1
