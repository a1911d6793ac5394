"""Templates travel in venue packages: the training's certificate and badge templates go in the
"templates" member (a built-in one by its key, one made by a user whole, pictures inside), are checked
on import like every other record (schema, placeholders, pictures, limits), and the venue prints with
them; a package from before templates travelled still imports, printing with the venue's default."""

from __future__ import annotations

import base64
import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app import clock
from desktop_app.db import Database, open_database
from desktop_app.models import AttendanceStatus, Certificate
from desktop_app.pdf import template as engine
from desktop_app.services import certificates as certs
from desktop_app.services import templates as tpl
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import PackageRefused, export_package, read_package
from desktop_app.services.sync import import_into_new_database, import_package
from tests.pdf.legacy_inputs import page_runs, png
from tests.services.package_files import read_data, write_v2


def _held(db: Database) -> int:
    """The demo programme, held three days ago; every participant attended both days."""
    load_demo(db, clock.today() - dt.timedelta(days=3))
    grid = attendance_grid(db, 1)
    for row in grid.rows:
        for sid, _date in grid.sessions:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)
    return 1


def _office_template(db: Database, training_id: int) -> int:
    """A template of the office's own: the name moved, a partner's logo added (a picture it carries)."""
    document = copy.deepcopy(engine.builtin_document("modern"))
    document["name"] = "قالب المكتب"
    document.pop("name_en", None)
    name = next(e for e in document["elements"] if e["id"] == "name")
    name["y"] = float(name["y"]) + 6
    logo = png(240, 200, "#335577")
    digest = engine.digest(logo)
    document["elements"].append({"id": "partner", "type": "image", "source": "asset", "asset": digest,
                                 "x": 20, "y": 20, "width": 25, "height": 20})  # fmt: skip
    template_id = tpl.save_template(db, None, document, {digest: ("image/png", logo)})
    tpl.set_training_template(db, training_id, template_id)
    tpl.set_training_template(db, training_id, "card", "badge")
    return template_id


def test_a_package_carries_the_training_templates_and_the_venue_prints_with_them(
    db: Database, tmp_path: Path
) -> None:
    training_id = _held(db)
    mine = _office_template(db, training_id)
    export_package(db, training_id, tmp_path / "p.zip")
    import_into_new_database(tmp_path / "venue.sqlite", read_package(tmp_path / "p.zip"))
    venue = open_database(tmp_path / "venue.sqlite")
    try:
        certificate_template, badge_template = tpl.training_templates(venue, 1)
        assert certificate_template.name == "قالب المكتب" and not certificate_template.builtin
        assert badge_template.name == tpl.training_templates(db, training_id)[1].name  # the built-in card
        here, there = tpl.document_of(db, mine), tpl.document_of(venue, certificate_template.id)
        assert {k: v for k, v in there.items() if k != "version"} == {k: v for k, v in here.items() if k != "version"}
        assert tpl.template_assets(venue, there) == tpl.template_assets(db, here)  # the picture came too
        # The venue issues and prints with it: the same page, text and pictures in the same places.
        certs.issue_certificates(db, training_id)
        certs.issue_certificates(venue, 1)
        with venue.session_scope() as tx:
            assert {c.template_id for c in tx.scalars(select(Certificate))} == {certificate_template.id}
        certs.print_certificates(db, training_id, tmp_path / "office.pdf")
        certs.print_certificates(venue, 1, tmp_path / "venue.pdf")
        office_pages, venue_pages = page_runs(tmp_path / "office.pdf"), page_runs(tmp_path / "venue.pdf")
        assert len(office_pages) == len(venue_pages) > 0
        for office_page, venue_page in zip(office_pages, venue_pages, strict=True):
            assert venue_page["images"] == office_page["images"]
            # Serials and codes are each installation's own; everything else is the same page.
            office_runs = [r for r in office_page["runs"] if "TSH" not in r[0] and not r[0][:1].isdigit()]
            venue_runs = [r for r in venue_page["runs"] if "TSH" not in r[0] and not r[0][:1].isdigit()]
            assert [r[1] for r in venue_runs] == [r[1] for r in office_runs]
    finally:
        venue.dispose()


