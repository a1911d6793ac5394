"""Phone numbers: every common way of typing an Egyptian or international number, to E.164.

"01012345678", "+20 10 1234 5678", "00201012345678" and "٠١٠١٢٣٤٥٦٧٨" are one number:
"+201012345678". Egyptian landlines keep their area code ("02 2345 6789" → "+20223456789").
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
        return "+" + text
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
    """A readable local form for display: "+201012345678" → "0101 234 5678"."""
    if not e164:
        return ""
    if e164.startswith("+20"):
        national = "0" + e164[3:]
        if len(national) == 11:
            return f"{national[:4]} {national[4:7]} {national[7:]}"
        return national
    return e164


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
