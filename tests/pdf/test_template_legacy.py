"""The built-in templates print what the renderer printed before templates existed: the same text
runs at the same places (to a hundredth of a point) and the same images, so a certificate issued
before keeps its page when it is reprinted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.pdf import certificate
from tests.pdf.legacy_inputs import DATA, certificate_inputs, page_runs


def _same(expected: list[dict[str, object]], actual: list[dict[str, object]]) -> None:
    assert len(actual) == len(expected)
    for number, (want, got) in enumerate(zip(expected, actual, strict=True), start=1):
        assert [r[0] for r in got["runs"]] == [r[0] for r in want["runs"]], f"page {number}"  # type: ignore[index]
        for (text, box), (_t, want_box) in zip(got["runs"], want["runs"], strict=True):  # type: ignore[call-overload]
            assert box == pytest.approx(want_box, abs=0.02), f"page {number}: {text[::-1]}"
        assert len(got["images"]) == len(want["images"]), f"page {number}"  # type: ignore[arg-type]
        for box, want_box in zip(got["images"], want["images"], strict=True):  # type: ignore[call-overload]
            assert box == pytest.approx(want_box, abs=0.02), f"page {number}: image"


@pytest.mark.parametrize("config", ["full", "bare"])
def test_the_formal_template_prints_the_legacy_certificate(config: str, tmp_path: Path) -> None:
    expected = json.loads((DATA / "legacy_certificates.json").read_text("utf-8"))[config]
    layout, pages = certificate_inputs(certificate)[config]
    pdf = tmp_path / "new.pdf"
    certificate.write_certificates(pdf, layout, pages)
    _same(expected, page_runs(pdf))
