"""Demo data: a two-day networking programme like the ones our users run.

An economic and social development centre organizes it with a regional network and a university
staff union; 27 partner organizations from 15 governorates send 52 participants, split into 12
working groups; the centre's chair هاني إبراهيم and three colleagues are the trainers. Every row
has a fixed uid, so running the demo again re-creates only what is missing and changes nothing
else. Attendance starts empty: the demo begins at the check-in desk. Phone numbers are invented.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import uuid
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.assets import resource_path
from desktop_app.db import Database
from desktop_app.models import (
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    Organization,
    Person,
    Setting,
    Signatory,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
    TrainingStatus,
)
from desktop_app.services import audit
from desktop_app.services.registry import OrganizationData, PersonData, add_organization, add_person
from desktop_app.services.settings import LOGO, SignatoryData, write_default_signatories, write_logo
from desktop_app.services.trainings import add_enrollment
from desktop_app.text.checkin_code import luhn_digit

_NAMESPACE = uuid.UUID("6f2a4c1e-7d0b-4e55-9a43-2b1f0c9d8e71")


def demo_uid(key: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, key))


def _demo_code(key: str) -> str:
    payload = f"{uuid.uuid5(_NAMESPACE, 'code:' + key).int % 10**7:07d}"
    return payload + luhn_digit(payload)


ORGANIZER = (
    "مركز التنمية الاقتصادية والاجتماعية",
    "Economic and Social Development Center",
    "association",
    "01",
)
CO_ORGANIZERS = (
    ("الشبكة الإقليمية للتنمية والحقوق الاقتصادية", "Regional Network for Development and Economic Rights",
     "network", "01"),
    ("النقابة المستقلة للعاملين بجامعة القاهرة", "Cairo University Staff Independent Union", "union", "21"),
)  # fmt: skip
# fmt: off
PARTNERS = (
    ("جمعية تنمية المجتمع المحلي بالمنيا", "Minya Local Community Development Association", "association", "24"),
    ("جمعية المرأة الجديدة للتنمية", "New Woman Development Association", "association", "01"),
    ("النقابة المستقلة للعاملين بالضرائب العقارية", "Independent Union of Real Estate Tax Workers", "union", "01"),
    ("النقابة المستقلة لعمال النقل العام", "Independent Public Transport Workers Union", "union", "01"),
    ("مبادرة شباب بلدنا", "Shabab Baladna Initiative", "youth", "21"),
    ("جمعية الصعيد للتربية والتنمية", "Upper Egypt Association for Education and Development", "association", "26"),
    ("مؤسسة حابي للحقوق البيئية", "Habi Center for Environmental Rights", "association", "02"),
    ("النقابة المستقلة للمعلمين بالإسكندرية", "Alexandria Independent Teachers Union", "union", "02"),
    ("جمعية أصدقاء البيئة بالمنصورة", "Friends of the Environment Association, Mansoura", "association", "12"),
    ("اتحاد شباب الدقهلية", "Dakahlia Youth Union", "youth", "12"),
    ("جمعية رعاية الطفولة والأمومة بالزقازيق", "Zagazig Mother and Child Care Association", "association", "13"),
    ("النقابة المستقلة لعمال الغزل والنسيج بالمحلة", "Mahalla Textile Workers Independent Union", "union", "16"),
    ("مبادرة بكرة أحلى", "Bokra Ahla Initiative", "youth", "16"),
    ("جمعية الأمل لذوي الإعاقة", "Al-Amal Association for People with Disabilities", "association", "17"),
    ("جمعية التنمية الريفية بدمنهور", "Damanhour Rural Development Association", "association", "18"),
    ("رابطة المزارعين المستقلة بالبحيرة", "Beheira Independent Farmers League", "union", "18"),
    ("جمعية نهضة أسيوط", "Nahdet Asyut Association", "association", "25"),
    ("شباب من أجل التنمية بسوهاج", "Youth for Development, Sohag", "youth", "26"),
    ("جمعية تنمية المرأة الريفية بقنا", "Qena Rural Women Development Association", "association", "27"),
    ("جمعية النوبة للتنمية والثقافة", "Nubia Association for Development and Culture", "association", "28"),
    ("مبادرة أسوان الخضراء", "Green Aswan Initiative", "youth", "28"),
    ("النقابة المستقلة لعمال الميناء ببورسعيد", "Port Said Dock Workers Independent Union", "union", "03"),
    ("جمعية بورسعيد للتنمية الشاملة", "Port Said Comprehensive Development Association", "association", "03"),
    ("جمعية شبرا الخيمة للتنمية", "Shubra El Kheima Development Association", "association", "14"),
    ("النقابة المستقلة للعاملين بالصحة بالقليوبية", "Qalyubia Independent Health Workers Union", "union", "14"),
    ("مبادرة مساحة", "Masaha Initiative", "youth", "21"),
    ("جمعية الجيزة للخدمات الاجتماعية", "Giza Social Services Association", "association", "21"),
)
# fmt: on

# (Arabic, Latin) — spellings as people really type them, variants included (هانى, فاطمه, عبدالرحمن).
_MALE = (
    ("محمد", "Mohamed"), ("أحمد", "Ahmed"), ("محمود", "Mahmoud"), ("مصطفى", "Mostafa"), ("عمرو", "Amr"),
    ("كريم", "Karim"), ("حسام", "Hossam"), ("إسلام", "Islam"), ("عبد الله", "Abdallah"),
    ("عبدالرحمن", "Abdelrahman"), ("يوسف", "Youssef"), ("طارق", "Tarek"), ("خالد", "Khaled"),
    ("هشام", "Hisham"), ("وليد", "Walid"), ("شريف", "Sherif"), ("رامي", "Ramy"), ("مينا", "Mina"),
    ("جرجس", "Gerges"), ("أيمن", "Ayman"), ("سامح", "Sameh"), ("ياسر", "Yasser"), ("على", "Ali"),
)  # fmt: skip
_FEMALE = (
    ("فاطمة", "Fatma"), ("مريم", "Mariam"), ("نورا", "Noura"), ("هبة", "Heba"), ("دينا", "Dina"),
    ("سارة", "Sara"), ("آية", "Aya"), ("إيمان", "Eman"), ("منى", "Mona"), ("رانيا", "Rania"),
    ("ياسمين", "Yasmin"), ("مارينا", "Marina"), ("سلمى", "Salma"), ("أسماء", "Asmaa"), ("فاطمه", "Fatma"),
)  # fmt: skip
_FATHERS = (
    ("السيد", "El-Sayed"), ("حسن", "Hassan"), ("عبد العزيز", "Abdelaziz"), ("علي", "Ali"),
    ("عثمان", "Osman"), ("سليمان", "Soliman"), ("رزق", "Rizk"), ("منصور", "Mansour"), ("فهمي", "Fahmy"),
    ("عبد المنعم", "Abdelmoneim"), ("زكي", "Zaki"), ("حنا", "Hanna"), ("جاد", "Gad"),
)  # fmt: skip
_FAMILIES = (
    ("إبراهيم", "Ibrahim"), ("الشافعي", "El-Shafei"), ("النجار", "El-Naggar"), ("الشربيني", "El-Sherbini"),
    ("عبد الفتاح", "Abdelfattah"), ("بسيوني", "Bassiouny"), ("شنودة", "Shenouda"), ("المصري", "El-Masry"),
    ("درويش", "Darwish"), ("هلال", "Helal"), ("قاسم", "Kassem"), ("غنيم", "Ghoneim"), ("مصطفى", "Mostafa"),
    ("عبد الحميد", "Abdelhamid"), ("الجمال", "El-Gammal"), ("سعد", "Saad"), ("يونس", "Younes"),
)  # fmt: skip
_JOBS = (
    "منسق برامج",
    "رئيس مجلس الإدارة",
    "عضو مجلس الإدارة",
    "باحث",
    "مسؤول إعلام",
    "أمين صندوق",
    "منسقة مشروعات",
)


@dataclass(frozen=True)
class DemoPerson:
    key: str
    name: str
    latin: str | None
    gender: str
    phone: str
    org_key: str
    job: str | None
    role: EnrollmentRole
    email: str | None = None


TRAINERS = (
    DemoPerson("hany", "هاني إبراهيم", "Hany Ibrahim", "male", "01001234567", "organizer",
               "رئيس مجلس الأمناء", EnrollmentRole.TRAINER, "hany.ibrahim@example.org"),
    DemoPerson("salwa", "سلوى عبد الحميد", "Salwa Abdelhamid", "female", "01117654321", "co1",
               "منسقة الشبكة", EnrollmentRole.TRAINER),
    DemoPerson("kamal", "كمال عبد الرحمن السيد", "Kamal Abdelrahman", "male", "01229876543", "co2",
               "رئيس النقابة", EnrollmentRole.TRAINER),
    DemoPerson("mona", "منى الشافعي", "Mona El-Shafei", "female", "01553456789", "co2",
               "أستاذة الاقتصاد", EnrollmentRole.TRAINER),
    DemoPerson("mariam", "مريم سليمان", "Mariam Soliman", "female", "01012223334", "organizer",
               "مسؤولة البرامج", EnrollmentRole.ORGANIZER),
)  # fmt: skip


def participants() -> list[DemoPerson]:
    """The 52 participants, generated deterministically from the name lists above."""
    people = []
    prefixes = ("010", "011", "012", "015")
    counts = {True: 0, False: 0}
    for i in range(52):
        female = i % 5 in (1, 3)
        n = counts[female]
        counts[female] += 1
        first = _FEMALE[(n * 7) % len(_FEMALE)] if female else _MALE[(n * 5) % len(_MALE)]
        father = _FATHERS[(i * 3 + 5) % len(_FATHERS)]
        family = _FAMILIES[(i * 11) % len(_FAMILIES)]
        name = f"{first[0]} {father[0]} {family[0]}"
        latin = f"{first[1]} {father[1]} {family[1]}" if i % 3 == 0 else None
        phone = f"{prefixes[i % 4]}{(i * 7919 + 2345678) % 10**8:08d}"
        email = f"participant{i + 1:02d}@example.org" if i % 4 == 0 else None
        job = _JOBS[i % len(_JOBS)] if i % 2 == 0 else None
        org_key = f"p{(i * 13) % len(PARTNERS):02d}"
        gender = "female" if female else "male"
        people.append(DemoPerson(f"participant{i:02d}", name, latin, gender, phone, org_key, job,
                                 EnrollmentRole.PARTICIPANT, email))  # fmt: skip
    return people


@dataclass
class DemoSummary:
    organizations: int = 0
    people: int = 0
    trainings: int = 0
    sessions: int = 0
    enrollments: int = 0

    def total(self) -> int:
        return self.organizations + self.people + self.trainings + self.sessions + self.enrollments


def _org_id(
    tx: Session, db: Database, key: str, spec: tuple[str, str, str, str], summary: DemoSummary
) -> int:
    uid = demo_uid("org:" + key)
    existing = tx.scalar(select(Organization.id).where(Organization.uid == uid))
    if existing is not None:
        return existing
    summary.organizations += 1
    name_ar, name_en, kind, gov = spec
    return add_organization(tx, db, OrganizationData(name_ar, name_en, kind, gov), uid=uid)


def load_demo(db: Database, start: dt.date | None = None) -> DemoSummary:
    """Create whatever part of the demo programme is missing, in one transaction.

    The programme's first day is `start`, by default yesterday: on first launch a newcomer checks
    people in for today (its second day), enters yesterday from the paper sheet, and prints
    certificates at the closing."""
    summary = DemoSummary()
    start = start or clock.today() - dt.timedelta(days=1)
    with db.session_scope() as tx:
        org_ids = {"organizer": _org_id(tx, db, "organizer", ORGANIZER, summary)}
        for n, spec in enumerate(CO_ORGANIZERS, 1):
            org_ids[f"co{n}"] = _org_id(tx, db, f"co{n}", spec, summary)
        for n, spec in enumerate(PARTNERS):
            org_ids[f"p{n:02d}"] = _org_id(tx, db, f"p{n:02d}", spec, summary)
        gov_of = {key: tx.get(Organization, oid).governorate for key, oid in org_ids.items()}  # type: ignore[union-attr]

        people = [*TRAINERS, *participants()]
        person_ids: dict[str, int] = {}
        for p in people:
            uid = demo_uid("person:" + p.key)
            existing = tx.scalar(select(Person.id).where(Person.uid == uid))
            if existing is None:
                summary.people += 1
                data = PersonData(
                    full_name=p.name, latin_name=p.latin, gender=p.gender, phone=p.phone, email=p.email,
                    organization_id=org_ids[p.org_key], governorate=gov_of[p.org_key], job_title=p.job,
                    consent_share_contact=hash_int(p.key) % 5 != 0,
                )  # fmt: skip
                existing = add_person(tx, db, data, uid=uid)
            person_ids[p.key] = existing

        training_id = _training(tx, db, start, org_ids, summary)
        groups = _group_plan(people, gov_of)
        for p in people:
            uid = demo_uid("enrollment:" + p.key)
            if tx.scalar(select(Enrollment.id).where(Enrollment.uid == uid)) is not None:
                continue
            taken = tx.scalar(
                select(Enrollment.id).where(
                    Enrollment.training_id == training_id, Enrollment.person_id == person_ids[p.key]
                )
            )
            if taken is not None:
                continue
            summary.enrollments += 1
            add_enrollment(
                tx, db, training_id, person_ids[p.key], role=p.role, status=EnrollmentStatus.CONFIRMED,
                working_group=groups.get(p.key), code=_demo_code(p.key), uid=uid,
            )  # fmt: skip
        if tx.scalar(select(Setting.id).where(Setting.key == "identity_name_ar")) is None:
            tx.add(Setting(key="identity_name_ar", value=ORGANIZER[0]))
            tx.add(Setting(key="identity_name_en", value=ORGANIZER[1]))
        # A newcomer's first certificate should look like a real one: a logo and two signatories.
        if tx.scalar(select(Setting.blob).where(Setting.key == LOGO)) is None:
            write_logo(tx, db, demo_logo())
        if tx.scalar(select(Signatory.id).where(Signatory.training_id.is_(None)).limit(1)) is None:
            write_default_signatories(tx, db, [
                SignatoryData("د. هاني إبراهيم", "رئيس مجلس الأمناء", demo_signature("Hany Ibrahim", 1)),
                SignatoryData("سلوى عبد الحميد", "منسقة البرنامج", demo_signature("Salwa Abdelhamid", 2)),
            ])  # fmt: skip
    return summary


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.truetype(str(resource_path("fonts", "NotoSans-Bold.ttf")), size)


def demo_logo() -> bytes:
    """The demo organization's logo: a network of linked circles (تشبيك) in a ring, with "ESDC"
    and "DEMO" under it. Generated, so the demo ships no artwork of anyone's."""
    size = 600
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    teal, gold = (31, 95, 91, 255), (168, 132, 58, 255)
    center = size // 2
    draw.ellipse((20, 20, size - 20, size - 20), outline=teal, width=18)
    draw.ellipse((52, 52, size - 52, size - 52), outline=gold, width=5)
    # A hub and five partners around it, each linked to the hub and to its neighbours.
    hub = (center, center - 40)
    nodes = [
        (hub[0] + round(150 * math.cos(a)), hub[1] - round(130 * math.sin(a)))
        for a in (math.radians(90 + 72 * n) for n in range(5))
    ]
    for n, (x, y) in enumerate(nodes):
        x2, y2 = nodes[(n + 1) % len(nodes)]
        draw.line((x, y, x2, y2), fill=teal, width=9)
        draw.line((x, y, *hub), fill=teal, width=9)
    for x, y in [*nodes, hub]:
        radius = 38 if (x, y) == hub else 28
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=gold, outline=teal, width=8)
    draw.text((center, 450), "ESDC", font=_font(84), fill=teal, anchor="mm")
    draw.text((center, 522), "DEMO", font=_font(34), fill=gold, anchor="mm")
    return _png(image)


