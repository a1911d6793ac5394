"""The partner network section (Ctrl+0): the map drawn from the service's layout, its figures, the
lists of agreements, initiatives, meetings and action items, and Home's follow-up rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QGraphicsEllipseItem, QScrollArea

from desktop_app.services import actions, network
from desktop_app.views.main_window import MainWindow
from tests.views.conftest import settle


def _network_page(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    page = window.show_section("network")
    qtbot.waitUntil(lambda: page.map.result is not None, timeout=20_000)
    return page


def test_the_map_draws_every_organization_and_a_click_opens_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _network_page(window, qtbot)
    expected = network.network(window.context.db)
    circles = [i for i in page.map.scene.items() if isinstance(i, QGraphicsEllipseItem)]
    assert {c.data(0) for c in circles} == {n.id for n in expected.nodes}
    assert len(page.map.lists["most"]) == len(expected.most_connected)
    assert page.map.list.count() == len(expected.new_links)
    assert str(len(expected.nodes)) in page.map.summary.text()
    opened: list[int] = []
    page.open_organization.connect(opened.append)
    first = expected.nodes[0]
    view = page.map.view
    point = view.mapFromScene(QPointF(first.x * 1000, first.y * 1000))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened and opened[0] in {n.id for n in expected.nodes}


def test_the_lists_show_the_demo_story_and_mark_done(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = _network_page(window, qtbot)
    page.show_tab("actions")
    overdue = actions.overdue_actions(window.context.db)
    assert len(overdue) == 1
    row = next(r for r in range(page.action_items.rowCount()) if page.action_items.item(r, 1).text() == overdue[0].title)
    page.action_items.setCurrentCell(row, 1)
    page.mark_done()
    assert actions.overdue_actions(window.context.db) == []
    assert page.agreements.rowCount() == 2 and page.initiatives.rowCount() == 1
    assert page.meetings.rowCount() == 7


def test_home_shows_the_follow_up(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = window.page("home")
    home.refresh()
    texts = [home.follow_up_box.itemAt(n).widget().text() for n in range(home.follow_up_box.count())]
    assert any("مذكرة تفاهم" in t for t in texts)  # the memorandum ending within 60 days
    assert any("زيارات ميدانية" in t for t in texts)  # the overdue action item
    seen: list[str] = []
    home.open_network.disconnect()  # what the row asks for, without leaving Home
    home.open_network.connect(seen.append)
    home.follow_up_box.itemAt(len(texts) - 1).widget().click()
    assert seen == ["actions"]
    _settle(qtbot)


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let work started on the runner (this month's figures, a PDF) finish before the window goes."""
    qtbot.wait(50)
    settle()


def test_export_png_and_pdf(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _network_page(window, qtbot)
    for suffix in (".png", ".pdf"):
        target = tmp_path / f"network{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), "")))
        page.map.export(suffix)
        qtbot.waitUntil(target.exists, timeout=20_000)
        _settle(qtbot)
        assert target.stat().st_size > 1000


def test_screens_in_both_languages_and_sizes(make_window: Callable[..., MainWindow], qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = Path(__import__("os").environ.get("TASHBEEK_SHOTS", tmp_path))
    for language in ("ar", "en"):
        window = make_window(language=language)
        page = _network_page(window, qtbot)
        for width, height in ((1024, 600), (1920, 1080)):
            window.resize(width, height)
            for tab in ("map", "agreements", "meetings", "actions"):
                page.show_tab(tab)
                qtbot.wait(50)
                assert window.grab().save(str(out / f"network-{tab}-{language}-{width}.png"))
        home = window.show_section("home")
        for width, height in ((1024, 600), (1920, 1080)):
            window.resize(width, height)
            qtbot.wait(50)
            assert window.grab().save(str(out / f"home-{language}-{width}.png"))
            body = home.findChild(QScrollArea).widget()
            assert body.width() <= home.width()  # nothing wider than the page: no sideways scrolling
        home.findChild(QScrollArea).verticalScrollBar().setValue(10_000)
        qtbot.wait(50)
        assert window.grab().save(str(out / f"home-follow-up-{language}.png"))
        _settle(qtbot)
        assert QDialog is not None


def test_ctrl_k_finds_agreements_initiatives_and_meetings(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.views.quick_search import Target

    box = window.quick_search
    box.setText("لمه انسانيه")  # folded: ة/ه and إ/ا are the same letter to a search
    box.update_results()
    targets = [box.results.item(r).data(__import__("desktop_app.views.widgets.roles", fromlist=["x"]).TARGET_ROLE)
               for r in range(box.results.rowCount())]  # fmt: skip
    initiative = next(t for t in targets if isinstance(t, Target) and t.kind == "initiative")
    window.open_target(initiative)
    page = window.pages["network"]
    assert page.tabs.currentWidget() is page.tabs.widget(2) and page.initiatives.currentRow() == 0
    box.setText("بروتوكول تعاون")
    box.update_results()
    assert any(box.results.item(r).text().startswith("بروتوكول") for r in range(box.results.rowCount()))
    _settle(qtbot)


def test_an_organizations_page_has_its_timeline(make_window: Callable[..., MainWindow], qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = Path(__import__("os").environ.get("TASHBEEK_SHOTS", tmp_path))
    for language in ("ar", "en"):
        window = make_window(language=language)
        orgs = window.show_section("organizations")
        orgs.open_record(1)  # the demo's host: organizer of the programme, party to both agreements
        editor = orgs.editor
        texts = [" | ".join(editor.timeline.item(r, c).text() for c in range(4)) for r in range(editor.timeline.rowCount())]
        assert len(texts) >= 10 and any("بروتوكول تعاون" in t for t in texts)
        editor.tabs.setCurrentWidget(editor.timeline)
        for width, height in ((1024, 600), (1920, 1080)):
            window.resize(width, height)
            qtbot.wait(50)
            assert window.grab().save(str(out / f"organization-timeline-{language}-{width}.png"))
        _settle(qtbot)


def test_the_training_page_says_how_many_new_links_it_created(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.attendance import check_in
    from desktop_app.services.demo import participants

    for person in participants()[:6]:
        check_in(window.context.db, 1, person.phone)
    links = network.new_links_of(window.context.db, 1)
    page = window.show_section("trainings")
    page.refresh()
    page.select_training(1)
    assert links.links > 0
    assert f"{links.links}" in page.details.text() and f"{links.organizations}" in page.details.text()
    _settle(qtbot)


def test_a_list_exports_to_excel_from_the_window(window: MainWindow, qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    page = _network_page(window, qtbot)
    target = tmp_path / "actions.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    page.export_table("actions")
    qtbot.waitUntil(target.exists, timeout=20_000)
    _settle(qtbot)
