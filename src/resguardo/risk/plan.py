"""Build a security plan from a catalogue and a person's answers (pure, no clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resguardo.catalogue.model import Catalogue, Mitigation, Threat
from resguardo.risk.answers import Answers, Contact
from resguardo.risk.scoring import Band, Factors, band_for, compute_factors
from resguardo.risk.selection import selected_assets, selected_contexts, selected_threats

__all__ = [
    "BAND_ORDER",
    "DUE_DAYS",
    "REVIEW_DAYS",
    "EmergencyProcedure",
    "IdentityAdvice",
    "Plan",
    "Risk",
    "TodoItem",
    "build_plan",
    "rank_mitigations",
]

BAND_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2, "critical": 3}
#: Days until a recommended mitigation is due, by the band of the worst risk it reduces.
DUE_DAYS: dict[str, int] = {"critical": 7, "high": 30, "medium": 90}
#: Days until the next review, by the band of the worst risk in the plan.
REVIEW_DAYS: dict[str, int] = {"critical": 30, "high": 90, "medium": 180, "low": 365}
#: Mitigations recommended per risk when the person has not chosen yet, by band.
RECOMMENDED_PER_RISK: dict[str, int] = {"critical": 2, "high": 2, "medium": 1, "low": 0}
#: At most this many recommended items start the to-do list (the person can add more).
RECOMMENDED_MAX = 12
#: Review triggers every plan carries.
ALWAYS_TRIGGERS = ("incident", "lost-device")
#: Identity protection a plan needs, by the band of the worst risk to identity or safety.
IDENTITY_NEED: dict[str, int] = {"low": 1, "medium": 1, "high": 2, "critical": 3}
IDENTITY_ASSETS = frozenset({"identity", "physical-safety", "location", "sensitive-info"})
_EFFORT = {"low": 1.0, "medium": 2.0, "high": 3.0}
_COST = {"free": 0.0, "low": 0.5, "medium": 1.0, "high": 2.0}


@dataclass(frozen=True, slots=True)
class Risk:
    threat: Threat
    factors: Factors
    score: float
    band: Band
    response: str
    decided_by: str
    reason: str
    #: recommended mitigations for this threat, best first
    mitigations: tuple[Mitigation, ...]


@dataclass(frozen=True, slots=True)
class TodoItem:
    mitigation: Mitigation
    threats: tuple[str, ...]
    owner: str
    due: dt.date | None
    done: bool
    chosen: bool  # the person decided (vs. recommended by default)


@dataclass(frozen=True, slots=True)
class EmergencyProcedure:
    threat: Threat
    band: Band
    first_steps: tuple[str, ...]
    support: tuple[str, ...]
    contacts: tuple[Contact, ...]


@dataclass(frozen=True, slots=True)
class IdentityAdvice:
    recommended: str
    chosen: str | None
    needed_protection: int
    #: reason codes: ("worst-band:high", "profile-default:pseudonym", ...)
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    generated_on: dt.date
    language: str
    profiles: tuple[str, ...]
    assets: tuple[str, ...]
    contexts: tuple[str, ...]
    risks: tuple[Risk, ...]
    todo: tuple[TodoItem, ...]
    emergency: tuple[EmergencyProcedure, ...]
    identity: IdentityAdvice
    review_date: dt.date
    triggers: tuple[str, ...]

    def risk(self, threat_id: str) -> Risk | None:
        return next((r for r in self.risks if r.threat.id == threat_id), None)


def rank_mitigations(catalogue: Catalogue, threat_id: str) -> tuple[Mitigation, ...]:
    """Mitigations of a threat, the most reduction for the least effort and cost first."""

    def value(m: Mitigation) -> tuple[float, str]:
        benefit = sum(abs(step) for _, step in m.acts_on.items())
        return (-benefit / (_EFFORT[m.effort] + _COST[m.cost]), m.id)

    return tuple(sorted(catalogue.mitigations_for(threat_id), key=value))


def _response(answers: Answers, threat_id: str, mitigations: tuple[Mitigation, ...]) -> tuple[str, str, str]:
    decision = answers.responses.get(threat_id)
    if decision is not None:
        return decision.status, decision.decided_by, decision.reason
    chosen = [answers.todo[m.id] for m in mitigations if m.id in answers.todo and answers.todo[m.id].included]
    if chosen and all(d.done for d in chosen):
        return "mitigated", "", ""
    if chosen:
        return "mitigating", "", ""
    return "open", "", ""


def _todo(
    catalogue: Catalogue, answers: Answers, risks: tuple[Risk, ...], today: dt.date
) -> tuple[TodoItem, ...]:
    worst: dict[str, str] = {}
    threats_of: dict[str, list[str]] = {}
    recommended: list[str] = []
    for risk in risks:
        for m in risk.mitigations:
            threats_of.setdefault(m.id, []).append(risk.threat.id)
        if risk.response in ("accepted", "transferred", "avoided"):
            continue
        for m in risk.mitigations[: RECOMMENDED_PER_RISK[risk.band]]:
            if m.id not in worst or BAND_ORDER[risk.band] > BAND_ORDER[worst[m.id]]:
                worst[m.id] = risk.band
            if m.id not in recommended:
                recommended.append(m.id)
    # Risks come ranked, so the first recommendations serve the worst risks.
    recommended = recommended[:RECOMMENDED_MAX]
    ids = [m for m in recommended if answers.todo.get(m) is None or answers.todo[m].included]
    ids += [m for m, d in answers.todo.items() if d.included and m not in ids]
    items = []
    for m_id in ids:
        decision = answers.todo.get(m_id)
        band = worst.get(m_id)
        default_due = today + dt.timedelta(days=DUE_DAYS[band]) if band in DUE_DAYS else None
        items.append(
            TodoItem(
                mitigation=catalogue.mitigations[m_id],
                threats=tuple(threats_of.get(m_id, catalogue.mitigations[m_id].threats)),
                owner=decision.owner if decision else "",
                due=decision.due if decision and decision.due else default_due,
                done=bool(decision and decision.done),
                chosen=decision is not None,
            )
        )
    # Open items first, by due date; done items last.
    far = dt.date.max
    return tuple(sorted(items, key=lambda i: (i.done, i.due or far, i.mitigation.id)))


def _identity(catalogue: Catalogue, answers: Answers, risks: tuple[Risk, ...]) -> IdentityAdvice:
    exposed = [r for r in risks if IDENTITY_ASSETS.intersection(r.threat.assets)]
    worst = max((r.band for r in exposed), key=BAND_ORDER.__getitem__, default="low")
    need = IDENTITY_NEED[worst]
    contexts = set(selected_contexts(catalogue, answers))
    reasons = [f"worst-band:{worst}"]
    if "lives-with-abuser" in contexts or "in-exile" in contexts:
        need = min(5, need + 1)
        reasons.append("context-raises-need")
    defaults = [catalogue.profiles[p].identity for p in answers.profiles]
    # A collective identity only makes sense where the profile is a group's.
    strategies = sorted(
        (s for s in catalogue.identity.values() if s.id != "collective" or s.id in defaults),
        key=lambda s: (s.protection, s.id),
    )
    enough = [s for s in strategies if s.protection >= need] or [strategies[-1]]
    profile_fit = [s for s in enough if s.id in defaults]
    public = [s for s in strategies if s.id in defaults and "public-facing" in contexts]
    if profile_fit:
        pick = profile_fit[0]
        reasons.append(f"profile-default:{pick.id}")
    elif public:
        # Public work (journalism, law) needs a known name: keep it, compartmentalise the rest.
        pick = public[0]
        reasons.append(f"public-role:{pick.id}")
    else:
        pick = enough[0]
        reasons.append(f"least-that-protects:{pick.id}")
    return IdentityAdvice(
        recommended=pick.id, chosen=answers.identity, needed_protection=need, reasons=tuple(reasons)
    )


def build_plan(catalogue: Catalogue, answers: Answers, today: dt.date) -> Plan:
    """The security plan for these answers, as of ``today``."""
    risks: list[Risk] = []
    for threat_id in selected_threats(catalogue, answers):
        threat = catalogue.threats[threat_id]
        factors = compute_factors(catalogue, answers, threat)
        mitigations = rank_mitigations(catalogue, threat_id)
        status, by, why = _response(answers, threat_id, mitigations)
        risks.append(
            Risk(threat, factors, factors.score, band_for(factors.score), status, by, why, mitigations)
        )
    risks.sort(key=lambda r: (-r.score, -r.factors.impact.value, r.threat.id))
    ranked = tuple(risks)
    emergency = tuple(
        EmergencyProcedure(
            threat=r.threat,
            band=r.band,
            first_steps=r.threat.emergency.first_steps,
            support=r.threat.emergency.support,
            contacts=answers.contacts,
        )
        for r in ranked
        if BAND_ORDER[r.band] >= BAND_ORDER["high"]
    )
    worst = max((r.band for r in ranked), key=BAND_ORDER.__getitem__, default="low")
    trigger_ids = {t for r in ranked for t in r.threat.triggers} | set(ALWAYS_TRIGGERS)
    return Plan(
        generated_on=today,
        language=catalogue.language,
        profiles=answers.profiles,
        assets=selected_assets(catalogue, answers),
        contexts=selected_contexts(catalogue, answers),
        risks=ranked,
        todo=_todo(catalogue, answers, ranked, today),
        emergency=emergency,
        identity=_identity(catalogue, answers, ranked),
        review_date=today + dt.timedelta(days=REVIEW_DAYS[worst]),
        triggers=tuple(t for t in catalogue.triggers if t in trigger_ids),
    )
