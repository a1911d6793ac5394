"""Phone numbers in every common form become one E.164 number; bad ones say what is expected."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.text.phone import format_phone, looks_like_phone, normalize_phone, phone_prefix

SAME_MOBILE = ["01012345678", "+20 10 1234 5678", "00201012345678", "٠١٠١٢٣٤٥٦٧٨", "0101-234-5678",
               "+2001012345678", "201012345678", "1012345678", " 010 1234 5678 ", "(010) 1234-5678"]  # fmt: skip


@pytest.mark.parametrize("raw", SAME_MOBILE)
def test_mobile_forms(raw: str) -> None:
    assert normalize_phone(raw) == "+201012345678"


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("02 2345 6789", "+20223456789"),  # Cairo
        ("03 456 7890", "+2034567890"),  # Alexandria
        ("040 333 4444", "+20403334444"),  # Gharbia
        ("088 233 4455", "+20882334455"),  # Asyut
        ("+20 2 2345 6789", "+20223456789"),
        ("01112345678", "+201112345678"),
        ("01212345678", "+201212345678"),
        ("01512345678", "+201512345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("00966 50 123 4567", "+966501234567"),
    ],
)
def test_landlines_and_foreign(raw: str, e164: str) -> None:
    assert normalize_phone(raw) == e164


@pytest.mark.parametrize(
    "raw",
    [
        "0101234567",
        "010123456789",
        "01312345678",
        "12345",
        "phone",
        "+",
        "+0123456789",
        "0020 99",
        "٠١٠ abc",
        "091 234 5678",
    ],  # fmt: skip
)
def test_invalid_numbers_explain_themselves(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    assert info.value.field == "phone"
    assert "01" in info.value.message and "+" in info.value.message


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("+33 0612345678", "+33612345678"),  # a trunk 0 typed after the country code
        ("+33 6 12 34 56 78", "+33612345678"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("+966 050 123 4567", "+966501234567"),
        ("00966 050 123 4567", "+966501234567"),
        ("+49 0151 1234 5678", "+4915112345678"),
        ("+1 212 555 0123", "+12125550123"),
        ("+971 50 123 4567", "+971501234567"),
    ],
)
def test_foreign_numbers_lose_their_trunk_zero(raw: str, e164: str) -> None:
    assert normalize_phone(raw) == e164


@pytest.mark.parametrize("raw", ["+999 123 456 789", "+1 123 456 7890", "+966 12 345", "+44 20 79"])
def test_impossible_foreign_numbers_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError):
        normalize_phone(raw)


def test_foreign_numbers_display_in_their_country_grouping() -> None:
    assert format_phone("+33612345678") == "+33 6 12 34 56 78"
    assert format_phone("+442079460958") == "+44 20 7946 0958"
    assert format_phone("+966501234567") == "+966 50 123 4567"
    assert format_phone("+201012345678") == "0101 234 5678"  # Egyptian numbers stay local


def test_empty_is_none() -> None:
    assert normalize_phone("") is None
    assert normalize_phone("   ") is None
    assert normalize_phone(None) is None


def test_helpers() -> None:
    assert looks_like_phone("+20 10 1234 5678")
    assert not looks_like_phone("محمد")
    assert format_phone("+201012345678") == "0101 234 5678"
    assert phone_prefix("0100 12") == "+2010012"
    assert phone_prefix("+20 10") is None
