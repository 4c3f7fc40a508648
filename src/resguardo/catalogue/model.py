"""The catalogue as frozen dataclasses (one language's view of it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

Scale = Literal["frequency", "extent", "confidence"]
Strategy = Literal["fortification", "obfuscation", "reduction", "compartmentalisation"]
Level = Literal["low", "medium", "high"]
Cost = Literal["free", "low", "medium", "high"]
Stakes = Literal["low", "normal", "high"]
FACTORS: tuple[str, ...] = ("likelihood", "impact", "vulnerability", "capacity")


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Capability:
    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Context:
    id: str
    name: str
    question: str
    help: str = ""


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Asset:
    id: str
    name: str
    description: str
    examples: tuple[str, ...]
    stakes: Stakes
    sources: tuple[Source, ...]
    reviewed: dt.date


@dataclass(frozen=True, slots=True)
class Adversary:
    id: str
    name: str
    description: str
    examples: tuple[str, ...]
    capabilities: tuple[str, ...]
    capability: int
    intent: int
    sources: tuple[Source, ...]
    reviewed: dt.date


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    description: str
    example: str
    assets: tuple[str, ...]
    adversaries: tuple[str, ...]
    threats: tuple[str, ...]
    contexts: tuple[str, ...]
    identity: str
    sources: tuple[Source, ...]
    reviewed: dt.date


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    scale: Scale
    reverse: bool = False
    help: str = ""

    def factor_value(self, answer: int) -> int:
        """The factor (1..5) that an answer on the question's scale (1..5) gives."""
        return 6 - answer if self.reverse else answer


@dataclass(frozen=True, slots=True)
class Conditions:
    contexts_any: tuple[str, ...] = ()
    capabilities_any: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Emergency:
    first_steps: tuple[str, ...]
    support: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Threat:
    id: str
    name: str
    summary: str
    example: str
    assets: tuple[str, ...]
    adversaries: tuple[str, ...]
    conditions: Conditions
    likelihood: int
    impact: int
    vulnerability_questions: tuple[Question, ...]
    capacity_questions: tuple[Question, ...]
    emergency: Emergency
    triggers: tuple[str, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date


@dataclass(frozen=True, slots=True)
class Effect:
    """How far a done mitigation moves each factor (negative lowers)."""

    likelihood: int = 0
    impact: int = 0
    vulnerability: int = 0
    capacity: int = 0

    def items(self) -> tuple[tuple[str, int], ...]:
        return tuple((name, getattr(self, name)) for name in FACTORS if getattr(self, name))


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    url: str


@dataclass(frozen=True, slots=True)
class Mitigation:
    id: str
    name: str
    summary: str
    steps: tuple[str, ...]
    threats: tuple[str, ...]
    acts_on: Effect
    strategy: Strategy
    effort: Level
    cost: Cost
    tools: tuple[Tool, ...]
    sources: tuple[Source, ...]
    reviewed: dt.date


@dataclass(frozen=True, slots=True)
class Support:
    id: str
    name: str
    description: str
    kinds: tuple[str, ...]
    contact: str
    sources: tuple[Source, ...]
    reviewed: dt.date
    hours: str = ""


@dataclass(frozen=True, slots=True)
class IdentityStrategy:
    id: str
    name: str
    summary: str
    benefits: tuple[str, ...]
    costs: tuple[str, ...]
    steps: tuple[str, ...]
    effort: Level
    protection: int
    sources: tuple[Source, ...]
    reviewed: dt.date


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Catalogue:
    """Everything shipped, in one language. Mappings keep the files' order."""

    language: str
    capabilities: Mapping[str, Capability]
    contexts: Mapping[str, Context]
    triggers: Mapping[str, Trigger]
    assets: Mapping[str, Asset]
    adversaries: Mapping[str, Adversary]
    profiles: Mapping[str, Profile]
    threats: Mapping[str, Threat]
    mitigations: Mapping[str, Mitigation]
    support: Mapping[str, Support]
    identity: Mapping[str, IdentityStrategy]
    _by_threat: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def mitigations_for(self, threat_id: str) -> tuple[Mitigation, ...]:
        """Mitigations that reduce a threat, in catalogue order."""
        return tuple(self.mitigations[m] for m in self._by_threat.get(threat_id, ()))

    def question(self, question_id: str) -> tuple[Threat, Question, str] | None:
        """Find a threat question by id: (threat, question, "vulnerability"|"capacity")."""
        for threat in self.threats.values():
            for q in threat.vulnerability_questions:
                if q.id == question_id:
                    return threat, q, "vulnerability"
            for q in threat.capacity_questions:
                if q.id == question_id:
                    return threat, q, "capacity"
        return None
