"""Per-machine paths and settings (language, operator, backup folder, last database).

These live in a small JSON file under platformdirs' user config dir so they can be read before
any database is opened. Organization-wide settings live in the database instead
(`services/settings.py`). `TASHBEEK_CONFIG_DIR` and `TASHBEEK_DATA_DIR` override the folders
(tests, portable installs on a USB stick).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

from desktop_app import APP_NAME

SETTINGS_FILE = "settings.json"
DEFAULT_DB_NAME = "tashbeek.sqlite"


def config_dir() -> Path:
    return Path(
        os.environ.get("TASHBEEK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, appauthor=False)
    )


def data_dir() -> Path:
    return Path(os.environ.get("TASHBEEK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    if os.environ.get("TASHBEEK_DATA_DIR"):
        return data_dir() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def default_backup_dir() -> Path:
    return data_dir() / "backups"


def machine_name() -> str:
    """This computer's name, written with every check-in and audit entry."""
    import platform

    return platform.node() or "unknown"


@dataclass
class MachineSettings:
    """Settings of this computer and user, not of the organization."""

    language: str = "ar"
    operator: str = ""
    backup_dir: str = ""
    last_database: str = ""
    auto_backup: bool = True  # on closing the window, and at most daily while it is open

    def backup_path(self) -> Path:
        return Path(self.backup_dir) if self.backup_dir else default_backup_dir()


def settings_exist() -> bool:
    """Whether this computer has been set up (the first-run guide wrote the settings file, or an
    earlier version did): without it the window starts with the guide."""
    return (config_dir() / SETTINGS_FILE).is_file()


def load_settings() -> MachineSettings:
    """Read the settings file; a missing or damaged file gives the defaults (never an error at start)."""
    path = config_dir() / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return MachineSettings()
    if not isinstance(raw, dict):
        return MachineSettings()
    known = {f.name for f in fields(MachineSettings)}
    values: dict[str, object] = {
        k: str(v) for k, v in raw.items() if k in known and v is not None and k != "auto_backup"
    }
    if "auto_backup" in raw:
        values["auto_backup"] = raw["auto_backup"] is not False
    return MachineSettings(**values)  # type: ignore[arg-type]


def save_settings(settings: MachineSettings) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / (SETTINGS_FILE + ".tmp")
    # Owner-only: it names the operator and the folders where backups of personal data go.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(json.dumps(asdict(settings), ensure_ascii=False, indent=2))
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, folder / SETTINGS_FILE)
