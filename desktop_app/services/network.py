"""The partner network: which organizations work with whom, since when, and what a programme added.

Nodes are organizations. An organization *took part* in a training or meeting when at least one of
its people attended a session (present or late); it *organized* it when it is the organizer or a
co-organizer. Two organizations are linked when they took part in the same training or meeting,
co-organized one, signed the same agreement (anything but a draft) or work in the same initiative;
every link keeps its reasons (kind, id, date) and weighs as many as it has. The host's link to each
participant organization is of the kind "organized": drawn lighter and never a "new link", since a
host meeting its guests is not the network a programme builds.

The figures a networking programme is judged by:
- new links: pairs that met for the first time (no earlier shared activity of any kind but hosting)
  at a given training or meeting;
- once: organizations reached by one training or meeting and nothing else, ever;
- most connected: the ten with the highest weighted degree;
- quiet: links with no shared activity in the last 12 months.

The layout comes from networkx (ForceAtlas2, seeded, nodes and edges in id order: the same data
always gives the same picture) and is cached by the graph's content, so a redraw or a second look
costs only the queries. The window and the CLI's PDF use the same positions.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, NamedTuple

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import NotFoundError
from desktop_app.i18n import _
from desktop_app.models import (
    Agreement,
    AgreementInitiative,
    AgreementParty,
    AgreementStatus,
    AgreementTraining,
    Attendance,
    AttendanceStatus,
    Enrollment,
    EventKind,
    Initiative,
    InitiativePartner,
    InitiativeTraining,
    Organization,
    Person,
    Training,
    TrainingCoOrganizer,
    TrainingStatus,
)

# Kinds of reasons, in the order a tie on the same day is broken.
TRAINING, MEETING, CO_ORGANIZED, ORGANIZED, AGREEMENT, INITIATIVE = (
    "training", "meeting", "co_organized", "organized", "agreement", "initiative",
)  # fmt: skip
REASON_ORDER = {kind: n for n, kind in enumerate((AGREEMENT, INITIATIVE, CO_ORGANIZED, TRAINING, MEETING, ORGANIZED))}
QUIET_AFTER = dt.timedelta(days=365)
MOST_CONNECTED = 10
LAYOUT_SEED = 20260
_LAYOUT_CACHE_SIZE = 16


@dataclass(frozen=True, order=True)
class Reason:
    """One shared activity behind a link."""

    date: dt.date | None
    kind: str
    id: int

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "date": self.date.isoformat() if self.date else None}


@dataclass(frozen=True)
class Node:
    id: int
    name: str
    name_en: str | None
    kind: str
    governorate: str | None
    people: int  # people of the organization who took part in the activities shown
    x: float = 0.0  # layout, in [0, 1] both ways
    y: float = 0.0


class Edge(NamedTuple):
    """A link between two organizations (a named tuple: a large network has 50,000 of them)."""

    source: int
    target: int
    reasons: tuple[Reason, ...]  # oldest first
    weight: int
    organized_only: bool  # only the host's link to a guest: drawn lighter


def _edge(source: int, target: int, reasons: list[Reason]) -> Edge:
    return Edge(source, target, tuple(reasons), len(reasons), all(r.kind == ORGANIZED for r in reasons))


class NewLink(NamedTuple):
    source: int
    target: int
    via_kind: str  # training | meeting
    via_id: int
    date: dt.date | None


class QuietLink(NamedTuple):
    source: int
    target: int
    last: dt.date | None


@dataclass(frozen=True)
class NetworkFilter:
    """What the network screen and `tashbeek network` narrow it to (all empty: everything)."""

    start: dt.date | None = None
    end: dt.date | None = None
    governorates: tuple[str, ...] = ()  # organizations of these governorates
    kinds: tuple[str, ...] = ()  # organizations of these kinds
    training_id: int | None = None  # one training or meeting
    initiative_id: int | None = None  # an initiative with its trainings, meetings and agreements


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    new_links: tuple[NewLink, ...]
    once: tuple[int, ...]
    most_connected: tuple[tuple[int, int], ...]  # (organization id, weighted degree)
    quiet: tuple[QuietLink, ...]
    titles: dict[tuple[str, int], str] = field(default_factory=dict)  # (kind, id) -> title, for hover texts

    def node(self, org_id: int) -> Node:
        return next(n for n in self.nodes if n.id == org_id)

    @property
    def new_link_organizations(self) -> int:
        return len({o for link in self.new_links for o in (link.source, link.target)})

    def as_json(self) -> dict[str, Any]:
        """The document `tashbeek network --json` prints (the issue's shape, exactly)."""
        return {
            "nodes": [{"id": n.id, "name": n.name, "kind": n.kind, "governorate": n.governorate, "people": n.people}
                      for n in self.nodes],
            "edges": [{"source": e.source, "target": e.target, "weight": e.weight,
                       "reasons": [r.as_json() for r in e.reasons]} for e in self.edges],
            "new_links": [{"source": n.source, "target": n.target, "via": {"kind": n.via_kind, "id": n.via_id}}
                          for n in self.new_links],
            "once": list(self.once),
            "most_connected": [{"id": i, "degree": d} for i, d in self.most_connected],
            "quiet": [{"source": q.source, "target": q.target, "last": q.last.isoformat() if q.last else None}
                      for q in self.quiet],
        }  # fmt: skip


# ---------------------------------------------------------------- what happened, loaded once per call


@dataclass
class _Activity:
    id: int
    kind: str  # training | meeting
    date: dt.date
    title: str
    hosts: set[int]
    participants: dict[int, set[int]]  # organization -> people who attended

    @property
    def guests(self) -> set[int]:
        return set(self.participants) - self.hosts


@dataclass
class _Group:
    """An agreement's parties or an initiative's lead and partners."""

    kind: str
    id: int
    date: dt.date | None
    title: str
    members: set[int]
    training_ids: set[int] = field(default_factory=set)
    agreement_ids: set[int] = field(default_factory=set)


def _read(tx: Session) -> tuple[tuple[Any, ...], ...]:
    """Every row the network is made of, in a fixed order (its hash tells whether anything changed)."""
    organization = func.coalesce(Enrollment.organization_id, Person.organization_id)
    # An enrolment is one person in one training: "attended a session" is a semi-join on the marks
    # (no join and DISTINCT over every mark).
    attended = exists().where(
        Attendance.enrollment_id == Enrollment.id, Attendance.status.in_((AttendanceStatus.PRESENT, AttendanceStatus.LATE))
    )
    queries: list[Any] = [
        select(Organization.id, Organization.name_ar, Organization.name_en, Organization.kind,
               Organization.governorate).order_by(Organization.id),
        select(Training.id, Training.kind, Training.start_date, Training.title_ar, Training.organizer_id)
        .where(Training.status.not_in((TrainingStatus.CANCELLED,))).order_by(Training.id),
        select(TrainingCoOrganizer.training_id, TrainingCoOrganizer.organization_id).order_by(TrainingCoOrganizer.id),
        select(Enrollment.training_id, organization, Enrollment.person_id)
        .join(Person, Person.id == Enrollment.person_id)
        .where(attended, organization.is_not(None))
        .order_by(Enrollment.training_id, Enrollment.person_id),
        select(Agreement.id, Agreement.title, Agreement.signed_on, Agreement.start_date)
        .where(Agreement.status != AgreementStatus.DRAFT).order_by(Agreement.id),
        select(AgreementParty.agreement_id, AgreementParty.organization_id).order_by(AgreementParty.id),
        select(AgreementTraining.agreement_id, AgreementTraining.training_id).order_by(AgreementTraining.id),
        select(Initiative.id, Initiative.name, Initiative.start_date, Initiative.lead_organization_id)
        .order_by(Initiative.id),
        select(InitiativePartner.initiative_id, InitiativePartner.organization_id).order_by(InitiativePartner.id),
        select(InitiativeTraining.initiative_id, InitiativeTraining.training_id).order_by(InitiativeTraining.id),
        select(AgreementInitiative.agreement_id, AgreementInitiative.initiative_id).order_by(AgreementInitiative.id),
    ]  # fmt: skip
    # Plain rows through the transaction's connection: the ORM's result machinery adds a fifth to
    # reading 12,000 rows, for entities none of these queries asks for.
    conn = tx.connection()
    return tuple(tuple(conn.execute(q)) for q in queries)


class _Ledger:
    def __init__(self, rows: tuple[tuple[Any, ...], ...]) -> None:
        (orgs, trainings, co_organizers, attended, agreement_rows, parties, agreement_trainings, initiative_rows,
         partners, initiative_trainings, agreement_initiatives) = rows  # fmt: skip
        self.organizations = {oid: (name, name_en, kind.value, gov) for oid, name, name_en, kind, gov in orgs}
        self.activities: dict[int, _Activity] = {}
        for tid, kind, start, title, organizer in trainings:
            hosts = {organizer} if organizer is not None else set()
            self.activities[tid] = _Activity(tid, kind.value, start, title, hosts, {})
        for tid, oid in co_organizers:
            if tid in self.activities:
                self.activities[tid].hosts.add(oid)
        for tid, oid, pid in attended:
            if tid in self.activities:
                self.activities[tid].participants.setdefault(oid, set()).add(pid)
        self.groups: dict[tuple[str, int], _Group] = {}
        for aid, title, signed, start in agreement_rows:
            self.groups[(AGREEMENT, aid)] = _Group(AGREEMENT, aid, signed or start, title, set())
        for aid, oid in parties:
            if (AGREEMENT, aid) in self.groups:
                self.groups[(AGREEMENT, aid)].members.add(oid)
        for aid, tid in agreement_trainings:
            if (AGREEMENT, aid) in self.groups:
                self.groups[(AGREEMENT, aid)].training_ids.add(tid)
        for iid, name, start, lead in initiative_rows:
            self.groups[(INITIATIVE, iid)] = _Group(INITIATIVE, iid, start, name, {lead} if lead else set())
        for iid, oid in partners:
            self.groups[(INITIATIVE, iid)].members.add(oid)
        for iid, tid in initiative_trainings:
            self.groups[(INITIATIVE, iid)].training_ids.add(tid)
        for aid, iid in agreement_initiatives:
            self.groups[(INITIATIVE, iid)].agreement_ids.add(aid)
        # Every organization's memberships that make a link between peers (never the host-guest one):
        # (kind, id, side) — two organizations share a key when they met as equals.
        self.memberships: dict[int, set[tuple[str, int, str]]] = {}
        self.dates: dict[tuple[str, int], dt.date | None] = {}
        self.rank: dict[tuple[str, int], tuple[dt.date, int, int]] = {}
        for a in self.activities.values():
            self.dates[(a.kind, a.id)] = a.date
            self.rank[(a.kind, a.id)] = (a.date, REASON_ORDER[a.kind], a.id)
            for oid in a.guests:
                self.memberships.setdefault(oid, set()).add((a.kind, a.id, "guest"))
            for oid in a.hosts:
                self.memberships.setdefault(oid, set()).add((a.kind, a.id, "host"))
        for g in self.groups.values():
            self.dates[(g.kind, g.id)] = g.date
            self.rank[(g.kind, g.id)] = (g.date or dt.date.min, REASON_ORDER[g.kind], g.id)
            for oid in g.members:
                self.memberships.setdefault(oid, set()).add((g.kind, g.id, ""))

    def first_last(self, a: int, b: int) -> tuple[Reason, Reason] | None:
        """The first and the last activity two organizations shared as equals (hosting a guest left
        out), or None when they never did."""
        keys = self.memberships.get(a, _NONE) & self.memberships.get(b, _NONE)
        if not keys:
            return None
        ranked = [(self.rank[(k, i)], k, i, side) for k, i, side in keys]
        return self._reason(min(ranked)), self._reason(max(ranked))

    def _reason(self, ranked: tuple[tuple[dt.date, int, int], str, int, str]) -> Reason:
        _rank, kind, key, side = ranked
        return Reason(self.dates[(kind, key)], CO_ORGANIZED if side == "host" else kind, key)


_NONE: frozenset[tuple[str, int, str]] = frozenset()


def _in_range(day: dt.date | None, flt: NetworkFilter) -> bool:
    if flt.start is None and flt.end is None:
        return True
    if day is None:
        return False
    return (flt.start is None or day >= flt.start) and (flt.end is None or day <= flt.end)


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _compute(ledger: _Ledger, flt: NetworkFilter, today: dt.date) -> tuple[Network, dict[int, int]]:
    organizations = ledger.organizations

    def org_ok(oid: int) -> bool:
        info = organizations.get(oid)
        if info is None:
            return False
        return (not flt.governorates or info[3] in flt.governorates) and (not flt.kinds or info[2] in flt.kinds)

    activity_ids: set[int] | None = None
    group_keys: set[tuple[str, int]] | None = None
    if flt.training_id is not None:
        activity_ids, group_keys = {flt.training_id}, set()
    if flt.initiative_id is not None:
        initiative = ledger.groups.get((INITIATIVE, flt.initiative_id))
        trainings = initiative.training_ids if initiative else set()
        activity_ids = trainings if activity_ids is None else activity_ids & trainings
        group_keys = {(INITIATIVE, flt.initiative_id)} | {(AGREEMENT, a) for a in (initiative.agreement_ids if initiative else ())}
    activities = [
        a for a in ledger.activities.values()
        if (activity_ids is None or a.id in activity_ids) and _in_range(a.date, flt)
    ]  # fmt: skip
    groups = [
        g for key, g in ledger.groups.items()
        if (group_keys is None or key in group_keys) and _in_range(g.date, flt)
    ]  # fmt: skip

    reasons: dict[tuple[int, int], list[Reason]] = {}
    people: dict[int, set[int]] = {}
    # Events in time order (ties: agreements, initiatives, then trainings): every link's reasons come
    # out oldest first without sorting 50,000 lists.
    events: list[tuple[tuple[dt.date, int, int], _Activity | _Group]] = [
        (ledger.rank[(a.kind, a.id)], a) for a in activities
    ] + [(ledger.rank[(g.kind, g.id)], g) for g in groups]
    events.sort(key=lambda e: e[0])
    for _rank, event in events:
        if isinstance(event, _Group):
            members = sorted(o for o in event.members if org_ok(o))
            for oid in members:
                people.setdefault(oid, set())
            reason = Reason(event.date, event.kind, event.id)
            for pair in combinations(members, 2):
                reasons.setdefault(pair, []).append(reason)
            continue
        a = event
        guests = sorted(o for o in a.guests if org_ok(o))
        hosts = sorted(o for o in a.hosts if org_ok(o))
        for oid in guests + hosts:
            people.setdefault(oid, set()).update(a.participants.get(oid, ()))
        shared = Reason(a.date, a.kind, a.id)
        for pair in combinations(guests, 2):
            reasons.setdefault(pair, []).append(shared)
        co = Reason(a.date, CO_ORGANIZED, a.id)
        for pair in combinations(hosts, 2):
            reasons.setdefault(pair, []).append(co)
        hosted = Reason(a.date, ORGANIZED, a.id)
        for host in hosts:
            for guest in guests:
                reasons.setdefault(_pair(host, guest), []).append(hosted)

    edges = tuple(_edge(a, b, reasons[(a, b)]) for a, b in sorted(reasons))
    # New links: the pair's first meeting as equals, ever, is one of the activities shown.
    shown = {(a.kind, a.id) for a in activities}
    new_links: list[NewLink] = []
    quiet: list[QuietLink] = []
    reference = flt.end or today
    # Unfiltered, a link's reasons are its whole history; filtered, the history is looked up.
    everything = flt == NetworkFilter()
    for edge in edges:
        if edge.organized_only:
            continue
        if everything:
            equal = [r for r in edge.reasons if r.kind != ORGANIZED]
            first, last = equal[0], equal[-1]
        else:
            found = ledger.first_last(edge.source, edge.target)
            if found is None:
                continue
            first, last = found
        if first.kind in (TRAINING, MEETING) and (first.kind, first.id) in shown:
            new_links.append(NewLink(edge.source, edge.target, first.kind, first.id, first.date))
        if last.date is not None and last.date < reference - QUIET_AFTER:
            quiet.append(QuietLink(edge.source, edge.target, last.date))
    new_links.sort(key=lambda n: (n.date or dt.date.min, n.via_id, n.source, n.target))
    quiet.sort(key=lambda q: (q.last or dt.date.min, q.source, q.target))

    degree: dict[int, int] = dict.fromkeys(people, 0)
    for edge in edges:
        degree[edge.source] = degree.get(edge.source, 0) + edge.weight
        degree[edge.target] = degree.get(edge.target, 0) + edge.weight
    most = tuple(sorted(((o, d) for o, d in degree.items() if d > 0), key=lambda x: (-x[1], x[0]))[:MOST_CONNECTED])

    # Reached once: one training or meeting attended, as a guest, and nothing else ever.
    once = tuple(
        sorted(
            oid for oid in degree
            if len(keys := ledger.memberships.get(oid, set())) == 1
            and next(iter(keys))[2] == "guest"
            and (ledger.dates[next(iter(keys))[:2]] or today) < today
        )
    )  # fmt: skip
    nodes = tuple(
        Node(oid, organizations[oid][0], organizations[oid][1], organizations[oid][2], organizations[oid][3],
             len(people.get(oid, ())))
        for oid in sorted(degree)
    )  # fmt: skip
    titles = {(a.kind, a.id): a.title for a in activities} | {(g.kind, g.id): g.title for g in groups}
    return Network(nodes, edges, tuple(new_links), once, most, tuple(quiet), titles), degree


# ---------------------------------------------------------------- layout


_LAYOUTS: OrderedDict[int, dict[int, tuple[float, float]]] = OrderedDict()


def _layout_key(nodes: Iterable[Node], edges: Iterable[Edge]) -> int:
    """The graph's content (the cache lives in memory, so Python's hash of it is enough)."""
    return hash((tuple(n.id for n in nodes), tuple((e.source, e.target, e.weight, e.organized_only) for e in edges)))


def layout(nodes: tuple[Node, ...], edges: tuple[Edge, ...]) -> dict[int, tuple[float, float]]:
    """Positions in [0, 1] × [0, 1] (aspect kept, centred), the same for the same graph, cached."""
    key = _layout_key(nodes, edges)
    cached = _LAYOUTS.get(key)
    if cached is not None:
        _LAYOUTS.move_to_end(key)
        return cached
    positions = _compute_layout(nodes, edges)
    _LAYOUTS[key] = positions
    while len(_LAYOUTS) > _LAYOUT_CACHE_SIZE:
        _LAYOUTS.popitem(last=False)
    return positions


def _compute_layout(nodes: tuple[Node, ...], edges: tuple[Edge, ...]) -> dict[int, tuple[float, float]]:
    import networkx as nx  # imported on first use: the CLI's other commands start faster without it
    import numpy as np

    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0].id: (0.5, 0.5)}
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    # The host's links hold the picture together less than links between equals.
    graph.add_weighted_edges_from((e.source, e.target, e.weight * (0.3 if e.organized_only else 1.0)) for e in edges)
    raw = nx.forceatlas2_layout(graph, seed=LAYOUT_SEED, max_iter=25, weight="weight")
    # networkx's layouts are NumPy arrays: scaled into the unit square, aspect kept, centred.
    points = np.array([raw[n.id] for n in nodes], dtype=float)
    low, high = points.min(axis=0), points.max(axis=0)
    span = float((high - low).max()) or 1.0
    unit = 0.5 + (points - (low + high) / 2) / span
    return {n.id: (float(x), float(y)) for n, (x, y) in zip(nodes, unit, strict=True)}


