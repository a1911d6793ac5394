"""Python's cycle collector during start-up.

Loading SQLAlchemy, Qt's bindings and our modules allocates hundreds of thousands of objects that live
as long as the program. With the default thresholds the collector keeps walking that growing heap
while it loads: in `tashbeek search` one full collection landed inside an import and cost 20 ms of a
0.4 s command (measured with `-X importtime`: 2 ms with the collector quiet). So start-up runs with a
high first threshold; a command (short-lived) keeps it, the window puts the defaults back once it is
shown and freezes what start-up made (a few cycles of start-up garbage stay with it), so later collections never walk the modules again.
"""

from __future__ import annotations

import gc

_DEFAULT = gc.get_threshold()
_START_UP = (100_000, 50, 100)  # collect young objects every 100,000 allocations instead of 700


def quiet_start() -> None:
    """From the first line of the program: cycles are still collected, just rarely."""
    gc.set_threshold(*_START_UP)


def started() -> None:
    """The window is up: what start-up made stays for good (freeze it), collections as usual after."""
    gc.freeze()  # no collection first: it would walk the whole heap once more on the GUI thread
    usual()


def usual() -> None:
    gc.set_threshold(*_DEFAULT)
