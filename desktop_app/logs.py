"""Logging to a rotating file in the user's log folder: details of unexpected errors go there,
never to the user's screen as a traceback."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop_app import config

LOG_NAME = "tashbeek.log"
_configured: Path | None = None


def setup_logging() -> Path:
    """Attach the rotating file handler once; returns the log file's path."""
    global _configured
    if _configured is not None:
        return _configured
    path = config.log_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("desktop_app")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path
