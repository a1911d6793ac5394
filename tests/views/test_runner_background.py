"""The runner's background work: a result whose widget has gone meanwhile (its window closed while
the work ran) is dropped, not shown on a deleted label (Home's counts arrive after the first paint)."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QLabel

from desktop_app.views.operations import Runner


def test_a_result_for_a_widget_that_is_gone_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = Runner(lambda _change, _origin: None)
    label = QLabel()
    release = threading.Event()
    shown: list[str] = []
    runner.background(lambda: release.wait(5) and "30", lambda text: (shown.append(text), label.setText(text)),
                      receiver=label)  # fmt: skip
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=2000)
    release.set()
    runner.wait()
    assert shown == []  # before: "Internal C++ object (QLabel) already deleted" from the event loop

    kept = QLabel()
    runner.background(lambda: "57", kept.setText, receiver=kept)
    runner.wait()
    qtbot.waitUntil(lambda: kept.text() == "57", timeout=2000)


def _alive(widget: QLabel) -> bool:
    from shiboken6 import isValid

    return isValid(widget)
