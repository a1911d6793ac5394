"""Dates as Egyptian readers write them: Arabic month names, Western or Arabic-Indic digits.

"2026-11-29" read inside an Arabic sentence is reordered by the bidi algorithm into nonsense;
"29 نوفمبر 2026" reads the same in any direction.
"""

from __future__ import annotations

import datetime as dt

ARABIC_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ARABIC_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


def to_arabic_digits(text: str) -> str:
    """0-9 as Arabic-Indic digits (٠-٩), for documents set to use them."""
    return text.translate({ord("0") + d: chr(0x0660 + d) for d in range(10)})


def format_date(
    value: dt.date | None, language: str = "ar", *, arabic_digits: bool = False, weekday: bool = False
) -> str:
    """ "29 نوفمبر 2026" (or "29 November 2026"); "" for no date."""
    if value is None:
        return ""
    months = ARABIC_MONTHS if language == "ar" else ENGLISH_MONTHS
    text = f"{value.day} {months[value.month - 1]} {value.year}"
    if weekday:
        day = ARABIC_WEEKDAYS[value.weekday()] if language == "ar" else value.strftime("%A")
        text = f"{day}، {text}" if language == "ar" else f"{day}, {text}"
    return to_arabic_digits(text) if arabic_digits else text


def format_range(start: dt.date, end: dt.date, language: str = "ar", *, arabic_digits: bool = False) -> str:
    """A span of days, shortened when it stays within a month: "20–21 أغسطس 2014"."""
    if start == end:
        return format_date(start, language, arabic_digits=arabic_digits)
    months = ARABIC_MONTHS if language == "ar" else ENGLISH_MONTHS
    if (start.year, start.month) == (end.year, end.month):
        text = f"{start.day}–{end.day} {months[start.month - 1]} {start.year}"
    elif start.year == end.year:
        text = f"{start.day} {months[start.month - 1]} – {end.day} {months[end.month - 1]} {start.year}"
    else:
        text = f"{format_date(start, language)} – {format_date(end, language)}"
    return to_arabic_digits(text) if arabic_digits else text
