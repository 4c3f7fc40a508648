"""The "Redact a text" page: plain form posts only (no JavaScript), as a browser without it sends them."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import Client

from resguardo.web.publish import text_views
from tests.web.conftest import set_language

pytestmark = pytest.mark.django_db

TEXT = (
    "Notas de la reunión del martes.\r\n"
    "Hablé con María José Pérez (tel. +52 55 1234 5678). Ella vive con VIH y no quiere que se sepa.\r\n"
    "Escríbele a maria.perez@example.org si hace falta."
)
FORM = {"lang": "es", "categories": ["pii", "sensitive"], "operator": "label", "allow": ""}
_reviews: dict[tuple[str, str], str] = {}


def review(client: Client, text: str = TEXT, **fields: Any) -> str:
    """The review page for ``text`` (kept per text: the model runs once per text, not per test)."""
    key = (text, repr(sorted(fields.items())))
    if key not in _reviews:
        r = client.post("/publish/text/review/", {**FORM, **fields, "text": text})
        assert r.status_code == 200, r.content.decode()[-2000:]
        _reviews[key] = r.content.decode()
    return _reviews[key]


def hidden(page: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', page)
    assert match, f"no hidden field {name}"
    return html.unescape(match.group(1))


def findings(page: str) -> list[tuple[str, str, str, bool]]:
    """(checkbox value, kind shown, text, ticked) for each highlighted finding."""
    found = re.findall(
        r'<mark class="[^"]*"[^>]*><label><input type="checkbox" name="redact" value="(\d+)"( checked)?>'
        r'<span class="kind">([^<]*)</span> <span class="value">([^<]*)</span>',
        page,
    )
    return [
        (value, html.unescape(kind), html.unescape(text), bool(ticked)) for value, ticked, kind, text in found
    ]


def redact_form(page: str, keep: set[str] = frozenset(), action: str = "show") -> dict[str, Any]:
    chosen = [value for value, _kind, text, _ticked in findings(page) if text not in keep]
    return {
        "text": hidden(page, "text"),
        "review": hidden(page, "review"),
        "redact": chosen,
        "action": action,
    }


def textarea(page: str, ident: str) -> str:
    match = re.search(rf'<textarea id="{ident}"[^>]*>\n(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {ident}"
    return html.unescape(match.group(1))


def test_the_page_needs_a_login(owner: Any) -> None:
    r = Client().get("/publish/text/")
    assert r.status_code == 302 and "/login/" in r["Location"]
    assert Client().post("/publish/text/review/", {**FORM, "text": TEXT}).status_code == 302


def test_form_page(client_in: Client) -> None:
    r = client_in.get("/publish/text/")
    page = r.content.decode()
    assert r.status_code == 200
    assert 'name="text"' in page and 'name="allow"' in page
    assert 'value="auto" selected' in page
    assert re.search(r'name="categories" value="pii"[^>]*checked', page)
    assert re.search(r'name="categories" value="sensitive"[^>]*checked', page)
    assert re.search(r'name="operator" value="label"[^>]*checked', page)
    assert 'enctype="multipart/form-data"' in page
    assert "<script>" not in page and "style=" not in page  # the CSP allows neither
    assert "'unsafe-inline'" not in r["Content-Security-Policy"]
    # reachable from the publish page and the menu
    assert 'href="/publish/text/"' in client_in.get("/publish/").content.decode()
    assert 'href="/publish/text/"' in client_in.get("/plans/").content.decode()


def test_findings_are_highlighted_by_kind_with_a_ticked_box_each(client_in: Client) -> None:
    page = review(client_in)
    shown = {text: (kind, ticked) for _value, kind, text, ticked in findings(page)}
    assert shown["María José Pérez"] == ("Person", True)
    assert shown["+52 55 1234 5678"] == ("Phone number", True)
    assert shown["maria.perez@example.org"] == ("Email address", True)
    assert any(kind == "Health" and "VIH" in text for text, (kind, _t) in shown.items())
    assert 'class="finding cat-sensitive group-sensitive t-health"' in page
    assert 'class="finding cat-pii group-name t-person"' in page
    # the text travels in the form with its line ends as a browser will send them back
    assert hidden(page, "text") == TEXT.replace("\r\n", "\n")
    assert "<script" in page and 'src="/static/resguardo/redact.js"' in page


def test_redact_with_one_finding_left_in(client_in: Client) -> None:
    page = review(client_in)
    r = client_in.post("/publish/text/redact/", redact_form(page, keep={"+52 55 1234 5678"}))
    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"]
    out = textarea(r.content.decode(), "redacted")
    assert "+52 55 1234 5678" in out
    assert "María" not in out and "maria.perez@example.org" not in out and "VIH" not in out
    assert "[PERSON]" in out and "[EMAIL]" in out and "[HEALTH]" in out
    assert out.startswith("Notas de la reunión del martes.\n")  # text outside findings unchanged
    assert "readonly" in r.content.decode()


def test_download_is_a_utf8_text_file(client_in: Client) -> None:
    page = review(client_in)
    r = client_in.post("/publish/text/redact/", redact_form(page, action="download"))
    assert r.status_code == 200
    assert r["Content-Type"] == "text/plain; charset=utf-8"
    assert r["Content-Disposition"] == 'attachment; filename="redacted.txt"'
    body = r.content.decode("utf-8")
    assert "reunión" in body and "María" not in body and "[PHONE]" in body


def test_result_page_can_download_and_go_back_to_the_choices(client_in: Client) -> None:
    page = review(client_in)
    result = client_in.post(
        "/publish/text/redact/", redact_form(page, keep={"María José Pérez"})
    ).content.decode()
    again = {
        "text": hidden(result, "text"),
        "review": hidden(result, "review"),
        "redact": re.findall(r'<input type="hidden" name="redact" value="(\d+)">', result),
    }
    download = client_in.post("/publish/text/redact/", {**again, "action": "download"})
    assert "María José Pérez" in download.content.decode() and "[PHONE]" in download.content.decode()
    back = client_in.post("/publish/text/redact/", {**again, "action": "change"}).content.decode()
    ticks = {text: ticked for _value, _kind, text, ticked in findings(back)}
    assert ticks["María José Pérez"] is False and ticks["+52 55 1234 5678"] is True


def test_pseudonyms_do_not_change_when_a_finding_is_left_in(client_in: Client) -> None:
    text = "Hablé con María José Pérez y con Juan Carlos Rodríguez. Después María José Pérez llamó."
    page = review(client_in, text, operator="pseudonym")
    people = [(value, name) for value, kind, name, _t in findings(page) if kind == "Person"]
    assert [name for _v, name in people] == ["María José Pérez", "Juan Carlos Rodríguez", "María José Pérez"]
    form = redact_form(page)
    form["redact"] = [value for value, _name in people[1:]]  # the first mention left in
    out = textarea(client_in.post("/publish/text/redact/", form).content.decode(), "redacted")
    # what the preview showed: Juan Carlos is still "Persona B"
    assert out == "Hablé con María José Pérez y con Persona B. Después Persona A llamó."
    assert 'data-replacement="Persona B"' in page


def test_allow_list_keeps_public_names(client_in: Client) -> None:
    page = review(
        client_in, "La presidenta Claudia Sheinbaum habló con Ana Ruiz.", allow="Claudia Sheinbaum\n\n"
    )
    names = [text for _v, _k, text, _t in findings(page)]
    assert "Ana Ruiz" in names and "Claudia Sheinbaum" not in names


def test_only_sensitive_information(client_in: Client) -> None:
    page = review(client_in, categories=["sensitive"])
    kinds = {kind for _v, kind, _t, _ticked in findings(page)}
    assert kinds == {"Health"}


def test_nothing_found_still_gives_the_text(client_in: Client) -> None:
    text = "Defendemos los derechos de las personas migrantes."
    page = review(client_in, text)
    assert findings(page) == [] and "Nothing was found" in page
    out = textarea(client_in.post("/publish/text/redact/", redact_form(page)).content.decode(), "redacted")
    assert out == text


def test_tampered_review_is_refused(client_in: Client) -> None:
    page = review(client_in)
    form = redact_form(page)
    token = form["review"]
    cases = [
        {**form, "review": token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")},  # signature broken
        {**form, "text": form["text"].replace("María", "Mario")},  # another text than the one reviewed
        {**form, "redact": ["99"]},  # no such finding
        {**form, "redact": ["-1"]},
        {**form, "redact": ["²"]},  # a digit to str.isdigit, not to int()
        {**form, "redact": ["9" * 5000]},
        {**form, "review": ""},
    ]
    for case in cases:
        r = client_in.post("/publish/text/redact/", case)
        assert r.status_code == 400 and b"publish.bad_review" in r.content, case
        assert b"[PERSON]" not in r.content


def test_signed_but_impossible_findings_are_checked_again(client_in: Client) -> None:
    """Defence in depth: even a token this server signed must fit the text it comes with."""
    text = "Ana Ruiz"
    digest = text_views._digest(text)
    for spans in ([[0, 50, "PERSON"]], [[0, 8, "PERSON"], [4, 8, "PERSON"]]):
        token = signing.dumps(
            {"v": 1, "h": digest, "lang": "es", "op": "label", "f": spans}, salt=text_views._SALT
        )
        r = client_in.post("/publish/text/redact/", {"text": text, "review": token, "redact": ["0"]})
        assert r.status_code == 400 and b"redact.bad_findings" in r.content
    token = signing.dumps(
        {"v": 1, "h": digest, "lang": "es", "op": "label", "f": [[0, 3, "NAME"]]}, salt=text_views._SALT
    )
    r = client_in.post("/publish/text/redact/", {"text": text, "review": token})
    assert r.status_code == 400 and b"publish.bad_review" in r.content


def test_errors_are_in_spanish(client_in: Client) -> None:
    set_language(client_in, "es")
    page = review(client_in, TEXT + " ")  # a text of its own: the page is rendered in Spanish
    assert "Revisa lo encontrado" in page
    kinds = {kind for _v, kind, _t, _ticked in findings(page)}
    assert {"Persona", "Número de teléfono", "Salud"} <= kinds
    form = redact_form(page)
    r = client_in.post("/publish/text/redact/", {**form, "redact": ["99"]})
    assert b"publish.bad_review" in r.content and "revisión".encode() in r.content
    r = client_in.get("/publish/text/")
    assert "Tachar datos de un texto" in r.content.decode() and "Idioma del texto" in r.content.decode()


def test_invalid_choices_are_form_errors(client_in: Client) -> None:
    r = client_in.post("/publish/text/review/", {**FORM, "text": TEXT, "lang": "de", "operator": "shred"})
    page = r.content.decode()
    assert r.status_code == 400
    assert page.count('class="field-error"') == 2 and "de is not one of the available choices" in page
    r = client_in.post("/publish/text/review/", {**FORM, "text": "", "categories": []})
    page = r.content.decode()
    assert "Paste the text to check." in page and "Choose at least one kind of information" in page
    set_language(client_in, "es")
    r = client_in.post("/publish/text/review/", {**FORM, "text": TEXT, "categories": []})
    assert r.status_code == 400 and "Elige al menos un tipo" in r.content.decode()


def test_a_text_too_long_is_refused_before_any_work(
    client_in: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_analysis(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("analysed a text that is too long")

    monkeypatch.setattr(text_views, "analyze", no_analysis)
    just_over = "a" * (text_views.MAX_TEXT_BYTES - 1) + "é"  # characters under the limit, bytes over it
    r = client_in.post("/publish/text/review/", {**FORM, "text": just_over})
    assert r.status_code == 400 and b"publish.text_too_large" in r.content
    # larger than Django reads at all: still our error, with its code, not a bare 400
    huge = "b" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    r = client_in.post("/publish/text/review/", {**FORM, "text": huge})
    assert r.status_code == 400 and b"publish.text_too_large" in r.content
    r = client_in.post("/publish/text/redact/", {"text": huge, "review": "x"})
    assert r.status_code == 400 and b"publish.text_too_large" in r.content


def test_too_many_findings_to_choose_redacts_them_all(
    client_in: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_views, "MAX_CHOICES", 2)
    text = TEXT + "  "
    r = client_in.post("/publish/text/review/", {**FORM, "text": text})
    page = r.content.decode()
    assert 'type="checkbox" name="redact"' not in page and "too many findings" in page
    form = {"text": hidden(page, "text"), "review": hidden(page, "review")}
    out = textarea(client_in.post("/publish/text/redact/", form).content.decode(), "redacted")
    assert "María" not in out and "+52" not in out and "VIH" not in out


def test_csrf_is_checked(owner: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post("/publish/text/review/", {**FORM, "text": TEXT}).status_code == 403
    assert client.post("/publish/text/redact/", {"text": TEXT, "review": "x"}).status_code == 403


def test_the_text_is_kept_nowhere(client_in: Client, caplog: pytest.LogCaptureFixture) -> None:
    data = Path(settings.DATA_DIR)
    before = {p: p.stat().st_size for p in data.rglob("*") if p.is_file() and "sqlite" not in p.name}
    text = "Llamé a Rigoberta Quispe Mamani al +52 55 8765 4321."
    with caplog.at_level(logging.DEBUG):
        page = client_in.post("/publish/text/review/", {**FORM, "text": text}).content.decode()
        result = client_in.post("/publish/text/redact/", redact_form(page))
    assert result.status_code == 200
    assert "Quispe" not in caplog.text and "8765" not in caplog.text
    for session in Session.objects.all():
        assert "Quispe" not in str(session.get_decoded())
    after = {p: p.stat().st_size for p in data.rglob("*") if p.is_file() and "sqlite" not in p.name}
    assert after == before
    for path in data.rglob("*sqlite*"):
        assert b"Quispe" not in path.read_bytes()


def test_get_is_not_allowed_on_the_form_posts(client_in: Client) -> None:
    assert client_in.get("/publish/text/review/").status_code == 405
    assert client_in.get("/publish/text/redact/").status_code == 405
