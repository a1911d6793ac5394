"""Choosing a period the way reports name them: all time, a month, a quarter, a year, or two dates;
with previous/next steps (icons mirrored in right-to-left layouts)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QWidget

from desktop_app import clock
from desktop_app.services.statistics import month_period, quarter_period, year_period
from desktop_app.text.dates import ARABIC_MONTHS, ENGLISH_MONTHS
from desktop_app.views.style import icon
from desktop_app.views.widgets.fields import OptionalDateEdit


class PeriodPicker(QWidget):
    """`value()` is (first day, last day), or (None, None) for all time."""

    changed = Signal()

    def __init__(self, language: str, *, all_time: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = clock.today()
        self.kind = QComboBox()
        if all_time:
            self.kind.addItem(self.tr("All time"), "all")
        for key, text in (("month", self.tr("Month")), ("quarter", self.tr("Quarter")), ("year", self.tr("Year")),
                          ("custom", self.tr("From … to …"))):  # fmt: skip
            self.kind.addItem(text, key)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # 2026 reads the same everywhere
        self.months = QComboBox()
        for n, name in enumerate(ARABIC_MONTHS if language == "ar" else ENGLISH_MONTHS, start=1):
            self.months.addItem(name, n)
        self.months.setCurrentIndex(today.month - 1)
        self.quarters = QComboBox()
        for n, text in enumerate(
            (self.tr("First quarter"), self.tr("Second quarter"), self.tr("Third quarter"), self.tr("Fourth quarter")),
            start=1,
        ):  # fmt: skip
            self.quarters.addItem(text, n)
        self.quarters.setCurrentIndex((today.month - 1) // 3)
        self.first = OptionalDateEdit()
        self.last = OptionalDateEdit()
        self.first.set_date_value(dt.date(today.year, 1, 1))
        self.last.set_date_value(today)
        self.to_label = QLabel(self.tr("to"))
        self.previous = QToolButton()
        self.previous.setIcon(icon("fa5s.chevron-left"))
        self.previous.setToolTip(self.tr("Previous period"))
        self.next = QToolButton()
        self.next.setIcon(icon("fa5s.chevron-right"))
        self.next.setToolTip(self.tr("Next period"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.kind, self.previous, self.months, self.quarters, self.year, self.first, self.to_label,
                       self.last, self.next):  # fmt: skip
            row.addWidget(widget)
        for signal in (self.kind.currentIndexChanged, self.months.currentIndexChanged,
                       self.quarters.currentIndexChanged, self.year.valueChanged, self.first.dateChanged,
                       self.last.dateChanged):  # fmt: skip
            signal.connect(self._changed)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self._show_fields()

    def set_kind(self, key: str) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(key)))

    def _changed(self) -> None:
        self._show_fields()
        self.changed.emit()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        self.months.setVisible(kind == "month")
        self.quarters.setVisible(kind == "quarter")
        self.year.setVisible(kind in ("month", "quarter", "year"))
        for custom in (self.first, self.to_label, self.last):
            custom.setVisible(kind == "custom")
        for step in (self.previous, self.next):
            step.setVisible(kind in ("month", "quarter", "year"))

    def value(self) -> tuple[dt.date | None, dt.date | None]:
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return month_period(year, int(self.months.currentData()))
        if kind == "quarter":
            return quarter_period(year, int(self.quarters.currentData()))
        if kind == "year":
            return year_period(year)
        if kind == "custom":
            return self.first.date_value(), self.last.date_value()
        return None, None

    def step(self, direction: int) -> None:
        """The previous (-1) or next (+1) month, quarter or year."""
        kind = self.kind.currentData()
        widgets = [self, self.year, self.months, self.quarters]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if kind == "year":
                self.year.setValue(self.year.value() + direction)
            else:
                combo = self.months if kind == "month" else self.quarters
                index = combo.currentIndex() + direction
                if index < 0:
                    self.year.setValue(self.year.value() - 1)
                    index = combo.count() - 1
                elif index >= combo.count():
                    self.year.setValue(self.year.value() + 1)
                    index = 0
                combo.setCurrentIndex(index)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.changed.emit()
