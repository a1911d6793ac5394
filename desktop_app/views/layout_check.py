"""What a user would wince at, found by looking at the widgets themselves: text cut off without an
ellipsis, a date or time shown differently from its value, a dialog larger than the screen.

`tashbeek screenshots` prints these beside the pictures, and the suite fails on them at 1024×600 and
1920×1080 in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QDateTimeEdit, QLabel, QScrollArea, QTabBar, QWidget

ELLIPSIS = "…"
# A pixel or two of difference is rounding between font metrics and layout, not something a user sees.
SLACK = 2


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text().replace("\n", " ")[:50]
    return f"{type(widget).__name__}({widget.objectName() or '-'}) {text!r}"


def _label_clipped(label: QLabel) -> bool:
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text
    )
    if not text or rich:  # a rich text's width is not its source's: left to the eyes
        return False
    if not label.pixmap().isNull() or text.endswith(ELLIPSIS) or label.property("elides"):
        return False  # an eliding label ends its line in "…" itself
    if label.wordWrap():
        # A line squeezed a little still reads; a line missing does not.
        hidden = label.heightForWidth(label.width()) - label.height()
        return hidden > 0.6 * label.fontMetrics().lineSpacing()
    # The label's own size hint measures its text in the font its style sheet gives it.
    return label.sizeHint().width() > label.width() + SLACK


def _button_clipped(button: QAbstractButton) -> bool:
    if not button.text():
        return False
    return button.sizeHint().width() > button.width() + SLACK


def _tabs_cut(bar: QTabBar) -> list[str]:
    """Tabs narrower than their text and icon (shown with "…", or behind scroll arrows)."""
    return [
        bar.tabText(i)
        for i in range(bar.count())
        if bar.isTabVisible(i)
        and (
            bar.tabRect(i).width() + SLACK < bar.tabSizeHint(i).width()
            or not bar.rect().contains(bar.tabRect(i))  # behind the scroll arrows
        )
    ]


def _scroll_cuts(area: QScrollArea) -> bool:
    """Contents wider than a scroll area that never scrolls sideways lose a side: in Arabic, the
    start of every line."""
    inner = area.widget()
    if inner is None or area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return False
    return inner.minimumSizeHint().width() > area.viewport().width() + SLACK


def _date_time_misread(edit: QDateTimeEdit) -> bool:
    """Qt reverses a date or time edit's sections in a right-to-left widget: 09:30 shows as 30:09."""
    line = edit.lineEdit()
    if line is None or not edit.displayFormat() or line.text() == edit.specialValueText():
        return False
    return line.text() != edit.dateTime().toString(edit.displayFormat())


def _widest(root: QWidget) -> str:
    """The text widget asking for the most width: where to look first."""
    shown = [w for w in root.findChildren(QWidget) if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(root)]
    if not shown:
        return "-"
    widest = max(shown, key=lambda w: w.minimumSizeHint().width())
    return f"{_name(widest)} {widest.minimumSizeHint().width()} px"


def layout_problems(root: QWidget, screen: QSize | None = None) -> list[str]:
    """Every visible problem under `root` (a window or a dialog), one line each."""
    problems: list[str] = []
    if screen is not None and root.isWindow():
        # Shown on a screen smaller than its layout's minimum, a window cuts its own contents.
        needs = root.minimumSizeHint().expandedTo(root.minimumSize())
        if needs.width() > screen.width() or needs.height() > screen.height():
            problems.append(
                f"{type(root).__name__} needs {needs.width()}×{needs.height()}, "
                f"more than the screen's {screen.width()}×{screen.height()} (widest: {_widest(root)})"
            )
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and _label_clipped(widget):
            problems.append(f"text cut off without an ellipsis: {_name(widget)}")
        elif isinstance(widget, QAbstractButton) and _button_clipped(widget):
            problems.append(f"button too narrow for its text: {_name(widget)}")
        elif isinstance(widget, QTabBar) and (cut := _tabs_cut(widget)):
            problems.append(f"tabs cut short: {', '.join(cut)}")
        elif isinstance(widget, QScrollArea) and _scroll_cuts(widget):
            problems.append(f"a scroll area cuts its contents' sides off: {_name(widget)}")
        elif isinstance(widget, QDateTimeEdit) and _date_time_misread(widget):
            problems.append(
                f"{type(widget).__name__} shows {widget.lineEdit().text()!r} "
                f"for {widget.dateTime().toString(widget.displayFormat())!r}"
            )
    return problems
