"""Drawing laid-out lines on a ReportLab canvas, glyph by glyph, at the positions HarfBuzz gave.

ReportLab's own drawString would re-measure the text with the font's plain advance widths and knows
nothing of glyph offsets; we write the PDF text operators ourselves (one BT…ET per line, a TJ array
with position corrections where a shaped advance differs from the font's width table).
"""

from __future__ import annotations

import unicodedata
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf.fonts import SearchableTTFont
from desktop_app.pdf.internals import document_of, glyph_table, subset_code
from desktop_app.pdf.layout import Line, break_lines, glyph_path

Align = Literal["right", "center", "left"]
_EPSILON = 0.01


_ALM = "\u061c"  # ARABIC LETTER MARK: invisible, strongly right-to-left for every extractor we know


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _pypdf_class(text: str) -> int:
    """How pypdf's extractor classes a character: 0 neutral, 1 right-to-left, 2 left-to-right."""
    if len(text) != 1:
        return 0
    code = ord(text)
    if code <= 0x2F or 0x3A <= code <= 0x40 or 0x660 <= code <= 0x66D or 0x6F0 <= code <= 0x6F9:
        return 0
    if 0x2000 <= code <= 0x206F or 0x20A0 <= code <= 0x21FF:
        return 0
    if 0x590 <= code <= 0x8FF or 0xFB1D <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return 1
    return 2


def _is_rtl_char(text: str) -> bool:
    return len(text) == 1 and unicodedata.bidirectional(text) in ("R", "AL")


@dataclass(frozen=True, slots=True)
class _Placed:
    font: SearchableTTFont
    code: int
    text: str
    x: float
    y: float
    level: int
    width: float = 0.0
    actual: str = ""  # a bidi mark for poppler alone (see `_carrier`)

    @property
    def right(self) -> float:
        return self.x + self.width


_LRM = "\u200e"  # LEFT-TO-RIGHT MARK: invisible; strong for poppler


def _carrier(near: _Placed, x: float, mark: str = _ALM) -> _Placed:
    """An invisible, zero-width glyph at x (placed in a gap: poppler splits lines at overlaps) that
    gives poppler a bidi mark and pypdf nothing.

    The glyph's own text (its ToUnicode entry) is empty, so pypdf, which reads glyphs, gets no
    character from it; the mark is the ActualText of a marked-content span around the glyph, which
    poppler reads in place of the glyph's text and pypdf ignores. Only pdftotext needs the mark: it
    rebuilds a right-to-left line from positions and hands neutral characters to whichever run it
    meets first (see `_poppler_marks`)."""
    font = near.font
    code = font.code_for(glyph_table(font).get(32, 0), "", 0)
    return _Placed(font, code, "", x, near.y, 1 if mark == _ALM else 2, actual=mark)


def _ltr_run_ends(reading: list[_Placed]) -> set[int]:
    """Ids of the glyphs that end a left-to-right run inside right-to-left text with a neutral
    character ("Networking (2026)"): poppler would hand that ")" to the Arabic beside it, so a
    left-to-right mark right after it keeps it in its run."""
    ends = set()
    for n, item in enumerate(reading):
        if item.level % 2 == 0 and (n + 1 == len(reading) or reading[n + 1].level % 2 == 1):
            if n + 1 < len(reading) and unicodedata.bidirectional(item.text or " ") not in ("L", "EN", "AN"):
                ends.add(id(item))
    return ends


def _reading_order(line: Line, left: float, baseline: float, size: float) -> list[_Placed]:
    """The line's glyphs in reading order, at their visual positions."""
    lefts = []
    pen = left
    for seg in line.segments:
        lefts.append(pen)
        pen += seg.width(size)
    reading: list[_Placed] = []
    for v in line.logical:
        seg = line.segments[v]
        scale = size / seg.font.units_per_em
        reading.extend(
            _Placed(
                seg.font,
                g.code,
                seg.font.text_of(g.code),
                lefts[v] + g.x * scale,
                baseline + g.y * scale,
                seg.level,
                g.advance * scale,
            )
            for g in seg.glyphs
            if not g.mark
        )
    return reading


def _mark_ops(line: Line, size: float) -> str:
    """Marks (tashkeel) drawn as outlines, for a line whose left end and baseline are at the origin:
    raised or lowered by the font, they would otherwise split the line or the word for extractors
    (their text is read from invisible carriers on the baseline)."""
    ops = []
    pen = 0.0
    for seg in line.segments:
        scale = size / seg.font.units_per_em
        for g in seg.glyphs:
            if g.mark:
                x, y = pen + g.x * scale, g.y * scale
                ops.append(
                    f"q {fp_str(scale)} 0 0 {fp_str(scale)} {fp_str(x)} {fp_str(y)} cm {glyph_path(seg.font, g.mark)} f Q"
                )
        pen += seg.width(size)
    return "\n".join(ops)


