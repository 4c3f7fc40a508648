"""Plans as data: the JSON report (CLI contract) and the versioned interchange format."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from resguardo.catalogue.model import Catalogue
from resguardo.errors import ImportFormatError, InputError
from resguardo.i18n import gettext_noop
from resguardo.risk.answers import Answers, answers_from_dict, answers_to_dict
from resguardo.risk.explain import explain_factor
from resguardo.risk.plan import Plan

__all__ = [
    "INTERCHANGE_FORMAT",
    "INTERCHANGE_VERSION",
    "MAX_IMPORT_BYTES",
    "interchange_schema",
    "plan_to_dict",
    "read_interchange",
    "write_interchange",
]

INTERCHANGE_FORMAT = "resguardo.assessment"
INTERCHANGE_VERSION = 1
MAX_IMPORT_BYTES = 1_000_000
SCHEMA_PATH = Path(__file__).with_name("interchange.schema.json")


def plan_to_dict(plan: Plan, catalogue: Catalogue) -> dict[str, Any]:
    """The plan as JSON-ready data; names are in the catalogue's language."""
    lang = catalogue.language
    risks = []
    for r in plan.risks:
        f = r.factors
        risks.append(
            {
                "threat": r.threat.id,
                "name": r.threat.name,
                "likelihood": f.likelihood.value,
                "impact": f.impact.value,
                "vulnerability": f.vulnerability.value,
                "capacity": f.capacity.value,
                "score": r.score,
                "band": r.band,
                "response": r.response,
                "decided_by": r.decided_by,
                "reason": r.reason,
                "mitigations": [m.id for m in r.mitigations],
                "factors": {
                    name: {
                        "value": getattr(f, name).value,
                        "origin": getattr(f, name).origin,
                        "explanation": explain_factor(name, getattr(f, name), catalogue, lang),
                    }
                    for name in ("likelihood", "impact", "vulnerability", "capacity")
                },
            }
        )
    return {
        "generated_on": plan.generated_on.isoformat(),
        "language": lang,
        "profiles": list(plan.profiles),
        "risks": risks,
        "todo": [
            {
                "mitigation": i.mitigation.id,
                "name": i.mitigation.name,
                "threats": list(i.threats),
                "strategy": i.mitigation.strategy,
                "effort": i.mitigation.effort,
                "cost": i.mitigation.cost,
                "steps": list(i.mitigation.steps),
                "owner": i.owner,
                "due": i.due.isoformat() if i.due else None,
                "done": i.done,
            }
            for i in plan.todo
        ],
        "emergency": [
            {
                "threat": e.threat.id,
                "name": e.threat.name,
                "band": e.band,
                "first_steps": list(e.first_steps),
                "support": [
                    {"id": s, "name": catalogue.support[s].name, "contact": catalogue.support[s].contact}
                    for s in e.support
                    if s in catalogue.support
                ],
                "contacts": [{"name": c.name, "role": c.role, "reach": c.reach} for c in e.contacts],
            }
            for e in plan.emergency
        ],
        "identity": {
            "recommended": plan.identity.recommended,
            "name": catalogue.identity[plan.identity.recommended].name,
            "chosen": plan.identity.chosen,
            "needed_protection": plan.identity.needed_protection,
            "reasons": list(plan.identity.reasons),
        },
        "review_date": plan.review_date.isoformat(),
        "review_triggers": [{"id": t, "name": catalogue.triggers[t].name} for t in plan.triggers],
    }


@lru_cache(maxsize=1)
def interchange_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def write_interchange(
    answers: Answers, plan: Plan, catalogue: Catalogue, *, title: str = "", exported: dt.date
) -> dict[str, Any]:
    """A self-describing, versioned document: the answers (authoritative) and the plan they gave."""
    return {
        "format": INTERCHANGE_FORMAT,
        "version": INTERCHANGE_VERSION,
        "exported_on": exported.isoformat(),
        "title": title,
        "answers": answers_to_dict(answers),
        "plan": plan_to_dict(plan, catalogue),
    }


def read_interchange(blob: bytes, catalogue: Catalogue) -> tuple[str, Answers]:
    """Parse an exported assessment; returns (title, answers). The plan in it is not trusted:
    it is recomputed from the answers. Raises ImportFormatError/InputError, never half-imports."""
    if len(blob) > MAX_IMPORT_BYTES:
        raise InputError(
            gettext_noop("The file is too large (more than %(max)s bytes)."),
            code="import.too_large",
            params={"max": MAX_IMPORT_BYTES},
        )
    try:
        data = json.loads(blob.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ImportFormatError(gettext_noop("The file is not valid JSON."), code="import.not_json") from exc
    if not isinstance(data, dict) or data.get("format") != INTERCHANGE_FORMAT:
        raise ImportFormatError(
            gettext_noop("The file is not a resguardo assessment."), code="import.wrong_format"
        )
    if data.get("version") != INTERCHANGE_VERSION or isinstance(data.get("version"), bool):
        raise ImportFormatError(
            gettext_noop(
                "This assessment uses format version %(version)s, which this resguardo cannot read."
            ),
            code="import.unsupported_version",
            params={"version": str(data.get("version"))[:20]},
        )
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(interchange_schema()).iter_errors(data)
    )
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "."
        raise ImportFormatError(
            gettext_noop("The file does not follow the assessment format at %(where)s."),
            code="import.schema",
            params={"where": where[:100]},
        )
    title = str(data.get("title") or "")[:200]
    return title, answers_from_dict(data["answers"], catalogue)
