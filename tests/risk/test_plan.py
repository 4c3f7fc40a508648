"""Plan building, ranking, to-do, emergency, identity, review, history and diffs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import MappingProxyType

import pytest

from resguardo.catalogue import load
from resguardo.risk import Answers, build_plan, diff_answers, diff_plans, selected_threats, suggested_threats
from resguardo.risk.answers import AdversaryRating, ResponseDecision, TodoDecision
from resguardo.risk.plan import BAND_ORDER, RECOMMENDED_MAX, REVIEW_DAYS

CAT = load("en")
TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("profile", sorted(CAT.profiles))
def test_every_profile_gives_a_usable_plan(profile: str) -> None:
    plan = build_plan(CAT, Answers(profiles=(profile,)), TODAY)
    assert 5 <= len(plan.risks) <= 30
    keys = [(-r.score, -r.factors.impact.value) for r in plan.risks]
    assert keys == sorted(keys)
    assert 0 < len(plan.todo) <= RECOMMENDED_MAX
    assert all(BAND_ORDER[e.band] >= BAND_ORDER["high"] for e in plan.emergency)
    worst = max((r.band for r in plan.risks), key=BAND_ORDER.__getitem__)
    assert plan.review_date == TODAY + dt.timedelta(days=REVIEW_DAYS[worst])
    assert {"incident", "lost-device"} <= set(plan.triggers)
    assert plan.identity.recommended in CAT.identity


def test_profile_threats_are_suggested_and_removal_is_respected() -> None:
    answers = Answers(profiles=("journalist",))
    suggested = suggested_threats(CAT, answers)
    assert "phishing" in suggested
    removed = replace(answers, threats_removed=("phishing",))
    assert "phishing" not in selected_threats(CAT, removed)
    added = replace(answers, threats_added=("stalkerware",))
    assert "stalkerware" in selected_threats(CAT, added)


def test_adding_an_adversary_suggests_its_threats() -> None:
    base = Answers(profiles=("journalist",))
    profile_adversaries = dict.fromkeys(CAT.profiles["journalist"].adversaries, AdversaryRating())
    with_partner = replace(
        base, adversaries=MappingProxyType({**profile_adversaries, "intimate-partner": AdversaryRating()})
    )
    assert "stalkerware" not in suggested_threats(CAT, base)
    assert "stalkerware" in suggested_threats(CAT, with_partner)


def test_conditions_filter_threats() -> None:
    answers = Answers(profiles=("migrant-in-transit",), contexts=())
    assert "device-seizure-border" not in suggested_threats(CAT, answers)
    crossing = replace(answers, contexts=("crosses-borders",))
    assert "device-seizure-border" in suggested_threats(CAT, crossing)


def test_explicit_response_and_automatic_responses() -> None:
    answers = Answers(profiles=("journalist",))
    plan = build_plan(CAT, answers, TODAY)
    top = plan.risks[0]
    assert top.response == "open"
    m = top.mitigations[0].id
    mitigating = build_plan(CAT, replace(answers, todo=MappingProxyType({m: TodoDecision()})), TODAY)
    assert mitigating.risk(top.threat.id).response == "mitigating"  # type: ignore[union-attr]
    accepted = replace(
        answers,
        responses=MappingProxyType({top.threat.id: ResponseDecision("accepted", "ana", "cannot avoid")}),
    )
    risk = build_plan(CAT, accepted, TODAY).risk(top.threat.id)
    assert risk is not None and (risk.response, risk.decided_by, risk.reason) == (
        "accepted",
        "ana",
        "cannot avoid",
    )


def test_todo_keeps_owner_due_and_done_and_allows_removal() -> None:
    answers = Answers(profiles=("journalist",))
    first = build_plan(CAT, answers, TODAY).todo[0].mitigation.id
    due = dt.date(2027, 1, 15)
    plan = build_plan(
        CAT,
        replace(answers, todo=MappingProxyType({first: TodoDecision(owner="Ana", due=due, done=True)})),
        TODAY,
    )
    item = next(i for i in plan.todo if i.mitigation.id == first)
    assert (item.owner, item.due, item.done, item.chosen) == ("Ana", due, True, True)
    assert plan.todo[-1].done  # done items come last
    removed = build_plan(
        CAT, replace(answers, todo=MappingProxyType({first: TodoDecision(included=False)})), TODAY
    )
    assert first not in {i.mitigation.id for i in removed.todo}


def test_identity_advice_follows_public_role_and_risk() -> None:
    journalist = build_plan(CAT, Answers(profiles=("journalist",)), TODAY)
    assert journalist.identity.recommended == "real-name"
    survivor = build_plan(CAT, Answers(profiles=("gbv-survivor",)), TODAY)
    assert CAT.identity[survivor.identity.recommended].protection >= CAT.identity["pseudonym"].protection


def test_diff_of_two_plans_and_answers() -> None:
    old_answers = Answers(profiles=("journalist",))
    old = build_plan(CAT, old_answers, TODAY)
    top = old.risks[0]
    m = top.mitigations[0].id
    new_answers = replace(
        old_answers,
        todo=MappingProxyType({m: TodoDecision(done=True)}),
        threats_added=("stalkerware",),
    )
    new = build_plan(CAT, new_answers, TODAY)
    diff = diff_plans(old, new)
    assert top.threat.id in {c.threat for c in diff.fell}
    assert m in diff.newly_done
    assert "stalkerware" in {c.threat for c in diff.added}
    assert not diff.unchanged
    changes = {c.field for c in diff_answers(old_answers, new_answers)}
    assert "threats_added" in changes and f"todo.{m}.done" in changes
    assert diff_plans(old, old).unchanged


def test_every_threat_can_be_planned_at_once() -> None:
    # Speed is measured in benchmarks/run.py, never asserted in a test.
    answers = Answers(profiles=tuple(CAT.profiles), threats_added=tuple(CAT.threats))
    plan = build_plan(CAT, answers, TODAY)
    assert len(plan.risks) == len(CAT.threats)
