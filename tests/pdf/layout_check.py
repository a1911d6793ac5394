"""Layout check for printed pages: no two text runs overprint, and no ink leaves the printable area.

Text is measured from the PDF itself, the way a printer would draw it: the content stream is
interpreted (graphics state, form XObjects, text matrices, TJ offsets, text rise), each shown code is
turned back into its glyph through the embedded font subset, and the glyph's real ink extents come
from HarfBuzz (a deep ي with its dots below, a tall lam). A "run" is one text object (BT…ET): the
engine writes one line per text object. Images are boxes. Ink outside the printable area is found on
a pdftoppm render, so frames, rules, cut marks and QR codes count as well as text.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
import uharfbuzz as hb
from PIL import Image
from pypdf.generic import ContentStream

MM = 72 / 25.4
PRINTABLE_MARGIN = 10 * MM
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points, origin bottom left


@dataclass
class Run:
    """The glyphs of one text object, with their ink boxes."""

    page: int
    text: str = ""
    boxes: list[Box] = field(default_factory=list)

    def bounds(self) -> Box:
        xs0, ys0, xs1, ys1 = zip(*self.boxes, strict=True)
        return min(xs0), min(ys0), max(xs1), max(ys1)


@dataclass
class PageContent:
    number: int
    size: tuple[float, float]
    runs: list[Run]
    images: list[Box]


def _mul(a: list[float], b: list[float]) -> list[float]:
    """a × b for PDF matrices [a b c d e f]."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _box(m: list[float], x0: float, y0: float, x1: float, y1: float) -> Box:
    corners = [_apply(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


class _Font:
    """An embedded TrueType subset: code → advance (from /Widths) and ink box (from the glyph)."""

    def __init__(self, font: pypdf.generic.DictionaryObject) -> None:
        self.first = int(font.get("/FirstChar", 0))
        self.widths = [float(w) for w in font.get("/Widths", [])]
        if "/FontDescriptor" not in font:  # a standard font ReportLab declares; we never draw with it
            raise AssertionError(f"text drawn in a font that is not embedded: {font.get('/BaseFont')}")
        data = font["/FontDescriptor"]["/FontFile2"].get_data()
        self.hb_font = hb.Font(hb.Face(hb.Blob(data)))
        self.upem = self.hb_font.face.upem
        self.to_unicode: dict[int, str] = {}
        if "/ToUnicode" in font:
            self._read_cmap(font["/ToUnicode"].get_data().decode("latin-1"))

    def _read_cmap(self, cmap: str) -> None:
        inside = False
        for line in cmap.splitlines():
            if line.endswith("beginbfchar"):
                inside = True
            elif line == "endbfchar":
                inside = False
            elif inside:
                src, dst = line.split(" ", 1)
                self.to_unicode[int(src[1:-1], 16)] = bytes.fromhex(dst.strip()[1:-1]).decode("utf-16-be")

    def advance(self, code: int) -> float:
        n = code - self.first
        return self.widths[n] / 1000 if 0 <= n < len(self.widths) else 0.0

    def ink(self, code: int) -> Box | None:
        """The glyph's ink box in text space units (1 = the font size), None for an empty glyph."""
        glyph = self.hb_font.get_nominal_glyph(code)
        if glyph is None:
            glyph = code  # a subset without a cmap entry: codes are glyph ids
        extents = self.hb_font.get_glyph_extents(glyph)
        if extents is None or extents.width == 0 or extents.height == 0:
            return None
        x0 = extents.x_bearing / self.upem
        y1 = extents.y_bearing / self.upem
        return x0, y1 + extents.height / self.upem, x0 + extents.width / self.upem, y1


def read_pages(pdf: Path) -> list[PageContent]:
    reader = pypdf.PdfReader(pdf)
    fonts: dict[int, _Font] = {}
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        content = PageContent(number, (float(box.width), float(box.height)), [], [])
        _walk(reader, page.get_contents(), page["/Resources"], [1, 0, 0, 1, 0, 0], content, fonts)
        pages.append(content)
    return pages


def _walk(reader, stream, resources, ctm: list[float], out: PageContent, fonts: dict[int, _Font]) -> None:  # type: ignore[no-untyped-def]
    if stream is None:
        return
    operations = ContentStream(stream, reader).operations
    stack: list[list[float]] = []
    tm = [1.0, 0, 0, 1, 0, 0]
    font: _Font | None = None
    size = rise = 0.0
    run: Run | None = None
    for operands, op in operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"Do":
            xobject = resources["/XObject"][operands[0]].get_object()
            if xobject["/Subtype"] == "/Image":
                out.images.append(_box(ctm, 0, 0, 1, 1))
            else:
                matrix = [float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                _walk(reader, xobject, xobject.get("/Resources", resources), _mul(matrix, ctm), out, fonts)
        elif op == b"BT":
            tm = [1.0, 0, 0, 1, 0, 0]
            run = Run(out.number)
        elif op == b"ET":
            if run is not None and run.boxes:
                out.runs.append(run)
            run = None
        elif op == b"Tf":
            ref = resources["/Font"][operands[0]]
            key = ref.idnum if hasattr(ref, "idnum") else id(ref)
            size = float(operands[1])
            if "/FontDescriptor" not in ref.get_object():
                font = None  # a standard font ReportLab declares by default; checked if text follows
                continue
            if key not in fonts:
                fonts[key] = _Font(ref.get_object())
            font = fonts[key]
        elif op == b"Ts":
            rise = float(operands[0])
        elif op == b"Tm":
            tm = [float(v) for v in operands]
        elif op == b"Td":
            tm = _mul([1, 0, 0, 1, float(operands[0]), float(operands[1])], tm)
        elif op in (b"TJ", b"Tj") and font is not None and run is not None:
            items = operands[0] if op == b"TJ" else [operands[0]]
            for item in items:
                if isinstance(item, (int, float)) or hasattr(item, "as_numeric"):
                    tm = _mul([1, 0, 0, 1, -float(item) / 1000 * size, 0], tm)
                    continue
                for code in bytes(item.original_bytes if hasattr(item, "original_bytes") else item):
                    matrix = _mul(_mul([size, 0, 0, size, 0, rise], tm), ctm)
                    ink = font.ink(code)
                    if ink is not None:
                        run.boxes.append(_box(matrix, *ink))
                    run.text += font.to_unicode.get(code, "")
                    tm = _mul([1, 0, 0, 1, font.advance(code) * size, 0], tm)


def _intersection(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return min(w, h) if w > 0 and h > 0 else 0.0


def overlaps(page: PageContent, tolerance: float = 0.05) -> list[str]:
    """Pairs of text runs whose glyph ink overlaps (deeper than `tolerance` points), and text drawn
    over an image."""
    problems = []
    runs = page.runs
    bounds = [r.bounds() for r in runs]
    for i in range(len(runs)):
        for j in range(i + 1, len(runs)):
            if _intersection(bounds[i], bounds[j]) <= tolerance:
                continue
            if any(_intersection(a, b) > tolerance for a in runs[i].boxes for b in runs[j].boxes):
                problems.append(f"page {page.number}: «{runs[i].text}» overprints «{runs[j].text}»")
        for image in page.images:
            if _intersection(bounds[i], image) > tolerance and any(
                _intersection(a, image) > tolerance for a in runs[i].boxes
            ):
                problems.append(f"page {page.number}: «{runs[i].text}» is printed over an image")
    return problems


def text_outside(page: PageContent, area: Box) -> list[str]:
    return [
        f"page {page.number}: «{run.text}» runs outside the printable area"
        for run in page.runs
        if any(b[0] < area[0] or b[1] < area[1] or b[2] > area[2] or b[3] > area[3] for b in run.boxes)
    ]


def printable_area(page: PageContent, margin: float = PRINTABLE_MARGIN) -> Box:
    w, h = page.size
    return margin, margin, w - margin, h - margin


def ink_outside(pdf: Path, page: PageContent, area: Box, out_dir: Path, dpi: int = 50) -> list[str]:
    """Dark pixels of the rendered page outside the area (a pixel of slack for anti-aliasing)."""
    prefix = out_dir / f"ink-{pdf.stem}-{page.number}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page.number), "-l", str(page.number), "-gray", "-png",
         "-singlefile", str(pdf), str(prefix)],
        check=True,
    )  # fmt: skip
    image = Image.open(prefix.with_suffix(".png")).convert("L")
    scale = dpi / 72
    w, h = image.size
    left, right = int(area[0] * scale) - 1, int(area[2] * scale) + 1
    top, bottom = int(h - area[3] * scale) - 1, int(h - area[1] * scale) + 1
    mask = image.point(lambda v: 255 if v < 200 else 0)
    inside = Image.new("L", image.size, 0)
    inside.paste(255, (max(left, 0), max(top, 0), min(right, w), min(bottom, h)))
    outside = Image.composite(Image.new("L", image.size, 0), mask, inside)
    found = outside.getbbox()
    if found is None:
        return []
    x0, y0, x1, y1 = (round(v / scale) for v in found)
    return [
        f"page {page.number}: ink outside the printable area near x {x0}–{x1}, y {h / scale - y1:.0f}–{h / scale - y0:.0f} pt"
    ]


def check(pdf: Path, out_dir: Path, margins: Box | None = None) -> list[str]:
    """Every problem on every page of the PDF."""
    problems = []
    for page in read_pages(pdf):
        area = printable_area(page)
        if margins is not None:  # the template's own margins, when larger
            w, h = page.size
            area = (max(area[0], margins[0]), max(area[1], margins[1]),
                    min(area[2], w - margins[2]), min(area[3], h - margins[3]))  # fmt: skip
        problems += overlaps(page)
        problems += text_outside(page, area)
        problems += ink_outside(pdf, page, area, out_dir)
    return problems
