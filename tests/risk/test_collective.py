"""Group assessments: the facilitator's aggregate never exposes one member's answers."""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType

from resguardo.catalogue import load
from resguardo.risk import Answers
from resguardo.risk.collective import MIN_GROUP, aggregate

CAT = load("en")
TODAY = dt.date(2026, 11, 22)
Q = CAT.threats["phishing"].vulnerability_questions[0]


def member(answer: int | None, profile: str = "journalist") -> Answers:
    given = {} if answer is None else {Q.id: answer}
    return Answers(profiles=(profile,), answers=MappingProxyType(given))


def test_counts_assets_and_threats() -> None:
    group = [member(None), member(None, "street-organiser"), member(None, "lawyer")]
    result = aggregate(CAT, group, TODAY)
    assert result.members == 3
    assert all(0 < n <= 3 for n in result.assets.values())
    assert result.threats["phishing"] == sum(
        1 for m in group if "phishing" in CAT.profiles[m.profiles[0]].threats
    )


def test_spreads_need_a_minimum_group() -> None:
    small = aggregate(CAT, [member(5), member(1)], TODAY)
    assert "phishing" not in small.vulnerability
    assert "phishing" in small.withheld
    big = aggregate(CAT, [member(5), member(1), member(3), member(None)], TODAY)
    spread = big.vulnerability["phishing"]
    assert spread.answered == MIN_GROUP == 3  # the unanswered member is not counted as a 3
    values = sorted(Q.factor_value(a) for a in (5, 1, 3))
    assert (spread.minimum, spread.median, spread.maximum) == (values[0], float(values[1]), values[2])
    assert "phishing" not in big.withheld
