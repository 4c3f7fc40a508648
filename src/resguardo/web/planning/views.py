"""The guided assessment and the plan. Views parse, call an action, render."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from resguardo.errors import InputError, ResguardoError
from resguardo.i18n import gettext_noop
from resguardo.risk import answers_from_dict, answers_to_dict, build_plan, diff_plans
from resguardo.risk.answers import RESPONSES, Answers
from resguardo.risk.document import emergency_card_pdf, html_to_pdf, plan_html, plan_markdown
from resguardo.risk.explain import scale_labels
from resguardo.risk.export import MAX_IMPORT_BYTES, write_interchange
from resguardo.risk.selection import (
    selected_adversaries,
    selected_assets,
    selected_contexts,
    suggested_threats,
)
from resguardo.risk.selection import selected_threats as threats_selected
from resguardo.web.errors import message_for
from resguardo.web.planning import actions, presenters
from resguardo.web.planning.models import Assessment

STEPS = Assessment.STEPS[:-1]  # the plan itself is not a form step


def _person(request: HttpRequest) -> User:
    """The logged-in person (every view here is behind login_required)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


def _mine(request: HttpRequest) -> QuerySet[Assessment]:
    return Assessment.objects.filter(owner=request.user.pk)


def _get(request: HttpRequest, pk: Any) -> Assessment:
    return get_object_or_404(_mine(request), pk=pk)


def _level(value: str, where: str) -> int | None:
    """'' -> None (not answered); '1'..'5' -> int; anything else is refused."""
    if value == "":
        return None
    if value.isdigit() and 1 <= int(value) <= 5:
        return int(value)
    raise InputError(
        gettext_noop("%(where)s must be a whole number from 1 to 5, not %(value)s."),
        code="input.out_of_range",
        params={"where": where[:60], "value": repr(value)[:40]},
    )


@login_required
@require_GET
def assessment_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "planning/list.html", {"assessments": _mine(request), "max_import": MAX_IMPORT_BYTES}
    )


@login_required
@require_POST
def create(request: HttpRequest) -> HttpResponse:
    title = request.POST.get("title", "").strip()[:200]
    assessment = actions.create_assessment(_person(request), title=title)
    return redirect("planning:step", pk=assessment.pk, step="profile")


