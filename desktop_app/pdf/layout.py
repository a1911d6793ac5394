"""Lines of mixed Arabic, Latin and digits: shaped with HarfBuzz, broken in logical order, then
reordered visually line by line.

A paragraph is cut into segments: a word (or a space) with one bidi level and one font. Each segment
is shaped on its own in its own direction (Arabic letters never join across a space), which also makes
the shaping cache effective: the wording of 1,000 certificates repeats the same few hundred words.
HarfBuzz mirrors brackets and guillemets in right-to-left segments, so "(رقم 12)" and «…» come out right.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import uharfbuzz as hb

from desktop_app.pdf.bidi import embedding_levels, visual_order
from desktop_app.pdf.fonts import FontChain, SearchableTTFont, font_chain
from desktop_app.pdf.internals import glyph_table
from desktop_app.text.isolate import INVISIBLE

_TATWEEL = "\u0640"


@dataclass(frozen=True, slots=True)
class Glyph:
    code: int  # the code written to the page (a character, or a private-use code for a shaped glyph)
    x: float  # offset from the segment's left edge, in font units
    y: float
    advance: float  # 0 for a carrier (a character drawn by the previous glyph of a ligature)
    mark: int = 0  # a mark's glyph id: drawn as an outline, its text read from a carrier


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    font: SearchableTTFont
    level: int
    glyphs: tuple[Glyph, ...]
    advance: float  # font units

    @property
    def is_space(self) -> bool:
        return self.text.isspace()

    def width(self, size: float) -> float:
        return self.advance * size / self.font.units_per_em

    @property
    def ink(self) -> tuple[float, float]:
        """Top and bottom of the segment's ink in font units (relative to the baseline)."""
        return _segment_ink_cached(self)


@lru_cache(maxsize=50_000)
def shape(font: SearchableTTFont, text: str, rtl: bool) -> tuple[tuple[Glyph, ...], float]:
    """Glyphs of `text` in logical (reading) order, each reading back as at most one character.

    A ligature (one glyph for lam-alef, say) reads back as its first character, and the rest follow as
    zero-width, inkless carrier glyphs at the same place: text extraction then needs no multi-character
    mappings, which pdftotext and pypdf would order differently.
    """
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(_hb_font(font), buf, {"kern": True, "liga": True})
    infos, positions = buf.glyph_infos, buf.glyph_positions
    # Visual pen positions first (HarfBuzz returns glyphs left to right).
    placed = []
    pen = 0.0
    for info, pos in zip(infos, positions, strict=True):
        placed.append([info.codepoint, info.cluster, pen + pos.x_offset, pos.y_offset, pos.x_advance])
        pen += pos.x_advance
    # Glyphs of a cluster beyond its characters stand for no letter (a kashida HarfBuzz adds).
    counts: dict[int, int] = {}
    for item in placed:
        counts[item[1]] = counts.get(item[1], 0) + 1
    textless: set[int] = set()
    for cluster, count in counts.items():
        letters = _cluster_length(text, cluster, counts)
        if count > letters:
            members = [item for item in placed if item[1] == cluster]
            members = members[::-1] if rtl else members
            textless.update(id(item) for item in members[letters:])
    # A glyph's width is the distance to the next letter as placed (closing gaps left by sideways
    # offsets and by glyphs that stand for no letter, where extractors would see a word break).
    spacing = [item for item in placed if item[4] > 0 and id(item) not in textless]
    for item, following in zip(spacing, [*spacing[1:], None], strict=True):
        next_x = following[2] if following is not None else pen
        if next_x - item[2] > item[4]:
            item[4] = next_x - item[2]
    if rtl:
        placed.reverse()
    clusters: dict[int, list[list[Any]]] = {}
    for item in placed:
        clusters.setdefault(item[1], []).append(item)
    starts = sorted(clusters)
    carrier = glyph_table(font).get(32, 0)
    glyphs: list[Glyph] = []
    base: float | None = None  # the trailing edge of the last letter drawn (for its marks)
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        chars = text[start:end]
        items = clusters[start]
        rest = chars[len(items) :]
        # Tatweels drawn as one glyph read back as all of them from that glyph: carriers of one
        # character at one place would be dropped by poppler as a fake-bold copy, and the order of
        # identical characters cannot come out wrong.
        stretched = bool(rest) and set(chars[len(items) - 1 :]) == {_TATWEEL}
        for n, (gid, _, x, y, advance) in enumerate(items):
            source = chars[n] if n < len(chars) else ""
            if stretched and n == len(items) - 1:
                source = chars[n:]
            if source and advance == 0 and unicodedata.category(source) == "Mn" and base is not None:
                glyphs.append(Glyph(font.code_for(gid, "", 0), x, y, 0.0, mark=gid))
                glyphs.append(Glyph(font.code_for(carrier, source, 0), base, 0.0, 0.0))
                continue
            glyphs.append(Glyph(font.code_for(gid, source, round(advance)), x, y, advance))
            if source and advance > 0:
                base = x if rtl else x + advance  # its trailing edge: poppler splits lines at overlaps
        if stretched:
            continue
        # Carriers sit at the ligature's trailing edge: its left side in right-to-left text (a
        # ligature of marks, shadda with fatha, has its letter's edge).
        last = items[-1]
        edge = last[2] if rtl else last[2] + last[4]
        if last[4] == 0 and base is not None and unicodedata.category(chars[0]) == "Mn":
            edge = base
        for ch in rest:
            glyphs.append(Glyph(font.code_for(carrier, ch, 0), edge, 0.0, 0.0))
    return tuple(glyphs), pen


