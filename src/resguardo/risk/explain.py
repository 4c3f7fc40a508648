"""Plain-language explanations of how each factor got its value."""

from __future__ import annotations

from collections.abc import Mapping

from resguardo.catalogue.model import Catalogue
from resguardo.i18n import translate
from resguardo.risk.scoring import Factor

__all__ = ["band_label", "explain_factor", "factor_label", "origin_label", "response_label", "scale_labels"]


def factor_label(name: str, language: str) -> str:
    def _(s: str) -> str:
        return translate(s, language)

    return {
        "likelihood": _("Likelihood"),
        "impact": _("Impact"),
        "vulnerability": _("Vulnerability"),
        "capacity": _("Capacity"),
    }[name]


def band_label(band: str, language: str) -> str:
    def _(s: str) -> str:
        return translate(s, language)

    return {"low": _("Low"), "medium": _("Medium"), "high": _("High"), "critical": _("Critical")}[band]


def response_label(status: str, language: str) -> str:
    def _(s: str) -> str:
        return translate(s, language)

    return {
        "open": _("Open"),
        "mitigating": _("Mitigating"),
        "mitigated": _("Mitigated"),
        "accepted": _("Accepted"),
        "transferred": _("Transferred"),
        "avoided": _("Avoided"),
    }[status]


def origin_label(origin: str, language: str) -> str:
    def _(s: str) -> str:
        return translate(s, language)

    return {"defaulted": _("default"), "derived": _("derived"), "answered": _("answered")}[origin]


def _args(factor: Factor, code: str, known: Mapping[str, object]) -> list[str]:
    return [
        r.partition(":")[2]
        for r in factor.reasons
        if r.startswith(code + ":") and r.partition(":")[2] in known
    ]


def explain_factor(name: str, factor: Factor, catalogue: Catalogue, language: str) -> str:
    """One sentence a person can read: why this factor has this value."""

    def _(s: str) -> str:
        return translate(s, language)

    parts: list[str] = []
    strong = [
        catalogue.adversaries[a].name
        for a in _args(factor, "adversary-capable-and-motivated", catalogue.adversaries)
    ]
    if strong:
        parts.append(
            _("Highly capable and highly motivated: %(adversaries)s (+1).")
            % {"adversaries": ", ".join(strong)}
        )
    stakes = [catalogue.assets[a].name for a in _args(factor, "high-stakes-asset", catalogue.assets)]
    if stakes:
        parts.append(_("At stake, and hard to undo: %(assets)s (+1).") % {"assets": ", ".join(stakes)})
    codes = {reason.partition(":")[0] for reason in factor.reasons}
    if "no-selected-adversary-able" in codes:
        parts.append(_("None of the adversaries you chose usually does this (-1)."))
    if "adversaries-weak-or-uninterested" in codes:
        parts.append(_("The adversaries able to do this have little capability or interest (-1)."))
    if "no-selected-asset-at-stake" in codes:
        parts.append(_("None of the things you want to protect is directly harmed (-1)."))
    if "only-replaceable-assets" in codes:
        parts.append(_("Only replaceable things are at stake (-1)."))
    if "unanswered" in codes:
        parts.append(_("Not answered yet: the middle value 3 is used."))
    if "own-estimate" in codes:
        parts.append(_("Your own estimate."))
    if factor.origin == "answered" and not parts:
        parts.append(_("From your answers to the questions about this threat."))
    if factor.origin == "defaulted" and not parts:
        parts.append(_("The catalogue's usual value for this threat."))
    for mitigation_id, step in factor.moved_by:
        name_ = (
            catalogue.mitigations[mitigation_id].name
            if mitigation_id in catalogue.mitigations
            else mitigation_id
        )
        parts.append(_("Done: %(mitigation)s (%(step)+d).") % {"mitigation": name_, "step": step})
    return " ".join(parts)


def scale_labels(scale: str, language: str) -> tuple[str, str, str, str, str]:
    """The five answer labels of a scale, lowest first."""

    def _(s: str) -> str:
        return translate(s, language)

    scales = {
        "frequency": (_("Never"), _("Rarely"), _("Sometimes"), _("Often"), _("Always")),
        "extent": (_("None"), _("A few"), _("About half"), _("Most"), _("All")),
        "confidence": (_("Not at all"), _("A little"), _("Partly"), _("Mostly"), _("Completely")),
        "likelihood": (_("Very unlikely"), _("Unlikely"), _("Possible"), _("Likely"), _("Almost certain")),
        "impact": (
            _("Minor"),
            _("Moderate"),
            _("Serious"),
            _("Severe"),
            _("Life-threatening or irreversible"),
        ),
        "level": (_("Very low"), _("Low"), _("Medium"), _("High"), _("Very high")),
    }
    return scales[scale]
