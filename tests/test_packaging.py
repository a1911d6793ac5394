"""What a fresh install needs: every module imports, and every third-party module the package imports
is declared in pyproject.toml (and nothing is declared that it does not import).

A package installed on the developer's machine hides a missing declaration from the developer and
never from a user: this test compares the code with the declaration, whatever the machine has.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import importlib.util
import pkgutil
import re
import sys
import tomllib
from pathlib import Path

import desktop_app

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop_app"
# Alembic's env.py runs only inside Alembic (it reads `context.config` when imported).
NOT_IMPORTABLE_ALONE = {"desktop_app.migrations.env"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def every_module() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(desktop_app.__path__, "desktop_app.")
        if info.name not in NOT_IMPORTABLE_ALONE
    ]
    return ["desktop_app", *names]


def test_every_module_imports() -> None:
    failures = {}
    for name in every_module():
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - the point is to list them all
            failures[name] = f"{type(error).__name__}: {error}"
    assert failures == {}
    assert len(every_module()) > 60  # the walk really found the package


def _imported_modules() -> dict[str, Path]:
    """Absolute imports of third-party modules anywhere in the package: full name -> first file."""
    found: dict[str, Path] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("desktop_app", "__future__"):
                    continue
                found.setdefault(name, path)
    return found


def _owner(module: str, files: dict[Path, str]) -> str | None:
    """The installed distribution whose files hold `module` (or its nearest importable parent)."""
    name = module
    while name:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin and spec.origin not in ("built-in", "frozen"):
            return files.get(Path(spec.origin).resolve())
        name = name.rpartition(".")[0]
    return None


def _installed_files() -> dict[Path, str]:
    owners: dict[Path, str] = {}
    for dist in importlib.metadata.distributions():
        for file in dist.files or ():
            owners[Path(dist.locate_file(file)).resolve()] = _norm(dist.metadata["Name"])
    return owners


def _declared() -> set[str]:
    """The distributions pyproject.toml declares for the Python running the tests (markers applied)."""
    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = [Requirement(spec) for spec in project["dependencies"]]
    return {_norm(r.name) for r in requirements if r.marker is None or r.marker.evaluate()}


def test_every_imported_distribution_is_declared_and_every_declared_one_is_imported() -> None:
    files = _installed_files()
    declared = _declared()
    used: dict[str, str] = {}
    undeclared = {}
    for module, where in sorted(_imported_modules().items()):
        if sys.platform != "win32" and module.split(".")[0] in ("msvcrt", "winreg"):
            continue
        owner = _owner(module, files)
        assert owner is not None, f"{module} (imported in {where.relative_to(ROOT)}) is not installed"
        used.setdefault(owner, module)
        if owner not in declared:
            undeclared[module] = f"{owner}, imported in {where.relative_to(ROOT)}"
    assert undeclared == {}, "imported but not declared in pyproject.toml's dependencies"
    # shiboken6 comes with PySide6-Essentials, which requires exactly its version.
    assert declared - set(used) == set(), "declared but never imported by the package"


def test_pyside6_addons_only_where_qtpdf_has_no_wheel_of_its_own() -> None:
    """The window uses QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport, QtPdf and QtPdfWidgets (QtTest
    for screenshots): Essentials and Pdf provide them from 6.12, so Addons (160 MB) is declared only
    for Python 3.11, where 6.12 cannot be used (see the next test) and QtPdf is in Addons."""
    qt_modules = {m.split(".")[1] for m in _imported_modules() if m.startswith("PySide6.")}
    # QtPrintSupport (printing from the previews) ships in Essentials.
    assert qt_modules <= {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtTest", "QtSvg", "QtPrintSupport"}
    declared = _declared()
    if sys.version_info >= (3, 12):
        assert "pyside6-addons" not in declared and "pyside6-pdf" in declared
    else:
        assert "pyside6-addons" in declared and "pyside6-pdf" not in declared


def test_the_qt_bindings_keep_none_alive() -> None:
    """PySide6 6.12.0 returns None from void methods without taking a reference: each call drops
    None's count by one, and on Python 3.11 (where None is not immortal) a long session aborts the
    interpreter. The declared versions must not do that here."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    assert app is not None
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100 or sys.version_info >= (3, 12)


def test_every_icon_the_window_names_ships_as_a_file() -> None:
    names = set()
    for path in (PACKAGE / "views").rglob("*.py"):
        names |= set(re.findall(r"\"(fa5[rs]\.[a-z0-9-]+)\"", path.read_text("utf-8")))
    from desktop_app.assets import resource_path

    missing = sorted(n for n in names if not resource_path("icons", n.split(".", 1)[1] + ".svg").is_file())
    assert names and missing == [], "copy these from Font Awesome Free 5.15.4 (resources/icons/README.md)"