def demo_signature(name: str, seed: int) -> bytes:
    """A handwritten-looking stroke for a demo signatory, marked "DEMO SIGNATURE" so nobody takes it
    for a real one."""
    width, height = 600, 220
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    ink = (25, 45, 110, 255)
    # A looping stroke (a prolate cycloid, loops like handwriting), a little different per seed.
    points = []
    for step in range(0, 721):
        t = step / 720 * (7 + seed) * math.pi
        x = 50 + 16 * t - 30 * math.sin(t)
        y = 105 - 40 * math.cos(t) * (0.6 + 0.4 * math.sin(t / (3 + seed)))
        points.append((x, y))
    draw.line(points, fill=ink, width=6, joint="curve")
    draw.line([(60, 170), (330 + 40 * seed, 158)], fill=ink, width=5)
    draw.text(
        (width - 20, height - 14),
        "DEMO SIGNATURE · " + name,
        font=_font(22),
        fill=(150, 150, 150, 255),
        anchor="rs",
    )
    return _png(image)


def hash_int(key: str) -> int:
    """A stable small integer from a key (Python's hash() changes between runs)."""
    return uuid.uuid5(_NAMESPACE, key).int % 1000


def _group_plan(people: list[DemoPerson], gov_of: dict[str, str | None]) -> dict[str, int]:
    """Deal participants into 12 groups, organization by organization, so colleagues spread out."""
    members = sorted(
        (p for p in people if p.role == EnrollmentRole.PARTICIPANT), key=lambda p: (p.org_key, p.key)
    )
    return {p.key: n % 12 + 1 for n, p in enumerate(members)}


