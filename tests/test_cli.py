"""The command line: JSON output, exit codes, languages, and no Qt for anything but the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("TASHBEEK_DB", None) if env is None or "TASHBEEK_DB" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "x.sqlite"
    result = run("--db", str(path), "demo")
    assert result.returncode == 0, result.stderr
    return path


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("tashbeek ")


def test_demo_then_search_by_name_json(demo_db: Path) -> None:
    result = run("--db", str(demo_db), "search", "هانى ابراهيم", "--json")
    assert result.returncode == 0, result.stderr
    people = json.loads(result.stdout)
    assert people[0]["name"] == "هاني إبراهيم"
    assert people[0]["latin_name"] == "Hany Ibrahim"
    assert people[0]["phone"] == "+201001234567"
    assert people[0]["organization"] == "مركز التنمية الاقتصادية والاجتماعية"
    assert {"id", "uid"} <= set(people[0])
    assert "\\u" not in result.stdout  # UTF-8, not escaped


def test_search_by_phone_and_options_after_the_command(demo_db: Path) -> None:
    result = run("search", "+20 100 123 4567", "--json", "--db", str(demo_db), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert [p["name"] for p in json.loads(result.stdout)] == ["هاني إبراهيم"]


def test_search_limit_and_empty_result(demo_db: Path) -> None:
    many = json.loads(run("--db", str(demo_db), "search", "م", "--json", "--limit", "3").stdout)
    assert len(many) == 3
    none = run("--db", str(demo_db), "search", "لا أحد", "--json")
    assert none.returncode == 0 and json.loads(none.stdout) == []


def test_plain_search_output(demo_db: Path) -> None:
    result = run("--db", str(demo_db), "search", "هاني")
    assert result.returncode == 0
    assert "هاني إبراهيم" in result.stdout and "0100 123 4567" in result.stdout


def test_database_from_environment(demo_db: Path) -> None:
    result = run("search", "هاني", "--json", env={"TASHBEEK_DB": str(demo_db)})
    assert result.returncode == 0 and json.loads(result.stdout)


def test_demo_twice_changes_nothing(demo_db: Path) -> None:
    result = run("--db", str(demo_db), "--lang", "en", "demo")
    assert result.returncode == 0
    assert "nothing changed" in result.stdout


def test_missing_database_is_not_created_by_reading(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite"
    result = run("--db", str(path), "search", "x")
    assert result.returncode == 3  # the one thing the command needs is not there
    assert "لا توجد قاعدة بيانات" in result.stderr  # Arabic by default
    assert "tashbeek db init" in result.stderr
    assert "Traceback" not in result.stderr
    assert not path.exists()
    english = run("--db", str(path), "--lang", "en", "db", "check")
    assert english.returncode == 3 and "No database" in english.stderr
    assert not path.exists()


def test_db_check_and_upgrade(demo_db: Path, tmp_path: Path) -> None:
    assert run("--db", str(demo_db), "db", "check").returncode == 0
    assert run("--db", str(demo_db), "db", "upgrade").returncode == 0
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database" * 500)
    result = run("--db", str(garbage), "db", "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_usage_errors_exit_2_in_the_users_language() -> None:
    assert run("bogus").returncode == 2
    missing = run("search")
    assert missing.returncode == 2 and "مطلوبة" in missing.stderr  # Arabic by default
    english = run("--lang", "en", "search")
    assert english.returncode == 2 and "required" in english.stderr
    assert run("search", "x", "--limit", "0").returncode == 2
    assert run("--lang", "fr", "search", "x").returncode == 2


def test_cli_never_imports_qt(demo_db: Path) -> None:
    code = (
        "import sys\n"
        "from desktop_app.cli import main\n"
        f"rc = main(['--db', {str(demo_db)!r}, 'search', 'هاني', '--json'])\n"
        "assert rc == 0, rc\n"
        f"rc = main(['--db', {str(demo_db)!r}, 'db', 'check'])\n"
        "assert rc == 0, rc\n"
        "print('QT' if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) else 'NOQT')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("NOQT")


def _all_parsers(parser: object) -> list[tuple[str, object]]:
    import argparse

    found = [("tashbeek", parser)]
    for action in parser._actions:  # type: ignore[attr-defined]
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(f"{name} {n}" if n != "tashbeek" else name, p) for n, p in _all_parsers(sub)]
    return found


def test_every_help_is_arabic_in_arabic() -> None:
    """Every command's --help in Arabic: each argument explained, and no English sentence left
    (option names, placeholders, file kinds and product names are allowed to stay Latin)."""
    import re

    from desktop_app import cli, i18n

    i18n.set_language("ar")
    cli.argparse._ = i18n._  # type: ignore[attr-defined]  # as main() does
    allowed = re.compile(
        r"^(-{1,2}[\w-]+|[A-Z][A-Z0-9_.]*|\w*\.(pdf|xlsx|csv|vcf|zip|sqlite|tshbak)|tashbeek|Tashbeek|JSON|PDF|QR|"
        r"SQLite|PostgreSQL|SQLAlchemy|URL|PNG|csv|xlsx|\$TASHBEEK_DB|\$TASHBEEK_PASSWORD|\$TASHBEEK_NEW_PASSWORD|ar|en|auto|merge|skip|create|participant|trainer|"
        r"organizer|guest|default|people|organizations|attendance|demo|db|init|upgrade|check|\$TASHBEEK_DB|"
        r"h|help|version|COMMAND|ACTION|WHAT|vcf|plus|unknown)$"  # vcf: a file kind; plus, unknown: age bands
    )
    problems = {}
    commands = cli.command_words(cli.build_parser())  # `tashbeek trainings` in a sentence is a command
    for name, parser in _all_parsers(cli.build_parser()):
        for action in parser._actions:  # type: ignore[attr-defined]
            if action.help is None and not isinstance(action, cli.argparse._SubParsersAction):
                problems.setdefault(name, []).append(f"no help for {action.dest}")
        text = parser.format_help()  # type: ignore[attr-defined]
        latin = [w for w in re.findall(r"-{0,2}[A-Za-z$][\w.$-]*", text) if not allowed.match(w)]
        usage_words = set(re.findall(r"-{0,2}[A-Za-z$][\w.$-]*", parser.format_usage()))  # type: ignore[attr-defined]
        latin = [w for w in latin if w not in usage_words and w.strip("`") not in commands]
        if latin:
            problems.setdefault(name, []).append(" ".join(sorted(set(latin))))
    i18n.set_language("en")
    assert problems == {}


def test_screenshots_size_is_checked_before_anything_is_drawn(tmp_path: Path) -> None:
    """--size WxH (ASCII x or ×); anything else is a usage error that names the form."""
    from desktop_app.cli import _screen_size

    assert _screen_size("1024x600") == (1024, 600) and _screen_size("1920×1080") == (1920, 1080)
    for bad in ("1024", "10x10", "1024x600x2", "99999x600"):
        result = run("screenshots", str(tmp_path / "out"), "--size", bad)
        assert result.returncode == 2, bad
        assert "1024×600" in result.stderr or "320" in result.stderr
    assert not (tmp_path / "out").exists()
