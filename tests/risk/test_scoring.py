"""Scoring rules and their invariants (property tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from resguardo.catalogue import load
from resguardo.risk import Answers, band_for, build_plan, risk_score
from resguardo.risk.answers import AdversaryRating, TodoDecision
from resguardo.risk.scoring import BANDS, compute_factors

CAT = load("en")
TODAY = dt.date(2026, 11, 22)
levels = st.integers(min_value=1, max_value=5)


@given(levels, levels, levels, levels)
def test_score_is_within_range_and_matches_formula(li: int, im: int, vu: int, ca: int) -> None:
    score = risk_score(li, im, vu, ca)
    assert 0.2 <= score <= 125
    assert abs(score - li * im * vu / ca) < 0.01


@given(levels, levels, levels, levels)
def test_more_vulnerability_never_lowers_score_and_more_capacity_never_raises_it(
    li: int, im: int, vu: int, ca: int
) -> None:
    if vu < 5:
        assert risk_score(li, im, vu + 1, ca) >= risk_score(li, im, vu, ca)
    if ca < 5:
        assert risk_score(li, im, vu, ca + 1) <= risk_score(li, im, vu, ca)


@given(st.floats(min_value=0.2, max_value=125), st.floats(min_value=0.2, max_value=125))
def test_bands_are_monotonic(a: float, b: float) -> None:
    order = ["low", "medium", "high", "critical"]
    if a <= b:
        assert order.index(band_for(a)) <= order.index(band_for(b))


def test_band_cut_offs() -> None:
    assert [floor for floor, _ in BANDS] == sorted((floor for floor, _ in BANDS), reverse=True)
    assert band_for(0.2) == "low"
    assert band_for(125) == "critical"
    for floor, band in BANDS:
        assert band_for(floor) == band


def test_unanswered_questions_count_as_three() -> None:
    threat = CAT.threats["phishing"]
    factors = compute_factors(CAT, Answers(profiles=("journalist",)), threat)
    assert factors.vulnerability.value == 3 and factors.vulnerability.origin == "defaulted"
    assert factors.capacity.value == 3


def test_answers_set_vulnerability_with_reverse_questions() -> None:
    threat = CAT.threats["phishing"]
    q = threat.vulnerability_questions[0]
    answers = Answers(profiles=("journalist",), answers=MappingProxyType({q.id: 5}))
    factors = compute_factors(CAT, answers, threat)
    assert factors.vulnerability.value == (1 if q.reverse else 5)
    assert factors.vulnerability.origin == "answered"


def test_mean_of_answers_rounds_half_up() -> None:
    threat = next(t for t in CAT.threats.values() if len(t.vulnerability_questions) >= 2)
    q1, q2 = threat.vulnerability_questions[:2]
    v1 = 3  # 3 reversed is still 3
    v2 = 2 if q2.reverse else 4
    answers = Answers(profiles=("journalist",), answers=MappingProxyType({q1.id: v1, q2.id: v2}))
    assert compute_factors(CAT, answers, threat).vulnerability.value == 4  # mean 3.5 -> 4


def test_capable_and_motivated_adversary_raises_likelihood() -> None:
    threat = CAT.threats["phishing"]
    adversary = threat.adversaries[0]
    base = Answers(profiles=("journalist",), adversaries=MappingProxyType({adversary: AdversaryRating(3, 3)}))
    strong = replace(base, adversaries=MappingProxyType({adversary: AdversaryRating(5, 5)}))
    weak = replace(base, adversaries=MappingProxyType({adversary: AdversaryRating(1, 1)}))
    li = compute_factors(CAT, base, threat).likelihood.value
    assert compute_factors(CAT, strong, threat).likelihood.value == min(5, li + 1)
    assert compute_factors(CAT, weak, threat).likelihood.value == max(1, li - 1)


def test_high_stakes_asset_raises_impact() -> None:
    threat = next(t for t in CAT.threats.values() if "physical-safety" in t.assets and t.impact < 5)
    with_safety = Answers(profiles=("journalist",), assets=("physical-safety",))
    without = Answers(
        profiles=("journalist",),
        assets=tuple(a for a in threat.assets if CAT.assets[a].stakes == "normal")[:1],
    )
    assert compute_factors(CAT, with_safety, threat).impact.value == threat.impact + 1
    if without.assets:
        assert compute_factors(CAT, without, threat).impact.value == threat.impact


def test_override_wins() -> None:
    threat = CAT.threats["phishing"]
    answers = Answers(
        profiles=("journalist",), overrides=MappingProxyType({"phishing": MappingProxyType({"impact": 1})})
    )
    factors = compute_factors(CAT, answers, threat)
    assert factors.impact.value == 1 and factors.impact.reasons == ("own-estimate",)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(CAT.profiles)), st.data())
def test_done_mitigations_never_raise_any_score(profile: str, data: st.DataObject) -> None:
    answers = Answers(profiles=(profile,))
    before = build_plan(CAT, answers, TODAY)
    candidates = sorted({m.id for r in before.risks for m in r.mitigations})
    done = data.draw(st.lists(st.sampled_from(candidates), max_size=8, unique=True))
    after = build_plan(
        CAT, replace(answers, todo=MappingProxyType({m: TodoDecision(done=True) for m in done})), TODAY
    )
    scores = {r.threat.id: r.score for r in before.risks}
    for risk in after.risks:
        assert risk.score <= scores[risk.threat.id]
        for name in ("likelihood", "impact", "vulnerability", "capacity"):
            assert 1 <= getattr(risk.factors, name).value <= 5


def test_marking_a_mitigation_done_lowers_its_risk() -> None:
    answers = Answers(profiles=("journalist",))
    plan = build_plan(CAT, answers, TODAY)
    risk = plan.risks[0]
    mitigation = risk.mitigations[0]
    after = build_plan(
        CAT, replace(answers, todo=MappingProxyType({mitigation.id: TodoDecision(done=True)})), TODAY
    )
    moved = after.risk(risk.threat.id)
    assert moved is not None and moved.score < risk.score
    assert any(
        getattr(moved.factors, n).moved_by for n in ("likelihood", "impact", "vulnerability", "capacity")
    )