def _training(
    tx: Session, db: Database, start: dt.date, org_ids: dict[str, int], summary: DemoSummary
) -> int:
    uid = demo_uid("training:networking")
    training = tx.scalar(select(Training).where(Training.uid == uid))
    if training is None:
        summary.trainings += 1
        training = Training(
            uid=uid,
            title_ar="برنامج بناء التحالفات والتشبيك بين منظمات المجتمع المدني",
            title_en="Coalition Building and Networking Programme for Civil Society Organizations",
            description="برنامج تدريبي لمدة يومين لقيادات الجمعيات والنقابات المستقلة والمجموعات الشبابية، "
            "يعقبه لقاء شهري للمتابعة وتبادل بيانات التواصل بين المشاركين.",
            organizer_id=org_ids["organizer"],
            venue="قاعة المؤتمرات — كلية الاقتصاد والعلوم السياسية، جامعة القاهرة",
            governorate="21",
            start_date=start,
            end_date=start + dt.timedelta(days=1),
            status=TrainingStatus.RUNNING if start <= clock.today() <= start + dt.timedelta(days=1)
            else TrainingStatus.PLANNED,
            certificate_min_share=1.0,
            late_after=dt.time(10, 0),
            working_group_count=12,
            working_group_names=[f"المجموعة {n}" for n in range(1, 13)],
        )
        tx.add(training)
        tx.flush()
        audit.record(tx, db, "training", training.uid, "create", {"title_ar": [None, training.title_ar]})
    for n, key in enumerate(("co1", "co2")):
        co_uid = demo_uid(f"co-organizer:{key}")
        if tx.scalar(select(TrainingCoOrganizer.id).where(TrainingCoOrganizer.uid == co_uid)) is None:
            tx.add(
                TrainingCoOrganizer(
                    uid=co_uid, training_id=training.id, organization_id=org_ids[key], position=n
                )
            )
    for day, title in enumerate(("اليوم الأول", "اليوم الثاني")):
        s_uid = demo_uid(f"session:{day}")
        if tx.scalar(select(TrainingSession.id).where(TrainingSession.uid == s_uid)) is None:
            summary.sessions += 1
            tx.add(
                TrainingSession(
                    uid=s_uid,
                    training_id=training.id,
                    date=training.start_date + dt.timedelta(days=day),
                    start_time=dt.time(9, 30),
                    end_time=dt.time(16, 0),
                    title=title,
                )  # fmt: skip
            )
    tx.flush()
    return training.id