# ---------------------------------------------------------------- what the faces call


_NETWORKS: OrderedDict[tuple[Any, ...], Network] = OrderedDict()


def network(db: Database, flt: NetworkFilter | None = None, *, with_layout: bool = True) -> Network:
    """The network for a filter, its figures, and (by default) its layout.

    The rows it is made of are read every time (a few tens of milliseconds); when they, the filter
    and the day are what they were, the network computed then is returned again."""
    flt = flt or NetworkFilter()
    with db.session_scope() as tx:
        if flt.training_id is not None and tx.get(Training, flt.training_id) is None:
            raise NotFoundError(_("No training or meeting with number {id}.").format(id=flt.training_id))
        if flt.initiative_id is not None and tx.get(Initiative, flt.initiative_id) is None:
            raise NotFoundError(_("No initiative with number {id}.").format(id=flt.initiative_id))
        rows = _read(tx)
    today = clock.today()
    key = (hash(rows), str(db.url), flt, today, with_layout)
    cached = _NETWORKS.get(key)
    if cached is not None:
        _NETWORKS.move_to_end(key)
        return cached
    # A large network is 100,000 small tuples made at once (and as many again for the layout's key
    # and graph): the cyclic garbage collector would run dozens of times over them for nothing (none
    # of them is a cycle), doubling the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result, _degree = _compute(_Ledger(rows), flt, today)
        if with_layout:
            positions = layout(result.nodes, result.edges)
            nodes = tuple(
                Node(n.id, n.name, n.name_en, n.kind, n.governorate, n.people, *positions.get(n.id, (0.5, 0.5)))
                for n in result.nodes
            )
            result = Network(nodes, result.edges, result.new_links, result.once, result.most_connected, result.quiet,
                             result.titles)  # fmt: skip
    finally:
        if collecting:
            gc.enable()
    _NETWORKS[key] = result
    while len(_NETWORKS) > _LAYOUT_CACHE_SIZE:
        _NETWORKS.popitem(last=False)
    return result


