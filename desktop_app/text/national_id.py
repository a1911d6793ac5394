"""Egyptian national ID numbers (14 digits): validation and what they tell about a person.

Layout: C YYMMDD GG SSSS K — century digit (2 = 1900s, 3 = 2000s), birth date, governorate of
birth (88 = born abroad), a sequence whose last digit is odd for men and even for women, and a
check digit (its algorithm is not published, so it is not verified).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app import clock
from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.text.arabic import fold_digits
from desktop_app.text.governorates import BORN_ABROAD_CODE, BY_CODE

_CENTURIES = {"2": 1900, "3": 2000}


@dataclass(frozen=True, slots=True)
class NationalIdInfo:
    number: str
    birth_date: dt.date
    governorate: str | None  # None when born abroad
    gender: str  # "male" or "female"


def parse_national_id(raw: str, today: dt.date | None = None) -> NationalIdInfo:
    """Validate a national ID and derive birth date, governorate and gender; ValidationError if invalid."""
    number = "".join(fold_digits(raw).split())
    if len(number) != 14 or not number.isdigit():
        raise ValidationError("national_id", _("The national ID must be exactly 14 digits."))
    century = _CENTURIES.get(number[0])
    if century is None:
        raise ValidationError("national_id", _("The national ID must start with 2 or 3 (century of birth)."))
    try:
        birth = dt.date(century + int(number[1:3]), int(number[3:5]), int(number[5:7]))
    except ValueError:
        raise ValidationError(
            "national_id", _("The national ID contains an impossible birth date.")
        ) from None
    if birth > (today or clock.today()):
        raise ValidationError("national_id", _("The national ID contains a birth date in the future."))
    code = number[7:9]
    if code != BORN_ABROAD_CODE and code not in BY_CODE:
        raise ValidationError("national_id", _("The national ID contains an unknown governorate code."))
    gender = "male" if int(number[12]) % 2 else "female"
    return NationalIdInfo(number, birth, None if code == BORN_ABROAD_CODE else code, gender)
