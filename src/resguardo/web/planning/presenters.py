"""Shapes the plan and the questions for templates (no state changes here)."""

from __future__ import annotations

from html import escape
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from resguardo.catalogue.model import Catalogue
from resguardo.risk import Answers
from resguardo.risk.explain import (
    band_label,
    explain_factor,
    factor_label,
    origin_label,
    response_label,
    scale_labels,
)
from resguardo.risk.history import PlanDiff
from resguardo.risk.plan import Plan
from resguardo.risk.scoring import band_for
from resguardo.risk.selection import selected_threats
from resguardo.web.planning import actions
from resguardo.web.planning.models import Assessment

FACTORS = ("likelihood", "impact", "vulnerability", "capacity")
BAND_FILL = {"low": "#cfe8c8", "medium": "#f5eaa3", "high": "#f6c995", "critical": "#ef9f9f"}


def progress(assessment: Assessment, current: str) -> list[dict[str, Any]]:
    labels = {
        "profile": _("Who you are"),
        "assets": _("What to protect"),
        "adversaries": _("From whom"),
        "threats": _("Threats"),
        "questions": _("Questions"),
        "plan": _("Your plan"),
    }
    reached = Assessment.STEPS.index(assessment.step) if assessment.step in Assessment.STEPS else 0
    rows = []
    for i, key in enumerate(Assessment.STEPS):
        url = (
            reverse("planning:plan", kwargs={"pk": assessment.pk})
            if key == "plan"
            else reverse("planning:step", kwargs={"pk": assessment.pk, "step": key})
        )
        rows.append(
            {
                "key": key,
                "label": labels[key],
                "number": i + 1,
                "current": key == current,
                "open": i <= reached,
                "url": url,
            }
        )
    return rows


def question_blocks(cat: Catalogue, answers: Answers) -> list[dict[str, Any]]:
    lang = cat.language
    blocks = []
    for threat_id in selected_threats(cat, answers):
        threat = cat.threats[threat_id]
        own = answers.overrides.get(threat_id, {})

        def rows(questions: Any) -> list[dict[str, Any]]:
            return [
                {
                    "question": q,
                    "value": answers.answers.get(q.id),
                    "options": list(enumerate(scale_labels(q.scale, lang), 1)),
                }
                for q in questions
            ]

        blocks.append(
            {
                "threat": threat,
                "vulnerability": rows(threat.vulnerability_questions),
                "capacity": rows(threat.capacity_questions),
                "overrides": [
                    {
                        "factor": f,
                        "label": factor_label(f, lang),
                        "value": own.get(f),
                        "options": list(enumerate(scale_labels(s, lang), 1)),
                    }
                    for f, s in (
                        ("likelihood", "likelihood"),
                        ("impact", "impact"),
                        ("vulnerability", "level"),
                        ("capacity", "level"),
                    )
                ],
            }
        )
    return blocks


