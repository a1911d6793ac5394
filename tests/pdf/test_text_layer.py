"""The hidden text layer: every Arabic letter pair and triple, in every bundled font, extracts exactly.

Shaping can draw glyphs that stand for no letter (Amiri inserts a kashida between some letters) or
one glyph for several letters (lam-alef); each must read back as exactly the letters typed, with
nothing missing and nothing extra, for pdftotext (poppler) and pypdf alike. The words are batched
many to a line and many lines to a page, so the whole sweep is a handful of PDFs.
"""

from __future__ import annotations

import difflib
import itertools
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf import fonts
from desktop_app.pdf.draw import draw_string
from tests.pdf import pdftools

pytestmark = pytest.mark.skipif(not pdftools.have_poppler(), reason="needs poppler-utils")

# Every letter the Arabic alphabet uses in names, with its hamza and final forms.
LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
# Words as people write them: tatweel, lam-alef, hamza seats, and Amiri's kashida contexts (the
# words the issue found broken first).
NAME_WORDS = (
    "الجيزة محترم الخبرات مخبز عبد الله عبدالرحمن لا إله سلامة مؤمن شئون رؤوف عـــلي محـمد فاطمـة "
    "الله تـشبيك آية إيمان منى مصطفى ليلى بشرى الأمل لأن للإنسان ظلال ثلاثي لؤلؤ"
).split()
# Names with tashkeel: marks placed above and below their letters, shadda with a vowel.
MARKED_WORDS = "مُحَمَّد عَلِيّ فَاطِمَة إِبْرَاهِيم يُوسُف عُثْمَان هِبَة مُنَى سَلْمَى إِيمَان عِزَّة".split()
MARKS = "\u064e\u064f\u0650\u0652\u0651\u064b\u064c\u064d\u0651\u064e"  # fatha … shadda+fatha
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
FONTS = [("serif", False), ("serif", True), ("sans", False), ("sans", True)]
WORDS_PER_LINE = 14
LINES_PER_PAGE = 52


def _words() -> list[str]:
    pairs = ["".join(p) for p in itertools.product(LETTERS, repeat=2)]
    triples = ["".join(t) for t in itertools.product(LETTERS, repeat=3)]
    return pairs + triples + NAME_WORDS


def _write(path: Path, lines: list[str], family: str, bold: bool) -> None:
    canvas = Canvas(str(path), pagesize=(595, 842), pageCompression=1)
    for page_start in range(0, len(lines), LINES_PER_PAGE):
        y = 810.0
        for line in lines[page_start : page_start + LINES_PER_PAGE]:
            if line.isascii():
                draw_string(canvas, line, 15, y, 9, family=family, bold=bold, align="left", rtl=False)
            else:
                draw_string(canvas, line, 580, y, 9, family=family, bold=bold)
            y -= 15.5
        canvas.showPage()
    canvas.save()


def _mismatches(expected: list[str], got: list[str]) -> list[tuple[str, str]]:
    """Words that came back different: (expected, extracted), line by line, word by word."""
    wrong: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        want, have = expected[a1:a2], got[b1:b2]
        if len(want) == len(have):
            for x, y in zip(want, have, strict=True):
                wrong += [(a, b) for a, b in zip(x.split(" "), y.split(" "), strict=False) if a != b] or [
                    (x, y)
                ]
        else:
            wrong.append((" | ".join(want), " | ".join(have)))
    return wrong


@pytest.mark.parametrize(("family", "bold"), FONTS, ids=[f"{f}{'-bold' if b else ''}" for f, b in FONTS])
def test_every_letter_pair_and_triple_extracts_exactly(tmp_path: Path, family: str, bold: bool) -> None:
    words = _words()
    lines = [" ".join(words[i : i + WORDS_PER_LINE]) for i in range(0, len(words), WORDS_PER_LINE)]
    latin = [" ".join(a + b for b in LATIN[:26]) for a in LATIN]
    path = tmp_path / "sweep.pdf"
    _write(path, lines + latin, family, bold)
    expected = lines + latin
    poppler = pdftools.poppler_lines(path, raw=True)
    assert _mismatches(expected, poppler)[:20] == []
    got: list[str] = []
    for page in range(1, -(-len(expected) // LINES_PER_PAGE) + 1):
        got += pdftools.pypdf_lines(path, page, raw=True)
    assert _mismatches(expected, got)[:20] == []


@pytest.mark.parametrize(("family", "bold"), FONTS, ids=[f"{f}{'-bold' if b else ''}" for f, b in FONTS])
def test_names_with_tashkeel_extract_exactly(tmp_path: Path, family: str, bold: bool) -> None:
    path = tmp_path / "marks.pdf"
    line = " ".join(MARKED_WORDS)
    _write(path, [line], family, bold)
    assert _mismatches([line], pdftools.poppler_lines(path, raw=True)) == []
    assert _mismatches([line], pdftools.pypdf_lines(path, raw=True)) == []


def _marked_sweep() -> list[str]:
    words = [f"ب{letter}{MARKS[n]}{MARKS[n + 1] if n == 8 else ''}ب" for letter in LETTERS for n in range(9)]
    return [" ".join(words[i : i + WORDS_PER_LINE]) for i in range(0, len(words), WORDS_PER_LINE)]


@pytest.mark.parametrize(("family", "bold"), FONTS, ids=[f"{f}{'-bold' if b else ''}" for f, b in FONTS])
def test_every_letter_with_every_mark_extracts_exactly_with_pypdf(
    tmp_path: Path, family: str, bold: bool
) -> None:
    path = tmp_path / "marks.pdf"
    lines = _marked_sweep()
    _write(path, lines, family, bold)
    assert _mismatches(lines, pdftools.pypdf_lines(path, raw=True)) == []


@pytest.mark.xfail(
    strict=False,  # passes with Amiri on this page, fails with Noto Sans Arabic: depends on the page
    reason="known gap: on a page with many distinct glyphs, poppler splits some marked words",
)
@pytest.mark.parametrize("family", ["serif", "sans"])
def test_every_letter_with_every_mark_extracts_exactly_with_pdftotext(tmp_path: Path, family: str) -> None:
    path = tmp_path / "marks.pdf"
    lines = _marked_sweep()
    _write(path, lines, family, False)
    assert _mismatches(lines, pdftools.poppler_lines(path, raw=True)) == []


def test_the_sweep_catches_a_glyph_with_no_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Negative control: with the old ToUnicode map (no entry for a glyph that stands for no letter)
    # Amiri's kashida in "الجيزة" comes back as a stray character, and the comparison says so.
    original = fonts.to_unicode_cmap

    words = ["الجيزة محترم الخبرات مخبز"]
    path = tmp_path / "good.pdf"
    _write(path, words, "serif", False)
    assert _mismatches(words, pdftools.pypdf_lines(path, raw=True)) == []
    monkeypatch.setattr(fonts, "to_unicode_cmap", lambda name, texts: _drop_empty(original(name, texts)))
    path = tmp_path / "bad.pdf"
    _write(path, words, "serif", False)
    assert len(_mismatches(words, pdftools.pypdf_lines(path, raw=True))) == 4


def _drop_empty(cmap: str) -> str:
    """The CMap without its entries for glyphs that stand for no character (as before the fix)."""
    out: list[str] = []
    block: list[str] = []
    for line in cmap.splitlines():
        if line.endswith("beginbfchar"):
            block = []
        elif line == "endbfchar":
            out += [f"{len(block)} beginbfchar", *block, line]
        elif line.startswith("<") and "> <" in line:
            if not line.endswith("<>"):
                block.append(line)
        else:
            out.append(line)
    return "\n".join(out)
