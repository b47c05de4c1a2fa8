from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from hrsocial import plugins
from hrsocial.shareables import Attribution
from recruitment.models import Application, Referral, ReferralOptOut, email_hash
from recruitment.services.applications import application_move, application_submit
from recruitment.services.referrals import referral_create
from tests.recruitment.factories import VacancyFactory, apply_data

pytestmark = pytest.mark.django_db


def fake_sharing(monkeypatch, attribution):
    real = plugins.provided

    def provided(name):
        if name == "share_attribution":
            return lambda request: attribution
        if name == "share_kit_url":
            return lambda obj: "/sharing/kits/1/"
        return real(name)

    monkeypatch.setattr(plugins, "provided", provided)
    monkeypatch.setattr("recruitment.services.applications.provided", provided)
    monkeypatch.setattr("recruitment.views.staff.provided", provided)


def attribution_of(user, channel="linkedin"):
    return Attribution(code="abc123", sharer_id=user.pk, channel=channel,
                       shareable_key="recruitment.vacancy", object_id=1,
                       followed_at=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip


def test_an_application_after_a_personal_link_is_attributed_to_the_sharer(
    client, monkeypatch, emma
):
    vacancy = VacancyFactory()
    fake_sharing(monkeypatch, attribution_of(emma))
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(reverse("recruitment-public:apply", args=[vacancy.slug]), apply_data())
    application = Application.objects.get()
    assert application.referrer == emma
    assert application.channel == "linkedin"
    assert application.referral_code == "abc123"
    assert Referral.objects.get().kind == Referral.Kind.LINK


def test_without_sharing_an_application_has_no_link_attribution(client):
    vacancy = VacancyFactory()
    client.post(reverse("recruitment-public:apply", args=[vacancy.slug]), apply_data())
    assert Application.objects.get().referrer is None


def test_a_direct_referral_invites_the_candidate_once(emma):
    vacancy = VacancyFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        referral, _msg = referral_create(
            vacancy=vacancy,
            referrer=emma,
            name="Piet",
            email="piet@example.org",
            note="Iets voor jou!",
        )
        again, message = referral_create(
            vacancy=vacancy, referrer=emma, name="Piet", email="piet@example.org"
        )
    assert again == referral
    assert len(mail.outbox) == 1
    assert "Iets voor jou!" in mail.outbox[0].body
    assert "nooit-meer" in mail.outbox[0].body


def test_the_first_referrer_within_six_months_wins_and_the_second_is_told_politely(
    emma, cas, monkeypatch
):
    vacancy = VacancyFactory()
    referral_create(vacancy=vacancy, referrer=emma, name="Piet", email="piet@example.org")
    second, message = referral_create(
        vacancy=vacancy, referrer=cas, name="Piet", email="Piet@example.org"
    )
    assert second is None
    assert "iemand anders" in message.lower() or "someone else" in message.lower()
    application, _new = application_submit(
        vacancy=vacancy, name="Piet", email="piet@example.org", attribution=attribution_of(cas)
    )
    assert application.referrer == emma
    assert application.channel == Application.Channel.REFERRAL


def test_never_again_is_honoured_for_every_later_referral(client, emma):
    vacancy = VacancyFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        referral_create(vacancy=vacancy, referrer=emma, name="Piet", email="piet@example.org")
    link = next(word for word in mail.outbox[0].body.split() if "nooit-meer" in word)
    path = link.split("127.0.0.1:8000")[-1]
    assert client.post(path).status_code == 200
    assert ReferralOptOut.objects.filter(email_hash=email_hash("PIET@example.org")).exists()
    assert not ReferralOptOut.objects.filter(email_hash__contains="piet").exists()
    Referral.objects.all().delete()
    with TestCase.captureOnCommitCallbacks(execute=True):
        referral, _message = referral_create(
            vacancy=VacancyFactory(), referrer=emma, name="Piet", email="piet@example.org"
        )
    assert referral is None
    assert len(mail.outbox) == 1


def test_a_hire_through_a_referral_makes_the_bonus_due_and_hr_marks_it_paid(client, emma, hanna):
    vacancy = VacancyFactory(referral_bonus=750)
    referral_create(vacancy=vacancy, referrer=emma, name="Piet", email="piet@example.org")
    application, _new = application_submit(vacancy=vacancy, name="Piet", email="piet@example.org")
    application_move(application=application, stage=Application.Stage.HIRED, by=hanna)
    application.refresh_from_db()
    assert application.bonus_due_at and application.bonus_amount == 750
    client.force_login(hanna)
    client.post(reverse("recruitment:hr-application-bonus-paid", args=[application.pk]))
    application.refresh_from_db()
    assert application.bonus_paid_at
    assert emma.notifications.count() >= 2


def test_the_referrer_sees_only_the_coarse_status(client, emma, hanna):
    vacancy = VacancyFactory()
    referral_create(vacancy=vacancy, referrer=emma, name="Piet", email="piet@example.org")
    application, _new = application_submit(
        vacancy=vacancy,
        name="Piet Geheim",
        email="piet@example.org",
        motivation="Mijn geheime motivatie",
    )
    application_move(application=application, stage=Application.Stage.INTERVIEW, by=hanna)
    client.force_login(emma)
    html = client.get(reverse("recruitment:referrals")).content.decode()
    assert "in behandeling" in html or "in progress" in html
    assert "Piet Geheim" not in html and "geheime" not in html
    assert (
        client.get(reverse("recruitment:hr-application", args=[application.pk])).status_code == 403
    )


def test_the_share_kit_link_shows_only_when_sharing_is_installed(client, monkeypatch, emma):
    vacancy = VacancyFactory()
    client.force_login(emma)
    page = client.get(reverse("recruitment:vacancy", args=[vacancy.pk])).content.decode()
    assert 'data-testid="share-kit"' in page and "/sharing/" in page  # sharing/ is installed
    monkeypatch.setattr("recruitment.views.staff.provided", lambda name: None)
    page = client.get(reverse("recruitment:vacancy", args=[vacancy.pk])).content.decode()
    assert 'data-testid="share-kit"' not in page
