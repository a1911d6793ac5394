"""Writing files so that nothing half-written is ever left where the user expects a document, so that
files holding national IDs and phone numbers are readable by their owner only, so that what was
written is on the disk before anyone pulls the USB stick, and so that no existing file is replaced
unless the user said so."""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterator
from pathlib import Path

from desktop_app.errors import OutputExistsError, file_problem
from desktop_app.i18n import _


def create_private(path: Path) -> None:
    """Create an empty file readable by this user only (mode 0600 on POSIX); it must not exist yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to a file readable by this user only, flushed to the disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _exists(path: Path) -> OutputExistsError:
    return OutputExistsError(
        _("{path} already exists and was left as it is: choose another name.")
        .format(path=path),
        path,
    )  # fmt: skip


def check_output(path: Path, *, replace: bool) -> None:
    """Refuse an output before any work is done: an existing file (unless `replace`), a folder where
    a file should go, or a folder that does not exist."""
    if path.is_dir():
        raise file_problem(IsADirectoryError(errno.EISDIR, "is a folder", str(path)))
    if not path.parent.is_dir():
        raise file_problem(FileNotFoundError(errno.ENOENT, "no such folder", str(path.parent)))
    if path.exists() and not replace:
        raise _exists(path)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: Path, *, replace: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path` to write to; on success it becomes `path` in one rename
    (owner-only, flushed to the disk, the folder too), on any error (Cancel included) it is removed
    and `path` is left as it was. An existing `path` is refused unless `replace`.

    File system failures come out as `file_problem` sentences naming the file."""
    try:
        check_output(path, replace=replace)
        tmp = path.with_name(path.name + ".part")
        tmp.unlink(missing_ok=True)
        create_private(tmp)  # writers that open it again keep its owner-only mode
    except OSError as error:
        raise file_problem(error, path) from None
    try:
        yield tmp
        os.chmod(tmp, 0o600)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if not replace and path.exists():
            raise _exists(path)
        os.replace(tmp, path)
        _sync_folder(path.parent)
    except OSError as error:
        raise file_problem(error, path) from None
    finally:
        tmp.unlink(missing_ok=True)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(text: str, limit: int = 100, fallback: str = "tashbeek") -> str:
    """`text` (a person's or a training's name) as a file name Windows and Linux both accept."""
    return _UNSAFE.sub("", text).strip(" .-")[:limit].strip() or fallback
