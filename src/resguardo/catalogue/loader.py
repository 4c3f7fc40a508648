"""Load the catalogue into frozen dataclasses, in one language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any, TypeVar, cast

from resguardo.catalogue.files import (
    KINDS,
    SOURCE_LANGUAGE,
    Raw,
    kind_files,
    overlay,
    read_yaml,
    translation_path,
)
from resguardo.catalogue.model import (
    Adversary,
    Asset,
    Capability,
    Catalogue,
    Conditions,
    Context,
    Effect,
    Emergency,
    IdentityStrategy,
    Mitigation,
    Profile,
    Question,
    Source,
    Support,
    Threat,
    Tool,
    Trigger,
)
from resguardo.errors import CatalogueError, NotFoundError
from resguardo.i18n import LANGUAGES, gettext_noop

__all__ = ["load", "raw_items"]

T = TypeVar("T")


def _t(values: Iterable[Any] | None) -> tuple[Any, ...]:
    return tuple(values or ())


def _sources(raw: Raw) -> tuple[Source, ...]:
    return tuple(Source(title=s["title"], url=s["url"]) for s in raw.get("sources", ()))


def _date(raw: Raw) -> dt.date:
    return dt.date.fromisoformat(str(raw["reviewed"]))


def _question(raw: Raw) -> Question:
    return Question(
        id=raw["id"],
        text=raw["text"],
        scale=raw["scale"],
        reverse=bool(raw.get("reverse", False)),
        help=raw.get("help", ""),
    )


def _capability(r: Raw) -> Capability:
    return Capability(id=r["id"], name=r["name"], description=r["description"])


def _context(r: Raw) -> Context:
    return Context(id=r["id"], name=r["name"], question=r["question"], help=r.get("help", ""))


def _trigger(r: Raw) -> Trigger:
    return Trigger(id=r["id"], name=r["name"], description=r["description"])


def _asset(r: Raw) -> Asset:
    return Asset(
        id=r["id"],
        name=r["name"],
        description=r["description"],
        examples=_t(r["examples"]),
        stakes=r["stakes"],
        sources=_sources(r),
        reviewed=_date(r),
    )


def _adversary(r: Raw) -> Adversary:
    return Adversary(
        id=r["id"],
        name=r["name"],
        description=r["description"],
        examples=_t(r["examples"]),
        capabilities=_t(r["capabilities"]),
        capability=int(r["capability"]),
        intent=int(r["intent"]),
        sources=_sources(r),
        reviewed=_date(r),
    )


def _profile(r: Raw) -> Profile:
    return Profile(
        id=r["id"],
        name=r["name"],
        description=r["description"],
        example=r["example"],
        assets=_t(r["assets"]),
        adversaries=_t(r["adversaries"]),
        threats=_t(r["threats"]),
        contexts=_t(r["contexts"]),
        identity=r["identity"],
        sources=_sources(r),
        reviewed=_date(r),
    )


def _threat(r: Raw) -> Threat:
    cond = r.get("conditions") or {}
    return Threat(
        id=r["id"],
        name=r["name"],
        summary=r["summary"],
        example=r["example"],
        assets=_t(r["assets"]),
        adversaries=_t(r["adversaries"]),
        conditions=Conditions(
            contexts_any=_t(cond.get("contexts_any")),
            capabilities_any=_t(cond.get("capabilities_any")),
        ),
        likelihood=int(r["likelihood"]),
        impact=int(r["impact"]),
        vulnerability_questions=tuple(_question(q) for q in r["vulnerability_questions"]),
        capacity_questions=tuple(_question(q) for q in r["capacity_questions"]),
        emergency=Emergency(
            first_steps=_t(r["emergency"]["first_steps"]),
            support=_t(r["emergency"]["support"]),
        ),
        triggers=_t(r.get("triggers")),
        sources=_sources(r),
        reviewed=_date(r),
    )


def _mitigation(r: Raw) -> Mitigation:
    return Mitigation(
        id=r["id"],
        name=r["name"],
        summary=r["summary"],
        steps=_t(r["steps"]),
        threats=_t(r["threats"]),
        acts_on=Effect(**{k: int(v) for k, v in r["acts_on"].items()}),
        strategy=r["strategy"],
        effort=r["effort"],
        cost=r["cost"],
        tools=tuple(Tool(name=t["name"], url=t["url"]) for t in r.get("tools", ())),
        sources=_sources(r),
        reviewed=_date(r),
    )


def _support(r: Raw) -> Support:
    return Support(
        id=r["id"],
        name=r["name"],
        description=r["description"],
        kinds=_t(r["kinds"]),
        contact=r["contact"],
        hours=r.get("hours", ""),
        sources=_sources(r),
        reviewed=_date(r),
    )


def _identity(r: Raw) -> IdentityStrategy:
    return IdentityStrategy(
        id=r["id"],
        name=r["name"],
        summary=r["summary"],
        benefits=_t(r["benefits"]),
        costs=_t(r["costs"]),
        steps=_t(r["steps"]),
        effort=r["effort"],
        protection=int(r["protection"]),
        sources=_sources(r),
        reviewed=_date(r),
    )


_BUILDERS: dict[str, Callable[[Raw], Any]] = {
    "capabilities": _capability,
    "contexts": _context,
    "triggers": _trigger,
    "assets": _asset,
    "adversaries": _adversary,
    "profiles": _profile,
    "threats": _threat,
    "mitigations": _mitigation,
    "support": _support,
    "identity": _identity,
}


def raw_items(kind: str, language: str = SOURCE_LANGUAGE) -> list[Raw]:
    """The raw items of a kind with ``language``'s text laid over the English source."""
    items: list[Raw] = []
    for path in kind_files(kind):
        data = read_yaml(path) or []
        if not isinstance(data, list):
            raise CatalogueError(
                gettext_noop("Catalogue file %(file)s is not a list."),
                code="catalogue.invalid",
                params={"file": path.name},
            )
        translations: Mapping[str, Any] = {}
        if language != SOURCE_LANGUAGE:
            tpath = translation_path(path, language)
            if tpath.is_file():
                translations = read_yaml(tpath) or {}
        for item in data:
            items.append(overlay(item, translations.get(item.get("id"))) if translations else item)
    return items


@lru_cache(maxsize=4)
def load(language: str = SOURCE_LANGUAGE) -> Catalogue:
    """The whole catalogue with its text in ``language`` (English where untranslated).

    Validation is ``resguardo.catalogue.checks.check_catalogue``; this only builds.
    """
    if language not in {code for code, _, _ in LANGUAGES}:
        raise NotFoundError(
            gettext_noop("Unknown language: %(language)s."),
            code="catalogue.unknown_language",
            params={"language": language},
        )
    built: dict[str, Mapping[str, Any]] = {}
    try:
        for kind in KINDS:
            objects = [_BUILDERS[kind](raw) for raw in raw_items(kind, language)]
            built[kind] = MappingProxyType({o.id: o for o in objects})
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogueError(
            gettext_noop("The catalogue could not be loaded: %(reason)s."),
            code="catalogue.invalid",
            params={"reason": repr(exc)},
        ) from exc
    by_threat: dict[str, list[str]] = {}
    for mitigation in cast(Mapping[str, Mitigation], built["mitigations"]).values():
        for threat_id in mitigation.threats:
            by_threat.setdefault(threat_id, []).append(mitigation.id)
    return Catalogue(
        language=language,
        _by_threat=MappingProxyType({k: tuple(v) for k, v in by_threat.items()}),
        **built,
    )
