"""The bundled fonts, registered with ReportLab so that shaped Arabic stays searchable.

HarfBuzz turns Arabic letters into contextual glyphs (initial, medial, final forms, ligatures) that
have no Unicode code point of their own. ReportLab writes text as codes of a font subset, so each such
glyph gets a private-use code; `SearchableTTFont` remembers which source characters every code stands
for and writes them into the font's ToUnicode CMap. That is what makes `pdftotext`, pypdf, copy/paste
and a viewer's search return the real Arabic instead of private-use garbage.

Families: "serif" is Amiri (Arabic, Latin and digits in one face; certificates); "sans" is Noto Sans
Arabic with Noto Sans for the Latin letters it lacks (tables, sheets, badges).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.assets import resource_path
from desktop_app.pdf.internals import glyph_table, width_table, write_subsets

_PRIVATE_USE_START = 0xE000
_PRIVATE_USE_END = 0xF8FF


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, texts: list[str]) -> str:
    """A ToUnicode CMap mapping code n of a subset to texts[n] (one glyph may stand for several
    characters, or for none). Entries come in blocks of at most 100, as the PDF specification
    requires."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(texts) - 1:02X}>",
        "endcodespacerange",
    ]
    # Every code gets an entry. A glyph that stands for no character (a kashida HarfBuzz inserts to
    # join letters, as Amiri does in "الجيزة") maps to the empty string: without an entry,
    # extractors fall back to the glyph's code and put a stray character inside the word.
    entries = list(enumerate(texts))
    for start in range(0, len(entries), 100):
        block = entries[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{n:02X}> <{_utf16_hex(t)}>" for n, t in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


class SearchableTTFont(TTFont):  # type: ignore[misc]
    """A TrueType font that can show any glyph HarfBuzz chooses and still says which text it shows."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, asciiReadable=False, shapable=False)
        with open(filename, "rb") as f:
            data = f.read()
        self.hb_face = hb.Face(hb.Blob(data))
        self.units_per_em: int = self.hb_face.upem
        self._codes: dict[tuple[int, str, int], int] = {}
        self._texts: dict[int, str] = {}
        self._next_private = _PRIVATE_USE_START
        self._lock = threading.Lock()

    def code_for(self, glyph: int, text: str, advance: int) -> int:
        """The code that shows `glyph`, reads back as `text` and advances by `advance` font units.

        The advance written in the font's width table is the distance to the next glyph as placed, so
        extractors see no gap inside a word where the font shifts a glyph sideways (Amiri's waw)."""
        key = (glyph, text, advance)
        code = self._codes.get(key)
        if code is not None:
            return code
        with self._lock:
            glyphs, widths = glyph_table(self), width_table(self)
            natural = widths.get(ord(text), None) if len(text) == 1 else None
            if (
                len(text) == 1
                and glyphs.get(ord(text)) == glyph
                and natural is not None
                and abs(natural - advance * 1000 / self.units_per_em) < 0.5
            ):
                code = ord(text)
            else:
                code = self._next_private
                while code in glyphs:
                    code += 1
                if code > _PRIVATE_USE_END:
                    raise OverflowError(f"{self.fontName}: too many distinct shaped glyphs")
                self._next_private = code + 1
                glyphs[code] = glyph
                widths[code] = advance * 1000 / self.units_per_em
                self._texts[code] = text
            self._codes[key] = code
            return code

    def text_of(self, code: int) -> str:
        return self._texts.get(code, chr(code) if code else "")

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        """ReportLab's own subset writer, with our ToUnicode CMap (real text for shaped glyphs)."""
        write_subsets(self, doc, lambda base, codes: to_unicode_cmap(base, [self.text_of(c) for c in codes]))


@dataclass(frozen=True)
class FontChain:
    """Fonts tried in order for each character (the first that has the glyph draws it)."""

    fonts: tuple[SearchableTTFont, ...]

    def font_for(self, char: str, previous: SearchableTTFont | None) -> SearchableTTFont:
        code = ord(char)
        # Neutral characters (spaces, digits, punctuation) stay with their neighbour's font when it
        # has them, so a run is not split needlessly.
        if previous is not None and code in glyph_table(previous):
            if not char.isalpha():
                return previous
        for font in self.fonts:
            if code in glyph_table(font):
                return font
        return self.fonts[0]


_FILES = {
    "Amiri": "Amiri-Regular.ttf",
    "Amiri-Bold": "Amiri-Bold.ttf",
    "NotoSansArabic": "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold": "NotoSansArabic-Bold.ttf",
    "NotoSans": "NotoSans-Regular.ttf",
    "NotoSans-Bold": "NotoSans-Bold.ttf",
}
_FAMILIES = {
    ("serif", False): ("Amiri",),
    ("serif", True): ("Amiri-Bold",),
    ("sans", False): ("NotoSansArabic", "NotoSans"),
    ("sans", True): ("NotoSansArabic-Bold", "NotoSans-Bold"),
}
_register_lock = threading.Lock()


@cache
def _font(name: str) -> SearchableTTFont:
    with _register_lock:
        font = SearchableTTFont(f"Tashbeek-{name}", str(resource_path("fonts", _FILES[name])))
        pdfmetrics.registerFont(font)
        return font


def font_chain(family: str = "sans", bold: bool = False) -> FontChain:
    """The registered fonts for a family ("serif" or "sans"), regular or bold."""
    return FontChain(tuple(_font(name) for name in _FAMILIES[(family, bold)]))