# Separators and terminators (". , : - + / % #", the Arabic comma): poppler takes them for part of a
# number even between words.
_NUMBER_PUNCTUATION_CLASSES = frozenset({"CS", "ES", "ET"})


def _next_with_text(reading: list[_Placed]) -> list[_Placed | None]:
    """For each glyph, the next glyph in reading order that stands for some text (None at the end)."""
    result: list[_Placed | None] = [None] * len(reading)
    after: _Placed | None = None
    for n in range(len(reading) - 1, -1, -1):
        result[n] = after
        if reading[n].text:
            after = reading[n]
    return result


def _poppler_marks(reading: list[_Placed]) -> set[int]:
    """Indexes (in reading order) of the glyphs that start a left-to-right run whose left neighbour is
    not a right-to-left letter.

    pdftotext (poppler) rebuilds a right-to-left line from positions: walking from the right it takes
    runs of right-to-left characters and runs of Latin letters and digits, and a neutral character
    (space, dash, bracket) joins whichever run it meets first, so "Hany — ورشة" would come back with
    the dash inside the Latin run. An invisible right-to-left mark just left of such a run ends it where
    the bidi algorithm ended it. The same mark keeps a full stop, comma or colon with the word it
    follows, when something other than a right-to-left letter follows it (poppler counts such
    punctuation as part of a number, and a number's run would take the space after it): at the end
    of a line, or right before a letter, the punctuation needs no mark.

    Nothing but a character can steer poppler here: its reordering looks at characters only, and a
    left-to-right run always takes every neutral character up to the next right-to-left one.
    """
    marks = set()
    following = _next_with_text(reading)
    for n, item in enumerate(reading):
        if item.level % 2 == 1 and len(item.text) == 1:
            if unicodedata.bidirectional(item.text) in _NUMBER_PUNCTUATION_CLASSES:
                after = following[n]
                if after is not None and not _is_rtl_char(after.text):
                    marks.add(n)  # keep the punctuation with the word it follows
                continue
        if item.level % 2 == 0 and (n == 0 or reading[n - 1].level % 2 == 1):
            end = n
            while end + 1 < len(reading) and reading[end + 1].level % 2 == 0:
                end += 1
            if end + 1 < len(reading) and not _is_rtl_char(reading[end + 1].text):
                marks.add(n)
    return marks


_LEAD = 3  # a left-to-right run opened by neutral characters
_NEUTRAL_LTR = 4  # a left-to-right run of characters pypdf counts as neutral (Arabic-Indic digits)
_BREAK = _Placed(None, 0, "", 0.0, 0.0, 0)  # type: ignore[arg-type]  # "start a new text chunk here"


def _starts_neutral_ltr_run(chunk: list[_Placed], n: int) -> bool:
    """Whether chunk[n] opens a left-to-right run (even level) holding no character pypdf calls strong
    and at least one digit."""
    if n > 0 and chunk[n - 1].level % 2 == 0:
        return False
    end = n
    while end < len(chunk) and chunk[end].level % 2 == 0:
        if _pypdf_class(chunk[end].text):
            return False
        end += 1
    return any(item.text.isdigit() for item in chunk[n:end])


def _leads_ltr_run(chunk: list[_Placed], n: int) -> bool:
    """Whether chunk[n], a neutral character, opens a left-to-right run (its level is even, and so is
    everything up to the next left-to-right letter or digit)."""
    for item in chunk[n:]:
        if item.level % 2:
            return False
        kind = _pypdf_class(item.text)
        if kind:
            return kind == 2
    return False


