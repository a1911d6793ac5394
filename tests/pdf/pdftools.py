"""Helpers for document tests: extract text two ways, render pages, draw the same text with Qt, and
compare ink.

Qt's text layout (its own bidi algorithm and its own HarfBuzz shaping, driven from C++) is the
independent reference: a picture our engine made can only match it if letters join, words come in the
right order and brackets are mirrored.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pypdf
from PIL import Image

from desktop_app.assets import resource_path

# What extractors add around right-to-left text, and the marks poppler reads where its reordering
# needs one (the ActualText of a marked-content span; pypdf never sees them).
BIDI_MARKS = re.compile("[\u061c\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What poppler itself adds around right-to-left lines and the left-to-right runs inside them (not
# in the PDF): the only characters a "raw" extraction removes.
POPPLER_EMBEDDINGS = re.compile("[\u202a\u202b\u202c]")


def poppler_lines(pdf: Path, page: int | None = None, *, raw: bool = False) -> list[str]:
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return _clean(out, POPPLER_EMBEDDINGS if raw else BIDI_MARKS)


def pypdf_lines(pdf: Path, page: int = 1, *, raw: bool = False) -> list[str]:
    """The page's lines as pypdf extracts them; `raw` keeps every character it returns."""
    text = pypdf.PdfReader(pdf).pages[page - 1].extract_text()
    return _clean(text, None if raw else BIDI_MARKS)


def format_characters(lines: list[str] | str) -> set[str]:
    """The invisible formatting characters (Unicode category Cf: bidi marks and controls, zero-width
    characters) in extracted text."""
    text = "".join(lines)
    return {ch for ch in text if unicodedata.category(ch) == "Cf"}


def _clean(text: str, marks: re.Pattern[str] | None) -> list[str]:
    lines = ((marks.sub("", line) if marks else line).strip().strip("\x0c") for line in text.splitlines())
    return [line for line in lines if line]


def have_poppler() -> bool:
    return shutil.which("pdftoppm") is not None and shutil.which("pdftotext") is not None


def render_page(pdf: Path, dpi: int, out_dir: Path, page: int = 1) -> Path:
    prefix = out_dir / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-gray",
            "-png",
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


_QT_FONTS: dict[str, str] = {}


def qt_family(file_name: str) -> str:
    from PySide6.QtGui import QFontDatabase

    if file_name not in _QT_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file_name)))
        _QT_FONTS[file_name] = QFontDatabase.applicationFontFamilies(font_id)[0]
    return _QT_FONTS[file_name]


def qt_render(text: str, families: list[str], size_pt: float, dpi: int, width_px: int, height_px: int):  # type: ignore[no-untyped-def]
    """The text drawn by Qt, right-to-left paragraph, right-aligned, black on white (a QImage)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextOption

    image = QImage(width_px, height_px, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    font = QFont()
    font.setFamilies(families)
    font.setPixelSize(round(size_pt * dpi / 72))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    painter.drawText(QRectF(0, 0, width_px, height_px), text, option)
    painter.end()
    return image


def qimage_to_pil(image):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QIODevice

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("L")


def ink(image: Image.Image) -> Image.Image:
    """Dark pixels (white on black) cropped to their bounding box."""
    mask = image.convert("L").point(lambda v: 255 if v < 128 else 0)
    box = mask.getbbox()
    assert box, "nothing was drawn"
    return mask.crop(box)


def column_profile(mask: Image.Image, bins: int) -> list[float]:
    """Share of dark pixels per vertical slice, left to right: the order of letters and words shows
    here (reversed words or isolated letters give a different profile)."""
    return [v / 255 for v in mask.resize((bins, 1), Image.Resampling.BOX).tobytes()]


def similarity(a: Image.Image, b: Image.Image) -> tuple[float, float]:
    """(width ratio, correlation of column profiles) of two ink masks."""
    wa, wb = a.width, b.width
    bins = max(8, min(wa, wb) // 16)  # slices of ~1/5 em at 288 dpi: sub-pixel placement evens out
    pa, pb = column_profile(a, bins), column_profile(b, bins)
    ma, mb = sum(pa) / bins, sum(pb) / bins
    cov = sum((x - ma) * (y - mb) for x, y in zip(pa, pb, strict=True))
    va = sum((x - ma) ** 2 for x in pa) ** 0.5
    vb = sum((y - mb) ** 2 for y in pb) ** 0.5
    return min(wa, wb) / max(wa, wb), cov / (va * vb) if va and vb else 0.0
