"""Writing files so that nothing half-written is ever left where the user expects a document, and
so that files holding national IDs and phone numbers are readable by their owner only."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path


def create_private(path: Path) -> None:
    """Create an empty file readable by this user only (mode 0600 on POSIX); it must not exist yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to a file readable by this user only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename, on any
    error (Cancel included) it is removed and `path` is left as it was."""
    tmp = path.with_name(path.name + ".part")
    try:
        yield tmp
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(text: str, limit: int = 100, fallback: str = "tashbeek") -> str:
    """`text` (a person's or a training's name) as a file name Windows and Linux both accept."""
    return _UNSAFE.sub("", text).strip(" .-")[:limit].strip() or fallback
