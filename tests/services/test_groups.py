"""Working groups: the four measurable rules as hypothesis properties, and the demo training."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.db import Database
from desktop_app.services.demo import load_demo
from desktop_app.services.groups import Member, assign_groups, plan_groups
from desktop_app.services.trainings import list_trainings

members_strategy = st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(
            st.tuples(
                st.one_of(st.none(), st.sampled_from([f"org{i}" for i in range(15)])),
                st.booleans(),
                st.sampled_from(["01", "02", "12", "21", "24", "28", None]),
            ),
            min_size=0,
            max_size=70,
        ),
    )
)


def build(raw: list[tuple[str | None, bool, str | None]]) -> list[Member]:
    return [Member(i, org, female, gov) for i, (org, female, gov) in enumerate(raw)]


@settings(max_examples=300, deadline=None)
@given(members_strategy)
def test_group_rules(case: tuple[int, list[tuple[str | None, bool, str | None]]]) -> None:
    n, raw = case
    members = build(raw)
    plan = plan_groups(members, n)
    assert set(plan) == {m.id for m in members}
    assert all(1 <= g <= n for g in plan.values())
    if not members:
        return
    groups = range(1, n + 1)
    sizes = Counter(plan.values())
    size_values = [sizes.get(g, 0) for g in groups]
    assert max(size_values) - min(size_values) <= 1  # rule 1

    org_size = Counter(m.organization for m in members if m.organization)
    per_group_org = Counter((plan[m.id], m.organization) for m in members if m.organization)
    for (g, org), count in per_group_org.items():
        if org_size[org] <= n:
            assert count == 1, (org, g)  # rule 2: small organizations never share a group
        else:
            assert count <= -(-org_size[org] // n)  # larger ones spread evenly

    women = Counter(plan[m.id] for m in members if m.female)
    even = sum(m.female for m in members) / n
    assert all(abs(women.get(g, 0) - even) < 1 for g in groups)  # rule 3: within one of an even split


def test_governorates_spread() -> None:
    members = [Member(i, None, i % 2 == 0, ["01", "02", "03"][i % 3]) for i in range(36)]
    plan = plan_groups(members, 6)
    per_group = Counter((plan[m.id], m.governorate) for m in members)
    assert all(count == 2 for count in per_group.values())  # 12 per governorate over 6 groups


def test_demo_training_gets_twelve_groups(db: Database) -> None:
    load_demo(db)
    training = list_trainings(db)[0]
    plan = assign_groups(db, training.id, 12)
    sizes = Counter(plan.values())
    assert len(plan) == 52 and set(sizes) == set(range(1, 13))
    assert max(sizes.values()) - min(sizes.values()) <= 1
