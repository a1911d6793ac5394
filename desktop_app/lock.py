"""One writer per SQLite file: a lock file beside the database, held with the operating system's own
file lock for as long as the program writes.

The OS releases that lock when the process ends, however it ends, so a lock left by a crash is
recognised as stale at once (the file is there but nobody holds it). The file's content (machine,
process, since when) only serves to tell the second user who has it open.

Also here: spotting a database on a network share, where SQLite's locking and WAL are unsafe.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

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


@dataclass(frozen=True)
class Holder:
    machine: str
    pid: int
    since: str


class LockedError(Exception):
    def __init__(self, holder: Holder | None) -> None:
        super().__init__("database is open for writing elsewhere")
        self.holder = holder


def _try_lock(handle: IO[Any]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


class WriterLock:
    """`with WriterLock(db_path):` or acquire()/release(); raises LockedError when someone else writes."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._handle: IO[Any] | None = None

    def holder(self) -> Holder | None:
        try:
            data = json.loads(self.path.read_text("utf-8") or "{}")
            return Holder(str(data.get("machine", "?")), int(data.get("pid", 0)), str(data.get("since", "")))
        except (OSError, ValueError):
            return None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        if not _try_lock(handle):
            handle.close()
            raise LockedError(self.holder())
        # We hold it: whatever the file said before was left by a process that has ended.
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"machine": machine_name(), "pid": os.getpid(),
                                 "since": clock.now().isoformat(timespec="seconds")}))  # fmt: skip
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()
        finally:
            handle.close()  # closing releases the OS lock
        try:
            self.path.unlink()
        except OSError:
            pass

    @property
    def held(self) -> bool:
        return self._handle is not None

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