def forget_cached() -> None:
    """Empty the caches (benchmarks and tests measure the first computation)."""
    _NETWORKS.clear()
    _LAYOUTS.clear()


@dataclass(frozen=True)
class ProgrammeLinks:
    """"This programme created N new links between M organizations"."""

    links: int
    organizations: int
    took_part: int  # organizations that took part (as guests or hosts)


def new_links_of(db: Database, training_id: int) -> ProgrammeLinks:
    """The new links a training or meeting created (what its page says)."""
    result = network(db, NetworkFilter(training_id=training_id), with_layout=False)
    return ProgrammeLinks(len(result.new_links), result.new_link_organizations, len(result.nodes))



@dataclass(frozen=True)
class Choices:
    """What the network screen's filters and forms offer (plain rows, names in Arabic)."""

    organizations: tuple[tuple[int, str, str | None], ...]  # (id, name, English name)
    activities: tuple[tuple[int, str, str, dt.date], ...]  # (id, title, kind, start)
    initiatives: tuple[tuple[int, str], ...]
    governorates: tuple[str, ...]  # codes the organizations use
    kinds: tuple[str, ...]  # organization kinds in use


def choices(db: Database) -> Choices:
    with db.session_scope() as tx:
        orgs = tuple(
            (i, n, e) for i, n, e in tx.execute(
                select(Organization.id, Organization.name_ar, Organization.name_en)
                .where(Organization.archived.is_(False)).order_by(Organization.name_key, Organization.id)
            )
        )  # fmt: skip
        activities = tuple(
            (i, t, k.value, d) for i, t, k, d in tx.execute(
                select(Training.id, Training.title_ar, Training.kind, Training.start_date)
                .where(Training.status != TrainingStatus.ARCHIVED)
                .order_by(Training.start_date.desc(), Training.id.desc())
            )
        )  # fmt: skip
        initiatives = tuple((i, n) for i, n in tx.execute(select(Initiative.id, Initiative.name).order_by(Initiative.id)))
        governorates = tuple(sorted(g for g in tx.scalars(select(Organization.governorate).distinct()) if g))
        kinds = tuple(sorted(k.value for k in tx.scalars(select(Organization.kind).distinct()) if k))
    return Choices(orgs, activities, initiatives, governorates, kinds)


