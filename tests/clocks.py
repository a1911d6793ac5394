"""The moments tests run at: a fixed day, local time, whatever time zone the machine is in.

Tests never read the wall clock; `conftest.py` sets the application's clock to these."""

from __future__ import annotations

import datetime as dt

TEST_DAY = dt.date(2026, 11, 29)
DEFAULT_TIME = dt.time(12, 0)
CLOCK_HOURS = (dt.time(7, 0), dt.time(15, 0), dt.time(22, 0))
