"""Long work off the GUI thread (as Anki's CollectionOp): a progress dialog with Cancel, the result
or the error delivered back on the GUI thread, and the window never freezes.

The work function receives `report(done, total) -> bool`; it returns False once the user asked to
cancel, and the work should then raise `Cancelled` so its transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.errors import Cancelled
from desktop_app.views.errors import show_error

Report = Callable[[int, int], bool]


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancelled = False

    def report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self.work(self.report)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[_Job] = set()


def run_operation(
    parent: QWidget,
    label: str,
    work: Callable[[Report], Any],
    on_success: Callable[[Any], None],
    *,
    on_cancel: Callable[[], None] | None = None,
) -> _Job:
    """Run `work` on the thread pool with a modal progress dialog; call back on the GUI thread."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = _Job(work)
    _running.add(job)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)

    def finish() -> None:
        dialog.close()
        dialog.deleteLater()
        _running.discard(job)

    def succeeded(result: object) -> None:
        finish()
        on_success(result)

    def failed(error: object) -> None:
        finish()
        if isinstance(error, Cancelled):
            if on_cancel:
                on_cancel()
        elif isinstance(error, BaseException):
            show_error(parent, error)

    def cancel() -> None:
        job.cancelled = True
        dialog.setLabelText(QCoreApplication.translate("Operations", "Cancelling…"))

    job.signals.progress.connect(progress)
    job.signals.finished.connect(succeeded)
    job.signals.failed.connect(failed)
    dialog.canceled.connect(cancel)
    QThreadPool.globalInstance().start(job)
    return job
