"""Templates: the schema, checking on save and import, versions a certificate keeps, export and import
into another database printing the same pages, PDF backgrounds."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select, update

from desktop_app import clock
from desktop_app.db import Database, open_database
from desktop_app.errors import DataError, NotFoundError, ValidationError
from desktop_app.models import AttendanceStatus, Certificate, Organization, Template, TrainingCoOrganizer
from desktop_app.pdf import template as engine
from desktop_app.services import certificates as certs
from desktop_app.services import templates as tpl
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.demo import load_demo
from tests.pdf.legacy_inputs import page_runs, png

BUILTINS = [
    "formal",
    "formal-bilingual",
    "modern",
    "modern-bilingual",
    "minimal",
    "minimal-bilingual",
    "badge",
    "card",
]


def _everyone_attended(db: Database) -> int:
    """The demo programme, held three days ago; every participant attended both days."""
    load_demo(db, clock.today() - dt.timedelta(days=3))
    grid = attendance_grid(db, 1)
    for row in grid.rows:
        for sid, _date in grid.sessions:
            set_status(db, row.enrollment_id, sid, AttendanceStatus.PRESENT)
    return 1


def _give_co_organizer_a_logo(db: Database) -> None:
    with db.session_scope() as tx:
        org_id = tx.scalar(
            select(TrainingCoOrganizer.organization_id).where(TrainingCoOrganizer.training_id == 1).limit(1)
        )
        assert org_id is not None
        tx.execute(
            update(Organization).where(Organization.id == org_id).values(logo=png(240, 200, "#335577"))
        )


# ---------------------------------------------------------------- the schema


def test_the_schema_is_a_valid_schema_and_every_builtin_template_passes_it() -> None:
    Draft202012Validator.check_schema(tpl.schema())
    for name in BUILTINS:
        document = engine.builtin_document(name)
        tpl.check_document(document)  # raises on any problem
        assert document["kind"] == ("badge" if name in ("badge", "card") else "certificate")


def test_every_builtin_template_has_its_row_with_a_fixed_number(db: Database) -> None:
    rows = tpl.list_templates(db)
    assert [(r.id, r.builtin) for r in rows] == [(n, True) for n in range(1, 9)]
    with db.session_scope() as tx:
        assert [t.builtin for t in tx.scalars(select(Template).order_by(Template.id))] == BUILTINS


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format_version=2), "newer version of Tashbeek"),
        (lambda d: d.update(format="something-else"), "not a Tashbeek template"),
        (lambda d: d["page"].update(size="A3"), "page/size"),
        (lambda d: d["elements"][0].update(x="left"), "elements/0/x"),
        (lambda d: d["elements"][0].update(colour="#ffffff"), "elements/0"),
        (lambda d: d["elements"].append(dict(d["elements"][0])), "share the id"),
    ],
)
def test_a_damaged_or_newer_document_is_refused_with_a_clear_message(change: Any, message: str) -> None:
    document = copy.deepcopy(engine.builtin_document("formal"))
    change(document)
    with pytest.raises(DataError, match=message):
        tpl.check_document(document)


@pytest.mark.parametrize("text", ["{person.nickname}", "{name}", "تشهد {training.titel} بأن"])
def test_an_unknown_placeholder_is_refused_when_the_template_is_saved(db: Database, text: str) -> None:
    new_id = tpl.copy_template(db, "formal", "قالبي")
    document = tpl.document_of(db, new_id)
    issuer = next(e for e in document["elements"] if e["id"] == "issuer")
    issuer["text"] = text
    with pytest.raises(ValidationError, match="placeholder this version does not know"):
        tpl.save_template(db, new_id, document)
    assert tpl.document_of(db, new_id)["version"] == 1  # nothing was saved


def test_saving_makes_a_new_version_and_a_builtin_template_is_never_changed(db: Database) -> None:
    with pytest.raises(ValidationError, match="built-in"):
        tpl.save_template(db, 1, copy.deepcopy(engine.builtin_document("formal")))
    new_id = tpl.copy_template(db, 1)
    assert tpl.document_of(db, new_id)["name"] == "رسمي بإطار (copy)"
    document = tpl.document_of(db, new_id)
    document["elements"][0]["x"] += 5
    assert tpl.save_template(db, new_id, document) == new_id
    row = next(r for r in tpl.list_templates(db) if r.id == new_id)
    assert (row.version, row.builtin, row.kind) == (2, False, "certificate")
    with pytest.raises(ValidationError, match="already called"):
        tpl.save_template(db, new_id, {**document, "name": "بسيط"})
    with pytest.raises(NotFoundError):
        tpl.copy_template(db, "no such template")


# ---------------------------------------------------------------- a certificate keeps its template


def _move(document: dict[str, Any], element_id: str, dx: float = 0.0, dy: float = 0.0) -> None:
    element = next(e for e in document["elements"] if e["id"] == element_id)
    element["x"] += dx
    element["y"] += dy


def test_a_certificate_keeps_the_template_version_it_was_issued_with(db: Database, tmp_path: Path) -> None:
    training_id = _everyone_attended(db)
    mine = tpl.copy_template(db, "modern", "حديث معدل")
    tpl.set_training_template(db, training_id, mine)
    issued = certs.issue_certificates(db, training_id).issued
    assert len(issued) == 52
    first = tmp_path / "first.pdf"
    certs.print_certificates(db, training_id, first)
    with db.session_scope() as tx:
        kept = {(c.template_id, c.template_version) for c in tx.scalars(select(Certificate))}
    assert kept == {(mine, 1)}
    # The template moves on: the name goes 30 mm down. The issued certificates do not move.
    document = tpl.document_of(db, mine)
    _move(document, "name", dy=30)
    tpl.save_template(db, mine, document)
    again = tmp_path / "again.pdf"
    certs.print_certificates(db, training_id, again)
    assert page_runs(again) == page_runs(first)
    # For this run only, another template: the pages change, the certificates still keep theirs.
    other = tmp_path / "other.pdf"
    certs.print_certificates(db, training_id, other, template="minimal")
    assert page_runs(other)[0]["runs"] != page_runs(first)[0]["runs"]
    with db.session_scope() as tx:
        assert {(c.template_id, c.template_version) for c in tx.scalars(select(Certificate))} == kept


def test_certificates_issued_before_templates_print_with_the_formal_template(
    db: Database, tmp_path: Path
) -> None:
    training_id = _everyone_attended(db)
    certs.issue_certificates(db, training_id)
    before = tmp_path / "before.pdf"
    certs.print_certificates(db, training_id, before)
    with db.session_scope() as tx:  # as a database from before templates has them
        tx.execute(update(Certificate).values(template_id=None, template_version=None))
    after = tmp_path / "after.pdf"
    certs.print_certificates(db, training_id, after)
    assert page_runs(after) == page_runs(before)


# ---------------------------------------------------------------- export and import


def _designed(db: Database) -> int:
    """A template made from the formal one: the name moved, a co-organizer's logo and a picture added."""
    mine = tpl.copy_template(db, "formal", "شهادة الشركاء")
    document = tpl.document_of(db, mine)
    _move(document, "body", dy=8)
    picture = png(300, 120, "#aa3355")
    document["elements"].append(
        {"id": "partner_logo", "type": "image", "x": 125, "y": 150, "width": 40, "height": 18,
         "source": "co_organizer", "position": 1}
    )  # fmt: skip
    document["elements"].append(
        {"id": "stamp", "type": "image", "x": 20, "y": 150, "width": 30, "height": 12, "source": "asset",
         "asset": engine.digest(picture)}
    )  # fmt: skip
    tpl.save_template(db, mine, document, {engine.digest(picture): ("image/png", picture)})
    return mine