def _emission_order(items: list[_Placed], rtl: bool, resource: Callable[[_Placed], str]) -> list[_Placed]:
    """The order to write a line's glyphs (given in reading order).

    pypdf reads the content stream: it prints each font resource's text in stream order and, inside it,
    reverses every right-to-left run it meets (a neutral character joins the current run). So the glyphs
    of each font resource (a font subset) are written in reading order, right-to-left runs reversed and
    starting with a strong right-to-left character (trailing neutral characters go in a text chunk of
    their own, written once pypdf reads right to left). Neutral characters met before the line's first
    strong one go one per chunk: pypdf's direction is then the previous line's, and one character
    reads the same in either. No character is added for pypdf. Glyphs of one run are thus written
    left to right, as poppler wants them to build words; the marks `_poppler_marks` asks for (which
    only poppler reads, see `_carrier`) are written right before the glyph they precede.
    """
    if not rtl or not items:
        return items
    poppler = {id(items[n]) for n in _poppler_marks(items)}
    run_ends = _ltr_run_ends(items) if any(item.level % 2 == 0 for item in items) else set()
    ordered: list[_Placed] = []

    def place(item: _Placed) -> None:
        """The glyph, with poppler's mark before it and its run's end mark after it where needed."""
        if id(item) in poppler:
            ordered.append(_carrier(item, item.x))
        ordered.append(item)
        if id(item) in run_ends:
            ordered.append(_carrier(item, item.right, _LRM))

    # pypdf keeps its direction from the previous line, which is not known here (a line is worked
    # out once and drawn on many pages): 0 until the first strong character is written.
    state = 0
    start = 0
    after_break = False
    while start < len(items):
        end = start
        while end < len(items) and resource(items[end]) == resource(items[start]):
            end += 1
        chunk = items[start:end]
        runs: list[tuple[int, list[_Placed]]] = [(state, [])]
        for n, item in enumerate(chunk):
            kind = _pypdf_class(item.text)
            if runs[-1][0] == _NEUTRAL_LTR and kind == 0:
                if item.level % 2 == 0:
                    runs[-1][1].append(item)
                else:
                    runs.append((1, [item]))
            elif kind == 0 and item.level % 2 == 0 and _starts_neutral_ltr_run(chunk, n):
                runs.append((_NEUTRAL_LTR, [item]))
            elif kind == 0 and runs[-1][0] == 1 and _leads_ltr_run(chunk, n):
                runs.append((_LEAD, [item]))
            elif kind == 0 or kind == runs[-1][0] or (kind == 2 and runs[-1][0] == _LEAD):
                runs[-1][1].append(item)
            else:
                runs.append((kind, [item]))
        for kind, run in runs:
            if not run:
                continue
            if after_break:
                ordered.append(_BREAK)
                after_break = False
            if state == 0 and kind in (0, _NEUTRAL_LTR):
                # Neutral characters while pypdf's direction is unknown: it appends or prepends
                # them depending on that direction, so each goes in a text chunk of its own,
                # in reading order (one character reads the same either way).
                for item in run:
                    ordered.append(_BREAK)
                    place(item)
                after_break = True
                continue
            if kind == 1:
                if _pypdf_class(run[-1].text) != 1 and state != 1:
                    # Written reversed, the run would start with a neutral character (a space)
                    # while pypdf may still read left to right: the strong part first, then the
                    # trailing neutrals in a chunk of their own (pypdf is right-to-left by then).
                    k = len(run)
                    while k > 1 and _pypdf_class(run[k - 1].text) != 1:
                        k -= 1
                    run = [*reversed(run[:k]), _BREAK, *reversed(run[k:])]
                else:
                    run.reverse()
            elif kind == _NEUTRAL_LTR:
                # Arabic-Indic digits: neutral to pypdf, which prepends neutral characters while it
                # reads right to left. In a text chunk of their own (a new Tf ends pypdf's pending
                # run), written last digit first, they come back in reading order; poppler places
                # them by position and does not mind the order they are written in.
                if state == 2:
                    kind = 2
                else:
                    ordered.append(_BREAK)
                    run.reverse()
                    kind = 1
                    after_break = True
            elif kind == _LEAD:
                # Neutral characters that open a left-to-right run ("+" of "+20 …"): pypdf is still
                # right-to-left when it meets them, so they go in a chunk of their own, reversed.
                ordered.append(_BREAK)
                lead = next(i for i, item in enumerate(run) if _pypdf_class(item.text) == 2)
                run[:lead] = reversed(run[:lead])
                kind = 2
            for item in run:
                place(item)
            state = kind
        start = end
    return ordered


# Operators of lines already written into a document, at the origin: the same line (the wording
# shared by many certificates) is worked out once per document and only moved. Per document,
# because font subsets and their codes are.
_WRITTEN: weakref.WeakKeyDictionary[object, dict[tuple[Line, float], tuple[str, float, str, str]]] = (
    weakref.WeakKeyDictionary()
)


def _placed_ops(canvas: Canvas, line: Line, size: float) -> tuple[str, float, str, str]:
    """(operators before the text matrix, x of the first glyph, operators after it, marks drawn as
    outlines) for the line drawn with its left end and baseline at the origin."""
    doc = document_of(canvas)
    written = _WRITTEN.setdefault(doc, {})
    key = (line, size)
    found = written.get(key)
    if found is None:
        ops = _line_ops(canvas, line, 0.0, 0.0, size)
        head, _sep, rest = ops.partition(" Tm\n") if " Tm\n" in ops else ops.partition(" Tm")
        before, _nl, matrix = head.rpartition("\n")
        x0 = float(matrix.split()[4])
        marks = _mark_ops(line, size) if any(g.mark for seg in line.segments for g in seg.glyphs) else ""
        found = written[key] = (before, x0, rest, marks)
    return found


