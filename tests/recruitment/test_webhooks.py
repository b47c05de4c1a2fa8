"""Integrations hear of an application received and of a hire through a referral (issue 20's
webhook events), never who the candidate or the referrer is."""

import pytest

from integrations import services as integrations
from integrations.models import WebhookDelivery
from recruitment.services.applications import application_move, application_submit
from tests.recruitment.factories import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def endpoint(hanna):
    return integrations.webhook_create(
        actor=hanna, url="https://93.184.215.14/hook",
        events=["recruitment.application_received", "recruitment.referral_hired"],
    )  # fmt: skip


def test_an_application_and_a_referred_hire_reach_the_webhook_without_names(endpoint, hanna, emma):
    application, _new = application_submit(
        vacancy=VacancyFactory(title="Webredacteur"), name="Sanne Visser", email="s@example.org"
    )
    application.referrer = emma
    application.save(update_fields=["referrer"])
    application_move(application=application, stage="hired", by=hanna)
    deliveries = list(WebhookDelivery.objects.order_by("pk"))
    assert [d.event for d in deliveries] == [
        "recruitment.application_received", "recruitment.referral_hired",
    ]  # fmt: skip
    for delivery in deliveries:
        assert delivery.payload["title"] == "Webredacteur"
        text = str(delivery.payload)
        assert "Sanne" not in text and "s@example.org" not in text and "Emma" not in text


def test_a_hire_without_a_referral_sends_no_referral_event(endpoint, hanna):
    application, _new = application_submit(
        vacancy=VacancyFactory(), name="Sanne Visser", email="s@example.org"
    )
    application_move(application=application, stage="hired", by=hanna)
    assert list(WebhookDelivery.objects.values_list("event", flat=True)) == [
        "recruitment.application_received"
    ]
