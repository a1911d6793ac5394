"""Progress of long work: the callback a service or the PDF engine calls as it goes, and the one way
it stops.

The window's runner hands `report(done, total)` to the work and shows it in a progress dialog; the
answer is False once the user asked to cancel, and the work then raises `Cancelled` so that its
transaction rolls back and its .part file is removed. The CLI passes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.errors import Cancelled

# (done, total) -> keep going?
Progress = Callable[[int, int], bool]


def advance(progress: Progress | None, done: int, total: int) -> None:
    """Report `done` of `total`; raise Cancelled when the user asked to stop."""
    if progress is not None and not progress(done, total):
        raise Cancelled()
