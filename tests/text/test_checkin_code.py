"""Check-in codes: 8 digits with a Luhn check digit that catches a mistyped code."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.text.checkin_code import luhn_digit, new_checkin_code, normalize_checkin_code


def test_known_luhn_value() -> None:
    assert luhn_digit("7992739871") == "3"  # the textbook example


@given(st.integers(min_value=0, max_value=10**7 - 1))
def test_every_generated_shape_is_valid_and_a_single_typo_is_caught(n: int) -> None:
    payload = f"{n:07d}"
    code = payload + luhn_digit(payload)
    assert normalize_checkin_code(code) == code
    for pos in range(8):
        wrong = code[:pos] + str((int(code[pos]) + 1) % 10) + code[pos + 1 :]
        assert normalize_checkin_code(wrong) is None


def test_new_codes() -> None:
    codes = {new_checkin_code() for _ in range(200)}
    assert all(len(c) == 8 and c.isdigit() and normalize_checkin_code(c) == c for c in codes)
    assert len(codes) > 190


def test_arabic_indic_digits_and_garbage() -> None:
    code = new_checkin_code()
    arabic = "".join(chr(0x0660 + int(d)) for d in code)
    assert normalize_checkin_code(arabic) == code
    assert normalize_checkin_code(" " + code + "\n") == code
    assert normalize_checkin_code("1234") is None
    assert normalize_checkin_code("abcdefgh") is None
