"""1,000 personalised Arabic certificates with QR codes in one PDF: pages per second, peak memory,
bytes per page.

Targets (issue #15): at least 250 pages/s on a quiet 2-core machine, peak memory under 150 MB
(issue #5: under 5 KB per certificate page plus images). On a shared machine the wall-clock figure
depends on the other work; the CPU-time figure much less. Run: python benchmarks/bench_certificates.py [COUNT]
"""

from __future__ import annotations

import io
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._data import FAMILY, FEMALE, MALE  # noqa: E402
from desktop_app.pdf.certificate import (  # noqa: E402
    CertificateLayout,
    CertificatePage,
    Signature,
    write_certificates,
)
from desktop_app.services.certificates import fill_wording, new_verification_code  # noqa: E402
from desktop_app.text.dates import format_date  # noqa: E402

WORDING = "تشهد {organization_name} بأن {name} من {organization} قد {شارك|شاركت} في {training} المنعقد في {venue} من {start} إلى {end}."
ORGS = [
    "جمعية النور للتنمية",
    "اتحاد عمال الغزل المستقل",
    "شبكة شباب الصعيد",
    "رابطة المزارعين بالبحيرة",
    "مؤسسة حقوق المرأة",
]


def _png(width: int, height: int, color: str, text: str) -> bytes:
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, width - 4, height - 4), outline=color, width=6)
    draw.text((width // 3, height // 3), text, fill=color)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def pages(count: int) -> list[CertificatePage]:
    rng = random.Random(5)
    result = []
    for n in range(count):
        female = rng.random() < 0.45
        first = rng.choice(FEMALE if female else MALE)
        name = f"{first} {rng.choice(MALE)} {rng.choice(FAMILY[:40])}"
        values = {
            "name": name, "organization": rng.choice(ORGS), "organization_name": "مركز التنمية الاقتصادية والاجتماعية",
            "training": "برنامج بناء التحالفات والتشبيك", "venue": "جامعة القاهرة",
            "start": format_date(__import__("datetime").date(2026, 11, 20)),
            "end": format_date(__import__("datetime").date(2026, 11, 21)),
        }  # fmt: skip
        before, after = fill_wording(WORDING, values, female)
        serial = f"TSH-2026-ABCDE-{n + 1:04d}"
        result.append(
            CertificatePage(
                name=name,
                before=before,
                after=after,
                serial=serial,
                qr_payload=f"TSHBK1:{serial}:{new_verification_code()}",
                issued_line="تاريخ الإصدار: 22 نوفمبر 2026",
            )
        )
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    layout = CertificateLayout(
        issuer="مركز التنمية الاقتصادية والاجتماعية",
        issuer_latin="Economic and Social Development Center",
        logo=_png(300, 260, "#1f5f5b", "LOGO"),
        partner_logos=(_png(300, 260, "#b08d3c", "P1"), _png(300, 260, "#8a2b2b", "P2")),
        signatories=(
            Signature("د. هاني إبراهيم", "مدير المركز", _png(400, 150, "#223366", "sig")),
            Signature("منى عبد الفتاح", "منسقة البرنامج", _png(400, 150, "#223366", "sig")),
        ),
    )
    data = pages(count)
    images_only = Path(tempfile.mkdtemp()) / "images.pdf"
    write_certificates(images_only, layout, [])  # the same file with no person pages: fonts, form, images
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "certificates.pdf"
        start, cpu = time.perf_counter(), time.process_time()
        written = write_certificates(out, layout, data)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = out.stat().st_size
    base = images_only.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"certificates: {written} pages in {elapsed:.2f} s = {written / elapsed:.0f} pages/s "
        f"({cpu:.2f} s of CPU = {written / cpu:.0f} pages per CPU second; the machine is shared)"
    )
    try:
        import _rl_accel  # noqa: F401

        print("ReportLab's C accelerator (rl-accel): installed")
    except ImportError:
        print("ReportLab's C accelerator (rl-accel): not installed")
    print(f"file: {size / 1e6:.2f} MB; fixed part (fonts, form, images) {base / 1e3:.0f} KB; "
          f"{(size - base) / written / 1e3:.2f} KB per certificate page")  # fmt: skip
    print(f"peak memory (whole process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
