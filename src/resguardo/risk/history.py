"""History: what changed between two sets of answers, and between two plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from resguardo.risk.answers import Answers, answers_to_dict
from resguardo.risk.plan import Plan

__all__ = ["Change", "PlanDiff", "RiskChange", "diff_answers", "diff_plans"]


@dataclass(frozen=True, slots=True)
class Change:
    """One recorded change: a dotted field path and its value before and after."""

    field: str
    before: Any
    after: Any


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for key, sub in value.items():
            out.update(_flatten(sub, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: value}


def diff_answers(before: Answers, after: Answers) -> tuple[Change, ...]:
    """Field-level changes from ``before`` to ``after``, in a stable order."""
    old, new = _flatten(answers_to_dict(before)), _flatten(answers_to_dict(after))
    changes = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            changes.append(Change(key, old.get(key), new.get(key)))
    return tuple(changes)


@dataclass(frozen=True, slots=True)
class RiskChange:
    threat: str
    before: float | None  # None: the risk is new
    after: float | None  # None: the risk is gone
    band_before: str | None
    band_after: str | None
    capacity_before: int | None
    capacity_after: int | None


@dataclass(frozen=True, slots=True)
class PlanDiff:
    rose: tuple[RiskChange, ...]
    fell: tuple[RiskChange, ...]
    added: tuple[RiskChange, ...]
    removed: tuple[RiskChange, ...]
    newly_done: tuple[str, ...]
    capacity_grew: tuple[RiskChange, ...]
    review_before: dt.date
    review_after: dt.date

    @property
    def unchanged(self) -> bool:
        return not (self.rose or self.fell or self.added or self.removed or self.newly_done)


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """What rose or fell, what is new or gone, what got done and where capacity grew."""
    before = {r.threat.id: r for r in old.risks}
    after = {r.threat.id: r for r in new.risks}
    changes = []
    for threat_id in list(before) + [t for t in after if t not in before]:
        b, a = before.get(threat_id), after.get(threat_id)
        changes.append(
            RiskChange(
                threat_id,
                b.score if b else None,
                a.score if a else None,
                b.band if b else None,
                a.band if a else None,
                b.factors.capacity.value if b else None,
                a.factors.capacity.value if a else None,
            )
        )

    def both(c: RiskChange) -> bool:
        return c.before is not None and c.after is not None

    done_before = {i.mitigation.id for i in old.todo if i.done}
    return PlanDiff(
        rose=tuple(c for c in changes if both(c) and c.after > c.before),  # type: ignore[operator]
        fell=tuple(c for c in changes if both(c) and c.after < c.before),  # type: ignore[operator]
        added=tuple(c for c in changes if c.before is None),
        removed=tuple(c for c in changes if c.after is None),
        newly_done=tuple(i.mitigation.id for i in new.todo if i.done and i.mitigation.id not in done_before),
        capacity_grew=tuple(
            c
            for c in changes
            if c.capacity_before is not None
            and c.capacity_after is not None
            and c.capacity_after > c.capacity_before
        ),
        review_before=old.review_date,
        review_after=new.review_date,
    )
