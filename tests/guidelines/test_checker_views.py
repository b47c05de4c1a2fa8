"""The checker page and its JSON endpoint: answers, bad input, privacy, rate limit, CSRF."""

import json

import pytest
from django.test import Client, override_settings
from django.urls import URLResolver, include, path

from guidelines.models import Rule
from helpdesk import urls as helpdesk_urls
from hrsocial import urls as root_urls
from tests.guidelines.factories import add_terms

pytestmark = pytest.mark.django_db

CHECK = "/guidelines/check/"
API = "/guidelines/api/check/"


@pytest.fixture
def client_emma(client, emma):
    client.force_login(emma)
    return client


def post_json(client, payload, **headers):
    return client.post(API, json.dumps(payload), content_type="application/json", headers=headers)


def test_it_shows_the_findings_with_the_text_highlighted(client_emma):
    add_terms(Rule.Kind.CONFIDENTIAL, "Project Zonnedauw")
    response = client_emma.post(CHECK, {"text": "Project Zonnedauw start! Bel 06-12345678"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niet posten" in html
    assert "Vertrouwelijke termen" in html and "Telefoonnummers" in html
    assert '<mark class="check-mark check-stop">' in html


def test_htmx_gets_only_the_checker_fragment(client_emma):
    response = client_emma.post(CHECK, {"text": "Mooie dag"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="checker">')
    assert "<html" not in html


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Plak of typ eerst de tekst van je bericht."),
        ("   \n ", "Plak of typ eerst de tekst van je bericht."),
        ("x" * 5001, "Je concept heeft 5001 tekens; de checker neemt er maximaal 5.000."),
    ],
)
def test_an_empty_or_overlong_draft_gets_a_clear_message(client_emma, text, message):
    response = client_emma.post(CHECK, {"text": text})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "verdict-heading" not in response.content.decode()


def test_windows_line_breaks_count_once(client_emma):
    response = client_emma.post(CHECK, {"text": "ab\r\n" * 1250})  # 5,000 characters as typed
    assert "verdict-heading" in response.content.decode()


def test_a_draft_of_only_emoji_gets_an_answer(client_emma):
    response = client_emma.post(CHECK, {"text": "🎉🎉🎉"})
    assert response.status_code == 200
    assert "weinig te controleren" in response.content.decode()


def test_script_in_a_draft_is_shown_escaped_and_never_run(client_emma):
    response = client_emma.post(
        CHECK, {"text": "<script>alert('x')</script><img src=x onerror=alert(1)>"}
    )
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def test_right_to_left_text_is_shown_with_its_own_direction(client_emma):
    response = client_emma.post(CHECK, {"text": "שלום עולם"})
    assert 'dir="auto"' in response.content.decode()


def test_an_unknown_network_is_refused_kindly(client_emma):
    response = client_emma.post(CHECK, {"text": "Hallo", "network": "myspace"})
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_draft_is_not_stored(client_emma, django_assert_max_num_queries):
    """Checking reads the rules (once) and writes nothing of the draft: the only INSERT or
    UPDATE adds one to the day's counts (guidelines_draftchecktally, for insights)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client_emma.post(CHECK, {"text": "Geheim plan: Project Zonnedauw"})
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert not any("Zonnedauw" in sql for sql in writes)
    assert writes and not [
        sql for sql in writes if "guidelines" in sql and "guidelines_draftchecktally" not in sql
    ]


def test_the_ask_hr_button_is_hidden_while_the_helpdesk_does_not_offer_it(client_emma):
    with override_settings(ROOT_URLCONF=WithoutAskHR):
        response = client_emma.post(CHECK, {"text": "Mag dit?"})
    assert "Vraag HR naar dit concept" not in response.content.decode()
    assert "verdict-heading" in response.content.decode()


def _ask_view(request):
    from django.http import HttpResponse

    return HttpResponse("ok")


def _portal_urls(*extra_helpdesk_patterns):
    """The portal's URLs with the helpdesk's own "ask about a draft" endpoint replaced."""
    helpdesk = [
        pattern
        for pattern in helpdesk_urls.urlpatterns
        if getattr(pattern, "name", None) != "ask-about-draft"
    ]
    return [
        pattern
        for pattern in root_urls.urlpatterns
        if not (isinstance(pattern, URLResolver) and pattern.namespace == "helpdesk")
    ] + [path("helpdesk/", include(([*helpdesk, *extra_helpdesk_patterns], "helpdesk")))]


class WithoutAskHR:
    """The portal as long as the helpdesk does not offer "ask HR about this draft"."""

    urlpatterns = _portal_urls()


class WithAskHR:
    """The portal with a stand-in for the helpdesk's "ask HR about this draft"."""

    urlpatterns = _portal_urls(path("test-ask/", _ask_view, name="ask-about-draft"))


@override_settings(ROOT_URLCONF=WithAskHR)
def test_the_ask_hr_button_posts_the_draft_to_the_helpdesk(client_emma):
    response = client_emma.post(CHECK, {"text": "Mag <dit>?", "network": "linkedin"})
    html = response.content.decode()
    assert 'action="/helpdesk/test-ask/"' in html
    assert 'name="draft" value="Mag &lt;dit&gt;?"' in html
    assert 'name="network" value="linkedin"' in html


def test_the_api_answers_json(client_emma):
    add_terms(Rule.Kind.CONFIDENTIAL, "Windpark Oostermeer")
    response = post_json(client_emma, {"text": "Windpark Oostermeer!", "network": "x"})
    assert response.status_code == 200
    body = response.json()
    assert body["verdict"] == "stop"
    assert body["findings"][0]["rule"] == "confidential"
    assert body["findings"][0]["start"] == 0 and body["findings"][0]["end"] == 19


def test_the_api_also_takes_form_data(client_emma):
    response = client_emma.post(API, {"text": "De omzet"})
    assert response.json()["verdict"] == "think"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"text": ""}, "text"),
        ({"text": "x" * 5001}, "text"),
        ({"text": 42}, "text"),
        ({"network": "x"}, "text"),
        ({"text": "ok", "network": "friendster"}, "network"),
        (["text"], "text"),
    ],
)
def test_the_api_explains_bad_input(client_emma, body, field):
    response = post_json(client_emma, body)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_the_api_refuses_a_body_that_is_not_json(client_emma):
    response = client_emma.post(API, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "De inhoud van het verzoek is geen geldige JSON."


def test_the_api_needs_the_csrf_token(emma):
    client = Client(enforce_csrf_checks=True)
    client.force_login(emma)
    assert post_json(client, {"text": "Hallo"}).status_code == 403
    client.get(CHECK)  # the page sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert post_json(client, {"text": "Hallo"}, **{"X-CSRFToken": token}).status_code == 200


def test_the_api_is_only_for_employees(client, anouk):
    client.force_login(anouk)
    response = post_json(client, {"text": "Hallo"})
    assert response.status_code == 403
    assert "error" in response.json()


@override_settings(GUIDELINES_CHECKS_PER_MINUTE=3)
def test_checks_are_rate_limited_per_person_with_a_clear_answer(client_emma, client, cas):
    for _attempt in range(3):
        assert post_json(client_emma, {"text": "Hallo"}).status_code == 200
    response = post_json(client_emma, {"text": "Hallo"})
    assert response.status_code == 429
    assert "Wacht een minuut" in response.json()["error"]
    assert int(response["Retry-After"]) >= 1
    # The page shares the budget and says so too.
    page = client_emma.post(CHECK, {"text": "Hallo"})
    assert page.status_code == 429
    assert "Wacht een minuut" in page.content.decode()
    # Someone else is not affected.
    client.force_login(cas)
    assert post_json(client, {"text": "Hallo"}).status_code == 200


def test_the_api_answers_visitors_in_json(client):
    response = post_json(client, {"text": "Hallo"})
    assert response.status_code == 401
    assert response.json()["error"] == "Log eerst in op het portaal."


def test_the_api_only_takes_post(client_emma):
    assert client_emma.get(API).status_code == 405