def _cluster_length(text: str, cluster: int, counts: dict[int, int]) -> int:
    following = [c for c in counts if c > cluster]
    return (min(following) if following else len(text)) - cluster


@cache
def _hb_font(font: SearchableTTFont) -> hb.Font:
    return hb.Font(font.hb_face)  # scale = units per em: positions come back in font units


def _pieces(text: str, levels: tuple[int, ...], chain: FontChain) -> list[tuple[str, int, SearchableTTFont]]:
    """Maximal runs of one level and one font, spaces on their own; invisible characters (bidi
    controls, zero-width) have done their work in the levels and are not drawn."""
    pieces: list[tuple[str, int, SearchableTTFont]] = []
    chars: list[str] = []
    previous: SearchableTTFont | None = None
    current: tuple[int, SearchableTTFont, bool] | None = None
    for ch, level in zip(text, levels, strict=True):
        if ch in INVISIBLE:
            continue
        font = chain.font_for(ch, previous)
        key = (level, font, ch.isspace())
        if current is not None and (key != current or ch.isspace()):
            pieces.append(("".join(chars), current[0], current[1]))
            chars = []
        chars.append(ch)
        current, previous = key, font
    if current is not None:
        pieces.append(("".join(chars), current[0], current[1]))
    return pieces


@lru_cache(maxsize=20_000)
def segments(text: str, family: str = "sans", bold: bool = False, rtl: bool = True) -> tuple[Segment, ...]:
    """The segments of one paragraph (no line breaks inside) in logical order.

    Bidi controls in `text` take effect (document code isolates phone numbers with U+2066…U+2069)
    but are never drawn; text typed by users is cleaned of them before it gets here (`clean_text`).
    """
    if not text:
        return ()
    levels = embedding_levels(text, rtl)
    chain = font_chain(family, bold)
    result = []
    for piece, level, font in _pieces(text, levels, chain):
        glyphs, advance = shape(font, piece, bool(level % 2))
        result.append(Segment(piece, font, level, glyphs, advance))
    return tuple(result)


