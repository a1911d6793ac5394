"""Agreements, initiatives, meetings and action items: the records of the partner network, checked
like every form, audited, and a meeting that reuses a training's sessions, enrolment and check-in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.models import AuditEntry, EventInvitation
from desktop_app.services import actions, agreements, initiatives, meetings
from desktop_app.services.attendance import AlreadyIn, CheckedIn, attendance_grid, check_in
from desktop_app.services.registry import OrganizationData, PersonData, create_organization, create_person
from desktop_app.services.trainings import TrainingData, create_training, enroll, list_trainings
from tests.clocks import TEST_DAY

PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def three(db: Database) -> dict[str, int]:
    """Three organizations, one signatory each, and a training."""
    ids: dict[str, int] = {}
    for key, name in (("centre", "مركز التنمية"), ("network", "شبكة الديمقراطيين"), ("union", "نقابة العاملين")):
        ids[key] = create_organization(db, OrganizationData(name, kind="association", governorate="01"))
        ids[key + "_head"] = create_person(db, PersonData(f"رئيس {name}", organization_id=ids[key]))
    ids["training"] = create_training(db, TrainingData("برنامج التشبيك", TEST_DAY, TEST_DAY))
    return ids


def _protocol(ids: dict[str, int], **changes: object) -> agreements.AgreementData:
    data = agreements.AgreementData(
        "بروتوكول تعاون", kind="protocol", status="signed", signed_on=TEST_DAY, start_date=TEST_DAY,
        end_date=TEST_DAY + dt.timedelta(days=365),
        parties=[agreements.PartyData(ids[k], ids[k + "_head"], "رئيس مجلس الإدارة") for k in ("centre", "network", "union")],
        training_ids=[ids["training"]],
    )  # fmt: skip
    for key, value in changes.items():
        setattr(data, key, value)
    return data


def test_an_agreement_keeps_its_parties_signatories_links_and_an_audit_entry(db: Database, three: dict[str, int]) -> None:
    agreement_id = agreements.create_agreement(db, _protocol(three))
    row = agreements.get_agreement(db, agreement_id)
    assert [p.organization for p in row.parties] == ["مركز التنمية", "شبكة الديمقراطيين", "نقابة العاملين"]
    assert [p.signatory for p in row.parties] == ["رئيس مركز التنمية", "رئيس شبكة الديمقراطيين", "رئيس نقابة العاملين"]
    assert row.training_ids == (three["training"],)
    assert row.as_json()["parties"][0]["signatory_title"] == "رئيس مجلس الإدارة"
    with db.session_scope() as tx:
        entry = tx.scalars(select(AuditEntry).where(AuditEntry.entity == "agreement")).one()
        assert entry.action == "create" and "parties" in entry.changes


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "  "}, "title"),
        ({"status": "signed", "signed_on": None}, "signed_on"),
        ({"end_date": TEST_DAY - dt.timedelta(days=1)}, "end_date"),
        ({"status": "lost"}, "status"),
        ({"signed_on": "29/13/2026"}, "signed_on"),
    ],
)
def test_a_bad_agreement_names_the_field_and_writes_nothing(
    db: Database, three: dict[str, int], changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as error:
        agreements.create_agreement(db, _protocol(three, **changes))
    assert error.value.field == field
    assert agreements.list_agreements(db) == []


def test_an_agreement_has_two_distinct_existing_parties(db: Database, three: dict[str, int]) -> None:
    one = [agreements.PartyData(three["centre"])]
    with pytest.raises(ValidationError, match="at least two"):
        agreements.create_agreement(db, _protocol(three, parties=one))
    twice = [agreements.PartyData(three["centre"]), agreements.PartyData(three["centre"])]
    with pytest.raises(ValidationError, match="only once"):
        agreements.create_agreement(db, _protocol(three, parties=twice))
    ghost = [agreements.PartyData(three["centre"]), agreements.PartyData(99_999)]
    with pytest.raises(ValidationError, match="does not exist"):
        agreements.create_agreement(db, _protocol(three, parties=ghost))
    assert agreements.list_agreements(db) == []


def test_agreements_ending_within_60_days_are_expiring(db: Database, three: dict[str, int]) -> None:
    soon = agreements.create_agreement(db, _protocol(three, title="ينتهي قريبا", end_date=TEST_DAY + dt.timedelta(days=60)))
    agreements.create_agreement(db, _protocol(three, title="ينتهي بعد", end_date=TEST_DAY + dt.timedelta(days=61)))
    agreements.create_agreement(db, _protocol(three, title="مسودة", status="draft", end_date=TEST_DAY + dt.timedelta(days=5)))
    agreements.create_agreement(db, _protocol(three, title="انتهى", start_date=None, end_date=TEST_DAY - dt.timedelta(days=1)))
    assert [a.id for a in agreements.expiring_agreements(db)] == [soon]


def test_the_signed_document_is_kept_and_only_a_pdf_or_picture(db: Database, three: dict[str, int], tmp_path: Path) -> None:
    signed = tmp_path / "protocol.pdf"
    signed.write_bytes(PDF)
    agreement_id = agreements.create_agreement(db, _protocol(three), document=signed)
    document = agreements.get_document(db, agreement_id)
    assert document is not None and document.data == PDF and document.mime == "application/pdf"
    assert document.suffix == ".pdf" and document.name == "protocol.pdf"
    with pytest.raises(ValidationError) as error:
        agreements.attach_document(db, agreement_id, b"MZ\x90\x00 not a document", "virus.pdf")
    assert error.value.field == "document"
    assert agreements.get_document(db, agreement_id) == document
    missing = tmp_path / "nowhere.pdf"
    with pytest.raises(Exception, match="nowhere.pdf"):
        agreements.create_agreement(db, _protocol(three, title="آخر"), document=missing)
    assert len(agreements.list_agreements(db)) == 1  # all or nothing
    agreements.remove_document(db, agreement_id)
    assert agreements.get_document(db, agreement_id) is None


def test_an_initiative_has_a_lead_partners_with_roles_governorates_and_people(db: Database, three: dict[str, int]) -> None:
    initiative_id = initiatives.create_initiative(db, initiatives.InitiativeData(
        "لمة إنسانية", lead_organization_id=three["centre"],
        partners=[(three["network"], "الإعلام"), (three["union"], "القاعات")], start_date=TEST_DAY, status="active",
        governorates=["01", "28"], people=[(three["union_head"], "منسق")], training_ids=[three["training"]],
    ))  # fmt: skip
    row = initiatives.get_initiative(db, initiative_id)
    assert row.lead_organization == "مركز التنمية"
    assert [(name, role) for _i, name, role in row.partners] == [("شبكة الديمقراطيين", "الإعلام"), ("نقابة العاملين", "القاعات")]
    assert row.governorates == ("01", "28") and row.people[0][2] == "منسق"
    assert row.trainings == ((three["training"], "برنامج التشبيك", "training"),)
    with pytest.raises(ValidationError) as error:
        initiatives.create_initiative(db, initiatives.InitiativeData("x", governorates=["atlantis"]))
    assert error.value.field == "governorates"
    with pytest.raises(ValidationError) as error:
        initiatives.create_initiative(db, initiatives.InitiativeData("y", partners=[(three["union"], None)] * 2))
    assert error.value.field == "partners"
    assert len(initiatives.list_initiatives(db)) == 1


def _meeting(db: Database, three: dict[str, int], day: dt.date = TEST_DAY) -> int:
    participants = [create_person(db, PersonData(f"مشارك {n}", phone=f"0100000000{n}",
                                                 organization_id=three[("network", "union")[n % 2]])) for n in range(3)]  # fmt: skip
    enroll(db, three["training"], participants)
    return meetings.create_meeting(
        db, meetings.MeetingData("اجتماع المتابعة", day, "10:00", "12:00", venue="مقر المركز", organizer_id=three["centre"],
                                 agenda="متابعة التوصيات"),
        invite_training_id=three["training"],
    )  # fmt: skip


def test_a_meeting_is_checked_in_like_a_training_and_is_not_a_training(db: Database, three: dict[str, int]) -> None:
    meeting_id = _meeting(db, three)
    assert [t.id for t in list_trainings(db)] == [three["training"]]
    assert {t.id: t.kind for t in list_trainings(db, kinds=None)}[meeting_id] == "meeting"
    details = meetings.meeting_details(db, meeting_id)
    assert len(details.people) == 3 and details.row.invited == 3
    # the organizations of the people invited are invited too
    assert {name for _i, name in details.invited_organizations} == {"شبكة الديمقراطيين", "نقابة العاملين"}
    decision = check_in(db, meeting_id, "مشارك 1", now=dt.datetime.combine(TEST_DAY, dt.time(10, 30)))
    assert isinstance(decision, CheckedIn) and decision.person.name == "مشارك 1"
    assert decision.status == "late"  # fifteen minutes after the start
    assert isinstance(check_in(db, meeting_id, "01000000001", now=dt.datetime.combine(TEST_DAY, dt.time(10, 40))), AlreadyIn)
    assert meetings.meeting_details(db, meeting_id).row.attended == 1
    assert [r.name for r in attendance_grid(db, meeting_id).rows if "late" in r.statuses.values()] == ["مشارك 1"]


def test_minutes_and_decisions_become_action_items(db: Database, three: dict[str, int]) -> None:
    meeting_id = _meeting(db, three)
    meetings.record_minutes(db, meeting_id, minutes="ناقش الحضور التوصيات", decisions="- تبادل بيانات التواصل\n\n• إعداد الكتيبات\n")
    assert actions.decisions_of(db, meeting_id) == ["تبادل بيانات التواصل", "إعداد الكتيبات"]
    first = actions.create_action(db, actions.ActionData("تبادل بيانات التواصل", owner_organization_id=three["network"],
                                                         due_date=TEST_DAY - dt.timedelta(days=1), training_id=meeting_id))  # fmt: skip
    second = actions.create_action(db, actions.ActionData("إعداد الكتيبات", owner_person_id=three["union_head"],
                                                          due_date=TEST_DAY + dt.timedelta(days=30), training_id=meeting_id))  # fmt: skip
    assert [a.id for a in actions.overdue_actions(db)] == [first]
    assert actions.get_action(db, first).source_kind == "meeting"
    # the owner's page: owned by the organization or by one of its people
    assert [a.id for a in actions.list_actions(db, actions.ActionFilter(organization_id=three["union"]))] == [second]
    done = actions.mark_done(db, first)
    assert done.status == "done" and done.done_on == TEST_DAY and not done.overdue
    assert actions.overdue_actions(db) == []
    assert meetings.meeting_details(db, meeting_id).row.open_actions == 1
    with pytest.raises(ValidationError) as error:
        actions.create_action(db, actions.ActionData("  "))
    assert error.value.field == "title"
    with pytest.raises(NotFoundError):
        actions.mark_done(db, 99_999)


def test_a_monthly_series_creates_its_meetings_ahead_on_the_first_sunday(db: Database, three: dict[str, int]) -> None:
    assert meetings.occurrences("monthly", 6, 1, dt.date(2026, 11, 30), 3) == [
        dt.date(2026, 12, 6), dt.date(2027, 1, 3), dt.date(2027, 2, 7)]  # fmt: skip
    assert meetings.occurrences("monthly", 6, -1, dt.date(2026, 11, 1), 1) == [dt.date(2026, 11, 29)]
    assert meetings.occurrences("weekly", 0, None, dt.date(2026, 11, 29), 2) == [dt.date(2026, 11, 30), dt.date(2026, 12, 7)]
    enroll(db, three["training"], [three["network_head"]])
    result = meetings.create_series(db, meetings.SeriesData(
        "اللقاء الشهري", weekday="sunday", week=1, start_time="18:00", end_time="20:00", online=True, count=3,
        organizer_id=three["centre"], invite_training_id=three["training"],
    ))  # fmt: skip
    assert result.dates[0] == dt.date(2026, 12, 6)
    rows = {m.id: m for m in meetings.list_meetings(db)}
    assert set(result.meeting_ids) <= set(rows) and all(rows[i].invited == 1 and rows[i].online for i in result.meeting_ids)
    assert all(rows[i].state(TEST_DAY) == "upcoming" for i in result.meeting_ids)
    with pytest.raises(ValidationError) as error:
        meetings.create_series(db, meetings.SeriesData("x", weekday="someday"))
    assert error.value.field == "weekday"
    with db.session_scope() as tx:
        assert len(tx.scalars(select(EventInvitation)).all()) == 3


def test_a_meeting_number_is_not_a_training_number(db: Database, three: dict[str, int]) -> None:
    with pytest.raises(NotFoundError):
        meetings.meeting_details(db, three["training"])


def test_a_weekday_is_named_in_english_or_arabic_or_numbered() -> None:
    assert meetings.weekday_number("Sunday") == meetings.weekday_number("الأحد") == meetings.weekday_number("6") == 6
    with pytest.raises(ValidationError):
        meetings.weekday_number("يوم")


def test_the_audit_log_names_agreements_initiatives_and_action_items(db: Database, three: dict[str, int]) -> None:
    from desktop_app.services.audit_log import audit_entries

    agreements.create_agreement(db, _protocol(three))
    initiatives.create_initiative(db, initiatives.InitiativeData("لمة إنسانية", lead_organization_id=three["centre"]))
    actions.create_action(db, actions.ActionData("تبادل بيانات التواصل"))
    subjects = {e.entity: e.subject for e in audit_entries(db)}
    assert subjects["agreement"] == "بروتوكول تعاون" and subjects["initiative"] == "لمة إنسانية"
    assert subjects["action_item"] == "تبادل بيانات التواصل"


def test_a_meeting_gets_no_certificates(db: Database, three: dict[str, int]) -> None:
    from desktop_app.services.certificates import issue_certificates

    meeting_id = _meeting(db, three)
    check_in(db, meeting_id, "مشارك 1", now=dt.datetime.combine(TEST_DAY, dt.time(10, 5)))
    with pytest.raises(ValidationError, match="meeting"):
        issue_certificates(db, meeting_id, before_end=True)
