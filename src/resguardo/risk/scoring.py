"""Factors, scores and bands (docs/reference/scoring.md describes every rule here).

threat     = likelihood x impact                (1..25)
risk score = threat x vulnerability / capacity  (0.2..125)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from resguardo.catalogue.model import Adversary, Catalogue, Question, Threat
from resguardo.risk.answers import AdversaryRating, Answers
from resguardo.risk.selection import selected_adversaries, selected_assets

__all__ = [
    "BANDS",
    "Factor",
    "Factors",
    "band_for",
    "compute_factors",
    "risk_score",
]

Band = Literal["low", "medium", "high", "critical"]
#: (lowest score in the band, band), highest first. Fixed cut-offs on the score.
BANDS: tuple[tuple[float, Band], ...] = ((20.0, "critical"), (15.0, "high"), (8.0, "medium"), (0.0, "low"))
Origin = Literal["defaulted", "derived", "answered"]


def clamp(value: int) -> int:
    return max(1, min(5, value))


def band_for(score: float) -> Band:
    for floor, band in BANDS:
        if score >= floor:
            return band
    return "low"


def risk_score(likelihood: int, impact: int, vulnerability: int, capacity: int) -> float:
    return round(likelihood * impact * vulnerability / capacity, 2)


@dataclass(frozen=True, slots=True)
class Factor:
    """One factor's value, where it came from, and why (reason codes, see scoring.md)."""

    value: int
    origin: Origin
    #: machine-readable reasons, e.g. ("adversary-capable-and-motivated:state-security",)
    reasons: tuple[str, ...] = ()
    #: mitigations done that moved it, with their step
    moved_by: tuple[tuple[str, int], ...] = ()
    #: the value before done mitigations moved it
    before_mitigations: int | None = None


@dataclass(frozen=True, slots=True)
class Factors:
    likelihood: Factor
    impact: Factor
    vulnerability: Factor
    capacity: Factor

    @property
    def score(self) -> float:
        return risk_score(
            self.likelihood.value, self.impact.value, self.vulnerability.value, self.capacity.value
        )


def _rating(adversary: Adversary, rating: AdversaryRating | None) -> tuple[int, int]:
    capability = rating.capability if rating and rating.capability is not None else adversary.capability
    intent = rating.intent if rating and rating.intent is not None else adversary.intent
    return capability, intent


def _likelihood(catalogue: Catalogue, answers: Answers, threat: Threat) -> Factor:
    chosen = selected_adversaries(catalogue, answers)
    able = [a for a in threat.adversaries if a in chosen]
    if not able:
        return Factor(clamp(threat.likelihood - 1), "derived", ("no-selected-adversary-able",))
    ratings = {a: _rating(catalogue.adversaries[a], chosen[a]) for a in able}
    strong = sorted(a for a, (cap, intent) in ratings.items() if cap >= 4 and intent >= 4)
    if strong:
        return Factor(
            clamp(threat.likelihood + 1),
            "derived",
            tuple(f"adversary-capable-and-motivated:{a}" for a in strong),
        )
    if all(cap <= 2 or intent <= 2 for cap, intent in ratings.values()):
        return Factor(clamp(threat.likelihood - 1), "derived", ("adversaries-weak-or-uninterested",))
    return Factor(threat.likelihood, "defaulted")


def _impact(catalogue: Catalogue, answers: Answers, threat: Threat) -> Factor:
    held = set(selected_assets(catalogue, answers))
    at_stake = [a for a in threat.assets if a in held]
    if not at_stake:
        return Factor(clamp(threat.impact - 1), "derived", ("no-selected-asset-at-stake",))
    high = [a for a in at_stake if catalogue.assets[a].stakes == "high"]
    if high:
        return Factor(clamp(threat.impact + 1), "derived", tuple(f"high-stakes-asset:{a}" for a in high))
    if all(catalogue.assets[a].stakes == "low" for a in at_stake):
        return Factor(clamp(threat.impact - 1), "derived", ("only-replaceable-assets",))
    return Factor(threat.impact, "defaulted")


def _from_questions(questions: Iterable[Question], given: Mapping[str, int]) -> Factor:
    values = [q.factor_value(given[q.id]) for q in questions if q.id in given]
    if not values:
        return Factor(3, "defaulted", ("unanswered",))
    # Round half up: a split between 3 and 4 counts as 4, in favour of caution.
    mean = sum(values) / len(values)
    return Factor(clamp(int(mean + 0.5)), "answered", tuple(q.id for q in questions if q.id in given))


def _apply(factor: Factor, name: str, moves: list[tuple[str, int]], override: int | None) -> Factor:
    if override is not None:
        return Factor(override, "answered", ("own-estimate",))
    if not moves:
        return factor
    value = clamp(factor.value + sum(step for _, step in moves))
    return Factor(value, factor.origin, factor.reasons, tuple(moves), factor.value)


def compute_factors(catalogue: Catalogue, answers: Answers, threat: Threat) -> Factors:
    """The four factors of one threat for these answers, done mitigations applied."""
    base = {
        "likelihood": _likelihood(catalogue, answers, threat),
        "impact": _impact(catalogue, answers, threat),
        "vulnerability": _from_questions(threat.vulnerability_questions, answers.answers),
        "capacity": _from_questions(threat.capacity_questions, answers.answers),
    }
    moves: dict[str, list[tuple[str, int]]] = {name: [] for name in base}
    for mitigation in catalogue.mitigations_for(threat.id):
        decision = answers.todo.get(mitigation.id)
        if decision is not None and decision.done:
            for name, step in mitigation.acts_on.items():
                moves[name].append((mitigation.id, step))
    overrides = answers.overrides.get(threat.id, {})
    done = {name: _apply(f, name, moves[name], overrides.get(name)) for name, f in base.items()}
    return Factors(**done)
