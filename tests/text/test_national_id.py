"""Egyptian national IDs: what they tell, and which are refused."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.errors import ValidationError
from desktop_app.text.national_id import parse_national_id


def test_derives_birth_date_governorate_and_gender() -> None:
    info = parse_national_id("29001011234567")  # 1990-01-01, governorate 12, sequence 3456
    assert info.birth_date == dt.date(1990, 1, 1)
    assert info.governorate == "12"
    assert info.gender == "female"  # 13th digit 6 is even


def test_twenty_first_century_and_male() -> None:
    info = parse_national_id("30503152101235")
    assert info.birth_date == dt.date(2005, 3, 15)
    assert info.governorate == "21"
    assert info.gender == "male"


def test_born_abroad_is_valid() -> None:
    info = parse_national_id("29512318800011")
    assert info.governorate is None
    assert info.birth_date == dt.date(1995, 12, 31)


def test_arabic_indic_digits_and_spaces() -> None:
    assert parse_national_id("٢٩٠٠١٠١ ١٢٣٤٥٦٧").number == "29001011234567"


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        ("2900101123456", "14"),
        ("290010112345678", "14"),
        ("1900101123456 7".replace(" ", ""), "2 or 3"),
        ("29002301234567", "impossible"),
        ("29013011234567", "impossible"),
        ("39901011234567", "future"),
        ("29001019934567", "governorate"),
        ("abcdefghijklmn", "14"),
    ],
)
def test_refused(raw: str, word: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_national_id(raw, today=dt.date(2026, 11, 29))
    assert info.value.field == "national_id"
    assert word in info.value.message
