"""The certificates the legacy (pre-template) renderer printed, as inputs: the built-in "formal"
template must print them exactly as before, so a certificate issued then is the same page when
reprinted (tests/pdf/test_template_legacy.py). The expected runs and images are in
tests/pdf/data/legacy_certificates.json, made with `python -m tests.pdf.legacy_inputs OLD.py` from
desktop_app/pdf/certificate.py as it was before templates (commit 142112a).

Badges are not records that get reprinted: the built-in badge template only keeps the old badge's
look, and the layout checks in test_page_layout.py hold it to the same rules."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

DATA = Path(__file__).parent / "data"
LONG_BEFORE = "شارك في البرنامج " * 12


def png(width: int, height: int, color: str) -> bytes:
    image = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(image).ellipse((4, 4, width - 4, height - 4), outline=color, width=8)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def certificate_inputs(module: Any) -> dict[str, tuple[Any, list[Any]]]:
    """{config: (layout, pages)} built with `module`'s CertificateLayout, CertificatePage, Signature."""
    layout_cls, page_cls, sig = module.CertificateLayout, module.CertificatePage, module.Signature
    full = layout_cls(
        "مركز التنمية الاقتصادية والاجتماعية", "Economic and Social Development Center",
        png(300, 260, "#1f5f5b"), (png(200, 260, "#663322"),),
        (sig("د. هاني إبراهيم", "مدير المركز", png(400, 150, "#223366")),
         sig("منى عبد الفتاح", "منسقة البرنامج والمشروعات والشراكات الإقليمية والدولية", png(400, 150, "#223366")),
         sig("كمال")),
    )  # fmt: skip
    bare = layout_cls("جمعية", signatories=(sig("سلوى", "رئيسة"),))
    pages = [
        page_cls("مريم سليمان", "تشهد إدارة مركز التنمية بأن",
                 "من جمعية النور قد شاركت في برنامج بناء التحالفات والتشبيك المنعقد في جامعة القاهرة من "
                 "20 نوفمبر 2026 إلى 21 نوفمبر 2026.", "TSH-2026-ABCDE-0001", "TSH-2026-ABCDE-0001|x",
                 "تاريخ الإصدار: 29 نوفمبر 2026", latin_name="Mariam Soliman"),
        page_cls("عبد الرحمن محمد عبد العزيز إبراهيم مصطفى الشافعي عبد الفتاح سليمان", "تشهد إدارة مركز بأن",
                 "قد شارك في ورشة.", "TSH-2026-ABCDE-0002", "TSH-2026-ABCDE-0002|y",
                 "تاريخ الإصدار: ٢٩ نوفمبر ٢٠٢٦"),
        page_cls("Example Person Ltd.", LONG_BEFORE, LONG_BEFORE, "TSH-2026-ABCDE-0003", "p3",
                 "تاريخ الإصدار: 29 نوفمبر 2026", latin_name="Example Person"),
    ]  # fmt: skip
    return {"full": (full, pages), "bare": (bare, pages)}


def page_runs(pdf: Path) -> list[dict[str, Any]]:
    from tests.pdf.layout_check import read_pages

    return [
        {"runs": [[run.text, [round(v, 2) for v in run.bounds()]] for run in page.runs],
         "images": [[round(v, 2) for v in box] for box in page.images]}
        for page in read_pages(pdf)
    ]  # fmt: skip


def _main(certificate_module: str) -> None:  # pragma: no cover - run by hand
    import importlib.util
    import tempfile

    def load(path: str, name: str) -> Any:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    certificate = load(certificate_module, "legacy_certificate")
    with tempfile.TemporaryDirectory() as folder:
        out: dict[str, Any] = {}
        for config, (layout, pages) in certificate_inputs(certificate).items():
            path = Path(folder) / f"{config}.pdf"
            certificate.write_certificates(path, layout, pages)
            out[config] = page_runs(path)
        (DATA / "legacy_certificates.json").write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n")


if __name__ == "__main__":  # pragma: no cover
    _main(sys.argv[1])
