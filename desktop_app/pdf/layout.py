"""Lines of mixed Arabic, Latin and digits: shaped with HarfBuzz, broken in logical order, then
reordered visually line by line.

A paragraph is cut into segments: a word (or a space) with one bidi level and one font. Each segment
is shaped on its own in its own direction (Arabic letters never join across a space), which also makes
the shaping cache effective: the wording of 1,000 certificates repeats the same few hundred words.
HarfBuzz mirrors brackets and guillemets in right-to-left segments, so "(رقم 12)" and «…» come out right.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import uharfbuzz as hb

from desktop_app.pdf.bidi import BIDI_CONTROLS, embedding_levels, visual_order
from desktop_app.pdf.fonts import FontChain, SearchableTTFont, font_chain

_TATWEEL = "\u0640"
_INVISIBLE = BIDI_CONTROLS | frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def ltr(text: str) -> str:
    """Isolate a left-to-right value (phone, e-mail, serial) inside right-to-left text, so the bidi
    algorithm keeps "+20 10 1234 5678" in one piece and in order."""
    return f"\u2066{text}\u2069" if text else text


@dataclass(frozen=True, slots=True)
class Glyph:
    code: int  # the code written to the page (a character, or a private-use code for a shaped glyph)
    x: float  # offset from the segment's left edge, in font units
    y: float
    advance: float  # 0 for a carrier (a character drawn by the previous glyph of a ligature)


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
    carrier = font.face.charToGlyph.get(32, 0)
    glyphs: list[Glyph] = []
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
            glyphs.append(Glyph(font.code_for(gid, source, round(advance)), x, y, advance))
        if stretched:
            continue
        # Carriers sit at the ligature's trailing edge: its left side in right-to-left text.
        last = items[-1]
        edge = last[2] if rtl else last[2] + last[4]
        for ch in rest:
            glyphs.append(Glyph(font.code_for(carrier, ch, 0), edge, 0.0, 0.0))
    return tuple(glyphs), pen


def _cluster_length(text: str, cluster: int, counts: dict[int, int]) -> int:
    following = [c for c in counts if c > cluster]
    return (min(following) if following else len(text)) - cluster


@cache
def _hb_font(font: SearchableTTFont) -> hb.Font:
    return hb.Font(font.hb_face)  # scale = units per em: positions come back in font units


def clean_text(text: str) -> str:
    """Drop bidi controls and zero-width characters from user text (a name must never reorder or
    hide the line it is printed in)."""
    if not any(ch in _INVISIBLE for ch in text):
        return text
    return "".join(ch for ch in text if ch not in _INVISIBLE)


def _pieces(text: str, levels: tuple[int, ...], chain: FontChain) -> list[tuple[str, int, SearchableTTFont]]:
    """Maximal runs of one level and one font, spaces on their own; invisible characters (bidi
    controls, zero-width) have done their work in the levels and are not drawn."""
    pieces: list[tuple[str, int, SearchableTTFont]] = []
    chars: list[str] = []
    previous: SearchableTTFont | None = None
    current: tuple[int, SearchableTTFont, bool] | None = None
    for ch, level in zip(text, levels, strict=True):
        if ch in _INVISIBLE:
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

    @property
    def text(self) -> str:
        """The line's characters in reading order."""
        return "".join(self.segments[v].text for v in self.logical)


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
) -> list[Line]:
    """Lines of a text at a font size: hard breaks at newlines, soft breaks at spaces when a width is
    given (a word longer than the width gets a line of its own)."""
    lines: list[Line] = []
    for paragraph in text.split("\n"):
        segs = segments(paragraph, family, bold, rtl)
        if width is None:
            lines.append(_line(list(segs), size, rtl))
            continue
        current: list[Segment] = []
        used = 0.0
        for word in _words(segs):
            w = sum(seg.width(size) for seg in word)
            if word[0].is_space or not current or used + w <= width + 0.01:
                current.extend(word)
                used += w
                continue
            # Break before this word; the spaces that ended the line are dropped by _line.
            lines.append(_line(current, size, rtl))
            current, used = list(word), w
        lines.append(_line(current, size, rtl))
    return lines


def _words(segs: tuple[Segment, ...]) -> list[list[Segment]]:
    """Segments grouped into words and spaces: a line may only break where a space is."""
    words: list[list[Segment]] = []
    for seg in segs:
        if words and not seg.is_space and not words[-1][-1].is_space:
            words[-1].append(seg)
        else:
            words.append([seg])
    return words


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
