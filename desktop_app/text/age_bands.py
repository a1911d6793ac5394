"""Age bands: one definition for statistics, donor reports and the People filters.

A band is named by its bounds ("under_18", "18_24", …, "50_plus"); "unknown" is a band too, for a
person whose age cannot be told, so nobody is ever dropped from a count. Ages come from the birth
date or, when there is none, from the birth date inside an Egyptian national ID. The bounds are an
organization-wide setting (funders differ: 15–24 is the UN's "youth", 18–29 Egypt's); the default
is the one most indicator guides use.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

DEFAULT_BOUNDS: tuple[int, ...] = (18, 25, 35, 50)
UNKNOWN = "unknown"
MAX_AGE = 130


@dataclass(frozen=True, slots=True)
class AgeBands:
    """Bands cut at `bounds` (ages where a new band starts), in increasing order."""

    bounds: tuple[int, ...] = DEFAULT_BOUNDS

    def __post_init__(self) -> None:
        check_bounds(self.bounds)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every band's key, youngest first, then "unknown"."""
        return _keys(self.bounds)

    def band(self, age: int | None) -> str:
        """The key of the band holding `age` ("unknown" for None or an impossible age)."""
        if age is None or not 0 <= age <= MAX_AGE:
            return UNKNOWN
        return _keys(self.bounds)[bisect_right(self.bounds, age)]

    def band_range(self, key: str) -> tuple[int | None, int | None]:
        """(youngest, oldest) age of a band, None where it is open; (None, None) for "unknown"."""
        keys = self.keys
        if key not in keys or key == UNKNOWN:
            return None, None
        n = keys.index(key)
        low = self.bounds[n - 1] if n > 0 else None
        high = self.bounds[n] - 1 if n < len(self.bounds) else None
        return low, high


@cache
def _keys(edges: tuple[int, ...]) -> tuple[str, ...]:
    keys = [f"under_{edges[0]}"]
    keys += [f"{low}_{high - 1}" for low, high in zip(edges, edges[1:], strict=False)]
    keys.append(f"{edges[-1]}_plus")
    return (*keys, UNKNOWN)


def check_bounds(bounds: tuple[int, ...]) -> None:
    """Raise ValueError unless the bounds are 1 to 10 increasing ages between 1 and 120."""
    if not 1 <= len(bounds) <= 10:
        raise ValueError("between 1 and 10 bounds")
    if any(not isinstance(b, int) or not 1 <= b <= 120 for b in bounds):
        raise ValueError("bounds are ages from 1 to 120")
    if any(a >= b for a, b in zip(bounds, bounds[1:], strict=False)):
        raise ValueError("bounds must increase")


def parse_bounds(text: str) -> tuple[int, ...]:
    """ "18, 25, 35, 50" (Arabic-Indic digits and Arabic commas too) as bounds; ValueError if not."""
    from desktop_app.text.arabic import fold_digits

    parts = [p.strip() for p in fold_digits(text).replace("،", ",").split(",")]
    try:
        bounds = tuple(int(p) for p in parts if p)
    except ValueError:
        raise ValueError("whole numbers separated by commas") from None
    check_bounds(bounds)
    return bounds


def birth_date_of(birth_date: dt.date | None, national_id: str | None) -> dt.date | None:
    """The birth date, or the one written in the national ID; None when neither tells."""
    if birth_date is not None:
        return birth_date
    if not national_id:
        return None
    from desktop_app.errors import ValidationError
    from desktop_app.text.national_id import parse_national_id

    try:
        # Any day is "today" enough here: only a birth date in the future is refused, and a
        # stored ID has passed that check already.
        return parse_national_id(national_id, dt.date.max).birth_date
    except ValidationError:
        return None


def age_on(birth: dt.date | None, day: dt.date) -> int | None:
    """Whole years from `birth` to `day` (None without a birth date, or for a birth after `day`)."""
    if birth is None or birth > day:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def bounds_or_default(value: object) -> tuple[int, ...]:
    """Stored bounds as a tuple; DEFAULT_BOUNDS when the stored value is missing or unusable."""
    try:
        bounds = tuple(int(v) for v in value)  # type: ignore[attr-defined]
        check_bounds(bounds)
    except (TypeError, ValueError):
        return DEFAULT_BOUNDS
    return bounds
