"""A page that scrolls instead of squeezing: on a 1024×600 screen, cards of text and buttons keep
their natural height and the page gets a scroll bar."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolled(contents: QWidget) -> QScrollArea:
    """`contents` in a frameless scroll area that gives it the area's width and scrolls it down."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(contents)
    return scroll


def scroll_contents(widget: QWidget) -> QWidget:
    """Move `widget`'s layout (and everything in it) into a scroll area that fills the widget.

    The widget itself stays what callers hold (a tab, a page), so nothing else changes."""
    layout = widget.layout()
    if layout is None:
        return widget
    inner = QWidget()
    inner.setObjectName("scrolledContents")
    inner.setLayout(layout)  # a layout set on another widget moves there with its widgets
    scroll = scrolled(inner)
    outer = QVBoxLayout(widget)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return widget
