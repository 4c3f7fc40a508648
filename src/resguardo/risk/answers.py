"""What a person (or a group) says in an assessment, validated against the catalogue.

``Answers`` is immutable; every edit makes a new one (see ``resguardo.risk.history``).
The same structure is the ``answers`` object of the interchange format and the CLI's
``--answers`` file (documented in ``docs/reference/answers-file.md``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, Literal

from resguardo.catalogue.model import FACTORS, Catalogue
from resguardo.errors import InputError, NotFoundError
from resguardo.i18n import gettext_noop

__all__ = [
    "RESPONSES",
    "AdversaryRating",
    "Answers",
    "Contact",
    "ResponseDecision",
    "TodoDecision",
    "answers_from_dict",
    "answers_to_dict",
]

Response = Literal["open", "mitigating", "mitigated", "accepted", "transferred", "avoided"]
RESPONSES: tuple[str, ...] = ("open", "mitigating", "mitigated", "accepted", "transferred", "avoided")
MAX_TEXT = 500


@dataclass(frozen=True, slots=True)
class AdversaryRating:
    """The person's view of one adversary (None: the catalogue's default)."""

    capability: int | None = None
    intent: int | None = None


@dataclass(frozen=True, slots=True)
class ResponseDecision:
    status: Response
    decided_by: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class TodoDecision:
    """A decision about one mitigation: in the plan or not, who, by when, done."""

    included: bool = True
    owner: str = ""
    due: dt.date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone the person will call in an emergency (their own, not the catalogue's)."""

    name: str
    role: str = ""
    reach: str = ""


def _ro(mapping: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, slots=True)
class Answers:
    profiles: tuple[str, ...] = ()
    #: None until the person answers the situation questions: the profiles' defaults apply.
    contexts: tuple[str, ...] | None = None
    #: None until the person confirms assets: the profiles' defaults apply.
    assets: tuple[str, ...] | None = None
    #: None until the person confirms adversaries: the profiles' defaults apply.
    adversaries: Mapping[str, AdversaryRating] | None = None
    threats_added: tuple[str, ...] = ()
    threats_removed: tuple[str, ...] = ()
    #: question id -> answer step 1..5
    answers: Mapping[str, int] = field(default_factory=_ro)
    #: threat id -> factor -> 1..5, the person's own figure for that factor
    overrides: Mapping[str, Mapping[str, int]] = field(default_factory=_ro)
    responses: Mapping[str, ResponseDecision] = field(default_factory=_ro)
    todo: Mapping[str, TodoDecision] = field(default_factory=_ro)
    identity: str | None = None
    contacts: tuple[Contact, ...] = ()

    def with_changes(self, **changes: Any) -> Answers:
        return replace(self, **changes)


# --- validation and (de)serialisation -------------------------------------------------


def _bad(message: str, code: str, **params: object) -> InputError:
    return InputError(message, code=code, params=params)


_UNKNOWN: dict[str, str] = {
    "profile": gettext_noop("Unknown profile id: %(id)s."),
    "context": gettext_noop("Unknown situation id: %(id)s."),
    "asset": gettext_noop("Unknown asset id: %(id)s."),
    "adversary": gettext_noop("Unknown adversary id: %(id)s."),
    "threat": gettext_noop("Unknown threat id: %(id)s."),
    "question": gettext_noop("Unknown question id: %(id)s."),
    "mitigation": gettext_noop("Unknown mitigation id: %(id)s."),
    "identity": gettext_noop("Unknown identity strategy id: %(id)s."),
}


def _unknown(kind: str, value: object) -> NotFoundError:
    return NotFoundError(_UNKNOWN[kind], code=f"catalogue.unknown_{kind}", params={"id": str(value)[:80]})


