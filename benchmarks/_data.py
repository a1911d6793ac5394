"""Synthetic registries for benchmarks: realistic Egyptian name frequencies, bulk-inserted.

"محمد" is given to about one man in five and recurs as father's and grandfather's name, so the
common-name case is as heavy as it is in real registries.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from sqlalchemy import insert

from desktop_app.db import Database, open_database
from desktop_app.models import Organization, Person, PersonNameToken, new_uid, utcnow
from desktop_app.text.arabic import normalize_name
from desktop_app.text.tokens import person_tokens

MALE = ["محمد"] * 20 + ["أحمد"] * 8 + ["محمود"] * 5 + ["مصطفى"] * 4 + ["علي"] * 4 + [
    "عمرو", "كريم", "حسام", "إسلام", "عبد الله", "عبدالرحمن", "يوسف", "طارق", "خالد", "هشام", "وليد",
    "شريف", "رامي", "مينا", "جرجس", "أيمن", "سامح", "ياسر", "هاني", "إبراهيم", "حسن", "حسين", "سيد",
    "عبد العزيز", "عبد الفتاح", "جمال", "عادل", "ماجد", "نبيل", "عماد", "أشرف", "بيتر", "رضا", "صلاح",
]  # fmt: skip
FEMALE = ["فاطمة"] * 5 + ["مريم"] * 3 + [
    "نورا", "هبة", "دينا", "سارة", "آية", "إيمان", "منى", "رانيا", "ياسمين", "مارينا", "سلمى", "أسماء",
    "شيماء", "هدى", "عبير", "سوزان", "ولاء", "نهى", "رحاب", "إسراء", "داليا", "نرمين", "هالة", "سمر",
]  # fmt: skip
FAMILY = [
    "إبراهيم", "الشافعي", "النجار", "الشربيني", "عبد الفتاح", "بسيوني", "شنودة", "المصري", "درويش",
    "هلال", "قاسم", "غنيم", "عبد الحميد", "الجمال", "سعد", "يونس", "السيد", "حسن", "عثمان", "سليمان",
    "رزق", "منصور", "فهمي", "عبد المنعم", "زكي", "حنا", "جاد", "الصاوي", "البنا", "الفقي", "الحسيني",
    "عبد الرازق", "الدسوقي", "المنوفي", "الصعيدي", "الإسكندراني", "مرسي", "شاهين", "عطية", "خليل",
] + [f"عائلة{n}" for n in range(400)]  # many rare family names  # fmt: skip


def phone_for(i: int) -> str:
    return "+20" + ("10", "11", "12", "15")[i % 4] + f"{(i * 7919 + 1234567) % 10**8:08d}"


def build(path: Path, people: int, seed: int = 7) -> Database:
    """Create (or reuse) a database at `path` with `people` synthetic people in 300 organizations."""
    if path.exists():
        return open_database(path)
    rng = random.Random(seed)
    db = open_database(path, create=True)
    started = time.perf_counter()
    now = utcnow()
    with db.session_scope() as session:
        orgs = [
            {"uid": new_uid(), "name_ar": f"جمعية التنمية رقم {n}", "name_key": normalize_name(f"جمعية التنمية رقم {n}"),
             "kind": "association", "archived": False, "created_at": now, "updated_at": now}
            for n in range(300)
        ]  # fmt: skip
        session.execute(insert(Organization), orgs)
        rows, tokens = [], []
        for i in range(1, people + 1):
            female = rng.random() < 0.45
            first = rng.choice(FEMALE if female else MALE)
            name = " ".join([first, rng.choice(MALE), rng.choice(MALE), rng.choice(FAMILY)])
            rows.append(
                {"id": i, "uid": new_uid(), "full_name": name, "name_key": normalize_name(name),
                 "phone": phone_for(i), "gender": "female" if female else "male",
                 "organization_id": rng.randint(1, 300), "consent_share_contact": False, "archived": False,
                 "created_at": now, "updated_at": now}
            )  # fmt: skip
            tokens.extend({"token": t, "person_id": i} for t in person_tokens([name], [phone_for(i)]))
            if len(rows) == 10_000:
                session.execute(insert(Person), rows)
                session.execute(insert(PersonNameToken), tokens)
                rows, tokens = [], []
        if rows:
            session.execute(insert(Person), rows)
            session.execute(insert(PersonNameToken), tokens)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"generated {people:,} people in {time.perf_counter() - started:.1f} s -> {path}")
    return db
