"""The plan as documents a person keeps: Markdown, printable HTML, PDF, emergency card."""

from __future__ import annotations

from html import escape
from typing import Any

from resguardo.catalogue.model import Catalogue
from resguardo.i18n import LANGUAGES, translate
from resguardo.risk.answers import Contact
from resguardo.risk.explain import band_label, explain_factor, factor_label, origin_label, response_label
from resguardo.risk.plan import Plan

__all__ = [
    "emergency_card_document",
    "emergency_card_html",
    "emergency_card_pdf",
    "html_to_pdf",
    "plan_html",
    "plan_markdown",
    "plan_pdf",
]

FACTOR_NAMES = ("likelihood", "impact", "vulnerability", "capacity")


def _labels(language: str) -> dict[str, str]:
    """Every heading and label of the documents, translated once (outside f-strings, so
    message extraction sees them)."""

    def _(s: str) -> str:
        return translate(s, language)

    return {
        "Security plan": _("Security plan"),
        "Ranked risks": _("Ranked risks"),
        "No risks selected.": _("No risks selected."),
        "Risk": _("Risk"),
        "Score": _("Score"),
        "Band": _("Band"),
        "Response": _("Response"),
        "Why each risk scores as it does": _("Why each risk scores as it does"),
        "To do": _("To do"),
        "Nothing to do yet.": _("Nothing to do yet."),
        "you": _("you"),
        "no date": _("no date"),
        "owner": _("owner"),
        "due": _("due"),
        "Emergency procedures": _("Emergency procedures"),
        "none-high": _("No risk is high or critical: no emergency procedure is needed now."),
        "If this happens: %(threat)s": _("If this happens: %(threat)s"),
        "Who to call:": _("Who to call:"),
        "Identity strategy": _("Identity strategy"),
        "Recommended: %(name)s.": _("Recommended: %(name)s."),
        "Review": _("Review"),
        "review-by": _("Review this plan by %(date)s, or earlier if:"),
        "made-on": _("Made on %(date)s. Next review: %(review)s."),
        "Profiles: %(names)s": _("Profiles: %(names)s"),
        "Emergency card": _("Emergency card"),
    }


def _md(text: str) -> str:
    """Neutralise Markdown and HTML in catalogue or user text."""
    out = escape(text, quote=False)
    for ch in ("\\", "`", "*", "_", "[", "]", "|", "#"):
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def plan_markdown(plan: Plan, catalogue: Catalogue) -> str:
    lang = catalogue.language

    t = _labels(lang)

    lines = [f"# {t['Security plan']}", ""]
    lines.append(
        t["made-on"] % {"date": plan.generated_on.isoformat(), "review": plan.review_date.isoformat()}
    )
    if plan.profiles:
        names = ", ".join(_md(catalogue.profiles[p].name) for p in plan.profiles)
        lines += ["", t["Profiles: %(names)s"] % {"names": names}]
    lines += ["", f"## {t['Ranked risks']}", ""]
    if not plan.risks:
        lines.append(t["No risks selected."])
    else:
        header = [
            t["Risk"],
            *[factor_label(f, lang) for f in FACTOR_NAMES],
            t["Score"],
            t["Band"],
            t["Response"],
        ]
        lines.append("| # | " + " | ".join(header) + " |")
        lines.append("|---" * (len(header) + 1) + "|")
        for i, r in enumerate(plan.risks, 1):
            f = r.factors
            lines.append(
                f"| {i} | {_md(r.threat.name)} | {f.likelihood.value} | {f.impact.value} | {f.vulnerability.value} | "
                f"{f.capacity.value} | {r.score:g} | {band_label(r.band, lang)} | {response_label(r.response, lang)} |"
            )
        lines += ["", f"### {t['Why each risk scores as it does']}", ""]
        for r in plan.risks:
            lines.append(
                f"**{_md(r.threat.name)}** ({r.score:g}, {band_label(r.band, lang)}): {_md(r.threat.summary)}"
            )
            lines.append("")
            for name in FACTOR_NAMES:
                factor = getattr(r.factors, name)
                why = explain_factor(name, factor, catalogue, lang)
                lines.append(
                    f"- {factor_label(name, lang)} {factor.value} ({origin_label(factor.origin, lang)}): {_md(why)}"
                )
            lines.append("")
    lines += [f"## {t['To do']}", ""]
    if not plan.todo:
        lines.append(t["Nothing to do yet."])
    for item in plan.todo:
        box = "x" if item.done else " "
        owner = _md(item.owner) if item.owner else t["you"]
        due = item.due.isoformat() if item.due else t["no date"]
        lines.append(f"- [{box}] **{_md(item.mitigation.name)}** — {t['owner']}: {owner}; {t['due']}: {due}")
        for step in item.mitigation.steps:
            lines.append(f"    - {_md(step)}")
    lines += ["", f"## {t['Emergency procedures']}", ""]
    if not plan.emergency:
        lines.append(t["none-high"])
    for e in plan.emergency:
        lines += [f"### {t['If this happens: %(threat)s'] % {'threat': _md(e.threat.name)}}", ""]
        lines += [f"{n}. {_md(step)}" for n, step in enumerate(e.first_steps, 1)]
        support = [catalogue.support[s] for s in e.support if s in catalogue.support]
        if support or e.contacts:
            lines += ["", t["Who to call:"]]
            lines += [f"- {_md(c.name)} ({_md(c.role)}): {_md(c.reach)}" for c in e.contacts]
            lines += [f"- {_md(s.name)}: <{s.contact}>" for s in support]
        lines.append("")
    ident = catalogue.identity[plan.identity.recommended]
    lines += [
        f"## {t['Identity strategy']}",
        "",
        t["Recommended: %(name)s."] % {"name": _md(ident.name)},
        "",
        _md(ident.summary),
        "",
    ]
    lines += [f"## {t['Review']}", "", t["review-by"] % {"date": plan.review_date.isoformat()}, ""]
    lines += [f"- {_md(catalogue.triggers[t].name)}" for t in plan.triggers]
    return "\n".join(lines) + "\n"