def heatmap_svg(plan: Plan) -> SafeString:
    """Likelihood (across) by impact (up), cells coloured by the band of likelihood x impact,
    each risk drawn as its rank number. Server-rendered: no script needed."""
    cell, pad = 64, 56
    size = cell * 5
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size + pad + 8} {size + pad + 8}" '
        f'role="img" aria-labelledby="heatmap-title" class="heatmap">',
        f'<title id="heatmap-title">{escape(_("Heat map of your risks: likelihood across, impact up"))}</title>',
    ]
    for li in range(1, 6):
        for im in range(1, 6):
            x, y = pad + (li - 1) * cell, (5 - im) * cell
            fill = BAND_FILL[band_for(li * im)]
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{fill}" stroke="#ffffff"/>'
            )
    cells: dict[tuple[int, int], list[int]] = {}
    for rank, risk in enumerate(plan.risks, 1):
        key = (risk.factors.likelihood.value, risk.factors.impact.value)
        cells.setdefault(key, []).append(rank)
    for (li, im), ranks in cells.items():
        x, y = pad + (li - 1) * cell, (5 - im) * cell
        shown = ranks[:6]
        for n, rank in enumerate(shown):
            cx = x + 14 + (n % 3) * 18
            cy = y + 18 + (n // 3) * 24
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="9" fill="#1d1d1d"/>')
            parts.append(
                f'<text x="{cx}" y="{cy + 4}" font-size="10" text-anchor="middle" fill="#ffffff">{rank}</text>'
            )
        if len(ranks) > len(shown):
            parts.append(
                f'<text x="{x + 8}" y="{y + cell - 6}" font-size="10">+{len(ranks) - len(shown)}</text>'
            )
    for i in range(1, 6):
        parts.append(
            f'<text x="{pad + (i - 1) * cell + cell / 2}" y="{size + 18}" font-size="12" text-anchor="middle">{i}</text>'
        )
        parts.append(
            f'<text x="{pad - 10}" y="{(5 - i) * cell + cell / 2 + 4}" font-size="12" text-anchor="end">{i}</text>'
        )
    parts.append(
        f'<text x="{pad + size / 2}" y="{size + 42}" font-size="13" text-anchor="middle">{escape(_("Likelihood"))}</text>'
    )
    parts.append(
        f'<text x="14" y="{size / 2}" font-size="13" text-anchor="middle" transform="rotate(-90 14 {size / 2})">'
        f"{escape(_('Impact'))}</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text inside is escaped above


def plan_context(assessment: Assessment, answers: Answers) -> dict[str, Any]:
    cat = actions.catalogue()
    lang = cat.language
    plan = actions.plan_of(assessment, answers)
    risks = []
    for rank, r in enumerate(plan.risks, 1):
        risks.append(
            {
                "rank": rank,
                "risk": r,
                "band_label": band_label(r.band, lang),
                "response_label": response_label(r.response, lang),
                "factors": [
                    {
                        "name": name,
                        "label": factor_label(name, lang),
                        "value": getattr(r.factors, name).value,
                        "origin": origin_label(getattr(r.factors, name).origin, lang),
                        "why": explain_factor(name, getattr(r.factors, name), cat, lang),
                    }
                    for name in FACTORS
                ],
                "top_mitigations": r.mitigations[:3],
            }
        )
    in_todo = {i.mitigation.id for i in plan.todo}
    addable = sorted(
        {m for r in plan.risks for m in r.mitigations if m.id not in in_todo}, key=lambda m: m.name.casefold()
    )
    contacts = list(answers.contacts) + [None] * (5 - len(answers.contacts))
    return {
        "assessment": assessment,
        "plan": plan,
        "catalogue": cat,
        "risks": risks,
        "heatmap": heatmap_svg(plan),
        "addable": addable,
        "responses": [
            (s, response_label(s, lang))
            for s in ("open", "mitigating", "mitigated", "accepted", "transferred", "avoided")
        ],
        "contacts": list(enumerate(contacts)),
        "identity_options": list(cat.identity.values()),
        "identity": cat.identity[plan.identity.recommended],
        "chosen_identity": cat.identity.get(plan.identity.chosen) if plan.identity.chosen else None,
        "triggers": [cat.triggers[t] for t in plan.triggers],
        "emergency": [
            {"procedure": e, "support": [cat.support[s] for s in e.support if s in cat.support]}
            for e in plan.emergency
        ],
    }


def diff_rows(cat: Catalogue, diff: PlanDiff) -> dict[str, Any]:
    def name(threat_id: str) -> str:
        return cat.threats[threat_id].name if threat_id in cat.threats else threat_id

    def rows(changes: Any) -> list[dict[str, Any]]:
        return [{"name": name(c.threat), "change": c} for c in changes]

    return {
        "rose": rows(diff.rose),
        "fell": rows(diff.fell),
        "added": rows(diff.added),
        "removed": rows(diff.removed),
        "capacity_grew": rows(diff.capacity_grew),
        "newly_done": [cat.mitigations[m].name for m in diff.newly_done if m in cat.mitigations],
        "review_before": diff.review_before,
        "review_after": diff.review_after,
        "unchanged": diff.unchanged,
    }
