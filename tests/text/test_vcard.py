"""vCard 3.0 lines: CRLF, folding at 75 octets on UTF-8 character boundaries, text escaping."""

from __future__ import annotations

from desktop_app.text.vcard import Contact, card, escape, fold


def test_escaping() -> None:
    assert escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_short_lines_are_not_folded() -> None:
    assert fold("FN:سعاد") == "FN:سعاد\r\n"


def test_folding_never_cuts_a_character() -> None:
    # Arabic letters are 2 octets, the emoji 4: a 75-octet cut would fall inside one of them.
    line = "FN:" + "عبد الرحمن محمد " * 12 + "😀" * 5
    folded = fold(line).encode("utf-8")
    assert folded.endswith(b"\r\n")
    physical = folded[:-2].split(b"\r\n")
    assert len(physical) > 2
    for n, piece in enumerate(physical):
        assert len(piece) <= 75
        piece.decode("utf-8")
        assert piece.startswith(b" ") == (n > 0)
    assert b"".join(p[1:] if n else p for n, p in enumerate(physical)).decode("utf-8") == line


def test_card() -> None:
    text = card(Contact("منى  عادل", ("+201012345678", "+20223456789"), "m@example.org", "جمعية؛ النور, مصر"))
    assert text.split("\r\n") == [
        "BEGIN:VCARD", "VERSION:3.0", "FN:منى عادل", "N:;منى عادل;;;", "TEL;TYPE=CELL:+201012345678",
        "TEL;TYPE=VOICE:+20223456789", "EMAIL;TYPE=INTERNET:m@example.org", "ORG:جمعية؛ النور\\, مصر", "END:VCARD", "",
    ]  # fmt: skip
