"""Alembic migrations shipped inside the package.

`REVISIONS` lists every revision in order; the last is the head known at build time, so start-up
can tell whether a database is current by reading one row, without importing Alembic
(a test keeps this list equal to Alembic's own history).
"""

from pathlib import Path

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007w", "0008n", "0010d", "0011c", "0012a")
HEAD_REVISION = REVISIONS[-1]
SCRIPT_LOCATION = Path(__file__).resolve().parent
