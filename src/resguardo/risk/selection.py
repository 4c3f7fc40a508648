"""What an assessment covers: suggested assets, adversaries and threats."""

from __future__ import annotations

from collections.abc import Mapping

from resguardo.catalogue.model import Catalogue, Threat
from resguardo.risk.answers import AdversaryRating, Answers

__all__ = [
    "selected_adversaries",
    "selected_assets",
    "selected_threats",
    "suggested_threats",
    "threat_applies",
]


def _union(lists: list[tuple[str, ...]], order: Mapping[str, object]) -> tuple[str, ...]:
    chosen = {item for items in lists for item in items}
    return tuple(i for i in order if i in chosen)


def selected_assets(catalogue: Catalogue, answers: Answers) -> tuple[str, ...]:
    if answers.assets is not None:
        return answers.assets
    return _union([catalogue.profiles[p].assets for p in answers.profiles], catalogue.assets)


def selected_adversaries(catalogue: Catalogue, answers: Answers) -> Mapping[str, AdversaryRating | None]:
    if answers.adversaries is not None:
        return dict(answers.adversaries)
    ids = _union([catalogue.profiles[p].adversaries for p in answers.profiles], catalogue.adversaries)
    return dict.fromkeys(ids)


def selected_contexts(catalogue: Catalogue, answers: Answers) -> tuple[str, ...]:
    """Contexts answered yes; until answered, the profiles' defaults."""
    if answers.contexts is not None:
        return answers.contexts
    return _union([catalogue.profiles[p].contexts for p in answers.profiles], catalogue.contexts)


def threat_applies(catalogue: Catalogue, answers: Answers, threat: Threat) -> bool:
    """A threat applies when what it harms is held, someone selected can do it, and its
    conditions hold (every condition key present must have a match)."""
    assets = set(selected_assets(catalogue, answers))
    adversaries = selected_adversaries(catalogue, answers)
    if not assets.intersection(threat.assets) or not set(adversaries).intersection(threat.adversaries):
        return False
    return _conditions_hold(catalogue, answers, threat)


def _conditions_hold(catalogue: Catalogue, answers: Answers, threat: Threat) -> bool:
    cond = threat.conditions
    if cond.contexts_any and not set(selected_contexts(catalogue, answers)).intersection(cond.contexts_any):
        return False
    if cond.capabilities_any:
        caps = {
            c for a in selected_adversaries(catalogue, answers) for c in catalogue.adversaries[a].capabilities
        }
        if not caps.intersection(cond.capabilities_any):
            return False
    return True


def _explicit_signal(catalogue: Catalogue, answers: Answers, threat: Threat) -> bool:
    """Whether something the person changed from their profiles' defaults points at a threat:
    an adversary they added, or a situation they said yes to that the profiles did not assume.
    (Confirming a prefilled default is not a new signal.)"""
    profile_adversaries = {a for p in answers.profiles for a in catalogue.profiles[p].adversaries}
    profile_contexts = {c for p in answers.profiles for c in catalogue.profiles[p].contexts}
    added = set(answers.adversaries or ()) - profile_adversaries
    if added.intersection(threat.adversaries):
        return True
    cond = threat.conditions
    new_contexts = set(answers.contexts or ()) - profile_contexts
    if cond.contexts_any and new_contexts.intersection(cond.contexts_any):
        return True
    if cond.capabilities_any:
        caps = {c for a in added for c in catalogue.adversaries[a].capabilities}
        if caps.intersection(cond.capabilities_any):
            return True
    return False


def suggested_threats(catalogue: Catalogue, answers: Answers) -> tuple[str, ...]:
    """The threats the profiles name (when their conditions hold), plus those the rule finds
    when the person's own answers point at them (see docs/reference/scoring.md)."""
    named = {t for p in answers.profiles for t in catalogue.profiles[p].threats}
    return tuple(
        t.id
        for t in catalogue.threats.values()
        if (t.id in named and _conditions_hold(catalogue, answers, t))
        or (threat_applies(catalogue, answers, t) and _explicit_signal(catalogue, answers, t))
    )


def selected_threats(catalogue: Catalogue, answers: Answers) -> tuple[str, ...]:
    """Suggested threats, plus those the person added, minus those removed."""
    chosen = set(suggested_threats(catalogue, answers)) | set(answers.threats_added)
    chosen -= set(answers.threats_removed)
    return tuple(t for t in catalogue.threats if t in chosen)
