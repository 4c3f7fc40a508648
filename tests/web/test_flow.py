"""The web app through Django's test client: setup, the guided flow, the plan, bad input."""

from __future__ import annotations

import io
import json
import re
import threading
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client, override_settings

from resguardo.catalogue import load
from resguardo.risk import Answers
from resguardo.web.planning import actions
from resguardo.web.planning.models import Assessment, AssessmentVersion
from tests.web.conftest import PASSWORD, set_language

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]
CAT = load("en")


def test_first_start_asks_for_the_owner_and_nothing_else(db: Any) -> None:
    client = Client()
    response = client.get("/plans/")
    assert response.status_code == 302 and response["Location"] == "/setup/"
    page = client.get("/setup/")
    assert page.status_code == 200 and b"owner account" in page.content
    weak = client.post("/setup/", {"username": "ana", "password": "short", "password2": "short"})
    assert weak.status_code == 200 and b"accounts.weak_password" in weak.content
    ok = client.post("/setup/", {"username": "ana", "password": PASSWORD, "password2": PASSWORD})
    assert ok.status_code == 302
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="ana")
    assert user.password.startswith("argon2$argon2id$")
    assert Client().get("/setup/").status_code == 404  # gone once an owner exists
    assert Client().get("/plans/").status_code == 302  # and login is required


def test_login_page_and_wrong_password(owner: Any) -> None:
    client = Client()
    assert client.get("/login/").status_code == 200
    bad = client.post("/login/", {"username": "ana", "password": "wrong"})
    assert bad.status_code == 200 and b"do not match" in bad.content
    good = client.post("/login/", {"username": "ana", "password": PASSWORD})
    assert good.status_code == 302


def _walk(client: Client) -> Assessment:
    response = client.post("/plans/new/", {"title": "March in May"})
    assert response.status_code == 302
    assessment = Assessment.objects.get(title="March in May")
    base = f"/plans/{assessment.pk}/step"
    assert client.get(f"{base}/profile/").status_code == 200
    r = client.post(f"{base}/profile/", {"profiles": ["street-organiser"]})
    assert r["Location"].endswith("/step/assets/")
    page = client.get(f"{base}/assets/")
    assert page.status_code == 200
    r = client.post(
        f"{base}/assets/",
        {
            "assets": ["identity", "location", "physical-safety", "devices", "contacts"],
            "contexts": ["organises-protests"],
        },
    )
    assert r["Location"].endswith("/step/adversaries/")
    assert client.get(f"{base}/adversaries/").status_code == 200
    r = client.post(
        f"{base}/adversaries/",
        {
            "adversaries": ["state-security", "vigilantes"],
            "capability-state-security": "5",
            "intent-state-security": "5",
        },
    )
    assert r["Location"].endswith("/step/threats/")
    page = client.get(f"{base}/threats/")
    chosen = re.findall(rb'name="threats" value="([a-z0-9-]+)" checked', page.content)
    assert chosen
    keep = [c.decode() for c in chosen[:-1]] + ["stalkerware"]
    r = client.post(f"{base}/threats/", {"threats": keep})
    assert r["Location"].endswith("/step/questions/")
    page = client.get(f"{base}/questions/")
    assert page.status_code == 200
    questions = sorted(set(re.findall(rb'name="(q-[a-z0-9-]+)"', page.content)))
    data = {q.decode(): "4" for q in questions}
    data[f"override-{keep[0]}-impact"] = "5"
    r = client.post(f"{base}/questions/", data)
    assert r["Location"] == f"/plans/{assessment.pk}/"
    assessment.refresh_from_db()
    return assessment


