"""Charts on screen: the same `pdf.charts` layout the PDF prints, painted with QPainter (Qt shapes the
Arabic labels itself). A click on a bar, a column or a half of the pyramid opens the people behind it."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.pdf.charts import Box, Chart, Drawing, Label, Rule, lay_out

FAMILIES = ["Noto Sans Arabic", "Noto Sans"]  # the bundled fonts, the same as on paper
LABEL_PX = 12.0


@cache
def chart_font(size: float, bold: bool) -> QFont:
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def measure(text: str, size: float, bold: bool) -> float:
    """Width of one line of text in pixels, as QPainter will draw it."""
    return QFontMetricsF(chart_font(size, bold)).horizontalAdvance(text)


def paint_drawing(painter: QPainter, drawing: Drawing) -> None:
    """Paint a laid-out chart with its top-left corner at the painter's origin."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for shape in drawing.shapes:
        if isinstance(shape, Box):
            painter.fillRect(QRectF(shape.x, shape.y, shape.w, shape.h), QColor(shape.color))
        elif isinstance(shape, Rule):
            painter.setPen(QPen(QColor(shape.color), shape.width))
            painter.drawLine(QPointF(shape.x1, shape.y1), QPointF(shape.x2, shape.y2))
        elif isinstance(shape, Label) and shape.text:
            align = {
                "left": Qt.AlignmentFlag.AlignLeft,
                "right": Qt.AlignmentFlag.AlignRight,
                "center": Qt.AlignmentFlag.AlignHCenter,
            }[shape.align]
            option = QTextOption(align | Qt.AlignmentFlag.AlignVCenter)
            option.setTextDirection(
                Qt.LayoutDirection.RightToLeft if shape.rtl else Qt.LayoutDirection.LeftToRight
            )
            option.setWrapMode(QTextOption.WrapMode.NoWrap)
            painter.setFont(chart_font(shape.size, shape.bold))
            painter.setPen(QColor(shape.color))
            painter.drawText(QRectF(shape.x, shape.y, shape.w, shape.h), shape.text, option)


class ChartView(QWidget):
    """One chart, laid out for the widget's size; emits `opened(category, series)` on a click."""

    opened = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Chart | None = None
        self._drawing: Drawing | None = None
        self.setMinimumSize(280, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self._drawing = None
        self.setAccessibleName(chart.title if chart else "")
        self.update()

    def drawing(self) -> Drawing | None:
        if self.chart is None:
            return None
        if self._drawing is None or (self._drawing.width, self._drawing.height) != (
            self.width(),
            self.height(),
        ):
            self._drawing = lay_out(self.chart, self.width(), self.height(), measure, LABEL_PX)
        return self._drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        drawing = self.drawing()
        if drawing is not None:
            paint_drawing(painter, drawing)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drawing = self.drawing()
        hit = drawing.hit(event.position().x(), event.position().y()) if drawing else None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drawing = self.drawing()
        hit = drawing.hit(event.position().x(), event.position().y()) if drawing else None
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit(hit.category, hit.series)
