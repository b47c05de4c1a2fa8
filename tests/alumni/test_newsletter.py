"""The monthly newsletter (issue 17, point 6): only to members who consented, once a month
even when the task runs twice, with one-click unsubscribe (RFC 8058) that needs no sign-in."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alumni import newsletter
from alumni.models import Gig, NewsletterDelivery, Profile
from alumni.services import membership_sign_up
from news.models import Post
from tests.factories import AlumnusFactory
from tests.news.factories import PostFactory
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db

FIRST = datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC)


def _consenting(user, **profile):
    Profile.objects.update_or_create(user=user, defaults={"receives_newsletter": True, **profile})
    return user


def _gig(title, **fields):
    return Gig.objects.create(title=title, description=".", starts_on=datetime.date(2027, 2, 1),
                              **fields)  # fmt: skip


@pytest.fixture
def news_of_the_month():
    with time_machine.travel(FIRST - datetime.timedelta(days=5), tick=False):
        _gig("Salarisadministratie")
        _gig("Concept-klus", status=Gig.Status.DRAFT)
        PostFactory(title="Reünie in het voorjaar", audience=Post.Audience.WITH_ALUMNI,
                    publish_at=timezone.now())  # fmt: skip
        PostFactory(title="Rooster servicedesk", publish_at=timezone.now())  # employees only
        VacancyFactory(title="Webredacteur", opens_on=timezone.localdate())


def test_only_members_who_consented_get_it_with_whats_new(news_of_the_month, anouk, femke):
    _consenting(anouk)
    Profile.objects.create(user=femke)  # the toggle starts off
    pending = _consenting(AlumnusFactory(full_name="Wachtend Persoon"))
    membership_sign_up(user=pending)
    left = _consenting(AlumnusFactory(full_name="Vertrokken Persoon", is_active=False))
    assert newsletter.newsletter_send(now=FIRST) == 1
    [message] = mail.outbox
    assert message.to == [anouk.email] and left.email not in message.to
    body = message.body
    assert "Salarisadministratie" in body and "Reünie in het voorjaar" in body
    assert "Webredacteur" in body
    assert "Concept-klus" not in body and "Rooster servicedesk" not in body


def test_it_is_sent_in_the_members_language(news_of_the_month, anouk):
    _consenting(anouk)
    anouk.preferred_language = "en"
    anouk.save()
    maria = _consenting(AlumnusFactory(full_name="Maria de Vries"))
    newsletter.newsletter_send(now=FIRST)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[anouk.email].subject.endswith("News from the alumni network")
    assert "Open gigs:" in by_address[anouk.email].body
    assert "Open klussen:" in by_address[maria.email].body


def test_it_carries_the_one_click_unsubscribe_headers(news_of_the_month, anouk, settings):
    settings.SITE_URL = "https://hr.example.com"
    _consenting(anouk)
    newsletter.newsletter_send(now=FIRST)
    [message] = mail.outbox
    headers = message.message()
    url = newsletter.unsubscribe_url(anouk)
    assert url.startswith("https://hr.example.com/alumni/newsletter/unsubscribe/")
    assert headers["List-Unsubscribe"] == f"<{url}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert url in message.body


def test_it_goes_once_a_month_even_when_the_task_runs_twice(news_of_the_month, anouk):
    _consenting(anouk)
    from alumni.tasks import send_newsletter

    with time_machine.travel(FIRST, tick=False):
        assert send_newsletter() == 1
        assert send_newsletter() == 0  # a retry or a second beat
    with time_machine.travel(FIRST + datetime.timedelta(days=3), tick=False):
        assert send_newsletter() == 0
    assert len(mail.outbox) == 1 and NewsletterDelivery.objects.count() == 1


def test_next_month_shows_only_what_is_new_since_the_last_one(news_of_the_month, anouk):
    _consenting(anouk)
    newsletter.newsletter_send(now=FIRST)
    with time_machine.travel(FIRST + datetime.timedelta(days=10), tick=False):
        _gig("Webcare in januari")
    assert (
        newsletter.newsletter_send(now=datetime.datetime(2027, 1, 1, 8, tzinfo=datetime.UTC)) == 1
    )
    body = mail.outbox[-1].body
    assert "Webcare in januari" in body and "Salarisadministratie" not in body


def test_nothing_new_sends_nothing(anouk):
    _consenting(anouk)
    assert newsletter.newsletter_send(now=FIRST) == 0
    assert mail.outbox == [] and not NewsletterDelivery.objects.exists()


def test_a_failed_send_is_sent_by_the_retry(news_of_the_month, anouk, monkeypatch):
    _consenting(anouk)

    def smtp_down(**kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("alumni.newsletter.emails.send_templated_email", smtp_down)
    with pytest.raises(OSError):
        newsletter.newsletter_send(now=FIRST)
    assert not NewsletterDelivery.objects.exists()
    monkeypatch.undo()
    assert newsletter.newsletter_send(now=FIRST) == 1


def test_the_link_shows_a_confirmation_and_a_get_never_unsubscribes(anouk):
    _consenting(anouk)
    url = reverse(
        "alumni:newsletter-unsubscribe", kwargs={"token": newsletter.unsubscribe_token(anouk)}
    )
    response = Client().get(url)
    assert response.status_code == 200 and b'method="post"' in response.content
    assert Profile.objects.get(user=anouk).receives_newsletter


def test_one_click_post_without_csrf_or_sign_in_unsubscribes_at_once(news_of_the_month, anouk):
    _consenting(anouk)
    token = newsletter.unsubscribe_token(anouk)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("alumni:newsletter-unsubscribe", kwargs={"token": token}),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    assert not Profile.objects.get(user=anouk).receives_newsletter
    assert newsletter.newsletter_send(now=FIRST) == 0


def test_a_tampered_token_gets_a_clear_message_and_changes_nothing(anouk, femke, in_english):
    _consenting(anouk)
    _consenting(femke)
    token = newsletter.unsubscribe_token(anouk)
    # Another member's id under anouk's signature, a cut-off token, and rubbish.
    forged = token.replace(token.split(":")[0], newsletter.unsubscribe_token(femke).split(":")[0])
    client = Client(enforce_csrf_checks=True)
    for bad in (forged, token[:-3], "x" * 500, "\x00"):
        url = reverse("alumni:newsletter-unsubscribe", kwargs={"token": "t"}).replace(
            "/t/", f"/{bad}/"
        )
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (400, 404)
    response = client.post(reverse("alumni:newsletter-unsubscribe", kwargs={"token": token[:-3]}))
    assert response.status_code == 400 and "niet geldig" in response.content.decode()
    assert Profile.objects.filter(receives_newsletter=True).count() == 2


def test_a_token_of_another_purpose_does_not_unsubscribe(anouk):
    from django.core import signing

    _consenting(anouk)
    other = signing.dumps({"u": anouk.pk})  # no salt: some other signed value
    response = Client().post(reverse("alumni:newsletter-unsubscribe", kwargs={"token": other}))
    assert response.status_code == 400
    assert Profile.objects.get(user=anouk).receives_newsletter


def test_a_member_who_left_gets_no_newsletter(news_of_the_month, anouk, client):
    _consenting(anouk)
    client.force_login(anouk)
    client.post(reverse("alumni:membership-leave"), {"confirm": "yes"})
    assert newsletter.newsletter_send(now=FIRST) == 0
    assert not newsletter.recipients().exists()


def test_a_hostile_body_on_the_one_click_post_is_no_server_error(anouk):
    _consenting(anouk)
    url = reverse(
        "alumni:newsletter-unsubscribe", kwargs={"token": newsletter.unsubscribe_token(anouk)}
    )
    response = Client(enforce_csrf_checks=True).post(
        url, data=b"List-Unsubscribe=%FF\xfe%00", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200  # the body is not read: the token is the authority
    assert not Profile.objects.get(user=anouk).receives_newsletter
