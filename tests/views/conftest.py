"""GUI fixtures: the main window over a fresh database, in Arabic, and helpers to answer dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.app import build_window, create_application
from desktop_app.config import MachineSettings
from desktop_app.db import Database
from desktop_app.services.demo import load_demo
from desktop_app.views.main_window import MainWindow


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the suite: fail the test at once instead."""

    def refuse(dialog: QDialog) -> int:
        texts = getattr(dialog, "text", lambda: dialog.windowTitle())()
        raise AssertionError(f"unexpected modal dialog: {texts!r}")

    monkeypatch.setattr(QDialog, "exec", refuse)


@pytest.fixture
def arabic_app(qapp: QApplication) -> Iterator[QApplication]:
    create_application("ar")
    yield qapp
    create_application("ar")


@pytest.fixture
def make_window(qtbot, arabic_app: QApplication, db: Database) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    made: list[MainWindow] = []

    def make(*, demo: bool = True, language: str = "ar") -> MainWindow:
        create_application(language)
        if demo:
            load_demo(db)
        # Automatic backups are tested on their own; here they would only slow every test down.
        window = build_window(
            db, MachineSettings(language=language, operator="مريم", auto_backup=False), language
        )
        window.resize(1280, 800)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=10_000)  # keyboard focus needs an active window
        settle()  # what the window counts after its first paint (Home's figures) has arrived
        made.append(window)
        return window

    yield make
    for window in made:  # closing must not stop on "unsaved changes" questions left by a test
        for page in window.pages.values():
            editor = getattr(page, "editor", None)
            if editor is not None:
                editor.load(editor.record_id)
        window.close()
        for timer in window.findChildren(QTimer):
            timer.stop()  # a pending debounce must not fire into the next test's database
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


class Answers:
    """Scripted answers to message boxes, and the texts of every box that was shown."""

    def __init__(self) -> None:
        self.queue: list[str] = []
        self.seen: list[str] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Custom QMessageBoxes are answered by the button whose text is next in `answers.queue` (the
    first button when the queue is empty); question() says Yes, warning()/information() say Ok."""
    state = Answers()

    def fake_exec(box: QMessageBox) -> int:
        state.seen.append(box.text())
        wanted = state.queue.pop(0) if state.queue else None
        for button in box.buttons():
            if wanted is None or button.text() == wanted:
                button.click()
                return 0
        raise AssertionError(f"no button {wanted!r} in {[b.text() for b in box.buttons()]}")

    def record(answer: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def fake(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
            state.seen.append(str(args[2]))
            return answer

        return fake

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(record(QMessageBox.StandardButton.Yes)))
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record(QMessageBox.StandardButton.Ok)))
    return state


def settle() -> None:
    """Let the work handed to the window's runner finish and its results reach the screen (work that
    went off the GUI thread, as every write and file does, finishes after the call that started it)."""
    pool = QThreadPool.globalInstance()
    for _ in range(3):  # a result may start more work (a refresh after an import)
        while not pool.waitForDone(5):  # the GUI thread keeps turning meanwhile, as in the window
            QApplication.processEvents()
        QApplication.processEvents()