def _level(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise _bad(
            gettext_noop("%(where)s must be a whole number from 1 to 5, not %(value)s."),
            "input.out_of_range",
            where=where,
            value=repr(value)[:40],
        )
    return value


def _text(value: object, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(gettext_noop("%(where)s must be text."), "input.wrong_type", where=where)
    if len(value) > MAX_TEXT:
        raise _bad(
            gettext_noop("%(where)s is longer than %(max)s characters."),
            "input.too_long",
            where=where,
            max=MAX_TEXT,
        )
    return value.strip()


def _ids(value: object, kind: str, known: Mapping[str, object], where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(gettext_noop("%(where)s must be a list of ids."), "input.wrong_type", where=where)
    for v in value:
        if v not in known:
            raise _unknown(kind, v)
    return tuple(dict.fromkeys(value))


def _mapping(value: object, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _bad(gettext_noop("%(where)s must be a mapping."), "input.wrong_type", where=where)
    return value


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _bad(gettext_noop("%(where)s must be a date (YYYY-MM-DD)."), "input.bad_date", where=where)


_KEYS = frozenset(
    {
        "profiles",
        "contexts",
        "assets",
        "adversaries",
        "threats_added",
        "threats_removed",
        "answers",
        "overrides",
        "responses",
        "todo",
        "identity",
        "contacts",
    }
)


def answers_from_dict(data: object, catalogue: Catalogue) -> Answers:
    """Validate a plain mapping (from YAML or JSON) into ``Answers``.

    Raises ``InputError`` (malformed) or ``NotFoundError`` (unknown ids); never half-builds.
    """
    raw = _mapping(data, "answers")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise _bad(
            gettext_noop("Unknown field in the answers: %(field)s."),
            "input.unknown_field",
            field=str(unknown[0])[:60],
        )
    profiles = _ids(raw.get("profiles"), "profile", catalogue.profiles, "profiles")
    contexts = (
        None
        if raw.get("contexts") is None
        else _ids(raw["contexts"], "context", catalogue.contexts, "contexts")
    )
    assets = None if raw.get("assets") is None else _ids(raw["assets"], "asset", catalogue.assets, "assets")
    adversaries: dict[str, AdversaryRating] | None = None
    if raw.get("adversaries") is not None:
        adversaries = {}
        value = raw["adversaries"]
        if isinstance(value, list):
            value = {a: {} for a in _ids(value, "adversary", catalogue.adversaries, "adversaries")}
        for adv_id, rating in _mapping(value, "adversaries").items():
            if adv_id not in catalogue.adversaries:
                raise _unknown("adversary", adv_id)
            rating = _mapping(rating, f"adversaries.{adv_id}")
            adversaries[adv_id] = AdversaryRating(
                capability=None
                if rating.get("capability") is None
                else _level(rating["capability"], f"adversaries.{adv_id}.capability"),
                intent=None
                if rating.get("intent") is None
                else _level(rating["intent"], f"adversaries.{adv_id}.intent"),
            )
    added = _ids(raw.get("threats_added"), "threat", catalogue.threats, "threats_added")
    removed = _ids(raw.get("threats_removed"), "threat", catalogue.threats, "threats_removed")
    question_ids = {
        q.id for t in catalogue.threats.values() for q in (*t.vulnerability_questions, *t.capacity_questions)
    }
    answers: dict[str, int] = {}
    for qid, value in _mapping(raw.get("answers"), "answers").items():
        if qid not in question_ids:
            raise _unknown("question", qid)
        answers[qid] = _level(value, f"answers.{qid}")
    overrides: dict[str, Mapping[str, int]] = {}
    for threat_id, factors in _mapping(raw.get("overrides"), "overrides").items():
        if threat_id not in catalogue.threats:
            raise _unknown("threat", threat_id)
        clean: dict[str, int] = {}
        for factor, value in _mapping(factors, f"overrides.{threat_id}").items():
            if factor not in FACTORS:
                raise _bad(
                    gettext_noop("Unknown factor: %(factor)s."),
                    "input.unknown_factor",
                    factor=str(factor)[:40],
                )
            clean[factor] = _level(value, f"overrides.{threat_id}.{factor}")
        overrides[threat_id] = MappingProxyType(clean)
    responses: dict[str, ResponseDecision] = {}
    for threat_id, decision in _mapping(raw.get("responses"), "responses").items():
        if threat_id not in catalogue.threats:
            raise _unknown("threat", threat_id)
        decision = {"status": decision} if isinstance(decision, str) else _mapping(decision, "responses")
        status = decision.get("status")
        if status not in RESPONSES:
            raise _bad(
                gettext_noop("Unknown response: %(value)s."), "input.unknown_response", value=str(status)[:40]
            )
        responses[threat_id] = ResponseDecision(
            status=status,
            decided_by=_text(decision.get("decided_by"), "decided_by"),
            reason=_text(decision.get("reason"), "reason"),
        )
    todo: dict[str, TodoDecision] = {}
    for mit_id, decision in _mapping(raw.get("todo"), "todo").items():
        if mit_id not in catalogue.mitigations:
            raise _unknown("mitigation", mit_id)
        decision = _mapping(decision, f"todo.{mit_id}")
        for flag in ("included", "done"):
            if flag in decision and not isinstance(decision[flag], bool):
                raise _bad(gettext_noop("%(where)s must be true or false."), "input.wrong_type", where=flag)
        todo[mit_id] = TodoDecision(
            included=decision.get("included", True),
            owner=_text(decision.get("owner"), "owner"),
            due=_date(decision.get("due"), f"todo.{mit_id}.due"),
            done=decision.get("done", False),
        )
    identity = raw.get("identity")
    if identity is not None and not isinstance(identity, str):
        raise _bad(gettext_noop("%(where)s must be text."), "input.wrong_type", where="identity")
    if identity is not None and identity not in catalogue.identity:
        raise _unknown("identity", identity)
    contacts_raw = raw.get("contacts") or []
    if not isinstance(contacts_raw, list):
        raise _bad(gettext_noop("%(where)s must be a list."), "input.wrong_type", where="contacts")
    contacts_list = [_mapping(c, "contacts") for c in contacts_raw[:20]]
    contacts = tuple(
        Contact(
            name=_text(c.get("name"), "contacts.name"),
            role=_text(c.get("role"), "contacts.role"),
            reach=_text(c.get("reach"), "contacts.reach"),
        )
        for c in contacts_list
    )
    return Answers(
        profiles=profiles,
        contexts=contexts,
        assets=assets,
        adversaries=None if adversaries is None else MappingProxyType(adversaries),
        threats_added=added,
        threats_removed=removed,
        answers=MappingProxyType(answers),
        overrides=MappingProxyType(overrides),
        responses=MappingProxyType(responses),
        todo=MappingProxyType(todo),
        identity=identity,
        contacts=tuple(c for c in contacts if c.name),
    )


def answers_to_dict(answers: Answers) -> dict[str, Any]:
    """The plain, JSON-ready form of ``answers`` (inverse of ``answers_from_dict``)."""
    out: dict[str, Any] = {"profiles": list(answers.profiles)}
    if answers.contexts is not None:
        out["contexts"] = list(answers.contexts)
    if answers.assets is not None:
        out["assets"] = list(answers.assets)
    if answers.adversaries is not None:
        out["adversaries"] = {
            adv: {k: v for k, v in (("capability", r.capability), ("intent", r.intent)) if v is not None}
            for adv, r in answers.adversaries.items()
        }
    if answers.threats_added:
        out["threats_added"] = list(answers.threats_added)
    if answers.threats_removed:
        out["threats_removed"] = list(answers.threats_removed)
    out["answers"] = dict(answers.answers)
    out["overrides"] = {t: dict(f) for t, f in answers.overrides.items()}
    out["responses"] = {
        t: {"status": r.status, "decided_by": r.decided_by, "reason": r.reason}
        for t, r in answers.responses.items()
    }
    out["todo"] = {
        m: {
            "included": d.included,
            "owner": d.owner,
            "due": d.due.isoformat() if d.due else None,
            "done": d.done,
        }
        for m, d in answers.todo.items()
    }
    if answers.identity:
        out["identity"] = answers.identity
    out["contacts"] = [{"name": c.name, "role": c.role, "reach": c.reach} for c in answers.contacts]
    return out
