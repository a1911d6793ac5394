"""Working groups: participants dealt into N groups by measurable rules.

1. Group sizes differ by at most one.
2. Two people of the same organization share a group only when that organization has more people
   than there are groups (then they are spread as evenly as possible).
3. Each group's count of women is within one of an even split.
4. Governorates spread as evenly as the rules above allow.

Sizes and women are fixed per group first (so no placement can run out of room), people are then
placed organization by organization, largest first, each into the group where their organization
and governorate are rarest; same-gender swaps repair any organization clash that greedy order left.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.models import Enrollment, EnrollmentRole, EnrollmentStatus, Gender, Person
from desktop_app.services import audit
from desktop_app.services.trainings import get_training


@dataclass(frozen=True)
class Member:
    id: int
    organization: str | None  # None: nobody else shares it
    female: bool
    governorate: str | None


def plan_groups(members: list[Member], n: int) -> dict[int, int]:
    """{member id: group number 1..n} following the rules in the module docstring."""
    if n < 1:
        raise ValueError("at least one group")
    if not members:
        return {}
    people = len(members)
    women = sum(m.female for m in members)
    size = [people // n + (1 if g < people % n else 0) for g in range(n)]
    women_cap = [women // n + (1 if g < women % n else 0) for g in range(n)]
    room = {True: women_cap[:], False: [size[g] - women_cap[g] for g in range(n)]}
    org_key = {m.id: m.organization or f"\0{m.id}" for m in members}
    org_size = Counter(org_key.values())
    org_in: list[Counter[str]] = [Counter() for _ in range(n)]
    gov_in: list[Counter[str | None]] = [Counter() for _ in range(n)]
    filled = [0] * n
    group_of: dict[int, int] = {}

    ordered = sorted(
        members, key=lambda m: (-org_size[org_key[m.id]], org_key[m.id], m.female, m.governorate or "", m.id)
    )
    for m in ordered:
        org = org_key[m.id]
        candidates = [g for g in range(n) if room[m.female][g] > 0]
        g = min(candidates, key=lambda g: (org_in[g][org], gov_in[g][m.governorate], filled[g] - size[g], g))
        group_of[m.id] = g
        room[m.female][g] -= 1
        org_in[g][org] += 1
        gov_in[g][m.governorate] += 1
        filled[g] += 1

    _repair_clashes(members, n, group_of, org_key, org_size, org_in, gov_in)
    return {mid: g + 1 for mid, g in group_of.items()}


def _repair_clashes(
    members: list[Member], n: int, group_of: dict[int, int], org_key: dict[int, str], org_size: Counter[str],
    org_in: list[Counter[str]], gov_in: list[Counter[str | None]],
) -> None:  # fmt: skip
    """Local search over same-gender swaps (sizes and women per group never change) until no
    organization has more people in a group than its limit. A swap may leave the clash count
    unchanged when it opens the way for the next one; states already visited are not revisited."""

    def limit(org: str) -> int:  # most allowed of one organization in one group
        return -(-org_size[org] // n)

    def over(g: int, org: str, change: int = 0) -> int:
        return max(0, org_in[g][org] + change - limit(org))

    visited = {tuple(sorted(group_of.items()))}
    for _round in range(8 * len(members)):
        clashes = {
            (group_of[m.id], org_key[m.id]) for m in members if over(group_of[m.id], org_key[m.id]) > 0
        }
        if not clashes:
            return
        best: tuple[int, int, int, int] | None = None
        for g, org in sorted(clashes):
            for mover in (m for m in members if group_of[m.id] == g and org_key[m.id] == org):
                for other in members:
                    h, other_org = group_of[other.id], org_key[other.id]
                    if h == g or other_org == org or other.female != mover.female:
                        continue
                    # Change in total excess from moving mover g→h and other h→g.
                    delta = (
                        over(g, org, -1) - over(g, org) + over(h, org, +1) - over(h, org)
                        + over(h, other_org, -1) - over(h, other_org) + over(g, other_org, +1) - over(g, other_org)
                    )  # fmt: skip
                    if delta > 0:
                        continue
                    state = dict(group_of)
                    state[mover.id], state[other.id] = h, g
                    if tuple(sorted(state.items())) in visited:
                        continue
                    score = gov_in[h][mover.governorate] + gov_in[g][other.governorate]
                    if best is None or (delta, score) < (best[0], best[1]):
                        best = (delta, score, mover.id, other.id)
        if best is None:
            return  # no swap helps: the rules cannot all hold for this mix
        mover_id, other_id = best[2], best[3]
        g, h = group_of[mover_id], group_of[other_id]
        by_id = {m.id: m for m in members}
        for person, old, new in ((by_id[mover_id], g, h), (by_id[other_id], h, g)):
            group_of[person.id] = new
            org_in[old][org_key[person.id]] -= 1
            org_in[new][org_key[person.id]] += 1
            gov_in[old][person.governorate] -= 1
            gov_in[new][person.governorate] += 1
        visited.add(tuple(sorted(group_of.items())))


def assign_groups(
    db: Database, training_id: int, count: int, names: list[str] | None = None
) -> dict[int, int]:
    """Set the training's working groups and deal its participants into them (one transaction).

    Withdrawn enrolments and other roles keep no group. Returns {enrollment id: group}.
    """
    if not 1 <= count <= 100:
        raise ValidationError(
            "working_group_count", _("The number of working groups must be between 0 and 100.")
        )
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        rows = tx.execute(
            select(Enrollment, Person.gender, Person.governorate, Person.organization_id)
            .join(Person, Person.id == Enrollment.person_id)
            .where(Enrollment.training_id == training_id)
        ).all()
        members = []
        for enrollment, gender, governorate, person_org in rows:
            active = (
                enrollment.role == EnrollmentRole.PARTICIPANT
                and enrollment.status != EnrollmentStatus.WITHDRAWN
            )
            if not active:
                enrollment.working_group = None
                continue
            org = enrollment.organization_id or person_org
            members.append(
                Member(enrollment.id, str(org) if org else None, gender == Gender.FEMALE, governorate)
            )
        plan = plan_groups(members, count)
        for enrollment, *_rest in rows:
            if enrollment.id in plan:
                enrollment.working_group = plan[enrollment.id]
        before = [training.working_group_count, training.working_group_names]
        training.working_group_count = count
        training.working_group_names = [
            n.strip() for n in names or [] if n.strip()
        ] or training.working_group_names
        audit.record(tx, db, "training", training.uid, "assign_groups",
                     {"working_groups": [before[0], count], "assigned": [None, len(plan)]})  # fmt: skip
        return plan