def _line_ops(canvas: Canvas, line: Line, left: float, baseline: float, size: float) -> str:
    doc = document_of(canvas)
    ops = ["BT"]
    tj: list[str] = []
    hex_run: list[str] = []
    current_font: str | None = None
    cursor_x: float | None = None
    rise = 0.0

    def close_hex() -> None:
        if hex_run:
            tj.append("<" + "".join(hex_run) + ">")
            hex_run.clear()

    def flush() -> None:
        close_hex()
        if tj:
            ops.append("[" + " ".join(tj) + "] TJ")
            tj.clear()

    placed: dict[tuple[SearchableTTFont, int], tuple[str, int]] = {}

    def resource(item: _Placed) -> str:
        return locate(item)[0]

    def locate(item: _Placed) -> tuple[str, int]:
        key = (item.font, item.code)
        found = placed.get(key)
        if found is None:
            found = placed[key] = subset_code(item.font, item.code, doc)
        return found

    for item in _emission_order(_reading_order(line, left, baseline, size), line.rtl, resource):
        if item is _BREAK:
            flush()
            current_font = None  # writing Tf again makes pypdf print what it holds
            continue
        font = item.font
        name, byte = locate(item)
        if item.actual:
            flush()
            ops.append(f"/Span <</ActualText <FEFF{_utf16_hex(item.actual)}>>> BDC")
        if name != current_font:
            flush()
            ops.append(f"{name} {fp_str(size)} Tf")
            current_font = name
        if abs(item.y - baseline - rise) > _EPSILON:
            # Marks raised or lowered by the font: text rise keeps the baseline (and the line, for
            # extractors that split lines on a changed text matrix).
            flush()
            rise = item.y - baseline
            ops.append(f"{fp_str(rise)} Ts")
        if cursor_x is None:
            ops.append(f"1 0 0 1 {fp_str(item.x)} {fp_str(baseline)} Tm")
        elif abs(item.x - cursor_x) > _EPSILON:
            close_hex()
            tj.append(fp_str(-(item.x - cursor_x) * 1000 / size))
        hex_run.append(f"{byte:02X}")
        cursor_x = item.x + font.face.getCharWidth(item.code) * size / 1000
        if item.actual:
            flush()
            ops.append("EMC")
    flush()
    if rise:
        ops.append("0 Ts")
    ops.append("ET")
    return "\n".join(ops)


def draw_line(
    canvas: Canvas, line: Line, x: float, baseline: float, size: float, align: Align = "right"
) -> None:
    """Draw one laid-out line; x is the right edge, the centre or the left edge depending on `align`."""
    if not line.segments:
        return
    left = x - line.width if align == "right" else x - line.width / 2 if align == "center" else x
    before, x0, after, marks = _placed_ops(canvas, line, size)
    canvas.addLiteral(f"{before}\n1 0 0 1 {fp_str(left + x0)} {fp_str(baseline)} Tm\n{after}")
    if marks:
        canvas.addLiteral(f"q 1 0 0 1 {fp_str(left)} {fp_str(baseline)} cm\n{marks}\nQ")


def draw_text(
    canvas: Canvas,
    text: str,
    x: float,
    top: float,
    size: float,
    *,
    width: float | None = None,
    align: Align = "right",
    family: str = "sans",
    bold: bool = False,
    leading: float | None = None,
    rtl: bool = True,
) -> float:
    """Draw a paragraph whose first line's top is at `top`, wrapped to `width` when given; returns the
    height used. Lines are spaced `leading` apart (1.5 × size by default, room for Arabic marks)."""
    leading = leading or size * 1.5
    lines = break_lines(text, size, width, family=family, bold=bold, rtl=rtl)
    baseline = top - size * 1.1
    for line in lines:
        draw_line(canvas, line, x, baseline, size, align)
        baseline -= leading
    return leading * len(lines)


def draw_string(
    canvas: Canvas,
    text: str,
    x: float,
    baseline: float,
    size: float,
    *,
    align: Align = "right",
    family: str = "sans",
    bold: bool = False,
    rtl: bool = True,
) -> float:
    """Draw one line of text on a baseline (no wrapping); returns its width."""
    width = 0.0
    for line in break_lines(text.replace("\n", " "), size, family=family, bold=bold, rtl=rtl):
        draw_line(canvas, line, x, baseline, size, align)
        width = line.width
    return width
