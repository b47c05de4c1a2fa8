"""The token API: scoped, expiring, revocable, hashed tokens and the apps' own rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from integrations import tokens
from integrations.models import AccessToken
from tests.factories import AlumnusFactory
from tests.guidelines.factories import GuidelineFactory
from tests.helpdesk.factories import FaqEntryFactory, ask
from tests.trainings.factories import SessionFactory, TrainingFactory

pytestmark = pytest.mark.django_db

ALL = ["people:read", "trainings:read", "helpdesk:read", "guidelines:read"]


def bearer(user, scopes=ALL, **kwargs):
    _token, secret = tokens.token_create(user=user, name="test", scopes=scopes, days=30, **kwargs)
    return {"Authorization": f"Bearer {secret}"}


def test_it_keeps_only_the_hash_of_the_secret(emma):
    token, secret = tokens.token_create(user=emma, name="x", scopes=ALL, days=30)
    token.refresh_from_db()
    assert secret not in token.secret_hash
    assert token.secret_hash == tokens.hash_secret(secret)
    assert AccessToken.objects.filter(secret_hash__contains=secret).count() == 0


def test_it_lists_colleagues_with_only_what_the_directory_shows(client, emma, cas):
    response = client.get("/api/people/", headers=bearer(emma))
    assert response.status_code == 200
    people = response.json()["items"]
    assert {p["full_name"] for p in people} >= {emma.full_name, cas.full_name}
    assert set(people[0]) == {"id", "full_name", "job_role", "department"}
    assert "@" not in response.content.decode()


def test_it_refuses_without_a_token_with_a_wrong_scope_expired_or_revoked(client, emma):
    assert client.get("/api/people/").status_code == 401
    assert client.get("/api/people/", headers=bearer(emma, ["trainings:read"])).status_code == 401
    headers = bearer(emma)
    token = AccessToken.objects.latest("pk")
    AccessToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(1))
    assert client.get("/api/people/", headers=headers).status_code == 401
    headers = bearer(emma)
    tokens.token_revoke(token=AccessToken.objects.latest("pk"), actor=emma)
    assert client.get("/api/people/", headers=headers).status_code == 401
    assert client.get("/api/people/", headers={"Authorization": "Bearer hrs_x"}).status_code == 401


def test_it_does_not_accept_the_session_instead_of_a_token(client, emma):
    client.force_login(emma)
    assert client.get("/api/people/").status_code == 401


def test_it_gives_alumni_no_directory(client):
    alumnus = AlumnusFactory()
    response = client.get("/api/people/", headers=bearer(alumnus))
    assert response.json()["items"] == []


def test_it_shows_drafts_only_to_hr_tokens(client, hanna):
    TrainingFactory(title="Gepubliceerd")
    TrainingFactory(title="Concept", is_published=False)
    draft_tip = GuidelineFactory(title="Concepttip")
    plain = client.get("/api/trainings/", headers=bearer(hanna)).json()["items"]
    assert [t["title"] for t in plain] == ["Gepubliceerd"]
    hr = client.get("/api/trainings/", headers=bearer(hanna, is_hr=True)).json()["items"]
    assert {t["title"] for t in hr} == {"Gepubliceerd", "Concept"}
    url = f"/api/guidelines/tips/{draft_tip.pk}/"
    assert client.get(url, headers=bearer(hanna)).status_code == 404
    assert client.get(url, headers=bearer(hanna, is_hr=True)).status_code == 200


def test_it_lets_only_hr_make_hr_tokens(emma):
    token, _secret = tokens.token_create(user=emma, name="x", scopes=ALL, days=30, is_hr=True)
    assert token.is_hr is False


def test_it_lists_upcoming_sessions(client, emma):
    session = SessionFactory(training=TrainingFactory())
    items = client.get("/api/trainings/sessions/", headers=bearer(emma)).json()["items"]
    assert [s["id"] for s in items] == [session.pk]


def test_it_never_reaches_an_anonymous_question_not_even_for_hr(client, emma, hanna):
    question, _token = ask(emma, anonymous=True, subject="Geheim onderwerp", body="Geheime tekst")
    FaqEntryFactory(source_question=question, title="Openbare vraag")
    headers = bearer(hanna, is_hr=True)
    faq = client.get("/api/helpdesk/faq/", headers=headers)
    assert faq.status_code == 200
    assert "Geheim" not in faq.content.decode()
    schema = client.get("/api/openapi.json")  # the docs need a signed-in user
    client.force_login(hanna)
    schema = client.get("/api/openapi.json").json()
    assert not [path for path in schema["paths"] if "question" in path]
    for path in (f"/api/helpdesk/questions/{question.pk}/", f"/api/helpdesk/{question.pk}/"):
        assert client.get(path, headers=headers).status_code == 404


def test_it_rate_limits_per_token(client, emma, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 2
    headers = bearer(emma)
    statuses = [client.get("/api/people/", headers=headers).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_it_serves_its_docs_from_its_own_static_files(client, emma):
    client.force_login(emma)
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html.lower()
    assert "/static/ninja/swagger-ui-bundle" in html


def test_it_makes_shows_once_and_revokes_a_token_on_the_settings_page(client, emma):
    client.force_login(emma)
    response = client.post(
        "/integrations/tokens/", {"name": "Intranet", "scopes": ["people:read"], "days": 90}
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("hrs_")
    assert secret not in client.get("/integrations/tokens/").content.decode()
    assert (
        client.get("/api/people/", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    )
    token = AccessToken.objects.get(user=emma)
    client.post(f"/integrations/tokens/{token.pk}/revoke/")
    assert (
        client.get("/api/people/", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
    )


def test_it_refuses_a_token_without_a_name_or_scope_with_a_message(client, emma):
    client.force_login(emma)
    response = client.post("/integrations/tokens/", {"name": " ", "days": 5})
    assert response.status_code == 422
    assert AccessToken.objects.count() == 0


def test_its_lists_take_the_same_number_of_queries_for_5_and_50_rows(client, emma):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import UserFactory

    headers = bearer(emma)

    def queries(url):
        client.get(url, headers=headers)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, headers=headers).status_code == 200
        return len(captured)

    UserFactory.create_batch(5, department=emma.department)
    for _ in range(5):
        SessionFactory(training=TrainingFactory())
    few = [queries(url) for url in ("/api/people/", "/api/trainings/sessions/")]
    UserFactory.create_batch(45, department=emma.department)
    for _ in range(45):
        SessionFactory(training=TrainingFactory())
    assert [queries(url) for url in ("/api/people/", "/api/trainings/sessions/")] == few