@login_required
@require_POST
def import_file(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("file")
    if upload is None:
        raise InputError(gettext_noop("Choose a file to import."), code="import.no_file")
    if upload.size is not None and upload.size > MAX_IMPORT_BYTES:
        raise InputError(
            gettext_noop("The file is too large (more than %(max)s bytes)."),
            code="import.too_large",
            params={"max": MAX_IMPORT_BYTES},
        )
    assessment = actions.import_assessment(_person(request), upload.read(MAX_IMPORT_BYTES + 1))
    return redirect("planning:plan", pk=assessment.pk)


# --- the guided steps -------------------------------------------------------------


def _step_context(assessment: Assessment, answers: Answers, step: str) -> dict[str, Any]:
    cat = actions.catalogue()
    lang = cat.language
    ctx: dict[str, Any] = {
        "assessment": assessment,
        "step": step,
        "steps": presenters.progress(assessment, step),
        "catalogue": cat,
    }
    if step == "profile":
        ctx["profiles"] = [(p, p.id in answers.profiles) for p in cat.profiles.values()]
    elif step == "assets":
        held = set(selected_assets(cat, answers))
        ctx["assets"] = [(a, a.id in held) for a in cat.assets.values()]
        yes = set(selected_contexts(cat, answers))
        ctx["contexts"] = [(c, c.id in yes) for c in cat.contexts.values()]
    elif step == "adversaries":
        chosen = selected_adversaries(cat, answers)
        rows = []
        for adv in cat.adversaries.values():
            rating = chosen.get(adv.id)
            rows.append(
                {
                    "adversary": adv,
                    "checked": adv.id in chosen,
                    "capability": rating.capability if rating and rating.capability else adv.capability,
                    "intent": rating.intent if rating and rating.intent else adv.intent,
                    "capabilities": [cat.capabilities[c] for c in adv.capabilities if c in cat.capabilities],
                }
            )
        ctx["adversaries"] = rows
        ctx["levels"] = list(enumerate(scale_labels("level", lang), 1))
    elif step == "threats":
        suggested = set(suggested_threats(cat, answers))
        picked = set(threats_selected(cat, answers))
        ctx["suggested"] = [(t, t.id in picked) for t in cat.threats.values() if t.id in suggested]
        ctx["others"] = [(t, t.id in picked) for t in cat.threats.values() if t.id not in suggested]
    elif step == "questions":
        ctx["threats"] = presenters.question_blocks(cat, answers)
    return ctx


def _parse_step(step: str, request: HttpRequest, answers: Answers) -> dict[str, Any]:
    """The answers as plain data with this step's form applied (validated by the caller)."""
    cat = actions.catalogue()
    post = request.POST
    data = answers_to_dict(answers)
    if step == "profile":
        data["profiles"] = post.getlist("profiles")
        if not data["profiles"]:
            raise InputError(gettext_noop("Choose at least one profile."), code="planning.no_profile")
    elif step == "assets":
        data["assets"] = post.getlist("assets")
        data["contexts"] = post.getlist("contexts")
    elif step == "adversaries":
        data["adversaries"] = {
            adv: {
                "capability": _level(post.get(f"capability-{adv}", ""), f"capability-{adv}"),
                "intent": _level(post.get(f"intent-{adv}", ""), f"intent-{adv}"),
            }
            for adv in post.getlist("adversaries")
        }
        for rating in data["adversaries"].values():
            for key in [k for k, v in rating.items() if v is None]:
                del rating[key]
    elif step == "threats":
        chosen = set(post.getlist("threats"))
        unknown = chosen - set(cat.threats)
        if unknown:
            data["threats_added"] = sorted(unknown)  # rejected below with a clear code
        else:
            suggested = set(suggested_threats(cat, answers))
            data["threats_added"] = sorted(chosen - suggested)
            data["threats_removed"] = sorted(suggested - chosen)
    elif step == "questions":
        given = dict(data.get("answers", {}))
        overrides = {t: dict(f) for t, f in data.get("overrides", {}).items()}
        for threat_id in threats_selected(cat, answers):
            threat = cat.threats[threat_id]
            for q in (*threat.vulnerability_questions, *threat.capacity_questions):
                if f"q-{q.id}" in post:
                    value = _level(post.get(f"q-{q.id}", ""), q.id)
                    if value is None:
                        given.pop(q.id, None)
                    else:
                        given[q.id] = value
            for factor in ("likelihood", "impact", "vulnerability", "capacity"):
                key = f"override-{threat_id}-{factor}"
                if key in post:
                    value = _level(post.get(key, ""), key)
                    own = overrides.setdefault(threat_id, {})
                    if value is None:
                        own.pop(factor, None)
                    else:
                        own[factor] = value
        data["answers"] = given
        data["overrides"] = {t: f for t, f in overrides.items() if f}
    return data


@login_required
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, pk: Any, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    assessment = _get(request, pk)
    answers = actions.answers_of(assessment)
    if step != "profile" and not answers.profiles:
        return redirect("planning:step", pk=assessment.pk, step="profile")
    error = None
    if request.method == "POST":
        try:
            new = answers_from_dict(_parse_step(step, request, answers), actions.catalogue())
        except ResguardoError as exc:
            error = {"code": exc.code, "message": message_for(exc)}
        else:
            following = Assessment.STEPS[Assessment.STEPS.index(step) + 1]
            actions.record_answers(assessment, _person(request), new, step=following, note=step)
            if "back" in request.POST and step != "profile":
                return redirect(
                    "planning:step", pk=assessment.pk, step=Assessment.STEPS[Assessment.STEPS.index(step) - 1]
                )
            if following == "plan":
                return redirect("planning:plan", pk=assessment.pk)
            return redirect("planning:step", pk=assessment.pk, step=following)
    ctx = _step_context(assessment, answers, step)
    ctx["error"] = error
    return render(request, f"planning/step_{step}.html", ctx, status=400 if error else 200)


# --- the plan and what can be changed on it -------------------------------------------


@login_required
@require_GET
def plan(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    answers = actions.answers_of(assessment)
    if not answers.profiles:
        return redirect("planning:step", pk=assessment.pk, step="profile")
    ctx = presenters.plan_context(assessment, answers)
    ctx["steps"] = presenters.progress(assessment, "plan")
    return render(request, "planning/plan.html", ctx)


def _apply(request: HttpRequest, assessment: Assessment, data: dict[str, Any], note: str) -> HttpResponse:
    new = answers_from_dict(data, actions.catalogue())
    actions.record_answers(assessment, _person(request), new, note=note)
    return redirect(f"{assessment_url(assessment)}#{note}")


def assessment_url(assessment: Assessment) -> str:
    from django.urls import reverse

    return reverse("planning:plan", kwargs={"pk": assessment.pk})


@login_required
@require_POST
def update_todo(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    data = answers_to_dict(actions.answers_of(assessment))
    todo = dict(data.get("todo", {}))
    for m_id in request.POST.getlist("items"):
        due = request.POST.get(f"due-{m_id}", "").strip() or None
        todo[m_id] = {
            "included": f"remove-{m_id}" not in request.POST,
            "owner": request.POST.get(f"owner-{m_id}", "")[:500],
            "due": due,
            "done": f"done-{m_id}" in request.POST,
        }
    added = request.POST.get("add", "")
    if added:
        todo[added] = {**todo.get(added, {}), "included": True}
    data["todo"] = todo
    return _apply(request, assessment, data, "todo")


@login_required
@require_POST
def update_responses(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    data = answers_to_dict(actions.answers_of(assessment))
    responses = dict(data.get("responses", {}))
    for threat_id in request.POST.getlist("risks"):
        status = request.POST.get(f"response-{threat_id}", "")
        if status == "":
            responses.pop(threat_id, None)
            continue
        responses[threat_id] = {
            "status": status if status in RESPONSES else f"invalid:{status[:20]}",
            "decided_by": request.user.get_username(),
            "reason": request.POST.get(f"reason-{threat_id}", "")[:500],
        }
    data["responses"] = responses
    return _apply(request, assessment, data, "risks")


@login_required
@require_POST
def update_contacts(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    data = answers_to_dict(actions.answers_of(assessment))
    contacts = []
    for i in range(5):
        name = request.POST.get(f"name-{i}", "").strip()
        if name:
            contacts.append(
                {
                    "name": name,
                    "role": request.POST.get(f"role-{i}", ""),
                    "reach": request.POST.get(f"reach-{i}", ""),
                }
            )
    data["contacts"] = contacts
    return _apply(request, assessment, data, "emergency")


@login_required
@require_POST
def update_identity(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    data = answers_to_dict(actions.answers_of(assessment))
    data["identity"] = request.POST.get("identity") or None
    return _apply(request, assessment, data, "identity")


# --- history --------------------------------------------------------------------------


@login_required
@require_GET
def history(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    versions = list(assessment.versions.all()[:200])
    return render(
        request,
        "planning/history.html",
        {"assessment": assessment, "versions": versions, "steps": presenters.progress(assessment, "plan")},
    )


@login_required
@require_GET
def compare(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    try:
        a, b = int(request.GET.get("a", "")), int(request.GET.get("b", ""))
    except ValueError as exc:
        raise InputError(
            gettext_noop("Choose two versions to compare."), code="planning.bad_versions"
        ) from exc
    if not assessment.versions.filter(number__in=[a, b]).count() == len({a, b}):
        raise InputError(gettext_noop("Choose two versions to compare."), code="planning.bad_versions")
    cat = actions.catalogue()
    old = build_plan(cat, *actions.answers_at(assessment, min(a, b)))
    new = build_plan(cat, *actions.answers_at(assessment, max(a, b)))
    return render(
        request,
        "planning/compare.html",
        {
            "assessment": assessment,
            "a": min(a, b),
            "b": max(a, b),
            "diff": presenters.diff_rows(cat, diff_plans(old, new)),
            "steps": presenters.progress(assessment, "plan"),
        },
    )


@require_GET
def interchange_schema(request: HttpRequest) -> HttpResponse:
    """The published JSON Schema of the interchange format (public: it holds no data)."""
    from resguardo.risk.export import SCHEMA_PATH

    return HttpResponse(SCHEMA_PATH.read_bytes(), content_type="application/schema+json")


# --- exports --------------------------------------------------------------------------


def _download(content: bytes, content_type: str, assessment: Assessment, suffix: str) -> HttpResponse:
    name = slugify(assessment.title)[:60] or "resguardo-plan"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}-{actions.today().isoformat()}{suffix}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def export_markdown(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    text = plan_markdown(actions.plan_of(assessment), actions.catalogue())
    return _download(text.encode("utf-8"), "text/markdown; charset=utf-8", assessment, ".md")


@login_required
@require_GET
def export_pdf(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    pdf = html_to_pdf(plan_html(actions.plan_of(assessment), actions.catalogue()))
    return _download(pdf, "application/pdf", assessment, ".pdf")


@login_required
@require_GET
def export_card(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    pdf = emergency_card_pdf(actions.plan_of(assessment), actions.catalogue())
    return _download(pdf, "application/pdf", assessment, "-emergency-card.pdf")


@login_required
@require_GET
def export_json(request: HttpRequest, pk: Any) -> HttpResponse:
    assessment = _get(request, pk)
    answers = actions.answers_of(assessment)
    cat = actions.catalogue()
    doc = write_interchange(
        answers,
        build_plan(cat, answers, actions.plan_date(assessment)),
        cat,
        title=assessment.title,
        exported=actions.today(),
    )
    body = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    return _download(body, "application/json", assessment, ".json")


__all__ = ["dt", "translation"]
