"""What a reading command loads at start (issue 14's figure: `tashbeek search` within 1.2x of
importing SQLAlchemy's ORM): the command line builds only the command being run, and the search
declares no ORM model. The time itself is measured by benchmarks/bench_cli_start.py, not here."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from desktop_app import cli

LOADED = """
import sys
from desktop_app import cli
code = cli.main(["--db", sys.argv[1], "search", "هاني"])
print(code, *sorted(m for m in sys.modules if m.startswith("desktop_app.models")))
"""


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_a_search_declares_no_model(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    made = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "demo"], capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert made.returncode == 0, made.stderr
    env = {k: v for k, v in os.environ.items() if k != "TASHBEEK_DB"}
    result = subprocess.run([sys.executable, "-c", LOADED, str(db)], capture_output=True, text=True, env=env,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "هاني إبراهيم" in result.stdout
    assert result.stdout.split()[-1] == "0", result.stdout  # exit 0, and no desktop_app.models module


def test_only_the_command_on_the_line_is_built() -> None:
    commands = _subparsers(cli.build_parser("search"))
    assert {a.dest for a in commands["search"]._actions} >= {"text", "json", "limit"}
    assert commands["trainings"]._actions == []  # listed for --help and usage errors, not built
    every = _subparsers(cli.build_parser())
    assert set(every) == set(commands)
    assert "json" in {a.dest for a in every["trainings"]._actions}


def test_the_command_word_is_found_past_the_global_options() -> None:
    assert cli.chosen_command(["--db", "search", "trainings", "--json"]) == "trainings"
    assert cli.chosen_command(["--lang=en", "--db=x.sqlite", "db", "check"]) == "db"
    assert cli.chosen_command([]) == ""
    for unsure in (["--help"], ["--version"], ["--da", "x", "search"], ["-h", "search"]):
        assert cli.chosen_command(unsure) is None  # every command is built, as before
