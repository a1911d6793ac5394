"""The bidi levels (desktop_app/pdf/bidi.py) against the Unicode conformance data, and the cases the
app itself produces: isolates around inserted values, brackets around Latin text in Arabic."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.pdf import bidi

SAMPLE = Path(__file__).parent / "data" / "BidiCharacterTest-sample.txt"
FULL = Path("/usr/share/unicode/BidiCharacterTest.txt")  # Debian's unicode-data, when installed


def _cases(path: Path) -> list[tuple[str, int, list[str]]]:
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        points, direction, _level, levels, _order = line.split(";")
        if direction not in ("0", "1"):
            continue
        cases.append(("".join(chr(int(p, 16)) for p in points.split()), int(direction), levels.split()))
    return cases


def _failures(cases: list[tuple[str, int, list[str]]]) -> list[str]:
    wrong = []
    for text, direction, expected in cases:
        got = bidi.embedding_levels(text, bool(direction))
        if any(e != "x" and int(e) != g for e, g in zip(expected, got, strict=True)):
            wrong.append(
                f"{' '.join(f'{ord(c):04X}' for c in text)} ({direction}): {expected} != {list(got)}"
            )
    return wrong


def test_levels_match_the_unicode_conformance_sample() -> None:
    cases = _cases(SAMPLE)
    assert len(cases) > 3000
    assert _failures(cases)[:10] == []


@pytest.mark.skipif(not FULL.exists(), reason="the full conformance file comes with Debian's unicode-data")
def test_levels_match_the_whole_unicode_conformance_file() -> None:
    cases = _cases(FULL)
    assert len(cases) > 90_000
    assert _failures(cases)[:10] == []


def test_isolates_the_app_inserts_are_resolved() -> None:
    # A Latin value isolated inside an Arabic sentence keeps its full stop (level 2, with the Latin).
    text = "تعمل لدى \u2068Example NGO Ltd.\u2069 منذ"
    levels = bidi.embedding_levels(text)
    start = text.index("E")
    assert set(levels[start : text.index("\u2069")]) == {2}
    assert levels[text.index("منذ")] == 1
    # A phone number isolated left to right.
    phone = "هاتف: \u2066+20 10 1234 5678\u2069"
    assert set(bidi.embedding_levels(phone)[phone.index("+") : phone.index("\u2069")]) == {2}


def test_a_closing_bracket_after_latin_text_stays_with_it() -> None:
    # Rule N0: "(Cairo)" belongs to the Latin run, so ")" is at the Latin level, not the Arabic one.
    text = "Ahmed (Cairo) مدينة"
    levels = bidi.embedding_levels(text)
    assert levels[: text.index(")") + 1] == (2,) * (text.index(")") + 1)
    assert levels[text.index("م")] == 1
    assert bidi.embedding_levels("a (b) ج") == (2, 2, 2, 2, 2, 1, 1)
    assert bidi.embedding_levels("(رقم 12)") == (1, 1, 1, 1, 1, 2, 2, 1)
