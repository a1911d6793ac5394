"""Charts with Arabic labels, on paper and on screen, checked with the same picture test the PDF engine
uses: every label a chart draws is cut out of the rendered page (or the painted screen image) and
compared with Qt's own text layout of the same label; a label in the wrong order must fail it
(the negative control). The layout itself is mirrored for right-to-left readers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf.chart_draw import draw_chart
from desktop_app.pdf.chart_draw import measure as pdf_measure
from desktop_app.pdf.charts import Box, Chart, Drawing, Label, Rule, Series, charts_from, lay_out, nice_ticks
from tests.pdf import pdftools

pytestmark = pytest.mark.skipif(not pdftools.have_poppler(), reason="needs poppler-utils")

DPI = 288
SCALE = DPI / 72
CATEGORIES = (
    "القاهرة",
    "الإسكندرية",
    "جمعية / منظمة أهلية",
    "لا إله (رقم 12)",
    "مبادرة شباب بلدنا",
    "Youth Hub مساحة 3",
)
MONTHS = ("أغسطس 2026", "سبتمبر 2026", "أكتوبر 2026", "نوفمبر 2026")
SANS = ["NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf"]
BOLD = ["NotoSansArabic-Bold.ttf", "NotoSans-Bold.ttf"]


@pytest.fixture(autouse=True)
def _bundled_fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    """Regular and bold faces both loaded, as the application loads them (no synthesized bold)."""
    for name in SANS + BOLD:
        pdftools.qt_family(name)


def bars(rtl: bool = True) -> Chart:
    return Chart("governorate", "bars", "المشاركون حسب المحافظة", CATEGORIES, ("01", "02", "a", "b", "c", "21"),
                 (Series("reached", "تم الوصول", (23.0, 17.0, 12.0, 9.0, 4.0, 1.0)),), "governorate", rtl=rtl)  # fmt: skip


def pyramid(rtl: bool = True) -> Chart:
    return Chart("pyramid", "pyramid", "المشاركون حسب النوع والفئة العمرية", ("أقل من 18", "18–24", "25–34", "غير معروف"),
                 ("under_18", "18_24", "25_34", "unknown"),
                 (Series("male", "ذكور", (2.0, 8.0, 5.0, 1.0)), Series("female", "إناث", (3.0, 11.0, 7.0, 0.0))),
                 "age_band", rtl=rtl)  # fmt: skip


def columns(rtl: bool = True) -> Chart:
    return Chart("trend", "columns", "أشخاص جدد في كل شهر", MONTHS, ("", "", "", ""),
                 (Series("new_people", "أشخاص جدد", (5.0, 12.0, 9.0, 14.0)),), rtl=rtl)  # fmt: skip


def _isolated(drawing: Drawing) -> list[Label]:
    """Labels whose box no bar or rule crosses: their ink is the text's alone."""

    def meets(label: Label, shape: Box | Rule) -> bool:
        if isinstance(shape, Box):
            x, y, w, h = shape.x, shape.y, shape.w, shape.h
        else:
            x, y = min(shape.x1, shape.x2), min(shape.y1, shape.y2)
            w, h = abs(shape.x2 - shape.x1), abs(shape.y2 - shape.y1)
        return x < label.x + label.w and label.x < x + w and y < label.y + label.h and label.y < y + h

    others = [s for s in drawing.shapes if isinstance(s, Box | Rule)]
    return [lbl for lbl in drawing.labels if lbl.text and not any(meets(lbl, s) for s in others)]


def _crop(page: Image.Image, label: Label, left: float, top: float, scale: float = SCALE) -> Image.Image:
    box = (round((left + label.x) * scale), round((top + label.y) * scale),
           round((left + label.x + label.w) * scale), round((top + label.y + label.h) * scale))  # fmt: skip
    return pdftools.ink(page.crop(box))


