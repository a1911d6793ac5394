"""`tashbeek templates list|export|import`, `trainings update --template`, and `certificates`/`badges
--template`: the JSON shapes, a name taken gets " (2)", failures as one sentence with the README's exit
codes, nothing written on a refusal."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest

from tests.test_cli import run


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite"
    assert run("--db", str(path), "demo").returncode == 0
    return path


def test_templates_list_names_every_builtin_template(demo: Path) -> None:
    result = run("--db", str(demo), "--lang", "en", "templates", "list", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["id"], r["kind"], r["builtin"]) for r in rows][:2] == [
        (1, "certificate", True),
        (2, "certificate", True),
    ]
    assert {r["kind"] for r in rows} == {"certificate", "badge"} and len(rows) == 8
    assert set(rows[0]) == {"id", "name", "name_en", "kind", "builtin", "version"}
    badges = json.loads(run("--db", str(demo), "templates", "list", "--kind", "badge", "--json").stdout)
    assert [r["id"] for r in badges] == [7, 8]
    text = run("--db", str(demo), "--lang", "en", "templates", "list").stdout.splitlines()
    assert text[0].split("\t") == ["1", "رسمي بإطار", "certificate", "built-in"]


def test_export_import_and_use_a_template_for_a_training(demo: Path, tmp_path: Path) -> None:
    db = ("--db", str(demo), "--lang", "en")
    out = tmp_path / "modern.json"
    result = run(*db, "templates", "export", "modern", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["format"] == "tashbeek-template"
    again = run(*db, "templates", "export", "3", "-o", str(out))
    assert again.returncode != 0 and "--force" in again.stderr  # never replaced without --force
    first = run(*db, "templates", "import", str(out))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "9"  # the built-in "حديث" holds the name: this one is "حديث (2)"
    second = run(*db, "templates", "import", str(out), "--json")
    assert json.loads(second.stdout)["name"] == "حديث (3)" and json.loads(second.stdout)["id"] == 10
    named = run(*db, "templates", "import", str(out), "--name", "Partners", "--json")
    assert json.loads(named.stdout)["name"] == "Partners"
    taken = run(*db, "templates", "import", str(out), "--name", "Partners")
    assert taken.returncode == 1 and "already called Partners" in taken.stderr

    updated = run(*db, "trainings", "update", "1", "--template", "Partners", "--venue", "قاعة ٣", "--json")
    assert updated.returncode == 0, updated.stderr
    document = json.loads(updated.stdout)
    assert document["template"]["name"] == "Partners" and document["venue"] == "قاعة ٣"
    assert document["badge_template"]["id"] == 7
    pdf = tmp_path / "c.pdf"
    issued = run(*db, "certificates", "1", "--person", "2", "--before-end", "-o", str(pdf))
    assert issued.returncode == 0, issued.stderr
    assert pypdf.PdfReader(pdf).pages[0].mediabox.width > pypdf.PdfReader(pdf).pages[0].mediabox.height
    card = tmp_path / "card.pdf"
    badges = run(*db, "badges", "1", "--template", "card", "-o", str(card))
    assert badges.returncode == 0, badges.stderr
    page = pypdf.PdfReader(card).pages[0]
    size = sorted(round(float(v) * 25.4 / 72, 1) for v in (page.mediabox.width, page.mediabox.height))
    assert size == [54.0, 85.6]  # one ID-1 card per page
    wrong = run(*db, "badges", "1", "--template", "formal", "-o", str(tmp_path / "b.pdf"))
    assert wrong.returncode == 1 and "certificate template" in wrong.stderr
    assert not (tmp_path / "b.pdf").exists()
    back = run(*db, "trainings", "update", "1", "--template", "default", "--json")
    assert json.loads(back.stdout)["template"]["id"] == 1


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, 3, "does not exist"),
        (b"{]", 1, "not a Tashbeek template"),
        (json.dumps({"format": "tashbeek-template", "format_version": 9}).encode(), 1, "newer version"),
    ],
)
def test_a_bad_template_file_is_one_sentence_and_nothing_is_imported(
    demo: Path, tmp_path: Path, content: bytes | None, code: int, message: str
) -> None:
    path = tmp_path / "t.json"
    if content is not None:
        path.write_bytes(content)
    result = run("--db", str(demo), "--lang", "en", "templates", "import", str(path))
    assert result.returncode == code and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert len(json.loads(run("--db", str(demo), "templates", "list", "--json").stdout)) == 8


def test_unknown_templates_and_trainings_are_not_found(demo: Path, tmp_path: Path) -> None:
    result = run(
        "--db", str(demo), "--lang", "en", "templates", "export", "nothing", "-o", str(tmp_path / "x.json")
    )
    assert result.returncode == 3 and "No template nothing" in result.stderr
    result = run("--db", str(demo), "--lang", "en", "trainings", "update", "99", "--template", "formal")
    assert result.returncode == 3
    result = run("--db", str(demo), "--lang", "en", "trainings", "update", "1")
    assert result.returncode == 2 and "--template" in result.stderr
