"""Finds the bundled `resources/` folder (fonts, translations) from a checkout and from a wheel.

In a wheel the folder is force-included as `desktop_app/resources`; in a source checkout (or an
editable install) it sits beside the package at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "resources", here.parent / "resources"):
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("Tashbeek's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. resource_path("fonts", "Amiri-Regular.ttf")."""
    return resources_dir().joinpath(*parts)