def people_of(db: Database, organization_id: int) -> list[tuple[int, str]]:
    """The people of an organization (a party's signatory is chosen among them)."""
    with db.session_scope() as tx:
        return [
            (i, n) for i, n in tx.execute(
                select(Person.id, Person.full_name)
                .where(Person.organization_id == organization_id, Person.archived.is_(False))
                .order_by(Person.name_key, Person.id)
            )
        ]  # fmt: skip


@dataclass(frozen=True)
class Found:
    kind: str  # agreement | initiative | meeting | action
    id: int
    title: str


def find_records(db: Database, query: str, limit: int = 4) -> list[Found]:
    """Agreements, initiatives, meetings and action items whose title holds the query (Ctrl+K),
    matched the way every search here matches Arabic (hamza, taa marbuta, alef maqsura, diacritics)."""
    from desktop_app.models import ActionItem
    from desktop_app.text.arabic import fold_text

    folded = fold_text(query)
    if not folded:
        return []
    found: list[Found] = []
    with db.session_scope() as tx:
        sources: list[tuple[str, Any]] = [
            ("agreement", select(Agreement.id, Agreement.title).where(Agreement.archived.is_(False))),
            ("initiative", select(Initiative.id, Initiative.name).where(Initiative.archived.is_(False))),
            ("meeting", select(Training.id, Training.title_ar).where(Training.kind == EventKind.MEETING)),
            ("action", select(ActionItem.id, ActionItem.title)),
        ]
        for kind, statement in sources:
            hits = [Found(kind, i, t) for i, t in tx.execute(statement) if folded in fold_text(t)]
            found += hits[:limit]
    return found


