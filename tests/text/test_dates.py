"""Dates with Arabic month names, ranges, and Arabic-Indic digits."""

from __future__ import annotations

import datetime as dt

from desktop_app.text.dates import format_date, format_range, to_arabic_digits


def test_format_date() -> None:
    assert format_date(dt.date(2014, 8, 20)) == "20 أغسطس 2014"
    assert format_date(dt.date(2014, 8, 20), arabic_digits=True) == "٢٠ أغسطس ٢٠١٤"
    assert format_date(dt.date(2014, 8, 20), weekday=True) == "الأربعاء، 20 أغسطس 2014"
    assert format_date(dt.date(2014, 8, 20), "en") == "20 August 2014"
    assert format_date(None) == ""


def test_format_range() -> None:
    assert format_range(dt.date(2014, 8, 20), dt.date(2014, 8, 21)) == "20–21 أغسطس 2014"
    assert format_range(dt.date(2014, 8, 31), dt.date(2014, 9, 1)) == "31 أغسطس – 1 سبتمبر 2014"
    assert format_range(dt.date(2014, 12, 31), dt.date(2015, 1, 1)) == "31 ديسمبر 2014 – 1 يناير 2015"
    assert format_range(dt.date(2014, 8, 20), dt.date(2014, 8, 20)) == "20 أغسطس 2014"


def test_digits() -> None:
    assert to_arabic_digits("95.5%") == "٩٥.٥%"
