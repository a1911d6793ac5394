"""The only place that reaches into ReportLab's internals (ReportLab 5.1, pinned in pyproject.toml).

Everything else in `desktop_app.pdf` uses ReportLab's public API (`Canvas.addLiteral`, `beginForm`,
`drawImage`, the page size we chose). What has no public API, and why we need it:

- the canvas's PDF document: a font subset's resource name and code are per document;
- a TrueType font's code → glyph and code → width tables: HarfBuzz picks glyphs that have no
  Unicode code point, so we give them private-use codes in those tables;
- writing a font subset's objects: ReportLab's own writer, with our ToUnicode CMap (the real text
  behind each shaped glyph) instead of its own.

tests/pdf/test_reportlab_internals.py has one test per behaviour relied on here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:  # ReportLab's C accelerator (rl-accel): ReportLab picks it up by itself when it is installed;
    # declared so it is, since it speeds a 1,000-certificate run by a tenth (ASCII85, number formatting).
    import _rl_accel  # noqa: F401
except ImportError:  # pragma: no cover - ReportLab falls back to its pure-Python code
    pass
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont
from reportlab.pdfgen.canvas import Canvas


def document_of(canvas: Canvas) -> pdfdoc.PDFDocument:
    """The PDF document a canvas writes into (font subsets are numbered per document)."""
    return canvas._doc


def glyph_table(font: TTFont) -> dict[int, int]:
    """The font's code → glyph id table (Unicode code points, plus the private-use codes we add)."""
    table: dict[int, int] = font.face.charToGlyph
    return table


def width_table(font: TTFont) -> dict[int, float]:
    """The font's code → advance width table, in thousandths of the font size."""
    table: dict[int, float] = font.face.charWidths
    return table


def subset_code(font: TTFont, code: int, doc: pdfdoc.PDFDocument) -> tuple[str, int]:
    """(resource name of the subset, byte in it) for a code of the font, in this document."""
    ((subset, data),) = font.splitString(chr(code), doc)
    return font.getSubsetInternalName(subset, doc), data[0]


def write_subsets(font: TTFont, doc: pdfdoc.PDFDocument, to_unicode: Callable[[str, list[int]], str]) -> None:
    """ReportLab's subset writer (TTFont.addObjects) with our ToUnicode CMap: `to_unicode(base name,
    codes of the subset)` returns the CMap's text."""
    state = font.state.get(doc) or font._assignState(doc)
    state.frozen = 1
    for n, subset in enumerate(state.subsets):
        internal = font.getSubsetInternalName(n, doc)[1:]
        base = (b"".join((SUBSETN(n), b"+", font.face.name, font.face.subfontNameX))).decode("pdfdoc")
        pdf_font: Any = pdfdoc.PDFTrueTypeFont()
        pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
        pdf_font.Name = internal
        pdf_font.BaseFont = base
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        pdf_font.Widths = pdfdoc.PDFArray([font.face.getCharWidth(code) for code in subset])
        cmap = pdfdoc.PDFStream()
        cmap.content = to_unicode(base, list(subset))
        if doc.compression:
            cmap.filters = [pdfdoc.PDFZCompress]
        pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base)
        pdf_font.FontDescriptor = font.face.addSubsetObjects(doc, base, subset)
        doc.Reference(pdf_font, internal)
        doc.idToObject["BasicFonts"].dict[internal] = pdf_font
    del font.state[doc]
