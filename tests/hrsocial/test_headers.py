"""Security headers: the Content-Security-Policy and no caching of signed-in pages."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse

from hrsocial.middleware import PrivatePagesMiddleware, client_ip

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_it_sends_a_policy_without_inline_scripts(client, emma):
    client.force_login(emma)
    policy = client.get(reverse("home")).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_it_keeps_every_template_free_of_inline_scripts_and_handlers():
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        if "emails" in path.parts:
            continue  # e-mails are not pages: no policy applies, no script runs
        text = path.read_text()
        for script in re.findall(r"<script\b[^>]*>", text):
            # Data blocks (JSON-LD for search engines) are never run, so no policy applies.
            if "src=" not in script and 'type="application/ld+json"' not in script:
                offenders.append(f"{path}: {script}")
        if re.search(r"\son[a-z]+\s*=|hx-on|hx-headers|javascript:", text):
            offenders.append(f"{path}: inline handler or hx-headers")
    assert offenders == []


def test_it_gives_htmx_the_csrf_token_in_a_meta_tag(client, emma):
    client.force_login(emma)
    html = client.get(reverse("home")).content.decode()
    assert '<meta name="csrf-token" content="' in html
    assert "hx-headers" not in html
    assert 'name="htmx-config"' in html


def test_it_forbids_caching_a_signed_in_page(client, hanna):
    client.force_login(hanna)
    for url in (reverse("home"), reverse("admin:people_user_changelist")):
        assert client.get(url).headers["Cache-Control"] == "private, no-store", url


def test_it_leaves_anonymous_public_pages_alone():
    def public_page(request):
        response = HttpResponse("vacatures")
        response.headers["Cache-Control"] = "public, max-age=60"
        return response

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    response = PrivatePagesMiddleware(public_page)(request)
    assert response.headers["Cache-Control"] == "public, max-age=60"


@override_settings(WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
def test_it_leaves_static_files_alone(client, emma):
    client.force_login(emma)
    response = client.get("/static/js/hrsocial.js")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_it_takes_the_client_address_from_the_trusted_proxy():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert client_ip(request) == "203.0.113.7"  # the spoofable first entry is ignored


def test_it_ignores_forwarded_for_without_trusted_proxies():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert settings.ALLAUTH_TRUSTED_PROXY_COUNT == 0
    assert client_ip(request) == "10.0.0.1"
