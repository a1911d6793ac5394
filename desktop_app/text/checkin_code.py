"""Check-in codes: 8 digits whose last digit is a Luhn check digit.

Digits only, so a barcode scanner types them correctly under any keyboard layout; the check
digit catches a mistyped or misread code before it reaches the database.
"""

from __future__ import annotations

import secrets

from desktop_app.text.arabic import fold_digits

CODE_LENGTH = 8


def luhn_digit(payload: str) -> str:
    """The Luhn check digit for a string of digits."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def new_checkin_code() -> str:
    """A random 8-digit code with its check digit (leading zeros are part of the code)."""
    payload = f"{secrets.randbelow(10 ** (CODE_LENGTH - 1)):0{CODE_LENGTH - 1}d}"
    return payload + luhn_digit(payload)


def normalize_checkin_code(text: str) -> str | None:
    """The code in `text` if it is a well-formed check-in code (any digits, spaces allowed), else None."""
    digits = "".join(fold_digits(text).split())
    if len(digits) != CODE_LENGTH or not digits.isascii() or not digits.isdigit():
        return None
    return digits if luhn_digit(digits[:-1]) == digits[-1] else None
