"""The personal link /s/<code>: counted once per browser per day, bots not counted, nothing
about the visitor stored in the clear, a friendly page for unknown and withdrawn codes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hrsocial.plugins import provided
from sharing.models import Click, ShareKit
from tests.sharing.factories import BROWSER, CampaignFactory, KitFactory, ShareFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(emma):
    return ShareFactory(sharer=emma)


def follow(client, code, agent=BROWSER, address="203.0.113.7"):
    return client.get(f"/s/{code}", HTTP_USER_AGENT=agent, REMOTE_ADDR=address)


def test_it_redirects_to_the_kit_and_counts_the_click_once_per_browser_per_day(client, share):
    first = follow(client, share.code)
    again = follow(client, share.code)
    other = follow(client, share.code, address="198.51.100.9")
    assert first.status_code == again.status_code == 302
    assert first["Location"] == share.kit.url
    assert Click.objects.filter(share=share).count() == 2
    assert other.status_code == 302


def test_it_stores_no_address_and_no_user_agent(client, share):
    follow(client, share.code)
    click = Click.objects.get()
    assert "203.0.113.7" not in click.visitor and len(click.visitor) == 32
    assert {f.name for f in Click._meta.fields} == {"id", "share", "day", "visitor", "created_at"}


@pytest.mark.parametrize(
    "agent",
    ["LinkedInBot/1.0 (compatible; Mozilla/5.0; +http://www.linkedin.com)",
     "Twitterbot/1.0", "facebookexternalhit/1.1", "WhatsApp/2.23.20.0",
     "Slackbot-LinkExpanding 1.0", ""],
)  # fmt: skip
def test_it_does_not_count_link_preview_bots(client, share, agent):
    assert follow(client, share.code, agent=agent).status_code == 302
    assert not Click.objects.exists()


def test_it_runs_one_lookup_and_one_write_and_opens_no_session(client, share):
    with CaptureQueriesContext(connection) as queries:
        response = follow(client, share.code)
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    # On PostgreSQL the two are one statement (a data-modifying CTE).
    one_statement = connection.vendor == "postgresql"
    assert statements == (["WITH"] if one_statement else ["SELECT", "INSERT"]), statements
    assert "sessionid" not in response.cookies
    assert not response.templates


def test_it_answers_an_unknown_or_malformed_code_with_a_friendly_404(client, db):
    for code in ("nietbestaat1", "x", "../../etc", "a" * 40):
        response = client.get(f"/s/{code}")
        assert response.status_code == 404
    assert "bestaat niet" in response.content.decode()


def test_it_answers_a_withdrawn_or_ended_kit_with_a_friendly_410_and_counts_nothing(client, share):
    ShareKit.objects.filter(pk=share.kit_id).update(status=ShareKit.Status.WITHDRAWN)
    response = follow(client, share.code)
    assert response.status_code == 410
    assert "niet meer beschikbaar" in response.content.decode()
    assert not Click.objects.exists()


def test_it_appends_utm_parameters_when_hr_wants_them(client, emma):
    kit = KitFactory(url="https://www.example.com/p?id=3&utm_source=old", add_utm=True,
                     utm_campaign=CampaignFactory().slug)  # fmt: skip
    share = ShareFactory(sharer=emma, kit=kit, channel="x")
    location = follow(client, share.code)["Location"]
    assert location == (
        "https://www.example.com/p?id=3&utm_source=x&utm_medium=social"
        "&utm_campaign=werken-bij-week-2027"
    )


def test_the_last_link_followed_is_the_visitors_attribution(client, emma, cas):
    first, last = ShareFactory(sharer=emma), ShareFactory(sharer=cas, channel="x")
    follow(client, first.code)
    follow(client, last.code)
    request = client.get("/health/").wsgi_request
    attribution = provided("share_attribution")(request)
    assert attribution.code == last.code
    assert attribution.sharer_id == cas.pk and attribution.channel == "x"


def test_a_made_up_attribution_cookie_is_ignored(client, share):
    client.cookies["hrs_share"] = f"{share.code}|1700000000"
    request = client.get("/health/").wsgi_request
    assert provided("share_attribution")(request) is None


def test_the_friendly_pages_carry_open_graph_tags(client, share):
    ShareKit.objects.filter(pk=share.kit_id).update(status=ShareKit.Status.WITHDRAWN)
    html = follow(client, share.code).content.decode()
    assert f'<meta property="og:title" content="{share.kit.title}">' in html
    assert 'name="twitter:card" content="summary"' in html


def test_a_signed_in_colleague_following_a_link_loads_no_session_and_no_user(client, share, cas):
    from django.core.cache import cache

    client.force_login(cas)
    cache.clear()  # the session and the signed-in user would have to come from the database
    with CaptureQueriesContext(connection) as queries:
        response = follow(client, share.code)
    statements = [q["sql"].split()[0].upper() for q in queries.captured_queries]
    # On PostgreSQL the two are one statement (a data-modifying CTE).
    one_statement = connection.vendor == "postgresql"
    assert statements == (["WITH"] if one_statement else ["SELECT", "INSERT"]), statements
    assert response.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_connection_that_died_between_requests_is_replaced_and_the_click_counted_once(emma):
    """The redirect skips Django's health check (a round trip per request) on PostgreSQL; a
    connection the server ended since the last request fails the statement, which runs once
    more on a new connection."""
    if connection.vendor != "postgresql":
        pytest.skip("the one-statement path with its retry is PostgreSQL's")
    import psycopg
    from django.test import RequestFactory

    from sharing.services.counting import follow_link

    share = ShareFactory(sharer=emma)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or None, port=settings["PORT"] or None,
        user=settings["USER"], dbname=settings["NAME"], autocommit=True,
    ) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    connection.health_check_done = False  # as at the start of every request
    request = RequestFactory().get(
        f"/s/{share.code}", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7"
    )
    target = follow_link(share.code, request=request)
    assert target.share_id == share.pk and target.available
    assert Click.objects.filter(share=share).count() == 1
    follow_link(share.code, request=request)  # the same browser again: still one
    assert Click.objects.filter(share=share).count() == 1
