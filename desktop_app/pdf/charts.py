"""Charts described once and laid out once, then drawn by two thin painters: ReportLab with our Arabic
engine on paper (`chart_draw`), QPainter on screen (`views/widgets/chart.py`). Screen and paper get
the same bars at the same places with the same labels, so they can never disagree.

A `Chart` is plain data (categories, series, title, direction, digits); `lay_out` turns it into boxes,
rules and labels in a width × height area, measuring text with the painter's own `measure` (both
use the bundled Noto Sans Arabic + Noto Sans, so the measures agree). In a right-to-left chart the
category names stand on the right, horizontal bars grow leftwards, the value axis of columns is on
the right and time runs from right to left, as an Arabic reader expects; men stand on the right of a
population pyramid. `charts_from` builds the report's charts from the statistics document (the JSON
`tashbeek stats --json` prints), so the window, the PDF and the JSON share one source.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from desktop_app.pdf.report_text import band_label, category_label, month_label, number_text, word
from desktop_app.text.age_bands import UNKNOWN

Measure = Callable[[str, float, bool], float]  # (text, size, bold) -> width
Kind = Literal["bars", "columns", "pyramid"]

NAVY = "#1f3a5f"
TEAL = "#2c7a7b"
MEN = "#2b6cb0"
WOMEN = "#c05621"
GRID = "#d5dbe3"
INK = "#1a202c"
MUTED = "#5a6475"


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    values: tuple[float, ...]
    color: str = NAVY


@dataclass(frozen=True)
class Chart:
    key: str
    kind: Kind
    title: str
    categories: tuple[str, ...]  # as shown
    category_keys: tuple[str, ...]  # what a click opens ("" where nothing can be opened)
    series: tuple[Series, ...]
    dimension: str = ""  # the figure dimension of the categories (governorate, age_band, …)
    percent: bool = False
    rtl: bool = True
    arabic_digits: bool = False
    empty_text: str = ""

    @property
    def empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)

    def value_text(self, value: float) -> str:
        return number_text(value, percent=self.percent, arabic_digits=self.arabic_digits)


@dataclass(frozen=True)
class Box:
    x: float
    y: float  # top, downwards
    w: float
    h: float
    color: str


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str = GRID
    width: float = 0.6


@dataclass(frozen=True)
class Label:
    """Text drawn in its box, vertically centred, aligned to `align`, in the paragraph direction `rtl`."""

    x: float
    y: float
    w: float
    h: float
    text: str
    size: float
    align: Literal["left", "right", "center"]
    bold: bool = False
    color: str = INK
    rtl: bool = True


@dataclass(frozen=True)
class Hit:
    """An area that opens a figure: the category's key, and the series' key for a pyramid half."""

    x: float
    y: float
    w: float
    h: float
    category: str
    series: str


Shape = Box | Rule | Label


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    shapes: tuple[Shape, ...]
    hits: tuple[Hit, ...]

    def hit(self, x: float, y: float) -> Hit | None:
        for area in self.hits:
            if area.x <= x <= area.x + area.w and area.y <= y <= area.y + area.h:
                return area
        return None

    @property
    def labels(self) -> tuple[Label, ...]:
        return tuple(s for s in self.shapes if isinstance(s, Label))


def _elide(text: str, width: float, size: float, bold: bool, measure: Measure) -> str:
    """The text cut at its end (in reading order) with "…" so it fits `width`."""
    if measure(text, size, bold) <= width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words) + "…"
        if measure(candidate, size, bold) <= width:
            return candidate
    cut = text
    while len(cut) > 1 and measure(cut + "…", size, bold) > width:
        cut = cut[:-1]
    return cut + "…"


def nice_ticks(top: float, percent: bool) -> list[float]:
    """Round values for an axis from 0 to at least `top` (about four steps)."""
    if percent:
        return [0.0, 0.25, 0.5, 0.75, 1.0]
    if top <= 0:
        return [0.0, 1.0]
    raw = top / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if step < 1:
        step = 1.0
    count = math.ceil(top / step)
    return [step * n for n in range(count + 1)]


def lay_out(chart: Chart, width: float, height: float, measure: Measure, size: float = 9.0) -> Drawing:
    """Boxes, rules and labels of `chart` in a width × height area (top-left origin, y downwards)."""
    pad = size * 0.7
    shapes: list[Shape] = []
    title_h = size * 2.3
    align_start: Literal["left", "right"] = "right" if chart.rtl else "left"
    shapes.append(Label(pad, 0, width - 2 * pad, title_h, _elide(chart.title, width - 2 * pad, size * 1.15, True, measure),
                        size * 1.15, align_start, True, INK, chart.rtl))  # fmt: skip
    top = title_h + pad * 0.3
    if chart.empty or not chart.categories:
        shapes.append(Label(pad, top, width - 2 * pad, height - top - pad, chart.empty_text, size, "center",
                            False, MUTED, chart.rtl))  # fmt: skip
        return Drawing(width, height, tuple(shapes), ())
    area = (pad, top, width - 2 * pad, height - top - pad)
    if chart.kind == "bars":
        hits = _bars(chart, area, measure, size, shapes)
    elif chart.kind == "columns":
        hits = _columns(chart, area, measure, size, shapes)
    else:
        hits = _pyramid(chart, area, measure, size, shapes)
    return Drawing(width, height, tuple(shapes), tuple(hits))


def _bars(
    chart: Chart, area: tuple[float, float, float, float], measure: Measure, size: float, shapes: list[Shape]
) -> list[Hit]:
    left, top, width, height = area
    values = chart.series[0].values
    rows = len(chart.categories)
    row_h = min(height / rows, size * 2.4)
    bar_h = row_h * 0.62
    label_w = min(max(measure(c, size, False) for c in chart.categories) + size * 0.6, width * 0.4)
    biggest = max(values) or 1
    value_w = max(measure(chart.value_text(v), size, False) for v in values) + size * 0.5
    bar_room = max(width - label_w - value_w - size * 0.9, size)
    hits = []
    gap = size * 0.6
    text_w = label_w - gap
    for n, (name, key, value) in enumerate(zip(chart.categories, chart.category_keys, values, strict=True)):
        y = top + n * row_h
        length = bar_room * value / biggest
        value_align: Literal["left", "right"]
        if chart.rtl:  # names on the right, bars growing leftwards, the value at the bar's end
            label_x = left + width - text_w
            bar_x = label_x - gap - length
            value_x, value_align = bar_x - value_w - size * 0.3, "right"
        else:
            label_x = left
            bar_x = left + label_w
            value_x, value_align = bar_x + length + size * 0.3, "left"
        text = _elide(name, text_w, size, False, measure)
        shapes.append(Label(label_x, y, text_w, row_h, text, size, "right" if chart.rtl else "left", False, INK,
                            chart.rtl))  # fmt: skip
        if length > 0:
            shapes.append(Box(bar_x, y + (row_h - bar_h) / 2, length, bar_h, chart.series[0].color))
        shapes.append(Label(value_x, y, value_w, row_h, chart.value_text(value), size, value_align, False, MUTED,
                            chart.rtl))  # fmt: skip
        if key:
            hits.append(Hit(left, y, width, row_h, key, chart.series[0].key))
    return hits


def _columns(
    chart: Chart, area: tuple[float, float, float, float], measure: Measure, size: float, shapes: list[Shape]
) -> list[Hit]:
    left, top, width, height = area
    values = chart.series[0].values
    ticks = nice_ticks(max(values), chart.percent)
    axis_w = max(measure(chart.value_text(t), size * 0.9, False) for t in ticks) + size * 0.5
    label_h = size * 2.0
    plot_top = top + size * 1.6  # room for the value over the tallest column
    plot_h = max(height - label_h - (plot_top - top), size)
    plot_bottom = plot_top + plot_h
    if chart.rtl:
        plot_left, plot_right = left, left + width - axis_w
        axis_x = plot_right + size * 0.3
    else:
        plot_left, plot_right = left + axis_w, left + width
        axis_x = left
    for tick in ticks:
        y = plot_bottom - plot_h * tick / ticks[-1]
        shapes.append(Rule(plot_left, y, plot_right, y, GRID if tick else MUTED, 0.6))
        shapes.append(Label(axis_x, y - size, axis_w - size * 0.3, size * 2, chart.value_text(tick), size * 0.9,
                            "left" if chart.rtl else "right", False, MUTED, chart.rtl))  # fmt: skip
    count = len(values)
    slot = (plot_right - plot_left) / count
    column_w = min(slot * 0.64, size * 6)  # a month alone is a column, not a wall
    widest = max(measure(c, size * 0.9, False) for c in chart.categories)
    every = max(1, math.ceil((widest + size * 0.6) / slot))
    show_values = slot >= measure(chart.value_text(max(values)), size * 0.85, False) + 2
    hits = []
    for n, (name, key, value) in enumerate(zip(chart.categories, chart.category_keys, values, strict=True)):
        centre = plot_right - (n + 0.5) * slot if chart.rtl else plot_left + (n + 0.5) * slot
        h = plot_h * value / ticks[-1]
        if h > 0:
            shapes.append(Box(centre - column_w / 2, plot_bottom - h, column_w, h, chart.series[0].color))
        if show_values:
            shapes.append(Label(centre - slot / 2, plot_bottom - h - size * 1.6, slot, size * 1.5,
                                chart.value_text(value), size * 0.85, "center", False, MUTED, chart.rtl))  # fmt: skip
        if n % every == 0:
            shapes.append(Label(centre - slot * every / 2, plot_bottom + size * 0.2, slot * every, label_h - size * 0.2,
                                name, size * 0.9, "center", False, INK, chart.rtl))  # fmt: skip
        if key:
            hits.append(Hit(centre - slot / 2, plot_top, slot, plot_h + label_h, key, chart.series[0].key))
    return hits


def _pyramid(
    chart: Chart, area: tuple[float, float, float, float], measure: Measure, size: float, shapes: list[Shape]
) -> list[Hit]:
    left, top, width, height = area
    right_series, left_series = (
        (chart.series[0], chart.series[1]) if chart.rtl else (chart.series[1], chart.series[0])
    )
    header_h = size * 2.0
    centre_w = max(measure(c, size, False) for c in chart.categories) + size * 1.2
    half = (width - centre_w) / 2
    centre_left = left + half
    biggest = max(max(s.values) for s in chart.series) or 1
    value_w = (
        max(measure(chart.value_text(v), size, False) for s in chart.series for v in s.values) + size * 0.5
    )
    room = max(half - value_w - size * 0.3, size)
    shapes.append(
        Label(
            left, top, half, header_h, left_series.label, size, "center", True, left_series.color, chart.rtl
        )
    )
    shapes.append(Label(centre_left + centre_w, top, half, header_h, right_series.label, size, "center", True,
                        right_series.color, chart.rtl))  # fmt: skip
    rows = len(chart.categories)
    row_h = min((height - header_h) / rows, size * 2.4)
    bar_h = row_h * 0.66
    hits = []
    # The youngest band at the bottom, as a pyramid stands.
    for n in range(rows):
        y = top + header_h + (rows - 1 - n) * row_h
        shapes.append(
            Label(centre_left, y, centre_w, row_h, chart.categories[n], size, "center", False, INK, chart.rtl)
        )
        for series, side in ((left_series, "left"), (right_series, "right")):
            value = series.values[n]
            length = room * value / biggest
            text = chart.value_text(value)
            value_align: Literal["left", "right"]
            if side == "left":
                x = centre_left - length
                value_x, value_align = x - value_w - size * 0.3, "right"
                hit_x = left
            else:
                x = centre_left + centre_w
                value_x, value_align = x + length + size * 0.3, "left"
                hit_x = centre_left + centre_w
            if length > 0:
                shapes.append(Box(x, y + (row_h - bar_h) / 2, length, bar_h, series.color))
            shapes.append(Label(value_x, y, value_w, row_h, text, size, value_align, False, MUTED, chart.rtl))
            if chart.category_keys[n]:
                hits.append(Hit(hit_x, y, half, row_h, chart.category_keys[n], series.key))
    return hits


# ---------------------------------------------------------------- the report's charts


def charts_from(
    document: Mapping[str, Any], language: str, *, arabic_digits: bool = False, max_rows: int = 12,
    max_columns: int = 40,
) -> list[Chart]:  # fmt: skip
    """The report's charts from the statistics document (`Statistics.as_json()`): people by
    governorate and by organization kind, the gender × age pyramid, attendance per session (or per
    month when there are many sessions) and new people per month."""
    rtl = language == "ar"
    empty = word("none_yet", language)
    people = document["people"]

    def bars(key: str, title: str, dimension: str, counts: Mapping[str, int]) -> Chart:
        items = sorted(
            ((k, v) for k, v in counts.items() if v),
            key=lambda kv: (kv[0] in (UNKNOWN, "none"), -kv[1], kv[0]),
        )
        if len(items) > max_rows:
            kept, rest = items[: max_rows - 1], items[max_rows - 1 :]
            items = [*kept, ("", sum(v for _k, v in rest))]
        names = tuple(
            category_label(dimension, k, language) if k else word("others", language) for k, _v in items
        )
        return Chart(key, "bars", word(title, language), names, tuple(k for k, _v in items),
                     (Series("reached", word("reached", language), tuple(float(v) for _k, v in items), NAVY),),
                     dimension, False, rtl, arabic_digits, empty)  # fmt: skip

    charts = [
        bars("governorate", "chart_governorate", "governorate", people["by_governorate"]),
        bars("organization_kind", "chart_kind", "organization_kind", people["by_organization_kind"]),
    ]
    pyramid = people["by_age_band_and_gender"]
    bands = [b for b in pyramid if b != UNKNOWN or any(pyramid[b].values())]
    charts.append(Chart(
        "pyramid", "pyramid", word("chart_pyramid", language),
        tuple(band_label(b, language) for b in bands), tuple(bands),
        (Series("male", word("male", language), tuple(float(pyramid[b]["male"]) for b in bands), MEN),
         Series("female", word("female", language), tuple(float(pyramid[b]["female"]) for b in bands), WOMEN)),
        "age_band", False, rtl, arabic_digits, empty,
    ))  # fmt: skip
    sessions = document["per_session"]
    if 0 < len(sessions) <= max_columns:
        titles = {t["id"]: t["title"] for t in document["per_training"]}
        several = len({s["training"] for s in sessions}) > 1
        names = []
        for s in sessions:
            day = f"{int(s['date'][8:10])}/{int(s['date'][5:7])}"
            names.append(day if not several else f"{day} {titles.get(s['training'], '')}".strip())
        charts.append(Chart(
            "attendance", "columns", word("chart_attendance_session", language),
            tuple(_digits(n, arabic_digits) for n in names), tuple("" for _s in sessions),
            (Series("attendance_rate", word("attendance_rate", language),
                    tuple(float(s["attendance_rate"] or 0) for s in sessions), TEAL),),
            "", True, rtl, arabic_digits, empty,
        ))  # fmt: skip
    else:
        months = document["by_month"][-max_columns:]
        charts.append(Chart(
            "attendance", "columns", word("chart_attendance_month", language),
            tuple(_digits(month_label(m["month"], language), arabic_digits) for m in months), tuple("" for _m in months),
            (Series("attendance_rate", word("attendance_rate", language),
                    tuple(float(m["attendance_rate"] or 0) for m in months), TEAL),),
            "", True, rtl, arabic_digits, empty,
        ))  # fmt: skip
    months = document["by_month"][-max_columns:]
    charts.append(Chart(
        "trend", "columns", word("chart_trend", language),
        tuple(_digits(month_label(m["month"], language), arabic_digits) for m in months), tuple("" for _m in months),
        (Series("new_people", word("new_people", language), tuple(float(m["new_people"]) for m in months), NAVY),),
        "", False, rtl, arabic_digits, empty,
    ))  # fmt: skip
    return charts


def _digits(text: str, arabic_digits: bool) -> str:
    from desktop_app.text.dates import to_arabic_digits

    return to_arabic_digits(text) if arabic_digits else text


def chart_by_key(charts: Sequence[Chart], key: str) -> Chart:
    return next(c for c in charts if c.key == key)