@dataclass(frozen=True)
class TimelineEntry:
    """One line of an organization's timeline."""

    date: dt.date | None
    kind: str  # training | meeting | agreement | initiative | action
    id: int
    title: str
    part: str  # organized | co_organized | took_part | invited | party | lead | partner | owner
    detail: str | None = None  # a partner's role, an agreement's status, an action's due state
    overdue: bool = False


def organization_timeline(db: Database, org_id: int) -> list[TimelineEntry]:
    """What an organization did in the network, newest first: trainings and meetings it organized,
    co-organized or took part in (one of its people attended; or invited), agreements it signed,
    initiatives it leads or is a partner of, and its open action items."""
    from desktop_app.models import ActionItem, ActionStatus, EventInvitation

    today = clock.today()
    entries: list[TimelineEntry] = []
    with db.session_scope() as tx:
        organization = func.coalesce(Enrollment.organization_id, Person.organization_id)
        took_part = set(tx.scalars(
            select(Enrollment.training_id).join(Attendance, Attendance.enrollment_id == Enrollment.id)
            .join(Person, Person.id == Enrollment.person_id)
            .where(organization == org_id, Attendance.status.in_((AttendanceStatus.PRESENT, AttendanceStatus.LATE)))
        ))  # fmt: skip
        co = set(tx.scalars(select(TrainingCoOrganizer.training_id).where(TrainingCoOrganizer.organization_id == org_id)))
        invited = set(tx.scalars(select(EventInvitation.training_id).where(EventInvitation.organization_id == org_id)))
        for tid, title, kind, start, organizer in tx.execute(
            select(Training.id, Training.title_ar, Training.kind, Training.start_date, Training.organizer_id).where(
                (Training.organizer_id == org_id) | Training.id.in_(took_part | co | invited)
            )
        ):
            part = ("organized" if organizer == org_id else "co_organized" if tid in co
                    else "took_part" if tid in took_part else "invited")  # fmt: skip
            entries.append(TimelineEntry(start, kind.value, tid, title, part))
        for aid, title, signed, begins, status in tx.execute(
            select(Agreement.id, Agreement.title, Agreement.signed_on, Agreement.start_date, Agreement.status)
            .join(AgreementParty, AgreementParty.agreement_id == Agreement.id)
            .where(AgreementParty.organization_id == org_id)
        ):
            entries.append(TimelineEntry(signed or begins, AGREEMENT, aid, title, "party", status.value))
        partners = {iid: role for iid, role in tx.execute(
            select(InitiativePartner.initiative_id, InitiativePartner.role).where(InitiativePartner.organization_id == org_id))}  # fmt: skip
        for iid, name, launched, lead in tx.execute(
            select(Initiative.id, Initiative.name, Initiative.start_date, Initiative.lead_organization_id).where(
                (Initiative.lead_organization_id == org_id) | Initiative.id.in_(partners)
            )
        ):
            entries.append(TimelineEntry(launched, INITIATIVE, iid, name, "lead" if lead == org_id else "partner",
                                         partners.get(iid)))  # fmt: skip
        members = select(Person.id).where(Person.organization_id == org_id)
        for aid, title, due in tx.execute(
            select(ActionItem.id, ActionItem.title, ActionItem.due_date).where(
                ActionItem.status == ActionStatus.OPEN,
                (ActionItem.owner_organization_id == org_id) | ActionItem.owner_person_id.in_(members),
            )
        ):
            entries.append(TimelineEntry(due, "action", aid, title, "owner", None, due is not None and due < today))
    return sorted(entries, key=lambda e: (e.date or dt.date.min, e.kind, e.id), reverse=True)
