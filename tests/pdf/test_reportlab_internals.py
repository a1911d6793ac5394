"""One test per ReportLab behaviour that desktop_app/pdf/internals.py relies on: when ReportLab changes
one of them, the test names it before a printed page goes wrong."""

from __future__ import annotations

import io
import zlib

import pypdf
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf import internals
from desktop_app.pdf.fonts import font_chain


def _font():  # type: ignore[no-untyped-def]
    return font_chain("sans").fonts[0]


def test_the_canvas_document_is_where_subsets_are_numbered() -> None:
    canvas = Canvas(io.BytesIO())
    doc = internals.document_of(canvas)
    assert doc is canvas._doc
    name, byte = internals.subset_code(_font(), ord("ب"), doc)
    assert name.startswith("/F") and 0 <= byte < 256
    # The same code in the same document keeps its place; another document starts afresh.
    assert internals.subset_code(_font(), ord("ب"), doc) == (name, byte)


def test_codes_fill_subsets_of_256_and_name_them_per_subset() -> None:
    canvas = Canvas(io.BytesIO())
    doc = internals.document_of(canvas)
    font = _font()
    codes = sorted(code for code in internals.glyph_table(font) if code > 32)[:300]
    names = {internals.subset_code(font, code, doc)[0] for code in codes}
    assert len(names) >= 2  # more than one subset, each with its own resource name


def test_glyph_and_width_tables_are_the_ones_the_writer_reads() -> None:
    font = _font()
    glyphs, widths = internals.glyph_table(font), internals.width_table(font)
    assert glyphs is font.face.charToGlyph and widths is font.face.charWidths
    assert glyphs[ord("ب")] > 0 and widths[ord(" ")] > 0
    # A private-use code added by the engine is written with the width we gave it.
    code = font.code_for(glyphs[ord("ب")], "ب", 123)
    assert font.face.getCharWidth(code) == widths[code]


def test_subsets_are_written_with_our_to_unicode_map() -> None:
    out = io.BytesIO()
    canvas = Canvas(out)
    font = _font()
    name, byte = internals.subset_code(font, ord("ب"), internals.document_of(canvas))
    canvas.addLiteral(f"BT {name} 12 Tf 100 700 Td <{byte:02X}> Tj ET")
    canvas.save()
    reader = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    pdf_font = fonts[name].get_object()
    assert pdf_font["/Subtype"] == "/TrueType" and "/FontFile2" in pdf_font["/FontDescriptor"]
    cmap = pdf_font["/ToUnicode"].get_data().decode("latin-1")
    assert f"<{byte:02X}> <0628>" in cmap  # ب, from our CMap
    assert reader.pages[0].extract_text().strip() == "ب"


def test_add_literal_writes_into_the_page_stream() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pageCompression=0)
    canvas.addLiteral("0.5 w 10 10 m 20 20 l S")
    canvas.save()
    data = out.getvalue()
    assert b"0.5 w 10 10 m 20 20 l S" in data or b"0.5 w" in zlib.decompress(data)