@dataclass(frozen=True)
class Line:
    segments: tuple[Segment, ...]  # visual order, left to right
    width: float  # points
    logical: tuple[int, ...] = ()  # indexes into `segments` in logical (reading) order
    rtl: bool = True  # paragraph direction
    size: float = 0.0  # the font size it was laid out at

    @property
    def text(self) -> str:
        """The line's characters in reading order."""
        return "".join(self.segments[v].text for v in self.logical)

    def ink(self, size: float) -> tuple[float, float]:
        """(top, bottom) of the line's real ink relative to its baseline, in points (bottom is
        negative below the baseline): dots below ي, a tall lam, raised marks, all counted."""
        top, bottom = 0.0, 0.0
        for seg in self.segments:
            seg_top, seg_bottom = seg.ink
            scale = size / seg.font.units_per_em
            top, bottom = max(top, seg_top * scale), min(bottom, seg_bottom * scale)
        return top, bottom


def _segment_ink(seg: Segment) -> tuple[float, float]:
    top, bottom = 0.0, 0.0
    for g in seg.glyphs:
        table = glyph_table(seg.font)
        gid = table.get(g.code)
        if g.advance == 0 and gid == table.get(32):
            continue  # an invisible carrier
        if gid is None:
            continue
        g_top, g_bottom = glyph_ink(seg.font, gid)
        top, bottom = max(top, g.y + g_top), min(bottom, g.y + g_bottom)
    return top, bottom