_CSS = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #111; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: 1mm 1.2mm; text-align: start; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { font-size: 7.5pt; } th.n { width: 5mm; } th.risk { width: 52mm; } th.band, th.resp { width: 18mm; }
th { background: #eee; } .band-critical { background: #f3c4c4; } .band-high { background: #f8dcb8; }
.band-medium { background: #f6f0b8; } .band-low { background: #d9ecd3; }
.why { color: #333; font-size: 9pt; } .card { border: 2px solid #000; padding: 4mm; }
.done { text-decoration: line-through; color: #555; }
"""


def _page(title: str, body: str, lang: str, extra_css: str = "") -> str:
    rtl = {c: r for c, _n, r in LANGUAGES}.get(lang, False)
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{"rtl" if rtl else "ltr"}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}{extra_css}</style></head><body>{body}</body></html>"
    )


def plan_html(plan: Plan, catalogue: Catalogue) -> str:
    """A self-contained, printable HTML plan (no external resource of any kind)."""
    lang = catalogue.language

    t = _labels(lang)

    e = escape
    parts = [f"<h1>{e(t['Security plan'])}</h1>"]
    parts.append(
        f"<p>{e(t['made-on'] % {'date': plan.generated_on.isoformat(), 'review': plan.review_date.isoformat()})}</p>"
    )
    parts.append(f"<h2>{e(t['Ranked risks'])}</h2>")
    if plan.risks:
        head = "".join(
            f'<th class="{cls}">{e(h)}</th>'
            for cls, h in [
                ("n", "#"),
                ("risk", t["Risk"]),
                *[("f", factor_label(f, lang)) for f in FACTOR_NAMES],
                ("f", t["Score"]),
                ("band", t["Band"]),
                ("resp", t["Response"]),
            ]
        )
        rows = []
        whys = []
        for i, r in enumerate(plan.risks, 1):
            f = r.factors
            rows.append(
                f'<tr class="band-{r.band}"><td>{i}</td><td><strong>{e(r.threat.name)}</strong></td>'
                f"<td>{f.likelihood.value}</td><td>{f.impact.value}</td>"
                f"<td>{f.vulnerability.value}</td><td>{f.capacity.value}</td><td>{r.score:g}</td>"
                f"<td>{e(band_label(r.band, lang))}</td><td>{e(response_label(r.response, lang))}</td></tr>"
            )
            why = "".join(
                f"<li>{e(factor_label(n, lang))} {getattr(f, n).value}: "
                f"{e(explain_factor(n, getattr(f, n), catalogue, lang))}</li>"
                for n in FACTOR_NAMES
            )
            whys.append(
                f'<h3>{i}. {e(r.threat.name)} ({r.score:g})</h3><p>{e(r.threat.summary)}</p><ul class="why">{why}</ul>'
            )
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
        parts.append(f"<h2>{e(t['Why each risk scores as it does'])}</h2>{''.join(whys)}")
    else:
        parts.append(f"<p>{e(t['No risks selected.'])}</p>")
    parts.append(f"<h2>{e(t['To do'])}</h2><ul>")
    for item in plan.todo:
        owner = item.owner or t["you"]
        due = item.due.isoformat() if item.due else t["no date"]
        steps = "".join(f"<li>{e(s)}</li>" for s in item.mitigation.steps)
        cls = ' class="done"' if item.done else ""
        parts.append(
            f"<li{cls}><strong>{'☑' if item.done else '☐'} {e(item.mitigation.name)}</strong> — "
            f"{e(t['owner'])}: {e(owner)}; {e(t['due'])}: {e(due)}<ol>{steps}</ol></li>"
        )
    parts.append("</ul>")
    parts.append(_emergency_section(plan, catalogue))
    ident = catalogue.identity[plan.identity.recommended]
    parts.append(
        f"<h2>{e(t['Identity strategy'])}</h2><p><strong>{e(ident.name)}</strong>: {e(ident.summary)}</p>"
    )
    triggers = "".join(f"<li>{e(catalogue.triggers[t].name)}</li>" for t in plan.triggers)
    parts.append(
        f"<h2>{e(t['Review'])}</h2><p>{e(t['review-by'] % {'date': plan.review_date.isoformat()})}</p><ul>{triggers}</ul>"
    )
    return _page(t["Security plan"], "".join(parts), lang)


def _emergency_section(plan: Plan, catalogue: Catalogue) -> str:
    lang = catalogue.language

    t = _labels(lang)

    e = escape
    parts = [f"<h2>{e(t['Emergency procedures'])}</h2>"]
    if not plan.emergency:
        parts.append(f"<p>{e(t['none-high'])}</p>")
    for proc in plan.emergency:
        steps = "".join(f"<li>{e(s)}</li>" for s in proc.first_steps)
        who = "".join(f"<li>{e(c.name)} ({e(c.role)}): {e(c.reach)}</li>" for c in proc.contacts)
        who += "".join(
            f"<li>{e(catalogue.support[s].name)}: {e(catalogue.support[s].contact)}</li>"
            for s in proc.support
            if s in catalogue.support
        )
        title = t["If this happens: %(threat)s"] % {"threat": proc.threat.name}
        parts.append(f"<h3>{e(title)}</h3><ol>{steps}</ol>")
        if who:
            parts.append(f"<p>{e(t['Who to call:'])}</p><ul>{who}</ul>")
    return "".join(parts)


def emergency_card_html(plan: Plan, catalogue: Catalogue, *, risks: int = 6, steps: int = 4) -> str:
    """A compact card: who to call first, then the first steps for the worst risks."""
    lang = catalogue.language
    t = _labels(lang)
    e = escape
    support_ids = list(dict.fromkeys(s for p in plan.emergency for s in p.support if s in catalogue.support))
    calls = "".join(
        f"<li><strong>{e(c.name)}</strong> {e(c.role)}: {e(c.reach)}</li>" for c in plan_contacts(plan)
    )
    calls += "".join(
        f"<li><strong>{e(catalogue.support[s].name)}</strong>: {e(catalogue.support[s].contact)}</li>"
        for s in support_ids
    )
    procedures = plan.emergency[:risks] or ()
    blocks = "".join(
        f'<section class="proc"><h3>{e(t["If this happens: %(threat)s"] % {"threat": p.threat.name})}</h3>'
        f"<ol>{''.join(f'<li>{e(step)}</li>' for step in p.first_steps[:steps])}</ol></section>"
        for p in procedures
    )
    if not procedures:
        blocks = f"<p>{e(t['none-high'])}</p>"
    body = (
        f'<div class="card"><h1>{e(t["Emergency card"])}</h1>'
        f"<p>{e(t['made-on'] % {'date': plan.generated_on.isoformat(), 'review': plan.review_date.isoformat()})}</p>"
        f'<h2>{e(t["Who to call:"])}</h2><ul>{calls}</ul><div class="cols">{blocks}</div></div>'
    )
    return _page(t["Emergency card"], body, lang, extra_css=_CARD_CSS)


def plan_contacts(plan: Plan) -> tuple[Contact, ...]:
    return plan.emergency[0].contacts if plan.emergency else ()


_CARD_CSS = """
@page { size: A4; margin: 10mm; }
body { font-size: 8.5pt; line-height: 1.25; } h1 { font-size: 14pt; margin: 0 0 2mm; }
h2 { font-size: 10pt; margin: 2mm 0 1mm; } h3 { font-size: 9pt; margin: 1.5mm 0 0.5mm; }
ul, ol { margin: 0; padding-inline-start: 5mm; } .cols { column-count: 2; column-gap: 6mm; }
.proc { break-inside: avoid; }
"""


def emergency_card_document(plan: Plan, catalogue: Catalogue) -> Any:
    """The card laid out: fewer risks and steps until it fits on one page."""
    from weasyprint import HTML

    for risks, steps in ((6, 4), (5, 3), (4, 3), (3, 3), (2, 2), (1, 2)):
        html = emergency_card_html(plan, catalogue, risks=risks, steps=steps)
        document = HTML(string=html, url_fetcher=_refuse).render()
        if len(document.pages) == 1:
            break
    return document


def emergency_card_pdf(plan: Plan, catalogue: Catalogue) -> bytes:
    """The card as a one-page PDF."""
    result = emergency_card_document(plan, catalogue).write_pdf()
    assert isinstance(result, bytes)  # noqa: S101 - write_pdf without a target returns bytes
    return result


def _refuse(url: str, *args: object, **kwargs: object) -> dict[str, object]:
    raise ValueError("external resources are not allowed")


def html_to_pdf(html: str) -> bytes:
    """Render self-contained HTML to PDF; no URL is ever fetched."""
    from weasyprint import HTML  # heavy import: only when a PDF is asked for

    result = HTML(string=html, url_fetcher=_refuse).write_pdf()
    assert isinstance(result, bytes)  # noqa: S101 - write_pdf without a target returns bytes
    return result


def plan_pdf(plan: Plan, catalogue: Catalogue) -> bytes:
    return html_to_pdf(plan_html(plan, catalogue))
