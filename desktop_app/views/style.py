"""The visual language: one calm palette, a type scale, and icons.

Deep blue for structure; green, amber and red only for status. Icons are Font Awesome Free SVG files
bundled in resources/icons (nothing is fetched), coloured and drawn with QtSvg when first used; icons
that point a direction are mirrored for right-to-left layouts.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from desktop_app.text.isolate import directed, mentions

NAVY = "#1f3a5f"
NAVY_LIGHT = "#2c5282"
NAVY_PALE = "#e8eef6"
SURFACE = "#ffffff"
BACKGROUND = "#f4f6f9"
TEXT = "#1a202c"
MUTED = "#5a6475"
GREEN = "#2f855a"
AMBER = "#b7791f"
RED = "#c53030"
BORDER = "#d5dbe3"

PAGE_TITLE_PT = 20
SECTION_TITLE_PT = 14
BODY_PT = 11
CAPTION_PT = 9

def style_sheet() -> str:
    """The application's style sheet. Every control it gives a frame is styled whole, arrows and
    buttons included, and positions are written for left to right: Qt mirrors them (and the arrows'
    side) in right-to-left layouts, so combo boxes, dates, times and numbers agree in both."""
    from desktop_app.assets import resource_path

    def image(name: str) -> str:
        return "url(" + resource_path("style", name + ".svg").as_posix() + ")"

    down, up = image("chevron-down"), image("chevron-up")
    down_off, up_off = image("chevron-down-disabled"), image("chevron-up-disabled")
    return f"""
QMainWindow, QWidget#page {{ background: {BACKGROUND}; }}
QWidget#formPage {{ background: {SURFACE}; }}
QScrollArea {{ border: 1px solid {BORDER}; border-radius: 6px; background: {SURFACE}; }}
QListWidget#navigation {{
    background: {NAVY}; color: white; border: none; outline: none; padding-top: 8px;
    font-size: 12pt;
}}
QListWidget#navigation::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#navigation::item:selected {{ background: {NAVY_LIGHT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: #27476f; }}
QWidget#topBar {{ background: {SURFACE}; border-bottom: 1px solid {BORDER}; }}
QLabel#brand {{ color: {NAVY}; font-size: 18pt; font-weight: bold; }}
QLabel#pageTitle {{ color: {NAVY}; font-size: {PAGE_TITLE_PT}pt; font-weight: bold; }}
QLabel#sectionTitle {{ color: {NAVY}; font-size: {SECTION_TITLE_PT}pt; font-weight: bold; }}
QLabel#caption, QLabel#muted {{ color: {MUTED}; }}
QLabel#fieldError {{ color: {RED}; font-size: {CAPTION_PT + 1}pt; }}
QLabel#verdictGood {{ color: {GREEN}; font-weight: bold; }}
QLabel#verdictBad {{ color: {RED}; font-weight: bold; }}
QLabel#verdictWarn {{ color: {AMBER}; font-weight: bold; }}
QLabel#emptyState {{ color: {MUTED}; font-size: 13pt; padding: 24px; }}
QFrame#card {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 10px; }}
QFrame#emptyCard {{ background: {SURFACE}; border: 1px dashed {BORDER}; border-radius: 10px; }}
QFrame#checkinCard {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 12px; }}
QFrame#checkinCard[state="ok"] {{ border: 2px solid {GREEN}; }}
QFrame#checkinCard[state="warn"] {{ border: 2px solid {AMBER}; }}
QLabel#checkinHeadline {{ font-size: 18pt; font-weight: bold; color: {NAVY}; }}
QLabel#checkinHeadline[state="ok"], QLabel#checkinName[state="ok"] {{ color: {GREEN}; }}
QLabel#checkinHeadline[state="warn"], QLabel#checkinName[state="warn"] {{ color: {AMBER}; }}
QLabel#checkinName {{ font-size: 30pt; font-weight: bold; color: {TEXT}; }}
QLabel#cardNumber {{ color: {NAVY}; font-size: 26pt; font-weight: bold; }}
QLabel#banner {{ background: #fff8e6; border: 1px solid #f0d9a0; border-radius: 8px; padding: 12px; }}

QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 2px 8px; min-height: 20px;
    selection-background-color: {NAVY_LIGHT}; selection-color: white;
}}
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 1px solid {NAVY_LIGHT};
}}
QLineEdit:disabled, QComboBox:disabled, QAbstractSpinBox:disabled, QPlainTextEdit:disabled {{
    background: {BACKGROUND}; color: #8a93a3;
}}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QAbstractSpinBox[invalid="true"],
QPlainTextEdit[invalid="true"], QTextEdit[invalid="true"], QListWidget[invalid="true"] {{ border: 1px solid {RED}; }}
QComboBox QLineEdit, QAbstractSpinBox QLineEdit {{ border: none; padding: 0; background: transparent; }}
QComboBox {{ padding-right: 4px; }}
QComboBox::drop-down, QDateTimeEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 22px; border: none;
}}
QComboBox::down-arrow, QDateTimeEdit::down-arrow {{ image: {down}; width: 11px; height: 11px; }}
QComboBox::down-arrow:disabled, QDateTimeEdit::down-arrow:disabled {{ image: {down_off}; }}
QComboBox::down-arrow:on {{ image: {up}; }}
QAbstractSpinBox {{ padding-right: 22px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 20px; border: none; margin: 1px;
}}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 5px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 5px; }}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{ background: {NAVY_PALE}; }}
QAbstractSpinBox::up-arrow {{ image: {up}; width: 9px; height: 9px; }}
QAbstractSpinBox::down-arrow {{ image: {down}; width: 9px; height: 9px; }}
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off {{ image: {up_off}; }}
QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {{ image: {down_off}; }}
QLineEdit#quickSearch {{ min-width: 420px; padding: 7px 12px; border-radius: 16px; background: {BACKGROUND}; }}
QPushButton {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 14px; min-height: 22px;
}}
QPushButton:hover {{ background: {NAVY_PALE}; }}
QPushButton:disabled {{ color: #a0a8b5; }}
QPushButton#primary {{ background: {NAVY}; color: white; border: 1px solid {NAVY}; }}
QPushButton#primary:hover {{ background: {NAVY_LIGHT}; }}
QPushButton#primary:disabled {{ background: #8da0b8; border: 1px solid #8da0b8; color: #eef2f7; }}
QPushButton::menu-indicator {{
    image: {down}; subcontrol-origin: padding; subcontrol-position: center right; width: 11px; height: 11px;
}}
QPushButton#primary::menu-indicator {{ image: none; width: 0; }}
QToolButton[popupMode="2"] {{ padding-left: 22px; padding-right: 22px; }}
QToolButton::menu-indicator {{
    image: {down}; subcontrol-origin: padding; subcontrol-position: center right; width: 11px; height: 11px;
    right: 6px;
}}
QTableView, QListView {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; gridline-color: #edf0f4;
    selection-background-color: {NAVY_PALE}; selection-color: {TEXT};
}}
QListWidget#navigation {{ selection-background-color: {NAVY_LIGHT}; }}
QHeaderView::section {{
    background: {BACKGROUND}; color: {MUTED}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: bold;
}}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 6px; background: {SURFACE}; top: -1px; }}
QTabBar::tab {{ padding: 7px 10px; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {NAVY}; border-bottom: 2px solid {NAVY}; font-weight: bold; }}
QGroupBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px; margin-top: 18px; padding: 12px;
    font-weight: bold; color: {NAVY};
}}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top left; padding: 0 8px; left: 12px; }}
QProgressBar {{
    background: {NAVY_PALE}; border: none; border-radius: 5px; color: {NAVY}; text-align: center;
    font-weight: bold;
}}
QProgressBar::chunk {{ background: {GREEN}; border-radius: 5px; }}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
QToolTip {{ background: {SURFACE}; color: {TEXT}; border: 1px solid {BORDER}; padding: 4px; }}
"""



# Icons whose meaning has a direction: drawn mirrored in right-to-left layouts.
_DIRECTIONAL = {"fa5s.arrow-left", "fa5s.arrow-right", "fa5s.chevron-left", "fa5s.chevron-right", "fa5s.undo"}


ICON_SIZES = (16, 20, 24, 32, 48, 64)


def icon_file(name: str) -> str:
    """The bundled SVG of an icon name such as "fa5s.home"."""
    from desktop_app.assets import resource_path

    return str(resource_path("icons", name.split(".", 1)[-1] + ".svg"))


@cache
def icon(name: str, color: str = NAVY) -> QIcon:
    """An icon in `color`, mirrored when it points a direction and the layout is right to left."""
    with open(icon_file(name), encoding="utf-8") as f:
        svg = f.read().replace("<svg ", f'<svg fill="{color}" ', 1)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    box = renderer.viewBoxF()
    app = QApplication.instance()
    mirrored = name in _DIRECTIONAL and isinstance(app, QApplication) and app.isRightToLeft()
    result = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Keep the glyph's proportions, centred in the square.
        scale = size / max(box.width(), box.height())
        width, height = box.width() * scale, box.height() * scale
        renderer.render(painter, QRectF((size - width) / 2, (size - height) / 2, width, height))
        painter.end()
        result.addPixmap(pixmap.transformed(QTransform().scale(-1, 1)) if mirrored else pixmap)
    return result



class TashbeekStyle(QProxyStyle):
    """Fusion, with two things every widget's text gets alike (labels, buttons, combo boxes, tabs,
    group titles, headers all draw their text through `drawItemText`):

    - a line of the interface's language is laid out in the interface's direction whatever its first
      word ("Excel (.xlsx) أو CSV" stays an Arabic sentence); a value alone keeps its own;
    - a line too long for its place ends in "…" (at its end in the reading direction) instead of
      being cut off."""

    def drawItemText(  # noqa: N802 (Qt's name)
        self,
        painter: QPainter,
        rect: QRect,
        flags: int,
        palette: QPalette | Qt.GlobalColor | QColor,
        enabled: bool,
        text: str,
        role: QPalette.ColorRole = QPalette.ColorRole.NoRole,
    ) -> None:
        if text:
            direction = painter.layoutDirection()
            if direction == Qt.LayoutDirection.LayoutDirectionAuto:
                direction = QGuiApplication.layoutDirection()
            rtl = direction == Qt.LayoutDirection.RightToLeft
            if mentions(text, rtl):
                flags = int(flags) | int(
                    Qt.TextFlag.TextForceRightToLeft if rtl else Qt.TextFlag.TextForceLeftToRight
                )
            if not int(flags) & int(Qt.TextFlag.TextWordWrap):
                metrics = painter.fontMetrics()
                mnemonic = int(flags) & int(Qt.TextFlag.TextShowMnemonic)
                text = "\n".join(
                    line
                    if metrics.horizontalAdvance(line) <= rect.width()
                    else metrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width(), mnemonic)
                    for line in text.split("\n")
                )
        super().drawItemText(painter, rect, flags, palette, enabled, text, role)


def apply_style(app: QApplication) -> None:
    if not isinstance(app.style(), TashbeekStyle):
        app.setStyle(TashbeekStyle(QStyleFactory.create("Fusion")))
    app.setStyleSheet(style_sheet())


class Label(QLabel):
    """A label whose sentences take the interface's direction, line by line (a wrapped label is laid
    out by a text document, which would otherwise take each line's direction from its first letter).

    With `elide=True` it may be narrower than its text: the line ends in "…" in the reading
    direction and the tooltip shows it whole. `text()` is the text as given."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, elide: bool = False) -> None:
        super().__init__(parent)
        self._text = ""
        self.elide = elide
        self.setProperty("elides", elide)
        if elide:
            self.setMinimumWidth(0)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._text = text
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        super().setText(directed(text, rtl) if text else text)
        self._update_tip()

    def text(self) -> str:
        return self._text

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        if self.elide and not self.wordWrap():
            return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("…") * 6), hint.height())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._update_tip()

    def is_elided(self) -> bool:
        width = self.contentsRect().width() - 2 * max(0, self.indent()) - 2 * self.margin()
        return any(self.fontMetrics().horizontalAdvance(line) > width for line in self._text.split("\n"))

    def _update_tip(self) -> None:
        if self.elide:
            self.setToolTip(self._text if self.is_elided() else "")


def label(
    text: str, role: str = "", parent: QWidget | None = None, *, wrap: bool = False, elide: bool = False
) -> Label:
    """A label with a role from the type scale (pageTitle, sectionTitle, caption, muted, …)."""
    widget = Label(text, parent, elide=elide)
    if role:
        widget.setObjectName(role)
    widget.setWordWrap(wrap)
    return widget


def card(
    icon_name: str, title: str, title_role: str = "sectionTitle", icon_size: int = 26
) -> tuple[QFrame, QVBoxLayout]:
    """A white card with an icon and a title on its first line; returns the card and its layout."""
    frame = QFrame()
    frame.setObjectName("card")
    inner = QVBoxLayout(frame)
    top = QHBoxLayout()
    glyph = QLabel()
    glyph.setPixmap(icon(icon_name).pixmap(icon_size, icon_size))
    top.addWidget(glyph)
    top.addWidget(label(title, title_role))
    top.addStretch(1)
    inner.addLayout(top)
    return frame, inner