def _qt_reference(text: str, size: float, bold: bool, rtl: bool = True, scale: float = SCALE) -> Image.Image:
    """The label laid out by Qt alone (its own bidi and HarfBuzz), as an ink mask."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextOption

    width, height = round(size * scale * (len(text) + 4)), round(size * scale * 3)
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    font = QFont()
    font.setFamilies([pdftools.qt_family(f) for f in SANS])
    font.setPixelSize(round(size * scale))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    option = QTextOption(Qt.AlignmentFlag.AlignCenter)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    painter.drawText(QRectF(0, 0, width, height), text, option)
    painter.end()
    return pdftools.ink(pdftools.qimage_to_pil(image))


def _pdf_page(chart: Chart, tmp_path: Path) -> tuple[Image.Image, Drawing]:
    path = tmp_path / f"{chart.key}.pdf"
    canvas = Canvas(str(path), pagesize=(440, 300))
    drawing = draw_chart(canvas, chart, 20, 280, 400, 260, size=10)
    canvas.save()
    return Image.open(pdftools.render_page(path, DPI, tmp_path)), drawing


def _screen_image(chart: Chart) -> tuple[Image.Image, Drawing]:
    """The chart as the window paints it, laid out at four times the size (pixels at 288 dpi), so
    the labels are compared at the resolution the paper is."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop_app.views.widgets.chart import measure, paint_drawing

    drawing = lay_out(chart, 400 * SCALE, 260 * SCALE, measure, 10 * SCALE)
    image = QImage(round(440 * SCALE), round(300 * SCALE), QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(20 * SCALE, 20 * SCALE)
    paint_drawing(painter, drawing)
    painter.end()
    return pdftools.qimage_to_pil(image), drawing


def _check_labels(image: Image.Image, drawing: Drawing, left: float, top: float, scale: float = SCALE) -> int:
    checked = 0
    for label in _isolated(drawing):
        ours = _crop(image, label, left, top, scale)
        reference = _qt_reference(label.text, label.size, label.bold, label.rtl, scale)
        width_ratio, correlation = pdftools.similarity(ours, reference)
        if len(label.text) == 1:
            # One glyph cannot be out of order; a pixel of antialiasing decides its profile.
            assert abs(ours.width - reference.width) <= 2, label.text
            continue
        if len(label.text) < 4:  # a short number: a pixel or two of rounding, but its digits in order
            assert abs(ours.width - reference.width) <= 3, label.text
            assert correlation > 0.85, (label.text, correlation)
            checked += 1
            continue
        assert width_ratio > 0.95, (label.text, width_ratio)
        assert correlation > 0.9, (label.text, correlation)
        checked += 1
    return checked


@pytest.mark.gui
@pytest.mark.parametrize("make", [bars, pyramid, columns], ids=["bars", "pyramid", "columns"])
def test_chart_labels_on_paper_match_qt_text_layout(qapp, tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    page, drawing = _pdf_page(make(), tmp_path)
    # Every category name is among the labels checked (and the title, and the values).
    texts = {lbl.text for lbl in _isolated(drawing)}
    assert set(make().categories) <= texts
    assert _check_labels(page, drawing, 20, 20) >= len([c for c in make().categories if len(c) > 1]) + 1


@pytest.mark.gui
@pytest.mark.parametrize("make", [bars, pyramid, columns], ids=["bars", "pyramid", "columns"])
def test_chart_labels_on_screen_match_qt_text_layout(qapp, make) -> None:  # type: ignore[no-untyped-def]
    image, drawing = _screen_image(make())
    assert _check_labels(image, drawing, 20 * SCALE, 20 * SCALE, 1.0) >= len(make().categories) + 1


@pytest.mark.gui
def test_the_picture_check_catches_reversed_labels(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Negative control: the same labels with their words reversed, or a mixed label laid out as a
    left-to-right paragraph, fail."""
    chart = bars()
    page, drawing = _pdf_page(chart, tmp_path)
    label = next(lbl for lbl in _isolated(drawing) if lbl.text == "مبادرة شباب بلدنا")
    ours = _crop(page, label, 20, 20)
    wrong = _qt_reference(" ".join(reversed(label.text.split())), label.size, label.bold)
    assert pdftools.similarity(ours, wrong)[1] < 0.9
    number = next(lbl for lbl in _isolated(drawing) if lbl.text == "23")
    ours = _crop(page, number, 20, 20)
    assert pdftools.similarity(ours, _qt_reference("32", number.size, False))[1] < 0.85
    mixed = next(lbl for lbl in _isolated(drawing) if lbl.text == "Youth Hub مساحة 3")
    ours = _crop(page, mixed, 20, 20)
    assert pdftools.similarity(ours, _qt_reference(mixed.text, mixed.size, False, rtl=False))[1] < 0.9


def test_charts_are_mirrored_for_right_to_left_readers() -> None:
    for make in (bars, pyramid, columns):
        rtl, ltr = (
            lay_out(make(True), 400, 260, pdf_measure, 10),
            lay_out(make(False), 400, 260, pdf_measure, 10),
        )
        title_rtl = rtl.labels[0]
        assert (
            title_rtl.align == "right"
            and lay_out(make(False), 400, 260, pdf_measure, 10).labels[0].align == "left"
        )
        del ltr
    # Bars: the names on the right, bars to their left (growing leftwards); the other way in English.
    for rtl in (True, False):
        drawing = lay_out(bars(rtl), 400, 260, pdf_measure, 10)
        name = next(lbl for lbl in drawing.labels if lbl.text == "القاهرة")
        bar = next(s for s in drawing.shapes if isinstance(s, Box))
        assert (name.x > bar.x + bar.w - 1) if rtl else (name.x + name.w <= bar.x + 1)
    # Columns: time runs from right to left in Arabic.
    drawing = lay_out(columns(True), 400, 260, pdf_measure, 10)
    firsts = [lbl for lbl in drawing.labels if lbl.text in MONTHS]
    assert [lbl.text for lbl in sorted(firsts, key=lambda lbl: -lbl.x)] == list(MONTHS)
    drawing = lay_out(columns(False), 400, 260, pdf_measure, 10)
    firsts = [lbl for lbl in drawing.labels if lbl.text in MONTHS]
    assert [lbl.text for lbl in sorted(firsts, key=lambda lbl: lbl.x)] == list(MONTHS)
    # Pyramid: men on the right in Arabic, on the left in English; the youngest band at the bottom.
    for rtl in (True, False):
        drawing = lay_out(pyramid(rtl), 400, 260, pdf_measure, 10)
        men = next(lbl for lbl in drawing.labels if lbl.text == "ذكور")
        women = next(lbl for lbl in drawing.labels if lbl.text == "إناث")
        assert (men.x > women.x) == rtl
        young = next(lbl for lbl in drawing.labels if lbl.text == "أقل من 18")
        old = next(lbl for lbl in drawing.labels if lbl.text == "25–34")
        assert young.y > old.y


def test_a_bar_opens_its_category() -> None:
    drawing = lay_out(bars(), 400, 260, pdf_measure, 10)
    name = next(lbl for lbl in drawing.labels if lbl.text == "الإسكندرية")
    hit = drawing.hit(name.x + 2, name.y + name.h / 2)
    assert hit is not None and (hit.category, hit.series) == ("02", "reached")
    drawing = lay_out(pyramid(), 400, 260, pdf_measure, 10)
    band = next(lbl for lbl in drawing.labels if lbl.text == "18–24")
    right = drawing.hit(band.x + band.w + 5, band.y + band.h / 2)
    left = drawing.hit(band.x - 5, band.y + band.h / 2)
    assert right is not None and left is not None
    assert (right.category, right.series) == ("18_24", "male") and left.series == "female"


def test_axis_ticks_are_round() -> None:
    assert nice_ticks(23, False) == [0, 10, 20, 30]
    assert nice_ticks(7, False) == [0, 2, 4, 6, 8]
    assert nice_ticks(0.83, True)[-1] == 1.0
    assert nice_ticks(0, False) == [0.0, 1.0]


def test_charts_from_the_statistics_document_with_digits_and_others() -> None:
    document = {
        "people": {
            "by_governorate": {f"{n:02d}": n for n in range(1, 20)} | {"unknown": 3},
            "by_organization_kind": {"association": 4, "union": 0, "none": 2},
            "by_age_band_and_gender": {"under_18": {"male": 1, "female": 2, "unknown": 0},
                                       "unknown": {"male": 0, "female": 0, "unknown": 0}},
        },
        "per_session": [{"id": 1, "training": 1, "date": "2026-11-29", "attendance_rate": 0.5}],
        "per_training": [{"id": 1, "title": "تدريب"}],
        "by_month": [{"month": "2026-11", "attendance_rate": 0.5, "new_people": 7}],
    }  # fmt: skip
    charts = {c.key: c for c in charts_from(document, "ar", arabic_digits=True, max_rows=8)}
    governorates = charts["governorate"]
    assert len(governorates.categories) == 8 and governorates.categories[-1] == "غيرها"
    assert governorates.category_keys[-1] == ""  # "others" opens nothing
    assert governorates.value_text(23) == "٢٣"
    assert charts["organization_kind"].categories == ("جمعية / منظمة أهلية", "بدون جهة")
    assert charts["pyramid"].categories == ("أقل من 18",)  # an empty "unknown" band is left out
    assert charts["attendance"].categories == ("٢٩/١١",) and charts["attendance"].percent
    assert charts["trend"].categories == ("نوفمبر ٢٠٢٦",)
    english = {c.key: c for c in charts_from(document, "en")}
    assert english["trend"].categories == ("November 2026",) and not english["trend"].rtl
