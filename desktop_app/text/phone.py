"""Phone numbers: every common way of typing an Egyptian or international number, to E.164.

"01012345678", "+20 10 1234 5678", "00201012345678" and "٠١٠١٢٣٤٥٦٧٨" are one number:
"+201012345678". Egyptian landlines keep their area code ("02 2345 6789" → "+20223456789").
Every other country's number goes through Google's libphonenumber metadata (`phonenumberslite`):
a trunk 0 typed after the country code is dropped ("+33 0612…", "+44 (0)20…"), numbers no country
issues are refused ("+999…", "+1 123…"), and display uses the country's own grouping.
"""

from __future__ import annotations

import re

from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.text.arabic import fold_digits

_SEPARATORS = re.compile(r"[\s\-./()\u00a0]+")
# Egyptian mobile prefixes after the trunk 0: 10 Vodafone, 11 Etisalat/e&, 12 Orange, 15 WE.
_MOBILE = re.compile(r"^1[0125]\d{8}$")
# Cairo (2) and Alexandria (3) have 8-digit and 7-digit subscriber numbers; other areas 2-digit codes.
_CAIRO_GIZA = re.compile(r"^2\d{8}$")
_ALEXANDRIA = re.compile(r"^3\d{7}$")
_AREA_CODES = {
    "13", "15", "40", "45", "46", "47", "48", "50", "55", "57", "62", "64", "65", "66", "68", "69",
    "82", "84", "86", "88", "92", "93", "95", "96", "97",
}  # fmt: skip


def _invalid() -> ValidationError:
    return ValidationError(
        "phone",
        _(
            "The phone number is not valid: write an 11-digit mobile number starting with 01, "
            "a landline with its governorate code, or an international number starting with +."
        ),
    )


def _egyptian_national(national: str) -> str | None:
    """E.164 of an Egyptian number given without trunk 0 or country code, or None."""
    if _MOBILE.match(national) or _CAIRO_GIZA.match(national) or _ALEXANDRIA.match(national):
        return "+20" + national
    if len(national) == 9 and national[:2] in _AREA_CODES:
        return "+20" + national
    return None


def _foreign(digits: str) -> str:
    """E.164 of a non-Egyptian number given as country code and number (trunk 0 and all)."""
    import phonenumbers  # imported on first use: 20 ms that most commands never need

    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        raise _invalid() from None
    if not phonenumbers.is_valid_number(number):
        raise _invalid()
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def normalize_phone(raw: str | None) -> str | None:
    """E.164 form of a phone number, None for an empty value; raises ValidationError otherwise."""
    if raw is None:
        return None
    text = _SEPARATORS.sub("", fold_digits(raw.strip()))
    if not text:
        return None
    international = False
    if text.startswith("+"):
        international, text = True, text[1:]
    elif text.startswith("00"):
        international, text = True, text[2:]
    if not text.isdigit():
        raise _invalid()
    if international or (text.startswith("20") and len(text) in (11, 12)):
        if text.startswith("20"):
            national = text[2:]
            if national.startswith("0"):  # "+20 010…": a trunk 0 typed after the country code
                national = national[1:]
            result = _egyptian_national(national)
            if result is None:
                raise _invalid()
            return result
        if not international or not 8 <= len(text) <= 15 or text.startswith("0"):
            raise _invalid()
        return _foreign(text)
    if text.startswith("0"):
        result = _egyptian_national(text[1:])
        if result is not None:
            return result
    elif _MOBILE.match(text):  # "1012345678": the trunk 0 left out
        return "+20" + text
    raise _invalid()


def looks_like_phone(text: str) -> bool:
    """True when a search query is plainly a phone number (digits, spaces, +, dashes)."""
    stripped = _SEPARATORS.sub("", fold_digits(text.strip()))
    return len(stripped) >= 7 and re.fullmatch(r"\+?\d+", stripped) is not None


def format_phone(e164: str | None) -> str:
    """A readable form for display: Egyptian numbers locally ("+201012345678" → "0101 234 5678"),
    others in their country's international grouping ("+33612345678" → "+33 6 12 34 56 78")."""
    if not e164:
        return ""
    if e164.startswith("+20"):
        national = "0" + e164[3:]
        if len(national) == 11:
            return f"{national[:4]} {national[4:7]} {national[7:]}"
        return national
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164  # stored before numbers were checked: shown as it is
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def phone_digits_tail(e164: str | None) -> str | None:
    """The digits of a stored number reversed, so "its last digits" is a prefix: "+201012345678" →
    "876543210102" (indexed for "the number ending in 5678")."""
    if not e164:
        return None
    digits = e164.lstrip("+")
    return digits[::-1] if digits.isdigit() else None


def digits_query(text: str) -> str | None:
    """The digits of a query that is only digits (separators allowed), 4 or more; else None."""
    stripped = _SEPARATORS.sub("", fold_digits(text.strip()))
    return stripped if len(stripped) >= 4 and stripped.isdigit() else None


def phone_prefix(raw: str) -> str | None:
    """The E.164 start of a partly typed number ("0100 12" → "+2010012"); None if too short to mean much."""
    text = _SEPARATORS.sub("", fold_digits(raw.strip()))
    if text.startswith("+"):
        digits = text[1:]
    elif text.startswith("00"):
        digits = text[2:]
    elif text.startswith("0"):
        digits = "20" + text[1:]
    else:
        digits = text if text.startswith("20") else "20" + text
    if not digits.isdigit() or len(digits) < 6:
        return None
    return "+" + digits
