"""The People screen's filters, count and "export list": the issue's question — women under 25
from Giza who took part in training X — asked in the window, counted, and exported to .xlsx, .csv
and .vcf, the files read back."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.people import PeoplePage
from tests.services.test_people_filters import PEOPLE, _parse_vcards, _unescape, scenario
from tests.views.conftest import Answers, settle

__all__ = ["scenario"]  # the fixture, shared with the service tests
QUESTION = {PEOPLE[k][0] for k in ("yes_23", "yes_nid", "yes_24", "yes_17")}


def _people_page(window: MainWindow) -> PeoplePage:
    page = window.show_section("people")
    assert isinstance(page, PeoplePage)
    return page


def _listed(page: PeoplePage) -> set[str]:
    while page.model.canFetchMore():
        page.model.fetchMore()
    return {page.model.index(row, 0).data() for row in range(page.model.rowCount())}


def _ask_the_question(page: PeoplePage, training_id: int) -> None:
    page.governorate_filter.set_value("21")
    page.more_button.click()
    assert page.more.isVisible()
    page.gender_filter.setCurrentIndex(page.gender_filter.findData("female"))
    page.age_actions["under_18"].trigger()
    page.age_actions["18_24"].trigger()
    page.training_filter.set_value(training_id)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_women_under_25_from_giza_who_took_part_in_training_x(
    make_window: Callable[..., MainWindow], scenario: dict[str, int], answers: Answers,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str,
) -> None:  # fmt: skip
    page = _people_page(make_window(demo=False, language=language))
    assert page.count_label.text() == ("10 أشخاص" if language == "ar" else "10 people")
    assert not page.clear_button.isEnabled()
    _ask_the_question(page, scenario["X"])
    assert _listed(page) == QUESTION
    assert page.count_label.text() == ("4 أشخاص" if language == "ar" else "4 people")
    assert page.more_button.text().endswith("(4)")  # governorate, gender, age, training
    assert "18" in page.age_button.full_text and "25" not in page.age_button.full_text

    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (chosen[-1], "")))
    for name in ("women.xlsx", "women.csv", "women.vcf"):
        chosen.append(str(tmp_path / name))
        page.export_button.click()
        settle()
    sheet = openpyxl.load_workbook(tmp_path / "women.xlsx").active
    assert sheet is not None
    assert {row[0] for row in list(sheet.iter_rows(values_only=True))[1:]} == QUESTION
    with open(tmp_path / "women.csv", encoding="utf-8-sig", newline="") as f:
        assert {row[0] for row in list(csv.reader(f))[1:]} == QUESTION
    cards = _parse_vcards((tmp_path / "women.vcf").read_bytes())
    assert {_unescape(c["FN"][0][1]) for c in cards} == QUESTION - {PEOPLE["yes_nid"][0]}
    said = answers.seen[-1]
    if language == "en":
        assert "3 contacts written" in said and "1 left out: no consent to share contacts." in said
    else:
        assert "3 جهات اتصال" in said and "لم يوافق" in said

    page.clear_filters()
    assert page.count_label.text() == ("10 أشخاص" if language == "ar" else "10 people")
    assert not page.clear_button.isEnabled() and page.age_button.full_text == page.tr("Any age")


def test_each_change_of_a_filter_updates_the_count(
    make_window: Callable[..., MainWindow], scenario: dict[str, int]
) -> None:
    page = _people_page(make_window(demo=False))
    page.more_button.click()
    counts: list[str] = []
    page.consent_filter.setCurrentIndex(page.consent_filter.findData(False))
    counts.append(page.count_label.text())
    page.consent_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("union"))
    counts.append(page.count_label.text())
    page.age_actions["unknown"].trigger()
    counts.append(page.count_label.text())
    assert counts == ["شخص واحد", "شخص واحد", "لا أحد"]  # no consent; a union's; and of unknown age: none
    assert _listed(page) == set()
