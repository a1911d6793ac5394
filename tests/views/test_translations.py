"""The window speaks Arabic: the .ts is complete and compiled, and no screen or dialog shows
Latin-only text except brand names, units and data."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QWidget,
)

from desktop_app.views.main_window import SECTIONS, MainWindow
from desktop_app.views.pages.people import DuplicateDialog, PeoplePage

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "tashbeek_ar.ts"
# English is the source language: its .ts holds only the messages with a count, for their plurals.
TS_EN = ROOT / "resources" / "translations" / "tashbeek_en.ts"
BOTH = pytest.mark.parametrize("ts", [TS, TS_EN], ids=["ar", "en"])
LATIN = re.compile(r"[A-Za-z]")
ARABIC = re.compile(r"[\u0600-\u06FF]")
# Brand names, units, key names and formats that stay Latin in Arabic text.
ALLOWED = {
    "English",
    "TSH",
    "PNG",
    "JPEG",
    "CSV",
    "Excel",
    "QR",
    "Ctrl+K",
    "Ctrl+F",
    "Ctrl+N",
    "Ctrl+S",
    "Esc",
}


@BOTH
def test_ts_file_has_no_unfinished_entries(ts: Path) -> None:
    root = ET.parse(ts).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if (t := m.find("translation")) is not None
        and (t.get("type") in ("unfinished", "vanished", "obsolete") or not ("".join(t.itertext()).strip()))
    ]
    assert unfinished == []


@BOTH
def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path, ts: Path) -> None:
    """lupdate over the current code finds nothing new to translate."""
    import shutil

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from update_qt_translations import lupdate
    finally:
        sys.path.pop(0)
    copy = tmp_path / "check.ts"
    shutil.copy(ts, copy)
    lupdate(copy, plural_only=ts == TS_EN)
    untranslated = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if (t := m.find("translation")) is not None and t.get("type") == "unfinished"
    ]
    assert untranslated == [], "run scripts/update_qt_translations.py and translate these"


@BOTH
def test_qm_is_compiled_from_the_ts(tmp_path: Path, ts: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from update_qt_translations import lrelease
    finally:
        sys.path.pop(0)
    fresh = lrelease(ts, tmp_path / "fresh.qm")
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run scripts/update_qt_translations.py"


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("ar", 0, "لم تصدر أي شهادة جديدة."),
        ("ar", 1, "صدرت شهادة جديدة واحدة."),
        ("ar", 2, "صدرت شهادتان جديدتان."),
        ("ar", 3, "صدرت 3 شهادات جديدة."),
        ("ar", 11, "صدرت 11 شهادةً جديدة."),
        ("ar", 100, "صدرت 100 شهادة جديدة."),
        ("ar", 103, "صدرت 103 شهادات جديدة."),
        ("en", 1, "1 new certificate issued."),
        ("en", 52, "52 new certificates issued."),
    ],
)
def test_a_count_agrees_with_its_noun(qapp, language: str, n: int, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Qt picks the plural form from the count: "صدرت 3 شهادة جديدة" was shown for every count."""
    from PySide6.QtCore import QCoreApplication

    from desktop_app.app import create_application

    create_application(language)
    try:
        assert QCoreApplication.translate("DocumentsPage", "%n new certificate(s) issued.", "", n) == expected
    finally:
        create_application("ar")


def visible_texts(root: QWidget) -> list[str]:
    """Interface text a person sees (not data typed into fields or listed in tables)."""
    texts: list[str] = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget) and widget.objectName() == "navigation":
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = getattr(widget, "horizontalHeader", None)
            columns = header().count() if header else 1
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    return [t for t in texts if t]


def latin_only(texts: list[str], data: set[str]) -> list[str]:
    bad = []
    for text in texts:
        if ARABIC.search(text) or not LATIN.search(text):
            continue
        stripped = text.strip("\u2066\u2069 ")
        if stripped in ALLOWED or stripped in data or "@" in stripped or "/" in stripped:
            continue
        bad.append(text)
    return bad


@pytest.fixture
def demo_data_texts(db) -> set[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from desktop_app.models import Organization, Person

    with db.session_scope() as session:
        names = set(session.scalars(select(Person.latin_name)))
        names |= set(session.scalars(select(Organization.name_en)))
    return {n for n in names if n}


def test_every_screen_in_arabic_shows_no_latin_only_text(
    window: MainWindow, demo_data_texts: set[str]
) -> None:
    problems: dict[str, list[str]] = {}
    for key in SECTIONS:
        window.show_section(key)
        bad = latin_only(visible_texts(window), demo_data_texts)
        if bad:
            problems[key] = bad
    people = window.show_section("people")
    assert isinstance(people, PeoplePage)
    people.select_row(0)
    for tab in range(people.editor.tabs.count()):
        people.editor.tabs.setCurrentIndex(tab)
        bad = latin_only(visible_texts(window), demo_data_texts)
        if bad:
            problems[f"people tab {tab}"] = bad
    orgs = window.show_section("organizations")
    orgs.select_row(0)  # type: ignore[attr-defined]
    if bad := latin_only(visible_texts(window), demo_data_texts):
        problems["organization"] = bad
    assert problems == {}


def test_dialogs_in_arabic_show_no_latin_only_text(window: MainWindow, db) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.duplicates import find_similar_people
    from desktop_app.services.registry import PersonData

    people = window.show_section("people")
    assert isinstance(people, PeoplePage)
    dialog = DuplicateDialog(find_similar_people(db, PersonData("هانى ابراهيم", phone="01001234567")), window)
    dialog.show()
    texts = visible_texts(dialog) + [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert latin_only(texts, set()) == []
    dialog.close()
    box, _save, _discard = people.editor.unsaved_changes_box()
    box.show()
    assert latin_only(visible_texts(box) + [box.text()], set()) == []
    box.close()
