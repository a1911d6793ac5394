"""The one way the window runs work (as Anki's CollectionOp): on the thread pool, never on the GUI
thread; errors to the one error path; then it announces what changed, so each screen refreshes only
for what concerns it.

Two shapes of the same runner:
- `run`: long work (printing, importing, backing up, restoring, merging a package) with a progress
  dialog and Cancel; the result comes back to a callback on the GUI thread. The work receives
  `report(done, total) -> bool`, which is False once the user asked to cancel; it should then raise
  `Cancelled` so its transaction rolls back.
- `call`: a short write or read (saving a form, a check-in) that the caller waits for: it runs on the
  pool while the GUI thread keeps turning its event loop (painting, timers) but holds back the user's
  input until it is done, so nothing freezes and nothing runs twice. It returns the result or raises.
"""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QMetaObject,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from desktop_app.errors import Cancelled
from desktop_app.logs import exception_outline
from desktop_app.services.changes import Change
from desktop_app.views.errors import show_error

Report = Callable[[int, int], bool]
# How long `call` waits for short work before it turns the event loop (well under what a user notices).
QUICK = 0.03
T = TypeVar("T")
# What a piece of work changed: fixed, or worked out from its result.
Changes = Iterable[Change] | Callable[[Any], Iterable[Change]]
# The threads `Runner.call` hands its short work to, shared by every window and kept waiting between
# calls; more than one, so a call made while another waits (a timer's refresh during a slow save)
# never queues behind it.
_CALLS = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="tashbeek-call")


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until its signals are delivered
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


class Runner(QObject):
    """Runs the window's work and announces its changes (`announce(change, origin)`)."""

    def __init__(self, announce: Callable[[Change, QWidget | None], None]) -> None:
        super().__init__()
        self._announce = announce
        self._running: set[_Job] = set()
        self.pool = QThreadPool.globalInstance()

    def _changes(self, changes: Changes, result: Any, origin: QWidget | None) -> None:
        for change in changes(result) if callable(changes) else changes:
            self._announce(change, origin)

    def run(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[Report], T],
        on_success: Callable[[T], None],
        *,
        changes: Changes = (),
        on_cancel: Callable[[], None] | None = None,
    ) -> _Job:
        """Long work with a modal progress dialog (shown after 300 ms) and Cancel."""
        dialog = QProgressDialog(label, QCoreApplication.translate("Operations", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        job = _Job(work)
        self._running.add(job)

        def progress(done: int, total: int) -> None:
            if not isValid(dialog):
                return
            dialog.setMaximum(max(total, 0))
            dialog.setValue(done)

        def finish() -> bool:
            """Close the progress dialog; False when the window that asked for the work is gone (closed
            while the work ran), so nothing is shown on it."""
            self._running.discard(job)
            if not isValid(parent) or not isValid(dialog):
                return False
            dialog.close()
            dialog.deleteLater()
            return True

        def succeeded(result: Any) -> None:
            if finish():
                self._changes(changes, result, parent)
                on_success(result)

        def failed(error: object) -> None:
            if not finish():
                return
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
        self.pool.start(job)
        return job

    def call(self, parent: QWidget | None, work: Callable[[], T], *, changes: Changes = ()) -> T:
        """Short work the caller waits for, off the GUI thread; returns its result or raises its error
        (the caller shows it), then announces its changes.

        Most writes take a few milliseconds: the GUI thread first waits up to QUICK for them without
        turning its event loop (no repaint of a half-updated screen, no contention for the
        interpreter while the work runs), then, for slower work, turns the loop (painting and timers
        go on; clicks and keys wait until the work is done, so nothing runs twice).

        The work goes to threads kept waiting for it (`_CALLS`), not to the Qt pool: handing a job to
        QThreadPool lets its thread take the interpreter lock before `start` returns, and the GUI
        thread then waits out Python's switch interval (up to 5 ms) to get it back, a third of a
        check-in. A waiting thread woken through a queue starts only once the GUI thread sleeps."""
        future = _CALLS.submit(work)
        try:
            future.exception(QUICK)
        except concurrent.futures.TimeoutError:
            loop = QEventLoop()
            # Queued: delivered inside exec (a quit before exec would be lost), from whichever thread
            # finishes the work, or at once here if it finished in between.
            future.add_done_callback(
                lambda _f: QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)
            )
            if not future.done():
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        error = future.exception()  # waits, should the loop have ended for another reason
        if error is not None:
            raise error
        result: T = future.result()
        self._changes(changes, result, parent)
        return result

    def background(
        self, work: Callable[[], T], on_done: Callable[[T], None] | None = None, *, changes: Changes = (),
        receiver: QObject | None = None,
    ) -> _Job:  # fmt: skip
        """Work nobody waits for and nothing shows (the daily backup): no dialog; it must handle its own
        failures (an error reaching here is logged, never shown over what the user is doing).
        `receiver`: the widget `on_done` shows the result on; gone by the time the work ends (its
        window closed meanwhile), the result is dropped."""
        job = _Job(lambda _report: work())
        self._running.add(job)

        def succeeded(result: Any) -> None:
            self._running.discard(job)
            self._changes(changes, result, None)
            if on_done is not None and (receiver is None or isValid(receiver)):
                on_done(result)

        def failed(error: object) -> None:
            self._running.discard(job)
            if isinstance(error, BaseException):
                logging.getLogger(__name__).error("background work failed: %s", exception_outline(error))

        job.signals.finished.connect(succeeded)
        job.signals.failed.connect(failed)
        self.pool.start(job)
        return job

    def wait(self) -> None:
        """Let every running job finish (closing the window, tests)."""
        self.pool.waitForDone()
        QCoreApplication.processEvents()