def test_importing_the_same_templates_again_changes_nothing_and_a_changed_one_is_a_new_version(
    db: Database, tmp_path: Path
) -> None:
    training_id = _held(db)
    mine = _office_template(db, training_id)
    export_package(db, training_id, tmp_path / "p1.zip")
    import_into_new_database(tmp_path / "venue.sqlite", read_package(tmp_path / "p1.zip"))
    venue = open_database(tmp_path / "venue.sqlite")
    try:
        at_venue = tpl.training_templates(venue, 1)[0]
        assert at_venue.version == 1
        # The office moves the name again and sends a new package: the venue's copy gets version 2.
        document = tpl.document_of(db, mine)
        next(e for e in document["elements"] if e["id"] == "name")["x"] = 30
        tpl.save_template(db, mine, document)
        export_package(db, training_id, tmp_path / "p2.zip")
        import_package(venue, read_package(tmp_path / "p2.zip"))
        again = tpl.training_templates(venue, 1)[0]
        assert (again.id, again.version) == (at_venue.id, 2)
        assert next(e for e in tpl.document_of(venue, again.id)["elements"] if e["id"] == "name")["x"] == 30
        # The venue's package back at the office: the office's template is left as it is.
        export_package(venue, 1, tmp_path / "back.zip")
        import_package(db, read_package(tmp_path / "back.zip"))
        assert tpl.training_templates(db, training_id)[0].id == mine
        assert tpl.training_templates(db, training_id)[0].version == 2
    finally:
        venue.dispose()


def test_a_package_from_before_templates_travelled_still_imports(db: Database, tmp_path: Path) -> None:
    training_id = _held(db)
    _office_template(db, training_id)
    export_package(db, training_id, tmp_path / "p.zip")
    manifest, data = read_data(tmp_path / "p.zip")
    del data["templates"]
    write_v2(tmp_path / "old.zip", manifest, data)
    import_into_new_database(tmp_path / "venue.sqlite", read_package(tmp_path / "old.zip"))
    venue = open_database(tmp_path / "venue.sqlite")
    try:
        assert [t.id for t in tpl.training_templates(venue, 1)] == [
            tpl.default_template(venue, "certificate"), tpl.default_template(venue, "badge")
        ]
    finally:
        venue.dispose()


def _tampered(db: Database, tmp_path: Path, change: Any) -> Path:
    training_id = _held(db)
    _office_template(db, training_id)
    export_package(db, training_id, tmp_path / "p.zip")
    manifest, data = read_data(tmp_path / "p.zip")
    change(data["templates"])
    return write_v2(tmp_path / "bad.zip", manifest, data)


def _unknown_placeholder(records: list[dict[str, Any]]) -> None:
    text = next(e for e in records[0]["document"]["elements"] if e["type"] == "text")
    text["text"] = "{person.salary}"


def _damaged_picture(records: list[dict[str, Any]]) -> None:
    item = next(iter(records[0]["document"]["assets"].values()))
    item["b64"] = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"not really").decode("ascii")


def _newer_format(records: list[dict[str, Any]]) -> None:
    records[0]["document"]["format_version"] = 99


def _unknown_builtin(records: list[dict[str, Any]]) -> None:
    records[1]["builtin"] = "../../etc/passwd"


def _badge_for_certificates(records: list[dict[str, Any]]) -> None:
    records[1]["use"] = "certificate"


@pytest.mark.parametrize(
    ("change", "field_name", "words"),
    [
        (_unknown_placeholder, "document", "person.salary"),
        (_damaged_picture, "document", "picture"),
        (_newer_format, "document", "newer"),
        (_unknown_builtin, "builtin", "built-in"),
        (_badge_for_certificates, "use", "same value"),
    ],
)
def test_a_bad_template_in_a_package_refuses_it_naming_the_record_and_field(
    db: Database, tmp_path: Path, change: Any, field_name: str, words: str
) -> None:
    path = _tampered(db, tmp_path, change)
    with pytest.raises(PackageRefused) as refused:
        read_package(path)
    problems = [p for p in refused.value.problems if p.table == "templates"]
    assert problems, refused.value.message
    assert problems[0].field == field_name and words in problems[0].message
    assert "template" in problems[0].text()
    assert not (tmp_path / "venue.sqlite").exists()


def test_too_many_template_records_are_refused_before_they_are_read(db: Database, tmp_path: Path) -> None:
    path = _tampered(db, tmp_path, lambda records: records.extend(copy.deepcopy(records) * 2))
    with pytest.raises(Exception, match="templates"):
        read_package(path)
