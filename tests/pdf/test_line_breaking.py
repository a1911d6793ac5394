"""Paragraph rules: no one-word last line, a date and a number with its unit stay together, centred
text balanced, long values cut with an ellipsis at a word boundary, e-mail addresses broken at
@ . - _, and an inserted Latin value keeping its punctuation in an Arabic sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop_app.pdf.draw import draw_line
from desktop_app.pdf.layout import break_address, break_lines, ellipsize
from desktop_app.text.isolate import isolate
from tests.pdf import pdftools

WORDING = (
    "تشهد إدارة مركز التنمية الاقتصادية والاجتماعية بأن المشاركة قد حضرت 12 جلسة من برنامج بناء "
    "التحالفات المنعقد في القاهرة من 26 نوفمبر 2026 إلى 27 نوفمبر 2026."
)


@pytest.mark.parametrize("width", range(150, 700, 10))
def test_no_one_word_last_line_and_dates_and_units_stay_together(width: int) -> None:
    lines = [line.text for line in break_lines(WORDING, 14, width, family="serif")]
    assert " ".join(lines) == WORDING
    if len(lines) > 1:
        assert len(lines[-1].split()) > 1, lines  # never "2026." alone
    for n, line in enumerate(lines):
        words = line.split()
        assert words[-1] not in ("26", "27", "نوفمبر", "12"), lines  # day|month, month|year, 12|جلسة
        assert words[0] not in ("نوفمبر", "جلسة"), lines
        if n:
            assert not (lines[n - 1].endswith("نوفمبر") and words[0].startswith("2026")), lines


def test_centred_paragraphs_are_balanced() -> None:
    greedy = break_lines(WORDING, 14, 420, family="serif")
    balanced = break_lines(WORDING, 14, 420, family="serif", balanced=True)
    assert len(balanced) == len(greedy) == 2
    widths = [line.width for line in balanced]
    assert max(widths) - min(widths) < 0.25 * max(widths)
    assert max(line.width for line in greedy) - min(line.width for line in greedy) > max(widths) - min(widths)


def test_long_values_end_with_an_ellipsis_at_a_word_boundary() -> None:
    organization = "الجمعية المصرية للتنمية المستدامة وحقوق الإنسان والتمكين الاقتصادي للمرأة الريفية"
    lines = ellipsize(organization, 9.5, 140, max_lines=2)
    assert len(lines) == 2 and all(line.width <= 140.01 for line in lines)
    kept = " ".join(line.text for line in lines)
    assert kept.endswith("…")
    assert organization.startswith(kept[:-1])  # whole words, cut at a space
    assert organization[len(kept) - 1] == " "


def test_addresses_break_at_their_separators_and_never_overflow() -> None:
    email = "abdelrahman.mohamed.abdelaziz.ibrahim.elshafei@development-and-human-rights.example.org.eg"
    lines = break_address(email, 9.5, 140)
    assert "".join(line.text for line in lines) == email
    assert all(line.width <= 140.01 for line in lines) and len(lines) > 2
    assert any(line.text.startswith("@") for line in lines)
    assert all(line.text[-1] in ".-_" or n == len(lines) - 1 or lines[n + 1].text.startswith("@")
               for n, line in enumerate(lines))  # fmt: skip


@pytest.mark.skipif(not pdftools.have_poppler(), reason="needs poppler-utils")
def test_an_isolated_latin_value_keeps_its_full_stop(tmp_path: Path) -> None:
    # (Mostly Arabic: poppler reads a line that is mostly Latin as a left-to-right line.)
    sentence = f"من منظمة {isolate('Example NGO Ltd.')} قد شاركت في برنامج {isolate('Networking (2026)')} التدريبي بنجاح كبير"
    line = break_lines(sentence, 14)[0]
    # Visually, left to right: the Latin values read forwards with their punctuation at their end.
    visual = "".join(seg.text for seg in line.segments)
    assert "Example NGO Ltd." in visual and "Networking (2026)" in visual
    path = tmp_path / "isolated.pdf"
    canvas = Canvas(str(path), pagesize=(line.width + 40, 60))
    draw_line(canvas, line, line.width + 20, 30, 14)
    canvas.save()
    plain = sentence.replace("\u2068", "").replace("\u2069", "")
    assert pdftools.poppler_lines(path) == [plain]
    assert pdftools.pypdf_lines(path) == [plain]
