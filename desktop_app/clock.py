"""The application's one clock: every service asks it what time and what day it is.

Nothing else reads the wall clock, so tests (and a demonstration) can say "it is 15:00 now" and the
whole application agrees: late marking, which session is today, the demo's dates, certificates'
issue dates, backup names. A set clock keeps ticking from the moment it was set, so two events a
test records one after the other still get increasing times.

`TASHBEEK_CLOCK` (an ISO 8601 date-time, with or without an offset) sets it for a whole process;
the command-line tests use it to run commands at a chosen hour.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator

ENV_VAR = "TASHBEEK_CLOCK"

# (where the clock was set to, the monotonic reading at that moment); None: the real clock.
_set_at: tuple[dt.datetime, float] | None = None


def _from_environment() -> tuple[dt.datetime, float] | None:
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return None
    try:
        start = dt.datetime.fromisoformat(value)
    except ValueError:
        return None  # a wrong value must never stop the program: the real clock then
    return (start if start.tzinfo else start.astimezone()), time.monotonic()


_set_at = _from_environment()


def now() -> dt.datetime:
    """The current local time, time-zone aware."""
    if _set_at is None:
        return dt.datetime.now().astimezone()
    start, mark = _set_at
    return (start + dt.timedelta(seconds=time.monotonic() - mark)).astimezone()


def utcnow() -> dt.datetime:
    """The current time in UTC (what the database stores)."""
    return now().astimezone(dt.UTC)


def today() -> dt.date:
    """Today's date where the user is."""
    return now().date()


def set_clock(at: dt.datetime | None) -> None:
    """Make `at` the current time from now on (a naive value is local time); None: the real clock."""
    global _set_at
    if at is None:
        _set_at = None
        return
    _set_at = (at if at.tzinfo else at.astimezone()), time.monotonic()


@contextlib.contextmanager
def clock_at(at: dt.datetime) -> Iterator[None]:
    """`with clock_at(…):` the application believes it is `at` (ticking on), then the clock it had."""
    global _set_at
    before = _set_at
    set_clock(at)
    try:
        yield
    finally:
        _set_at = before
