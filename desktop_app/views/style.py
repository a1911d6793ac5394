"""The visual language: one calm palette, a type scale, and icons.

Deep blue for structure; green, amber and red only for status. Icons are Font Awesome Free SVG files
bundled in resources/icons (nothing is fetched), coloured and drawn with QtSvg when first used; icons
that point a direction are mirrored for right-to-left layouts.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

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

STYLE_SHEET = f"""
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
QFrame#checkinCard {{ background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 12px; }}
QFrame#checkinCard[state="ok"] {{ border: 2px solid {GREEN}; }}
QFrame#checkinCard[state="warn"] {{ border: 2px solid {AMBER}; }}
QLabel#checkinHeadline {{ font-size: 18pt; font-weight: bold; color: {NAVY}; }}
QLabel#checkinHeadline[state="ok"], QLabel#checkinName[state="ok"] {{ color: {GREEN}; }}
QLabel#checkinHeadline[state="warn"], QLabel#checkinName[state="warn"] {{ color: {AMBER}; }}
QLabel#checkinName {{ font-size: 30pt; font-weight: bold; color: {TEXT}; }}
QLabel#cardNumber {{ color: {NAVY}; font-size: 26pt; font-weight: bold; }}
QLabel#banner {{ background: #fff8e6; border: 1px solid #f0d9a0; border-radius: 8px; padding: 12px; }}
QLineEdit, QComboBox, QDateEdit, QPlainTextEdit, QSpinBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 2px 8px; min-height: 20px;
}}
QLineEdit:focus, QComboBox:focus, QDateEdit:focus, QPlainTextEdit:focus {{ border: 1px solid {NAVY_LIGHT}; }}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"] {{ border: 1px solid {RED}; }}
QLineEdit#quickSearch {{ min-width: 420px; padding: 7px 12px; border-radius: 16px; background: {BACKGROUND}; }}
QPushButton {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; padding: 6px 14px; min-height: 22px;
}}
QPushButton:hover {{ background: {NAVY_PALE}; }}
QPushButton:disabled {{ color: #a0a8b5; }}
QPushButton#primary {{ background: {NAVY}; color: white; border: 1px solid {NAVY}; }}
QPushButton#primary:hover {{ background: {NAVY_LIGHT}; }}
QTableView {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 6px; gridline-color: #edf0f4;
    selection-background-color: {NAVY_PALE}; selection-color: {TEXT};
}}
QHeaderView::section {{
    background: {BACKGROUND}; color: {MUTED}; border: none; border-bottom: 1px solid {BORDER};
    padding: 6px 8px; font-weight: bold;
}}
QTabWidget::pane {{ border: 1px solid {BORDER}; border-radius: 6px; background: {SURFACE}; top: -1px; }}
QTabBar::tab {{ padding: 7px 16px; color: {MUTED}; }}
QTabBar::tab:selected {{ color: {NAVY}; border-bottom: 2px solid {NAVY}; font-weight: bold; }}
QGroupBox {{
    background: {SURFACE}; border: 1px solid {BORDER}; border-radius: 8px; margin-top: 18px; padding: 12px;
    font-weight: bold; color: {NAVY};
}}
QGroupBox::title {{ subcontrol-origin: margin; subcontrol-position: top right; padding: 0 8px; }}
QStatusBar {{ background: {SURFACE}; border-top: 1px solid {BORDER}; color: {MUTED}; }}
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



def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)


def label(text: str, role: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A QLabel with a role from the type scale (pageTitle, sectionTitle, caption, muted, …)."""
    widget = QLabel(text, parent)
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
