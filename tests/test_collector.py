"""Start-up runs with the cycle collector quiet (desktop_app.collector); nothing else is left changed."""

from __future__ import annotations

import gc

from desktop_app import cli, collector


def test_a_command_runs_with_a_high_threshold_and_puts_the_usual_one_back(monkeypatch) -> None:
    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(cli, "_run", lambda argv: seen.append(gc.get_threshold()) or 0)
    assert cli.main(["--version"]) == 0
    assert seen == [collector._START_UP]
    assert gc.get_threshold() == before


def test_the_window_freezes_what_start_up_made(monkeypatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    collector.quiet_start()
    collector.started()
    assert frozen == [True]
    assert gc.get_threshold() == collector._DEFAULT