class _PathPen:
    """Collects a glyph outline (HarfBuzz's draw callbacks, fontTools pen protocol) as PDF path
    operators in font units."""

    def __init__(self) -> None:
        self.ops: list[str] = []
        self.current = (0.0, 0.0)

    def moveTo(self, p: tuple[float, float]) -> None:  # noqa: N802 - the pen protocol's names
        self.ops.append(f"{p[0]:g} {p[1]:g} m")
        self.current = p

    def lineTo(self, p: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{p[0]:g} {p[1]:g} l")
        self.current = p

    def curveTo(self, a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> None:  # noqa: N802
        self.ops.append(f"{a[0]:g} {a[1]:g} {b[0]:g} {b[1]:g} {c[0]:g} {c[1]:g} c")
        self.current = c

    def qCurveTo(self, q: tuple[float, float], p: tuple[float, float]) -> None:  # noqa: N802
        x0, y0 = self.current
        c1 = (x0 + 2 / 3 * (q[0] - x0), y0 + 2 / 3 * (q[1] - y0))
        c2 = (p[0] + 2 / 3 * (q[0] - p[0]), p[1] + 2 / 3 * (q[1] - p[1]))
        self.curveTo(c1, c2, p)

    def closePath(self) -> None:  # noqa: N802
        self.ops.append("h")


@cache
def glyph_path(font: SearchableTTFont, gid: int) -> str:
    """A glyph's outline as PDF path operators, in font units."""
    pen = _PathPen()
    _hb_font(font).draw_glyph_with_pen(gid, pen)
    return " ".join(pen.ops)


@cache
def glyph_ink(font: SearchableTTFont, gid: int) -> tuple[float, float]:
    """Top and bottom of a glyph's ink in font units (0, 0 for a glyph with no ink)."""
    extents = _hb_font(font).get_glyph_extents(gid)
    if extents is None or extents.height == 0:
        return 0.0, 0.0
    return float(extents.y_bearing), float(extents.y_bearing + extents.height)


@lru_cache(maxsize=50_000)
def _segment_ink_cached(seg: Segment) -> tuple[float, float]:
    return _segment_ink(seg)


def _line(logical: list[Segment], size: float, rtl: bool) -> Line:
    # L1: trailing whitespace goes back to the paragraph level; it is not drawn anyway.
    while logical and logical[-1].is_space:
        logical.pop()
    while logical and logical[0].is_space:
        logical.pop(0)
    indexed = [_Indexed(seg, n) for n, seg in enumerate(logical)]
    ordered = visual_order(indexed)
    position = {item.n: v for v, item in enumerate(ordered)}
    return Line(
        tuple(item.seg for item in ordered),
        sum(s.width(size) for s in logical),
        tuple(position[n] for n in range(len(logical))),
        rtl,
        size,
    )


@dataclass(frozen=True, slots=True)
class _Indexed:
    seg: Segment
    n: int

    @property
    def level(self) -> int:
        return self.seg.level


def break_lines(
    text: str,
    size: float,
    width: float | None = None,
    *,
    family: str = "sans",
    bold: bool = False,
    rtl: bool = True,
    balanced: bool = False,
) -> list[Line]:
    """Lines of a text at a font size: hard breaks at newlines, soft breaks at spaces when a width is
    given (a word longer than the width gets a line of its own).

    A paragraph never ends on a line of one word when the word before it can come down; a number
    stays with the word after it (its unit, its month) and a year with its month; "عبد" and "أبو"
    stay with the name they begin. `balanced` evens out the lines' lengths (centred text) without
    adding a line. Results are cached: a thousand certificates repeat the same wording."""
    return list(_break_lines(text, size, width, family, bold, rtl, balanced))


@lru_cache(maxsize=4096)
def _break_lines(
    text: str,
    size: float,
    width: float | None = None,
    family: str = "sans",
    bold: bool = False,
    rtl: bool = True,
    balanced: bool = False,
) -> tuple[Line, ...]:
    """break_lines, cached."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        segs = segments(paragraph, family, bold, rtl)
        if width is None:
            lines.append(_line(list(segs), size, rtl))
            continue
        words = _words(segs)
        widths = [sum(seg.width(size) for seg in word) for word in words]
        groups = _greedy(words, widths, width)
        if balanced and len(groups) > 1:
            low, high = max(max(widths, default=0.0), width / 2), width
            for _ in range(12):  # the narrowest measure that still needs no more lines
                middle = (low + high) / 2
                if len(_greedy(words, widths, middle)) <= len(groups):
                    high = middle
                else:
                    low = middle
            groups = _greedy(words, widths, high)
        groups = _no_widow(groups, words, widths, width)
        for group in groups:
            lines.append(_line([seg for n in group for seg in words[n]], size, rtl))
    return tuple(lines)


def _greedy(words: list[list[Segment]], widths: list[float], width: float) -> list[list[int]]:
    """Word indexes per line, filling each line as far as it goes."""
    groups: list[list[int]] = [[]]
    used = 0.0
    limit = width + 0.01
    for n, word in enumerate(words):
        if used + widths[n] <= limit or not groups[-1] or word[0].text.isspace():
            groups[-1].append(n)
            used += widths[n]
            continue
        groups.append([n])  # the spaces that ended the line are dropped by _line
        used = widths[n]
    return groups


def _no_widow(
    groups: list[list[int]], words: list[list[Segment]], widths: list[float], width: float
) -> list[list[int]]:
    """Bring the previous line's last word down to a last line that holds a single word."""

    def real(group: list[int]) -> list[int]:
        return [n for n in group if not words[n][0].is_space]

    if len(groups) < 2 or len(real(groups[-1])) != 1 or len(real(groups[-2])) < 3:
        return groups
    previous, last = groups[-2], groups[-1]
    cut = max(i for i, n in enumerate(previous) if not words[n][0].is_space)
    moved = previous[cut:]
    if sum(widths[n] for n in moved + last) > width + 0.01:
        return groups
    space = [n for n in previous[:cut][-1:] if words[n][0].is_space]
    return [*groups[:-2], previous[: cut - len(space)], space + moved + last]


_MONTHS = frozenset(
    "يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
)
_NAME_PREFIXES = frozenset({"عبد", "أبو", "ابو", "أبي", "بن", "ابن", "بنت"})


def _is_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and not any(ch.isalpha() for ch in text)


def _keeps_with_next(word: str, following: str) -> bool:
    """Whether a line may not break between these two words."""
    if word in _NAME_PREFIXES:
        return True  # عبد الله, أبو العلا
    if _is_number(word):
        return sum(ch.isdigit() for ch in word) != 4  # 3 جلسات, 26 نوفمبر; a year may end a line
    return _is_number(following) and word.rstrip("،,") in _MONTHS  # نوفمبر 2026


def _words(segs: tuple[Segment, ...]) -> list[list[Segment]]:
    """Segments grouped into words and spaces: a line may only break where a space is, and not at a
    space that keeps two words together."""
    words: list[list[Segment]] = []
    for seg in segs:
        if words and not seg.is_space and not words[-1][-1].is_space:
            words[-1].append(seg)
        else:
            words.append([seg])
    # Join "word space word" where the words keep together.
    texts = ["".join(s.text for s in w) for w in words]
    joined: list[list[Segment]] = []
    n = 0
    while n < len(words):
        word = list(words[n])
        while (
            n + 2 < len(words)
            and not words[n][0].is_space
            and words[n + 1][0].is_space
            and _keeps_with_next(texts[n].split()[-1] if texts[n].split() else texts[n], texts[n + 2])
        ):
            word += words[n + 1] + words[n + 2]
            texts[n + 2] = texts[n] + " " + texts[n + 2]
            n += 2
        joined.append(word)
        n += 1
    return joined


def break_address(text: str, size: float, width: float, *, family: str = "sans") -> list[Line]:
    """Lines of an e-mail address or a web address (left to right): broken before "@" and after
    ". - _ /", and inside a piece only when the piece alone is wider than the line."""
    pieces: list[str] = []
    current = ""
    for ch in text:
        if ch == "@" and current:
            pieces.append(current)
            current = ""
        current += ch
        if ch in ".-_/":
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)

    def fits(candidate: str) -> bool:
        return text_width(candidate, size, family=family, rtl=False) <= width + 0.01

    lines: list[str] = [""]
    for piece in pieces:
        if fits(lines[-1] + piece):
            lines[-1] += piece
            continue
        if lines[-1]:
            lines.append("")
        for ch in piece:  # a piece wider than the line: letter by letter
            if lines[-1] and not fits(lines[-1] + ch):
                lines.append("")
            lines[-1] += ch
    return [break_lines(line, size, family=family, rtl=False)[0] for line in lines if line]


def ellipsize(
    text: str,
    size: float,
    width: float,
    *,
    max_lines: int = 1,
    family: str = "sans",
    bold: bool = False,
    rtl: bool = True,
) -> list[Line]:
    """At most `max_lines` lines of the text; when it does not fit, the last line ends at a word
    boundary with an ellipsis (…)."""
    lines = break_lines(text, size, width, family=family, bold=bold, rtl=rtl)
    if len(lines) <= max_lines and all(line.width <= width + 0.01 for line in lines):
        return lines
    kept = [line.text for line in lines[: max_lines - 1]]
    rest = " ".join(line.text for line in lines[max_lines - 1 :]).split(" ")
    while rest:
        candidate = " ".join(rest) + "…"
        fitted = break_lines(candidate, size, width, family=family, bold=bold, rtl=rtl)
        if len(fitted) == 1 and fitted[0].width <= width + 0.01:
            return break_lines("\n".join([*kept, candidate]), size, width, family=family, bold=bold, rtl=rtl)
        if len(rest) == 1:
            break
        rest.pop()
    # A single word wider than the line: cut it letter by letter.
    word = rest[0] if rest else ""
    while word:
        word = word[:-1]
        fitted = break_lines(word + "…", size, None, family=family, bold=bold, rtl=rtl)
        if fitted[0].width <= width + 0.01:
            break
    return break_lines("\n".join([*kept, word + "…"]), size, width, family=family, bold=bold, rtl=rtl)


def text_width(
    text: str, size: float, *, family: str = "sans", bold: bool = False, rtl: bool = True
) -> float:
    """Width of a single line of text in points."""
    return max(
        (line.width for line in break_lines(text, size, family=family, bold=bold, rtl=rtl)), default=0.0
    )


def fit_size(
    text: str, size: float, width: float, *, family: str = "sans", bold: bool = False, minimum: float = 6
) -> float:
    """The largest size up to `size` at which the text fits on one line of `width` points."""
    natural = text_width(text, size, family=family, bold=bold)
    if natural <= width or natural == 0:
        return size
    return max(minimum, size * width / natural)
