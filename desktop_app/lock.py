"""One writer per SQLite file: a lock file beside the database, held with the operating system's own
file lock for as long as the program writes.

The OS releases that lock when the process ends, however it ends, so a lock left by a crash is
recognised as stale at once (the file may be there, but nobody holds it).

Why the lock stays correct although its file is removed on release (the pattern of systemd's
lockfile-util and Nix's path locks): on POSIX the holder removes the file *while still holding it*,
and whoever takes the lock checks afterwards that the file it locked is still the one at that path
(not unlinked, same inode); if not, it locked a file that is gone and tries again with the new one.
So two processes can never both hold a lock on the file the path names. On Windows a file another
process has open cannot be removed, so the holder first lets go and then removes the file only if
nobody else has it open. Removing it keeps a refused command from leaving files behind.

Who holds the lock (machine, process, since when) is kept in a second file, `NAME.lock-holder`,
written by the holder only: on Windows the locked byte cannot be read by anyone else.

Also here: spotting a database on a network share, where SQLite's locking and WAL are unsafe.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop_app import clock
from desktop_app.config import machine_name

NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "fuse.sshfs",
    "9p",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.davfs2",
}
_ATTEMPTS = 50  # each failed attempt means another process just released: this never loops long


@dataclass(frozen=True)
class Holder:
    machine: str
    pid: int
    since: str


class LockedError(Exception):
    def __init__(self, holder: Holder | None) -> None:
        super().__init__("database is open for writing elsewhere")
        self.holder = holder


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    # POSIX: closing the descriptor releases the flock.


def _still_at(fd: int, path: Path) -> bool:
    """The locked file is still the one `path` names (its holder did not remove it meanwhile)."""
    mine = os.fstat(fd)
    if mine.st_nlink == 0:
        return False
    try:
        there = os.stat(path)
    except FileNotFoundError:
        return False
    return (there.st_dev, there.st_ino) == (mine.st_dev, mine.st_ino)


class WriterLock:
    """`with WriterLock(db_path):` or acquire()/release(); raises LockedError when someone else writes."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self.holder_path = database.with_name(database.name + ".lock-holder")
        self._fd: int | None = None

    def holder(self) -> Holder | None:
        try:
            data = json.loads(self.holder_path.read_text("utf-8") or "{}")
            return Holder(str(data.get("machine", "?")), int(data.get("pid", 0)), str(data.get("since", "")))
        except (OSError, ValueError, AttributeError):
            return None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        for _attempt in range(_ATTEMPTS):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                os.close(fd)
                raise LockedError(self.holder())
            if _still_at(fd, self.path):
                self._fd = fd
                break
            os.close(fd)  # we locked a file its holder had just removed: take the one there now
        else:  # pragma: no cover - would need fifty releases between our open and our lock
            raise LockedError(self.holder())
        self._write_holder()

    def _write_holder(self) -> None:
        """Say who holds the lock (written only by the holder, replaced in one rename)."""
        text = json.dumps({"machine": machine_name(), "pid": os.getpid(),
                           "since": clock.now().isoformat(timespec="seconds")})  # fmt: skip
        tmp = self.holder_path.with_name(f"{self.holder_path.name}.{os.getpid()}")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.holder_path)
        except OSError:  # only informative: a second user is told "?" instead of a name
            with contextlib.suppress(OSError):
                tmp.unlink()

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Still holding the lock: nobody else can be writing the holder file or have taken the lock.
        with contextlib.suppress(OSError):
            self.holder_path.unlink()
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            _unlock(fd)
            os.close(fd)
            with contextlib.suppress(OSError):  # refused while another process has it open: it stays
                self.path.unlink()
            return
        try:
            self.path.unlink()  # before letting go: see the module docstring
        except OSError:
            pass
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def on_network_share(path: Path, mounts_text: str | None = None) -> bool:
    """Whether the file lives on a network file system (SMB/CIFS, NFS, …). `mounts_text` stands in
    for /proc/mounts in tests."""
    resolved = path.resolve()
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        text = str(resolved)
        if text.startswith("\\\\"):
            return True
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    try:
        mounts = (
            mounts_text if mounts_text is not None else Path("/proc/mounts").read_text("utf-8")
        ).splitlines()
    except OSError:
        return False
    best, kind = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (str(resolved) == point or str(resolved).startswith(point.rstrip("/") + "/")) and len(point) > len(
            best
        ):
            best, kind = point, parts[2]
    return kind in NETWORK_FILESYSTEMS
