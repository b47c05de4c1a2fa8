"""The UI shell: navigation per role, home page, error pages, security headers, health."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from hrsocial import home
from hrsocial.text import render_markdown


def nav_labels(response):
    return [item["label"] for item in response.context["nav_items"]]


def test_employees_see_colleagues_in_the_navigation(client, emma):
    client.force_login(emma)
    assert "Collega's" in nav_labels(client.get("/"))


def test_alumni_do_not_see_staff_pages_in_the_navigation(client, anouk):
    client.force_login(anouk)
    assert "Collega's" not in nav_labels(client.get("/"))


def test_the_home_page_shows_the_collected_panels(client, emma):
    def panel(request):
        return home.Panel(template="partials/pagination.html", context={"text": "Doe dit"}, order=1)

    home.collect([panel])
    try:
        client.force_login(emma)
        response = client.get("/")
        assert [p.context["text"] for p in response.context["panels"]] == ["Doe dit"]
    finally:
        home._providers.remove(panel)


def test_the_page_has_a_skip_link_and_landmarks(client, emma):
    client.force_login(emma)
    html = client.get("/").content.decode()
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<header" in html and "<nav" in html and "<footer" in html
    assert '<html lang="nl">' in html


def test_a_missing_page_gets_the_friendly_404(client, emma):
    client.force_login(emma)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_a_forbidden_page_gets_the_friendly_403(client, anouk):
    client.force_login(anouk)
    response = client.get(reverse("people:directory"))
    assert response.status_code == 403
    assert "Deze pagina is niet voor jou" in response.content.decode()


def test_a_server_error_gets_the_friendly_500(db):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Er ging iets mis" in html


def test_forms_are_protected_against_csrf(emma):
    client = Client(enforce_csrf_checks=True)
    client.force_login(emma)
    response = client.post(reverse("notifications:read-all"))
    assert response.status_code == 403


@override_settings(SECURE_SSL_REDIRECT=False)
def test_security_headers_are_sent(client, db):
    response = client.get(reverse("account_login"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_health_answers_without_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("health"))
    assert response.content == b"ok"


@pytest.mark.parametrize(
    "text, forbidden",
    [
        ("<script>alert(1)</script>", "<script"),
        ("[klik](javascript:alert(1))", "javascript:"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ("<iframe src='https://evil.example.com'></iframe>", "<iframe"),
    ],
)
def test_markdown_is_sanitised(text, forbidden):
    assert forbidden not in render_markdown(text)


def test_markdown_keeps_what_writers_need():
    html = render_markdown("# Kop\n\n**vet** en een [link](https://example.com)\n\n- punt")
    assert "<h2>Kop</h2>" in html
    assert "<strong>vet</strong>" in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<li>punt</li>" in html
