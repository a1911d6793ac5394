"""The network of organizations: links and their reasons, the host's lighter links, new links, the
organizations reached once, the most connected, quiet links, filters and a deterministic layout."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.errors import NotFoundError
from desktop_app.models import AttendanceStatus, TrainingSession
from desktop_app.services import agreements, network
from desktop_app.services.attendance import set_status
from desktop_app.services.network import NetworkFilter
from desktop_app.services.registry import OrganizationData, PersonData, create_organization, create_person
from desktop_app.services.trainings import TrainingData, create_training, enroll
from tests.clocks import TEST_DAY

EARLIER = TEST_DAY - dt.timedelta(days=400)
YESTERDAY = TEST_DAY - dt.timedelta(days=1)


def _held(db: Database, day: dt.date, host: int, guests: list[int], *, absent: int | None = None) -> int:
    """A one-day training hosted by `host`: one person of each guest organization attended (but the
    one of `absent`, enrolled and absent)."""
    training = create_training(db, TrainingData(f"تدريب {day}", day, day, organizer_id=host))
    with db.session_scope() as tx:
        sid = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    for org in guests:
        person = create_person(db, PersonData(f"مشارك {org} {day}", organization_id=org))
        (result,) = enroll(db, training, [person])
        if org != absent:
            set_status(db, result.enrollment_id, sid, AttendanceStatus.PRESENT)
    return training


@pytest.fixture
def story(db: Database) -> dict[str, int]:
    ids = {
        key: create_organization(db, OrganizationData(f"جمعية {key}", kind=kind, governorate=gov))
        for key, kind, gov in (("A", "association", "01"), ("B", "union", "01"), ("C", "association", "28"),
                               ("D", "university", "28"), ("E", "youth", "01"), ("F", "youth", "01"))
    }  # fmt: skip
    ids["T1"] = _held(db, EARLIER, ids["A"], [ids["B"], ids["C"], ids["E"]])
    ids["T2"] = _held(db, YESTERDAY, ids["A"], [ids["B"], ids["C"], ids["D"], ids["F"]], absent=ids["F"])
    ids["P"] = agreements.create_agreement(db, agreements.AgreementData(
        "بروتوكول", status="signed", signed_on=TEST_DAY,
        parties=[agreements.PartyData(ids[k]) for k in ("A", "B", "D")],
    ))  # fmt: skip
    return ids


def _pairs(links: object, ids: dict[str, int]) -> set[str]:
    names = {v: k for k, v in ids.items() if k in "ABCDEF"}
    return {"".join(sorted(names[x.source] + names[x.target])) for x in links}  # type: ignore[attr-defined]


def test_links_know_their_reasons_and_the_host_links_are_organized(db: Database, story: dict[str, int]) -> None:
    result = network.network(db)
    edges = {"".join(sorted(f"{story_name(story, e.source)}{story_name(story, e.target)}")): e for e in result.edges}
    assert set(edges) == {"AB", "AC", "AD", "AE", "BC", "BD", "BE", "CD", "CE"}  # F was absent: not in it
    assert [(r.kind, r.id) for r in edges["BC"].reasons] == [("training", story["T1"]), ("training", story["T2"])]
    assert edges["AC"].organized_only and not edges["AB"].organized_only
    assert [(r.kind, r.date) for r in edges["AB"].reasons] == [
        ("organized", EARLIER), ("organized", YESTERDAY), ("agreement", TEST_DAY)]  # fmt: skip
    assert edges["AB"].weight == 3


def story_name(story: dict[str, int], org_id: int) -> str:
    return next(k for k, v in story.items() if v == org_id and len(k) == 1)


def test_new_links_once_most_connected_and_quiet(db: Database, story: dict[str, int]) -> None:
    result = network.network(db)
    assert _pairs(result.new_links, story) == {"BC", "BE", "CE", "BD", "CD"}  # never a host's link
    second = network.network(db, NetworkFilter(training_id=story["T2"]))
    assert _pairs(second.new_links, story) == {"BD", "CD"}  # B and C had met a year before
    assert {n.via_id for n in second.new_links} == {story["T2"]}
    assert network.new_links_of(db, story["T2"]) == network.ProgrammeLinks(2, 3, 4)
    assert result.once == (story["E"],)
    degrees = dict(result.most_connected)
    assert degrees == {story["A"]: 8, story["B"]: 8, story["C"]: 6, story["D"]: 5, story["E"]: 3}
    assert list(degrees)[:2] == [story["A"], story["B"]]
    assert _pairs(result.quiet, story) == {"BE", "CE"}
    assert {q.last for q in result.quiet} == {EARLIER}
    people = {n.id: n.people for n in result.nodes}
    assert people[story["B"]] == 2 and people[story["D"]] == 1 and story["F"] not in people


def test_filters_by_dates_governorate_and_kind(db: Database, story: dict[str, int]) -> None:
    recent = network.network(db, NetworkFilter(start=YESTERDAY))
    assert _pairs(recent.edges, story) == {"AB", "AC", "AD", "BC", "BD", "CD"}
    cairo = network.network(db, NetworkFilter(governorates=("01",)))
    assert {n.id for n in cairo.nodes} == {story["A"], story["B"], story["E"]}
    unions = network.network(db, NetworkFilter(kinds=("union", "university")))
    assert _pairs(unions.edges, story) == {"BD"}
    with pytest.raises(NotFoundError):
        network.network(db, NetworkFilter(training_id=99_999))


def test_the_json_has_the_documented_shape(db: Database, story: dict[str, int]) -> None:
    document = network.network(db).as_json()
    assert set(document) == {"nodes", "edges", "new_links", "once", "most_connected", "quiet"}
    assert set(document["nodes"][0]) == {"id", "name", "kind", "governorate", "people"}
    assert set(document["edges"][0]) == {"source", "target", "weight", "reasons"}
    assert set(document["edges"][0]["reasons"][0]) == {"kind", "id", "date"}
    assert set(document["new_links"][0]) == {"source", "target", "via"} and set(document["new_links"][0]["via"]) == {"kind", "id"}
    assert set(document["most_connected"][0]) == {"id", "degree"}
    assert set(document["quiet"][0]) == {"source", "target", "last"}


def test_the_layout_is_the_same_for_the_same_data_and_cached(db: Database, story: dict[str, int]) -> None:
    first = {n.id: (n.x, n.y) for n in network.network(db).nodes}
    network.forget_cached()
    again = {n.id: (n.x, n.y) for n in network.network(db).nodes}
    assert first == again
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first.values())
    assert len({(round(x, 3), round(y, 3)) for x, y in first.values()}) == len(first)  # no two on one spot
    key = network._layout_key(network.network(db, with_layout=False).nodes, network.network(db, with_layout=False).edges)
    assert key in network._LAYOUTS


def test_a_change_in_the_data_is_seen_at_once(db: Database, story: dict[str, int]) -> None:
    before = network.network(db)
    assert network.network(db) is before  # nothing changed: the same network
    agreements.create_agreement(db, agreements.AgreementData(
        "مذكرة", status="signed", signed_on=TEST_DAY, parties=[agreements.PartyData(story["C"]), agreements.PartyData(story["E"])],
    ))  # fmt: skip
    after = network.network(db)
    assert after is not before
    assert [r.kind for e in after.edges if (e.source, e.target) == (story["C"], story["E"]) for r in e.reasons] == [
        "training", "agreement"]  # fmt: skip


def test_an_organizations_timeline(db: Database, story: dict[str, int]) -> None:
    from desktop_app.services import actions

    late = actions.create_action(db, actions.ActionData("متابعة", owner_organization_id=story["D"],
                                                        due_date=TEST_DAY - dt.timedelta(days=3)))  # fmt: skip
    timeline = network.organization_timeline(db, story["D"])
    assert [(e.kind, e.part) for e in timeline] == [("agreement", "party"), ("training", "took_part"), ("action", "owner")]
    assert timeline[-1].id == late and timeline[-1].overdue
    host = network.organization_timeline(db, story["A"])
    assert {(e.kind, e.id, e.part) for e in host} >= {("training", story["T1"], "organized"), ("training", story["T2"], "organized")}
    absent = network.organization_timeline(db, story["F"])
    assert absent == []  # F's person was enrolled and did not come