def test_complete_assessment_in_english(client_in: Client) -> None:
    assessment = _walk(client_in)
    answers = actions.answers_of(assessment)
    assert answers.profiles == ("street-organiser",)
    assert "stalkerware" in answers.threats_added
    assert answers.answers
    page = client_in.get(f"/plans/{assessment.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    for text in ("Your risks, highest first", "To do", "Emergency procedures", "Identity strategy", "Review"):
        assert text in html
    assert "<svg" in html and "heatmap-title" in html
    assert assessment.step == "plan"
    assert AssessmentVersion.objects.filter(assessment=assessment).count() >= 5


def test_complete_assessment_in_spanish(client_in: Client) -> None:
    set_language(client_in, "es")
    page = client_in.get("/plans/")
    assert 'lang="es"' in page.content.decode() and "evaluaciones" in page.content.decode().lower()
    assessment = _walk(client_in)
    html = client_in.get(f"/plans/{assessment.pk}/").content.decode()
    assert "Plan de seguridad" in html or "plan de seguridad" in html
    assert load("es").threats["phishing"].name in html or any(
        load("es").threats[t].name in html for t in actions.answers_of(assessment).threats_added
    )


def test_back_and_refresh_lose_nothing(client_in: Client) -> None:
    assessment = _walk(client_in)
    base = f"/plans/{assessment.pk}/step"
    page = client_in.get(f"{base}/assets/")
    assert b'value="physical-safety" checked' in page.content
    assert b'value="organises-protests" checked' in page.content
    r = client_in.post(f"{base}/adversaries/", {"adversaries": ["state-security"], "back": "1"})
    assert r["Location"].endswith("/step/assets/")
    assessment.refresh_from_db()
    assert assessment.step == "plan"  # going back does not lose the furthest step


@pytest.mark.parametrize(
    ("step", "data", "code"),
    [
        ("profile", {}, "planning.no_profile"),
        ("profile", {"profiles": ["nobody"]}, "catalogue.unknown_profile"),
        ("assets", {"assets": ["<script>alert(1)</script>"]}, "catalogue.unknown_asset"),
        (
            "adversaries",
            {"adversaries": ["state-security"], "capability-state-security": "9"},
            "input.out_of_range",
        ),
        (
            "adversaries",
            {"adversaries": ["state-security"], "intent-state-security": "-1"},
            "input.out_of_range",
        ),
        ("threats", {"threats": ["phishing", "../../etc/passwd"]}, "catalogue.unknown_threat"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    client_in: Client, step: str, data: dict[str, Any], code: str
) -> None:
    assessment = _walk(client_in)
    before = (assessment.answers, assessment.version)
    r = client_in.post(f"/plans/{assessment.pk}/step/{step}/", data)
    assert r.status_code == 400
    assert code.encode() in r.content
    assert b"<script>alert(1)</script>" not in r.content
    assessment.refresh_from_db()
    assert (assessment.answers, assessment.version) == before


def test_out_of_range_answer_is_refused_in_spanish(client_in: Client) -> None:
    assessment = _walk(client_in)
    set_language(client_in, "es")
    question = next(iter(actions.answers_of(assessment).answers))
    r = client_in.post(f"/plans/{assessment.pk}/step/questions/", {f"q-{question}": "6"})
    assert r.status_code == 400
    assert b"input.out_of_range" in r.content and "número entero".encode() in r.content


def test_todo_responses_contacts_identity_and_history(client_in: Client) -> None:
    assessment = _walk(client_in)
    plan = actions.plan_of(assessment)
    item = plan.todo[0].mitigation.id
    top = plan.risks[0]
    r = client_in.post(
        f"/plans/{assessment.pk}/todo/",
        {"items": [item], f"owner-{item}": "Bea", f"due-{item}": "2027-01-10", f"done-{item}": "on"},
    )
    assert r.status_code == 302
    r = client_in.post(
        f"/plans/{assessment.pk}/responses/",
        {
            "risks": [top.threat.id],
            f"response-{top.threat.id}": "accepted",
            f"reason-{top.threat.id}": "unavoidable",
        },
    )
    assert r.status_code == 302
    client_in.post(
        f"/plans/{assessment.pk}/contacts/",
        {"name-0": "Lawyer Luz", "role-0": "lawyer", "reach-0": "Signal @luz.01"},
    )
    client_in.post(f"/plans/{assessment.pk}/identity/", {"identity": "pseudonym"})
    assessment.refresh_from_db()
    answers = actions.answers_of(assessment)
    assert answers.todo[item].done and answers.todo[item].owner == "Bea"
    assert answers.responses[top.threat.id].status == "accepted"
    assert answers.responses[top.threat.id].decided_by == "ana"
    assert answers.contacts[0].name == "Lawyer Luz"
    assert answers.identity == "pseudonym"
    html = client_in.get(f"/plans/{assessment.pk}/").content.decode()
    assert "Lawyer Luz" in html
    history = client_in.get(f"/plans/{assessment.pk}/history/")
    assert history.status_code == 200
    versions = list(assessment.versions.values_list("number", flat=True))
    compare = client_in.get(f"/plans/{assessment.pk}/compare/", {"a": min(versions), "b": max(versions)})
    assert compare.status_code == 200 and b"Risks" in compare.content
    bad = client_in.get(f"/plans/{assessment.pk}/compare/", {"a": "x", "b": "1"})
    assert bad.status_code == 400 and b"planning.bad_versions" in bad.content


def test_bad_response_value_is_refused(client_in: Client) -> None:
    assessment = _walk(client_in)
    threat = actions.plan_of(assessment).risks[0].threat.id
    r = client_in.post(
        f"/plans/{assessment.pk}/responses/", {"risks": [threat], f"response-{threat}": "ignored"}
    )
    assert r.status_code == 400 and b"input.unknown_response" in r.content


def test_exports(client_in: Client) -> None:
    assessment = _walk(client_in)
    md = client_in.get(f"/plans/{assessment.pk}/export/plan.md")
    assert md.status_code == 200 and md.content.startswith(b"# Security plan")
    assert "attachment" in md["Content-Disposition"]
    pdf = client_in.get(f"/plans/{assessment.pk}/export/plan.pdf")
    assert (
        pdf.status_code == 200
        and pdf.content.startswith(b"%PDF-")
        and pdf["Content-Type"] == "application/pdf"
    )
    card = client_in.get(f"/plans/{assessment.pk}/export/emergency-card.pdf")
    assert card.content.startswith(b"%PDF-")
    exported = client_in.get(f"/plans/{assessment.pk}/export/assessment.json")
    doc = json.loads(exported.content)
    assert doc["format"] == "resguardo.assessment" and doc["version"] == 1
    assert doc["answers"]["profiles"] == ["street-organiser"]


def test_json_round_trip_through_import(client_in: Client) -> None:
    assessment = _walk(client_in)
    exported = client_in.get(f"/plans/{assessment.pk}/export/assessment.json").content
    upload = io.BytesIO(exported)
    upload.name = "assessment.json"
    r = client_in.post("/plans/import/", {"file": upload})
    assert r.status_code == 302
    copy = Assessment.objects.exclude(pk=assessment.pk).get()
    assert copy.answers == assessment.answers
    assert copy.title == assessment.title


@pytest.mark.parametrize(
    ("blob", "code"),
    [
        (b"{not json", "import.not_json"),
        (b'{"format": "something-else"}', "import.wrong_format"),
        (b'{"format": "resguardo.assessment", "version": 99, "answers": {}}', "import.unsupported_version"),
        (
            b'{"format": "resguardo.assessment", "version": 1, "answers": {"answers": {"phishing-sign-in-from-links": 7}}}',
            "import.schema",
        ),
        (
            b'{"format": "resguardo.assessment", "version": 1, "answers": {"profiles": ["nobody"]}}',
            "catalogue.unknown_profile",
        ),
        (
            b'{"format": "resguardo.assessment", "version": 1, "answers": {"profiles": "journalist"}}',
            "import.schema",
        ),
        (b"[" * 5000 + b"]" * 5000, "import"),
        (
            b'{"format": "resguardo.assessment", "version": 1, "answers": {}, "pad": "'
            + b"x" * 1_100_000
            + b'"}',
            "import.too_large",
        ),
    ],
)
def test_bad_imports_are_refused_and_create_nothing(client_in: Client, blob: bytes, code: str) -> None:
    upload = io.BytesIO(blob)
    upload.name = "evil.json"
    r = client_in.post("/plans/import/", {"file": upload})
    assert r.status_code in (400, 404)
    assert code.encode() in r.content
    assert Assessment.objects.count() == 0


def test_error_as_json(client_in: Client) -> None:
    r = client_in.post("/plans/import/", {}, HTTP_ACCEPT="application/json")
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "import.no_file"


def test_other_peoples_assessments_are_invisible(client_in: Client, django_user_model: Any) -> None:
    assessment = _walk(client_in)
    other = django_user_model.objects.create_user("eve", password="x" * 20)
    client = Client()
    client.force_login(other)
    for url in (
        f"/plans/{assessment.pk}/",
        f"/plans/{assessment.pk}/export/plan.md",
        f"/plans/{assessment.pk}/history/",
    ):
        assert client.get(url).status_code == 404


def test_concurrent_writes_keep_every_version(client_in: Client, owner: Any) -> None:
    if connection.vendor == "sqlite":
        pytest.skip("SQLite in-memory test databases are not shared between threads; runs on PostgreSQL")
    assessment = actions.create_assessment(owner, "parallel")
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            mitigation = sorted(CAT.mitigations)[n]
            answers = actions.answers_of(Assessment.objects.get(pk=assessment.pk))
            from dataclasses import replace
            from types import MappingProxyType

            from resguardo.risk.answers import TodoDecision

            new = replace(
                answers if answers.profiles else Answers(profiles=("journalist",)),
                todo=MappingProxyType({**answers.todo, mitigation: TodoDecision(owner=f"w{n}")}),
            )
            actions.record_answers(assessment, owner, new)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's own connection, or teardown finds it open

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    numbers = list(AssessmentVersion.objects.filter(assessment=assessment).values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == 8
    assessment.refresh_from_db()
    assert assessment.version == 8


def test_stylesheet_is_served_locally(client_in: Client) -> None:
    html = client_in.get("/plans/").content.decode()
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert href and href.group(1).startswith("/static/")
    from django.contrib.staticfiles import finders

    assert finders.find(href.group(1).removeprefix("/static/"))


def test_security_headers_and_no_external_urls(client_in: Client) -> None:
    assessment = _walk(client_in)
    for url in ("/plans/", f"/plans/{assessment.pk}/", f"/plans/{assessment.pk}/step/questions/"):
        response = client_in.get(url)
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["Referrer-Policy"] == "same-origin"
        html = response.content.decode()
        assert not re.search(r'(src|href|action)="https?://', html)
        assert "<script" not in html  # every page works without JavaScript
        assert ' style="' not in html  # CSP forbids inline styles


@override_settings(LANGUAGES=[("en", "English"), ("es", "Español"), ("ar", "العربية")])
def test_right_to_left_layout(client_in: Client) -> None:
    set_language(client_in, "ar")
    html = client_in.get("/plans/").content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    set_language(client_in, "en")
    assert 'dir="ltr"' in client_in.get("/plans/").content.decode()


def test_language_switch_is_on_every_page(client_in: Client) -> None:
    assessment = _walk(client_in)
    for url in ("/plans/", f"/plans/{assessment.pk}/", f"/plans/{assessment.pk}/history/", "/login/"):
        assert b'action="/i18n/setlang/"' in client_in.get(url).content


def test_every_factor_can_be_overridden_in_the_questions_step(client_in: Client) -> None:
    assessment = _walk(client_in)
    threat = actions.plan_of(assessment).risks[0].threat.id
    data = {f"override-{threat}-{f}": "2" for f in ("likelihood", "impact", "vulnerability", "capacity")}
    assert client_in.post(f"/plans/{assessment.pk}/step/questions/", data).status_code == 302
    risk = actions.plan_of(Assessment.objects.get(pk=assessment.pk)).risk(threat)
    assert risk is not None
    assert [
        getattr(risk.factors, f).value for f in ("likelihood", "impact", "vulnerability", "capacity")
    ] == [2, 2, 2, 2]


def test_interchange_schema_is_published(db: Any) -> None:
    response = Client().get("/schema/assessment-v1.json")
    assert response.status_code == 200
    assert response.json()["properties"]["format"]["const"] == "resguardo.assessment"
