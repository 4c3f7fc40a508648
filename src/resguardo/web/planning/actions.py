"""Named actions on assessments: every write goes through here and is recorded."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from resguardo.catalogue import Catalogue, load
from resguardo.risk import Answers, Plan, answers_from_dict, answers_to_dict, build_plan, diff_answers
from resguardo.risk.export import read_interchange
from resguardo.web.planning.models import Assessment, AssessmentVersion


def catalogue() -> Catalogue:
    return load(translation.get_language() or "en")


def today() -> dt.date:
    return timezone.localdate()


def answers_of(assessment: Assessment) -> Answers:
    return answers_from_dict(assessment.answers, catalogue())


def plan_date(assessment: Assessment) -> dt.date:
    """A plan is as of its last change, so its review and due dates do not drift daily."""
    return timezone.localdate(assessment.updated_at) if assessment.updated_at else today()


def plan_of(assessment: Assessment, answers: Answers | None = None) -> Plan:
    return build_plan(catalogue(), answers or answers_of(assessment), plan_date(assessment))


def answers_at(assessment: Assessment, number: int) -> tuple[Answers, dt.date]:
    """The answers saved in one version, and the day they were saved."""
    version = assessment.versions.get(number=number)
    return answers_from_dict(version.answers, catalogue()), timezone.localdate(version.changed_at)


def create_assessment(owner: User, title: str = "", answers: Answers | None = None) -> Assessment:
    with transaction.atomic():
        assessment = Assessment.objects.create(owner=owner, title=title[:200])
        if answers is not None:
            record_answers(assessment, owner, answers, note="import")
    return assessment


def record_answers(
    assessment: Assessment,
    by: User | None,
    new: Answers,
    *,
    step: str | None = None,
    note: str = "",
) -> Assessment:
    """Save new answers and a version with what changed. Concurrent writers are serialised
    by a row lock; each version number is unique, so no change is ever lost silently."""
    data = answers_to_dict(new)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        before = answers_from_dict(locked.answers, catalogue())
        changes = diff_answers(before, new)
        if step and _later(step, locked.step):
            locked.step = step
            locked.save(update_fields=["step"])
        if changes:
            locked.version = F("version") + 1
            locked.answers = data
            locked.save(update_fields=["version", "answers", "updated_at"])
            locked.refresh_from_db()
            AssessmentVersion.objects.create(
                assessment=locked,
                number=locked.version,
                answers=data,
                changes=[_jsonable(asdict(c)) for c in changes],
                changed_by=by,
                note=note[:200],
            )
    assessment.refresh_from_db()
    return assessment


def _later(step: str, current: str) -> bool:
    steps = Assessment.STEPS
    return step in steps and (current not in steps or steps.index(step) > steps.index(current))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def import_assessment(owner: User, blob: bytes) -> Assessment:
    """Create an assessment from an exported file; validation happens before any write."""
    title, answers = read_interchange(blob, catalogue())
    assessment = create_assessment(owner, title=title, answers=answers)
    assessment.step = "plan"
    assessment.save(update_fields=["step"])
    return assessment