def _print_52(db: Database, template: int, out: Path) -> list[dict[str, Any]]:
    tpl.set_training_template(db, 1, template)
    assert len(certs.issue_certificates(db, 1).issued) == 52
    certs.print_certificates(db, 1, out)
    return page_runs(out)


def _without_serials(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Serials differ from one database to another (each has its installation tag)."""
    return [
        {"runs": [run for run in page["runs"] if "TSH-" not in run[0]], "images": page["images"]}
        for page in pages
    ]


def test_an_exported_template_prints_the_same_pages_in_another_database(db: Database, tmp_path: Path) -> None:
    _everyone_attended(db)
    _give_co_organizer_a_logo(db)
    mine = _designed(db)
    here = _print_52(db, mine, tmp_path / "here.pdf")
    exported = tpl.export_template(db, mine, tmp_path / "partners.json")
    with pytest.raises(Exception, match="exists|already"):
        tpl.export_template(db, mine, exported)
    other = open_database(tmp_path / "other.sqlite", create=True)
    try:
        _everyone_attended(other)
        _give_co_organizer_a_logo(other)
        imported = tpl.import_template(other, exported)
        assert imported == 9 and tpl.document_of(other, imported)["name"] == "شهادة الشركاء"
        there = _print_52(other, imported, tmp_path / "there.pdf")
        again = tpl.import_template(other, exported)
        assert tpl.document_of(other, again)["name"] == "شهادة الشركاء (2)"
        named = tpl.import_template(other, exported, name="Partners")
        assert tpl.document_of(other, named)["name"] == "Partners"
    finally:
        other.dispose()
    assert len(here) == 52
    assert _without_serials(there) == _without_serials(here)
    # The organization's logo, the co-organizer's in the formal place and in the new one, two
    # signatures, the stamp.
    assert len(here[0]["images"]) == 6


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d.update(format_version=7), "newer version"),
        (lambda d: d["assets"].update({next(iter(d["assets"])): {"media_type": "image/png", "b64": "AAAA"}}),
         "damaged"),
        (lambda d: d.pop("assets"), "missing from the file"),
        (lambda d: next(e for e in d["elements"] if e["id"] == "issuer").update(text="{person.shoe_size}"),
         "does not know"),
    ],
)  # fmt: skip
def test_a_bad_template_file_is_refused_and_nothing_is_written(
    db: Database, tmp_path: Path, spoil: Any, message: str
) -> None:
    mine = _designed(db)
    exported = tpl.export_template(db, mine, tmp_path / "t.json")
    document = json.loads(exported.read_text("utf-8"))
    spoil(document)
    exported.write_text(json.dumps(document), "utf-8")
    count = len(tpl.list_templates(db))
    with pytest.raises((DataError, ValidationError), match=message):
        tpl.import_template(db, exported)
    assert len(tpl.list_templates(db)) == count
    (tmp_path / "junk.json").write_bytes(b"\xff\xfe not json")
    with pytest.raises(DataError, match="not a Tashbeek template"):
        tpl.import_template(db, tmp_path / "junk.json")


# ---------------------------------------------------------------- backgrounds


def test_a_pdf_background_is_put_under_every_page(db: Database, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(842, 595))
    canvas.setFillColorRGB(0.85, 0.93, 0.88)
    canvas.rect(0, 0, 842, 595, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawString(20, 20, "BACKGROUND-MARK")
    canvas.showPage()
    canvas.save()
    background = buffer.getvalue()
    training_id = _everyone_attended(db)
    mine = tpl.copy_template(db, "minimal")
    document = tpl.document_of(db, mine)
    document["background"] = {"type": "pdf", "asset": engine.digest(background)}
    tpl.save_template(db, mine, document, {engine.digest(background): ("application/pdf", background)})
    tpl.set_training_template(db, training_id, mine)
    certs.issue_certificates(db, training_id)
    out = tmp_path / "bg.pdf"
    certs.print_certificates(db, training_id, out)
    import pypdf

    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 52
    for page in (reader.pages[0], reader.pages[51]):
        assert "BACKGROUND-MARK" in page.extract_text()
    from tests.pdf import pdftools

    if pdftools.have_poppler():
        image = Image.open(pdftools.render_page(out, 20, tmp_path, 2)).convert("RGB")
        assert image.getpixel((3, 3)) != (255, 255, 255)  # the green of the background, at the corner


def test_a_picture_that_is_not_an_image_is_refused(db: Database) -> None:
    mine = tpl.copy_template(db, "minimal")
    document = tpl.document_of(db, mine)
    fake = b"\x89PNG\r\n\x1a\n" + b"not really"
    document["background"] = {"type": "image", "asset": engine.digest(fake)}
    with pytest.raises(DataError, match="cannot be read"):
        tpl.save_template(db, mine, document, {engine.digest(fake): ("image/png", fake)})


# ---------------------------------------------------------------- the designer's checks


def test_builtin_templates_raise_no_warning_for_the_demo_and_print_the_hostile_sample(db: Database) -> None:
    load_demo(db)
    for kind in ("certificate", "badge"):
        samples = certs.design_samples(db, 1, kind)
        assert (
            len(samples.people) == 57 and samples.longest() is not None
        )  # 52 participants, 5 trainers and staff
        for row in tpl.list_templates(db, kind):
            document = tpl.document_of(db, row.id)
            pages = [page for _id, _name, page in samples.people]
            assert tpl.design_warnings(document, {}, pages, samples.batch) == [], row.name_en
            preview = tpl.render_preview(document, {}, samples.hostile_batch, samples.hostile)
            assert preview.pdf.startswith(b"%PDF") and preview.problems == [], row.name_en


def test_warnings_name_the_element_and_the_people_it_fails_for(db: Database) -> None:
    load_demo(db)
    samples = certs.design_samples(db, 1)
    document = copy.deepcopy(engine.builtin_document("modern"))
    name = next(e for e in document["elements"] if e["id"] == "name")
    name.update(width=25, min_size=18)  # too narrow for most names
    qr = next(e for e in document["elements"] if e["id"] == "qr")
    qr["x"] = -5  # off the page's edge
    longest = samples.longest()
    assert longest is not None
    warnings = tpl.design_warnings(document, {}, [page for _id, _name, page in samples.people], samples.batch)
    assert any(w.startswith("qr is outside the printable area") for w in warnings)
    refused = next(w for w in warnings if w.startswith("name cannot be printed for:"))
    assert longest.label in refused and "other people" in refused  # named, then "and N other people"
    preview = tpl.render_preview(document, {}, samples.batch, longest)
    assert preview.problems and longest.label in preview.problems[0]  # drawn without it, and said so


def test_a_package_of_a_training_with_its_own_template_imports_into_a_new_database(
    db: Database, tmp_path: Path
) -> None:
    """Template numbers are this database's: a package leaves them out (the templates travel by uid in
    their own member), so the venue database takes the training and its certificates without a
    foreign key to a template it does not have, and the training prints with the office's template."""
    from desktop_app.services.packages import export_package, read_package
    from desktop_app.services.sync import import_into_new_database

    training_id = _everyone_attended(db)
    mine = tpl.copy_template(db, "modern", "قالب المكتب")
    tpl.set_training_template(db, training_id, mine)
    certs.issue_certificates(db, training_id)
    export_package(db, training_id, tmp_path / "p.zip")
    import_into_new_database(tmp_path / "venue.sqlite", read_package(tmp_path / "p.zip"))
    venue = open_database(tmp_path / "venue.sqlite")
    try:
        assert tpl.training_templates(venue, 1)[0].name == "قالب المكتب"
        with venue.session_scope() as tx:
            assert {c.template_id for c in tx.scalars(select(Certificate))} == {None}
        certs.print_certificates(venue, 1, tmp_path / "venue.pdf")
    finally:
        venue.dispose()
