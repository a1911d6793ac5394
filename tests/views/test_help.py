"""Help on every screen: a "?" button with a tooltip and F1 on each section and main dialog open that
screen's page in the window's language; every page exists in both languages, says something, links
only to pages that exist, opens with no network, and ships in the wheel."""

from __future__ import annotations

import html.parser
import re
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QToolButton, QWidget

from desktop_app.assets import resource_path
from desktop_app.views.dialogs.help import INDEX, SCREENS, HelpDialog, help_file
from desktop_app.views.main_window import SECTIONS, MainWindow
from tests.views.conftest import settle

pytestmark = pytest.mark.gui


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []
        self.dir = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "html":
            self.dir = values.get("dir") or ""

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_screen_of_the_window_has_a_help_page() -> None:
    assert set(SECTIONS) <= set(SCREENS)
    assert {"import", "certificate", "training", "person", "designer"} <= set(SCREENS)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_page_exists_says_something_and_links_to_pages_that_exist(language: str) -> None:
    folder = resource_path("help", language)
    names = {path.stem for path in folder.glob("*.html")}
    assert names == {*SCREENS, INDEX}  # both languages have the same pages, and no stray ones
    for screen in (*SCREENS, INDEX):
        page = _parse(help_file(screen, language))
        words = " ".join(page.text).split()
        assert len(words) >= 30 if screen != INDEX else len(words) >= 15, screen
        assert page.dir == ("rtl" if language == "ar" else "ltr")
        arabic = sum(1 for w in words if re.search("[\u0600-\u06ff]", w))
        if language == "ar":
            assert arabic > len(words) / 2, screen
        else:
            assert arabic == 0, screen
        for link in page.links:
            assert not re.match(r"[a-z]+:", link), (screen, link)  # no web addresses: the app is offline
            assert (folder / link.split("#")[0]).is_file(), (screen, link)
    index = _parse(help_file(INDEX, language))
    assert {link.removesuffix(".html") for link in index.links} == set(SCREENS)


def _help(widget: QWidget) -> HelpDialog | None:
    found = widget.window().findChildren(HelpDialog)
    return found[-1] if found else None


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_question_mark_and_f1_open_each_sections_page(make_window: Callable[..., MainWindow], qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    window = make_window(language=language)
    button = window.help_button
    assert isinstance(button, QToolButton) and button.toolTip() and "F1" in button.toolTip()
    for section in SECTIONS:
        window.show_section(section)
        settle()
        button.click()
        dialog = _help(window)
        assert dialog is not None and dialog.isVisible()
        assert dialog.screen_name == section
        assert dialog.browser.toPlainText().strip()
        assert (dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft) is (language == "ar")
        dialog.close()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
        QTest.keyClick(window.stack.currentWidget(), Qt.Key.Key_F1)
        assert dialog.isVisible() and dialog.screen_name == section
        dialog.close()
    # The person form has its own page: its "?" and F1 while typing in it.
    people = window.show_section("people")
    people.new_record()
    people.editor.help_button.click()
    assert _help(window).screen_name == "person"  # type: ignore[union-attr]
    _help(window).close()  # type: ignore[union-attr]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    focus = next(w for w in people.editor.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                 and w.isVisible() and w.metaObject().className() == "QLineEdit")  # fmt: skip
    focus.setFocus()
    QTest.keyClick(focus, Qt.Key.Key_F1)
    assert _help(window).screen_name == "person"  # type: ignore[union-attr]


def _dialogs(window: MainWindow, tmp_path: Path) -> dict[str, QDialog]:
    from desktop_app.views.certificate_dialog import CertificateDesignDialog
    from desktop_app.views.dialogs.walk_in import WalkInDialog
    from desktop_app.views.import_dialog import ImportDialog
    from desktop_app.views.template_designer import TemplateDesigner
    from desktop_app.views.training_dialogs import TrainingDialog

    context = window.context
    sheet = tmp_path / "people.csv"
    sheet.write_text("الاسم,الهاتف\nمريم علي,0791234567\n", encoding="utf-8")
    trainings = window.show_section("trainings")
    return {
        "import": ImportDialog(context, sheet, "people", window),
        "certificate": CertificateDesignDialog(context, 1, window),
        "training": TrainingDialog(context, trainings.current(), window),  # type: ignore[attr-defined]
        "person": WalkInDialog(context, "زائرة", window),
        "designer": TemplateDesigner(context, 1, "certificate", window),
    }


def test_each_main_dialog_has_its_question_mark_and_f1(window: MainWindow, qtbot, answers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for screen, dialog in _dialogs(window, tmp_path).items():
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)
        buttons = [b for b in dialog.findChildren(QToolButton, "helpButton") if b.isVisible()]
        assert len(buttons) == 1 and "F1" in buttons[0].toolTip(), screen
        buttons[0].click()
        viewer = dialog.findChild(HelpDialog)
        assert viewer is not None and viewer.isVisible() and viewer.screen_name == screen
        viewer.close()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow, timeout=10_000)
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_F1)
        assert viewer.isVisible() and viewer.screen_name == screen, screen
        viewer.close()
        dialog.close()
        settle()


def test_links_open_the_other_pages_and_nothing_reaches_the_network(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the help viewer tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    dialog = HelpDialog(window, "ar")
    dialog.show_screen("documents")
    assert "الشهادات" in dialog.browser.toPlainText()
    dialog.anchor_clicked(dialog.browser.source().resolved("certificate.html"))  # type: ignore[arg-type]
    assert dialog.screen_name == "certificate" and "الموقّعين" in dialog.browser.toPlainText()
    dialog.browser.backward()
    assert dialog.browser.source().fileName() == "documents.html"
    before = dialog.browser.source()
    from PySide6.QtCore import QUrl

    dialog.anchor_clicked(QUrl("https://example.org/"))  # a web address is not followed
    assert dialog.browser.source() == before
    dialog.show_screen(INDEX)
    assert dialog.browser.toPlainText().count("\n") >= len(SCREENS)
    # 1024×600: the viewer fits, and can be made smaller still.
    assert dialog.width() <= 1024 and dialog.height() <= 560
    assert dialog.minimumWidth() <= 400 and dialog.isSizeGripEnabled()
    dialog.close()


def test_the_pages_ship_in_the_wheel(tmp_path: Path) -> None:
    """The wheel force-includes resources/ as desktop_app/resources (where assets.resources_dir looks),
    help pages included; with hatchling at hand the wheel is built and its files listed."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    wheel_config = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel_config["force-include"]["resources"] == "desktop_app/resources"
    assert not any("help" in pattern for pattern in wheel_config.get("exclude", []))
    pytest.importorskip("hatchling")  # building needs the backend; pip would fetch it from the network
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(root)], check=True, timeout=600)  # fmt: skip
    wheel = next(tmp_path.glob("tashbeek-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in ("ar", "en"):
        for screen in (*SCREENS, INDEX):
            assert f"desktop_app/resources/help/{language}/{screen}.html" in names
