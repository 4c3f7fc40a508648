"""Group assessments: what a facilitator may see of members' private answers.

Members answer privately. The facilitator sees only the aggregate: how many members hold
each asset and face each threat, and the spread of vulnerability and capacity per threat.
Spreads are withheld for a threat until at least ``MIN_GROUP`` members answered it, so no
single person's answer can be read back from a minimum, maximum or median.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from resguardo.catalogue.model import Catalogue
from resguardo.risk.answers import Answers
from resguardo.risk.scoring import compute_factors
from resguardo.risk.selection import selected_assets, selected_threats

__all__ = ["MIN_GROUP", "Aggregate", "Spread", "aggregate"]

MIN_GROUP = 3


@dataclass(frozen=True, slots=True)
class Spread:
    """The spread of one factor across the members who answered its questions."""

    answered: int
    minimum: int
    median: float
    maximum: int


@dataclass(frozen=True, slots=True)
class Aggregate:
    members: int
    assets: Mapping[str, int]
    threats: Mapping[str, int]
    vulnerability: Mapping[str, Spread]
    capacity: Mapping[str, Spread]
    #: threats whose spreads are withheld: answered by fewer than MIN_GROUP members
    withheld: tuple[str, ...]


def _spread(values: list[int]) -> Spread:
    return Spread(len(values), min(values), float(statistics.median(values)), max(values))


def aggregate(catalogue: Catalogue, members: Sequence[Answers], today: dt.date) -> Aggregate:
    """Counts and spreads over members' answers; never an individual value."""
    assets: Counter[str] = Counter()
    threats: Counter[str] = Counter()
    vulnerability: dict[str, list[int]] = {}
    capacity: dict[str, list[int]] = {}
    for answers in members:
        assets.update(selected_assets(catalogue, answers))
        for threat_id in selected_threats(catalogue, answers):
            threats[threat_id] += 1
            threat = catalogue.threats[threat_id]
            factors = compute_factors(catalogue, answers, threat)
            # Only answered factors count: a default 3 says nothing about the member.
            if factors.vulnerability.origin == "answered":
                vulnerability.setdefault(threat_id, []).append(factors.vulnerability.value)
            if factors.capacity.origin == "answered":
                capacity.setdefault(threat_id, []).append(factors.capacity.value)
    withheld = sorted({t for t, v in (*vulnerability.items(), *capacity.items()) if len(v) < MIN_GROUP})
    return Aggregate(
        members=len(members),
        assets=MappingProxyType(dict(assets.most_common())),
        threats=MappingProxyType(dict(threats.most_common())),
        vulnerability=MappingProxyType(
            {t: _spread(v) for t, v in vulnerability.items() if len(v) >= MIN_GROUP}
        ),
        capacity=MappingProxyType({t: _spread(v) for t, v in capacity.items() if len(v) >= MIN_GROUP}),
        withheld=tuple(withheld),
    )
